"""``brief_view``: a :class:`~newsfold.model.Brief` turned into what the HTML templates print.

The standalone page and the web app both print this one view-model, so a
badge, a citation or a warning is worded in one place. Sections are built in
page order (facts, disputes, quotes, timeline, then the sources), which is
also the order passages get their ids.
"""
from __future__ import annotations

from ..model import Brief, Conflict, Evidence, Fact, Quote, independent_count
from .citations import Citations
from .dates import display_date
from .digest import Digest, digest, quote_conflict
from .source_views import source_views
from .views import (
    BriefView,
    ConflictValueView,
    ConflictView,
    DisputeView,
    EntityGroup,
    EntityView,
    EventView,
    FactView,
    QuoteView,
    SourceHref,
    standalone_href,
)

# How entity types are grouped on the page, in this order.
ENTITY_GROUPS = (
    ("People", ("PERSON",)),
    ("Places", ("GPE", "LOC", "FAC")),
    ("Organisations", ("ORG",)),
    ("Groups and events", ("NORP", "EVENT")),
    ("Other", ("OTHER",)),
)
_KNOWN_TYPES = {t for _, types in ENTITY_GROUPS for t in types}

CONFLICT_KINDS = {
    "number": "Numbers differ",
    "attribution": "Attributed differently",
    "date": "Dates differ",
    "place": "Places differ",
    "name": "Names differ",
}

# Facts shown before the rest are folded under "show more".
CONSENSUS_SHOWN = 10
UNIQUE_SHOWN = 8


def brief_view(brief: Brief, href: SourceHref = standalone_href, *, selected: tuple[str, str] | None = None) -> BriefView:
    """Everything the templates print, computed once. ``selected`` = (source id, evidence id)."""
    citations = Citations(brief, href)
    derived = digest(brief)
    views = {fact.id: _fact_view(fact, citations, derived) for fact in brief.facts}
    conflicts = [_conflict_view(conflict, citations) for conflict in brief.conflicts]
    quotes = [_quote_view(quote, brief, citations) for quote in brief.quotes]
    timeline = [
        EventView(
            event.date,
            display_date(event.date) or event.date,
            event.text,
            citations.cites(event.support, lambda ev: f"“{ev.as_written}”" if ev.as_written else None),
        )
        for event in brief.timeline
    ]
    originals, all_sources = source_views(brief, citations, href, selected)
    on_topic = [a.id for a in brief.sources if not a.off_topic]
    # each fact is shown once (its id is its anchor)
    consensus = [views[f.id] for f in derived.below_summary(derived.key_facts)]
    unique = [views[f.id] for f in derived.below_summary(derived.single)]
    return BriefView(
        headline=brief.title or "Untitled story",
        date=brief.date,
        date_label=display_date(brief.date),
        summary=_summary(brief),
        source_count=len(brief.sources),
        independent_count=independent_count(on_topic, brief.sources),
        disputed_count=len(brief.conflicts),
        lead=[views[f.id] for f in derived.summary],
        consensus=consensus[:CONSENSUS_SHOWN],
        consensus_more=consensus[CONSENSUS_SHOWN:],
        unique=unique[:UNIQUE_SHOWN],
        unique_more=unique[UNIQUE_SHOWN:],
        conflicts=conflicts,
        quotes=quotes,
        entity_groups=_entity_groups(brief),
        timeline=timeline,
        sources=originals,
        all_sources=all_sources,
        notes=list(brief.notes),
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _summary(brief: Brief) -> str:
    """``5 sources (4 independent) · 1 off topic · 2 disputed points``."""
    on_topic = [a.id for a in brief.sources if not a.off_topic]
    independent = independent_count(on_topic, brief.sources)
    parts = [_plural(len(on_topic), "source")]
    if independent != len(on_topic):
        parts[0] += f" ({independent} independent)"
    off_topic = len(brief.sources) - len(on_topic)
    if off_topic:
        parts.append(f"{off_topic} off topic")
    if brief.conflicts:
        parts.append(_plural(len(brief.conflicts), "disputed point"))
    return " · ".join(parts)


def _fact_view(fact: Fact, citations: Citations, derived: Digest) -> FactView:
    badge, level = _badge(fact)
    disputes = [
        DisputeView(d.conflict, d.topic,
                    " · ".join(f"{v.value} [{_plural(v.independent_sources, 'source')}]" for v in d.values))
        for d in derived.disputes[fact.id]
    ]
    return FactView(fact.id, derived.shown[fact.id], fact.kind, badge, level, citations.cites(fact.support), disputes,
                    derived.speaker.get(fact.id))


def _badge(fact: Fact) -> tuple[str, str]:
    independent = fact.independent_sources
    if fact.sources > independent:
        text = f"{_plural(independent, 'independent source')} · {fact.sources} reports"
    elif independent == 1:
        text = "1 source only"
    else:
        text = f"{independent} independent sources"
    level = "strong" if independent >= 3 else "some" if independent == 2 else "single"
    return text, level


def _conflict_view(conflict: Conflict, citations: Citations) -> ConflictView:
    return ConflictView(
        conflict.id,
        conflict.kind,
        CONFLICT_KINDS.get(conflict.kind, conflict.kind.capitalize()),
        conflict.topic,
        [
            ConflictValueView(value.value, _sources_text(value.support, citations),
                              citations.cites(value.support))
            for value in conflict.values
        ],
    )


def _sources_text(support: list[Evidence], citations: Citations) -> str:
    """The sources of one value, named as their citation chips name them."""
    labels: list[str] = []
    for ev in support:
        article = citations.articles.get(ev.source)
        label = citations.labels.get(ev.source, ev.source)
        if article is not None and article.copy_of:
            label += " (copy)"
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)


def _quote_view(quote: Quote, brief: Brief, citations: Citations) -> QuoteView:
    def note(ev: Evidence) -> str | None:
        return f"as “{ev.speaker}”" if ev.speaker and ev.speaker != quote.speaker else None

    disputed = any(ev.speaker for ev in quote.support)
    return QuoteView(
        quote.id,
        quote.text,
        quote.speaker or ("Speaker disputed" if disputed else "Unattributed"),
        bool(quote.speaker),
        _quote_warnings(quote, brief),
        citations.cites(quote.support, note),
    )


def _quote_warnings(quote: Quote, brief: Brief) -> list[str]:
    warnings: list[str] = []
    attributed: dict[str, list[str]] = {}
    unattributed: list[str] = []
    for source, speaker in quote.speaker_by_source().items():
        if speaker:
            attributed.setdefault(speaker, []).append(source)
        else:
            unattributed.append(source)
    conflict = quote_conflict(quote, brief)
    if not attributed:
        warnings.append("No source names the speaker.")
    if len(attributed) > 1:
        parts = "; ".join(f"{speaker} ({', '.join(ids)})" for speaker, ids in attributed.items())
        warnings.append(f"Sources attribute this quote differently: {parts} (see {conflict.id})." if conflict
                        else f"As credited: {parts}.")
    if attributed and unattributed and quote.speaker:
        warnings.append(f"Not attributed in {', '.join(unattributed)}.")
    if len(attributed) <= 1 and conflict is not None:
        warnings.append(f"Disputed attribution: {conflict.topic} (see {conflict.id}).")
    return warnings


def _entity_groups(brief: Brief) -> list[EntityGroup]:
    groups = []
    for label, types in ENTITY_GROUPS:
        members = [
            EntityView(e.name, ", ".join(a for a in e.aliases if a != e.name), e.mentions, len(e.sources))
            for e in brief.entities
            if e.type in types or (label == "Other" and e.type not in _KNOWN_TYPES)
        ]
        if members:
            groups.append(EntityGroup(label, members))
    return groups
