"""The brief as JSON (schema ``newsfold.brief/1``) and back."""
from __future__ import annotations

import json

from ..model import (
    SCHEMA,
    Article,
    Brief,
    Conflict,
    ConflictValue,
    Entity,
    Evidence,
    Fact,
    Quote,
    Removed,
    TimelineEvent,
)


def brief_to_dict(brief: Brief) -> dict:
    return {
        "schema": SCHEMA,
        "story": {"title": brief.title, "date": brief.date},
        "sources": [_source(article) for article in brief.sources],
        "facts": [
            {
                "id": fact.id,
                "text": fact.text,
                "kind": fact.kind,
                "sources": fact.sources,
                "independent_sources": fact.independent_sources,
                "support": [e.to_dict() for e in fact.support],
            }
            for fact in brief.facts
        ],
        "conflicts": [
            {
                "id": conflict.id,
                "kind": conflict.kind,
                "topic": conflict.topic,
                "values": [
                    {"value": v.value, "support": [e.to_dict() for e in v.support]}
                    for v in conflict.values
                ],
            }
            for conflict in brief.conflicts
        ],
        "quotes": [
            {
                "id": quote.id,
                "text": quote.text,
                "speaker": quote.speaker,
                "support": [e.to_dict(with_speaker=True) for e in quote.support],
            }
            for quote in brief.quotes
        ],
        "entities": [
            {
                "name": entity.name,
                "type": entity.type,
                "aliases": entity.aliases,
                "sources": entity.sources,
                "mentions": entity.mentions,
            }
            for entity in brief.entities
        ],
        "timeline": [
            {
                "date": event.date,
                "text": event.text,
                "support": [e.to_dict(with_as_written=True) for e in event.support],
            }
            for event in brief.timeline
        ],
        "notes": brief.notes,
    }


def _source(article: Article) -> dict:
    return {
        "id": article.id,
        "origin": article.origin,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_from": article.published_from,
        "copy_of": article.copy_of,
        "off_topic": article.off_topic,
        "text": article.text,
        "removed": [
            {"start": r.start, "end": r.end, "reason": r.reason}
            for r in sorted(article.removed, key=lambda r: (r.start, r.end))
        ],
    }


def render_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent) + "\n"


def _evidence(item: dict) -> Evidence:
    return Evidence(
        source=item["source"],
        start=item["start"],
        end=item["end"],
        speaker=item.get("speaker"),
        as_written=item.get("as_written"),
    )


def brief_from_dict(data: dict) -> Brief:
    """Rebuild a :class:`Brief` from its JSON form (for the web app and the store)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
    sources = [
        Article(
            id=s["id"],
            text=s["text"],
            title=s.get("title"),
            outlet=s.get("outlet"),
            published=s.get("published"),
            published_from=s.get("published_from"),
            origin=s.get("origin"),
            copy_of=s.get("copy_of"),
            off_topic=s.get("off_topic", False),
            removed=[Removed(r["start"], r["end"], r["reason"]) for r in s.get("removed", [])],
        )
        for s in data["sources"]
    ]
    return Brief(
        title=data["story"].get("title"),
        date=data["story"].get("date"),
        sources=sources,
        facts=[
            Fact(
                id=f["id"],
                text=f["text"],
                kind=f["kind"],
                sources=f["sources"],
                independent_sources=f["independent_sources"],
                support=[_evidence(e) for e in f["support"]],
            )
            for f in data["facts"]
        ],
        conflicts=[
            Conflict(
                id=c["id"],
                kind=c["kind"],
                topic=c["topic"],
                values=[
                    ConflictValue(v["value"], [_evidence(e) for e in v["support"]])
                    for v in c["values"]
                ],
            )
            for c in data["conflicts"]
        ],
        quotes=[
            Quote(q["id"], q["text"], q.get("speaker"), [_evidence(e) for e in q["support"]])
            for q in data["quotes"]
        ],
        entities=[
            Entity(e["name"], e["type"], e["aliases"], e["sources"], e["mentions"])
            for e in data["entities"]
        ],
        timeline=[
            TimelineEvent(t["date"], t["text"], [_evidence(e) for e in t["support"]])
            for t in data["timeline"]
        ],
        notes=data.get("notes", []),
    )


def brief_from_json(text: str) -> Brief:
    return brief_from_dict(json.loads(text))
