"""The brief as JSON (schema ``newsfold.brief/1``) and back.

``brief_to_dict`` and ``brief_from_dict`` are mirror images, one small
function per section, so a field added to one side has an obvious place on
the other. What the digest derives from the brief (``summary``, and per fact
``shown``, ``quote``, ``speaker`` and ``disputed``) is written out but not read back: it is
derived again from the rest.
"""
from __future__ import annotations

import json
from typing import Any

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

from .digest import Digest, Dispute, digest

JSONDict = dict[str, Any]


# ---------------------------------------------------------------- brief -> dict


def brief_to_dict(brief: Brief) -> JSONDict:
    derived = digest(brief)
    return {
        "schema": SCHEMA,
        "story": {"title": brief.title, "date": brief.date},
        "summary": [_summary_line(fact, derived) for fact in derived.summary],
        "sources": [_source_to_dict(article) for article in brief.sources],
        "facts": [_fact_to_dict(fact, derived) for fact in brief.facts],
        "conflicts": [_conflict_to_dict(conflict) for conflict in brief.conflicts],
        "quotes": [_quote_to_dict(quote) for quote in brief.quotes],
        "entities": [_entity_to_dict(entity) for entity in brief.entities],
        "timeline": [_event_to_dict(event) for event in brief.timeline],
        "notes": brief.notes,
    }


def render_json(brief: Brief, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent) + "\n"


def evidence_to_dict(evidence: Evidence, *, with_speaker: bool = False, with_as_written: bool = False) -> JSONDict:
    """Evidence as JSON: quotes add the speaker, timeline events the date words as written."""
    out: JSONDict = {"source": evidence.source, "start": evidence.start, "end": evidence.end}
    if with_speaker:
        out["speaker"] = evidence.speaker
    if with_as_written:
        out["as_written"] = evidence.as_written
    return out


def _source_to_dict(article: Article) -> JSONDict:
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


def _summary_line(fact: Fact, derived: Digest) -> JSONDict:
    return {
        "fact": fact.id,
        "text": derived.shown[fact.id],
        "independent_sources": fact.independent_sources,
        "support": [evidence_to_dict(e) for e in fact.support],
    }


def _fact_to_dict(fact: Fact, derived: Digest) -> JSONDict:
    return {
        "id": fact.id,
        "text": fact.text,
        "kind": fact.kind,
        "sources": fact.sources,
        "independent_sources": fact.independent_sources,
        "support": [evidence_to_dict(e) for e in fact.support],
        "statement": evidence_to_dict(fact.statement) if fact.statement else None,
        "shown": derived.shown[fact.id],
        "quote": derived.quote_of.get(fact.id),
        "speaker": derived.speaker.get(fact.id),
        "disputed": [_dispute_to_dict(d) for d in derived.disputes[fact.id]],
    }


def _dispute_to_dict(dispute: Dispute) -> JSONDict:
    return {
        "conflict": dispute.conflict,
        "kind": dispute.kind,
        "topic": dispute.topic,
        "values": [
            {"value": v.value, "sources": v.sources, "independent_sources": v.independent_sources}
            for v in dispute.values
        ],
    }


def _conflict_to_dict(conflict: Conflict) -> JSONDict:
    return {
        "id": conflict.id,
        "kind": conflict.kind,
        "topic": conflict.topic,
        "values": [
            {"value": v.value, "support": [evidence_to_dict(e) for e in v.support]}
            for v in conflict.values
        ],
    }


def _quote_to_dict(quote: Quote) -> JSONDict:
    return {
        "id": quote.id,
        "text": quote.text,
        "speaker": quote.speaker,
        "support": [evidence_to_dict(e, with_speaker=True) for e in quote.support],
    }


def _entity_to_dict(entity: Entity) -> JSONDict:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": entity.aliases,
        "sources": entity.sources,
        "mentions": entity.mentions,
    }


def _event_to_dict(event: TimelineEvent) -> JSONDict:
    return {
        "date": event.date,
        "text": event.text,
        "support": [evidence_to_dict(e, with_as_written=True) for e in event.support],
    }


# ---------------------------------------------------------------- dict -> brief


def brief_from_dict(data: JSONDict) -> Brief:
    """Rebuild a :class:`Brief` from its JSON form (for the web app and the store)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
    return Brief(
        title=data["story"].get("title"),
        date=data["story"].get("date"),
        sources=[_source_from_dict(s) for s in data["sources"]],
        facts=[_fact_from_dict(f) for f in data["facts"]],
        conflicts=[_conflict_from_dict(c) for c in data["conflicts"]],
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


def _evidence(item: JSONDict) -> Evidence:
    return Evidence(
        source=item["source"],
        start=item["start"],
        end=item["end"],
        speaker=item.get("speaker"),
        as_written=item.get("as_written"),
    )


def _source_from_dict(s: JSONDict) -> Article:
    return Article(
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


def _fact_from_dict(f: JSONDict) -> Fact:
    return Fact(
        id=f["id"],
        text=f["text"],
        kind=f["kind"],
        sources=f["sources"],
        independent_sources=f["independent_sources"],
        support=[_evidence(e) for e in f["support"]],
        statement=_evidence(f["statement"]) if f.get("statement") else None,
    )


def _conflict_from_dict(c: JSONDict) -> Conflict:
    return Conflict(
        id=c["id"],
        kind=c["kind"],
        topic=c["topic"],
        values=[ConflictValue(v["value"], [_evidence(e) for e in v["support"]]) for v in c["values"]],
    )
