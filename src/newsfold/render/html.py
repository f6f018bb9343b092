"""The brief as HTML: one self-contained page, and the view-model the web app shares.

``brief_view`` turns a :class:`~newsfold.model.Brief` into plain view objects
(badges, citations, highlighted source segments, display dates); the Jinja2
templates in ``render/templates`` only print them. ``render_html`` wraps the
same partials in a standalone page with inline CSS and JS, a Content Security
Policy that forbids every network request, and every source text embedded so a
citation opens its passage offline.

Article text never reaches the page as markup: source texts are cut into
segments at evidence and removed-span boundaries here in Python, and Jinja's
autoescape escapes each segment.
"""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Article, Brief, Evidence

TEMPLATES = Path(__file__).parent / "templates"

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# How entity types are grouped on the page, in this order.
ENTITY_GROUPS = (
    ("People", ("PERSON",)),
    ("Places", ("GPE", "LOC", "FAC")),
    ("Organisations", ("ORG",)),
    ("Groups and events", ("NORP", "EVENT")),
    ("Other", ("OTHER",)),
)

CONFLICT_KINDS = {
    "number": "Numbers differ",
    "attribution": "Attributed differently",
    "date": "Dates differ",
    "place": "Places differ",
    "name": "Names differ",
}

# Single-source facts shown before the rest are folded under "show more".
UNIQUE_SHOWN = 6

# Where a citation points. The standalone page links to the source's entry in
# its own sources list; the web app links to its source page. JS opens the
# embedded source text in a dialog either way.
SourceHref = Callable[[str, "str | None"], str]


def standalone_href(source_id: str, evidence_id: str | None = None) -> str:
    return f"#source-{source_id}"


# ---------------------------------------------------------------- view objects


@dataclass
class Cite:
    """One citation chip: a link that opens ``source`` with ``evidence_id`` highlighted."""

    source: str
    evidence_id: str
    label: str
    href: str
    title: str  # tooltip: outlet and the cited words
    note: str | None = None  # e.g. the speaker or date as written in that source
    copy_of: str | None = None  # set when this source is a wire copy of another


@dataclass
class Segment:
    """A run of source text with the same highlighting. ``text`` is raw; Jinja escapes it."""

    text: str
    evidence: str = ""  # space-separated evidence ids covering this run
    removed: str | None = None  # reason, when this run was removed as boilerplate
    selected: bool = False  # the run a source page was opened for


@dataclass
class SourceView:
    id: str
    label: str  # outlet, else id: short enough for a chip or a list
    heading: str  # title, else label
    caption: str  # "Outlet · source 001" for the viewer's bar
    title: str | None
    outlet: str | None
    published: str | None
    published_from: str | None
    origin: str | None
    link: str | None  # an http(s) URL to the original, never another scheme
    href: str
    copy_of: str | None
    copies: list[SourceView] = field(default_factory=list)
    off_topic: bool = False
    removed_count: int = 0
    removed_summary: str = ""
    segments: list[Segment] = field(default_factory=list)
    cited: int = 0  # how many distinct passages the brief cites here


@dataclass
class FactView:
    id: str
    text: str
    kind: str
    badge: str
    badge_level: str  # strong|some|single: drives the badge colour
    cites: list[Cite]


@dataclass
class ConflictValueView:
    value: str
    sources_text: str  # "Reuters, AP (copy)"
    cites: list[Cite]


@dataclass
class ConflictView:
    id: str
    kind: str
    kind_label: str
    topic: str
    values: list[ConflictValueView]


@dataclass
class QuoteView:
    id: str
    text: str
    speaker: str
    speaker_known: bool
    warnings: list[str]
    cites: list[Cite]


@dataclass
class EntityView:
    name: str
    aliases: str  # other surface forms, joined
    mentions: int
    sources: int


@dataclass
class EntityGroup:
    label: str
    entities: list[EntityView]


@dataclass
class EventView:
    date: str  # ISO, for <time datetime>
    date_label: str
    text: str
    cites: list[Cite]


@dataclass
class BriefView:
    headline: str
    date: str | None
    date_label: str | None
    summary: str  # "5 sources (4 independent) · 2 disputed points"
    source_count: int
    independent_count: int
    disputed_count: int
    consensus: list[FactView]
    unique: list[FactView]  # the first UNIQUE_SHOWN single-source facts
    unique_more: list[FactView]  # the rest, folded away
    conflicts: list[ConflictView]
    quotes: list[QuoteView]
    entity_groups: list[EntityGroup]
    timeline: list[EventView]
    sources: list[SourceView]  # originals, each with its copies
    all_sources: list[SourceView]  # every source, in brief order (for the viewer)
    notes: list[str]


# ---------------------------------------------------------------- building


def display_date(value: str | None) -> str | None:
    """``2031-03-14`` → ``14 March 2031``; ``2031-03`` → ``March 2031``; else as given."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _source_label(article: Article) -> str:
    return article.outlet or article.id


def _safe_link(article: Article) -> str | None:
    """An http(s) link to the original. Other schemes (``javascript:``) are never linked."""
    for candidate in (article.url, article.origin):
        if candidate and candidate.lower().startswith(("http://", "https://")):
            return candidate
    return None


def _snippet(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Evidences:
    """Gives every distinct (source, start, end) one stable id, in first-seen order."""

    def __init__(self, brief: Brief, href: SourceHref):
        self.brief = brief
        self.href = href
        self.by_span: dict[tuple[str, int, int], str] = {}
        self.by_source: dict[str, list[tuple[int, int, str]]] = {}
        self.articles = {a.id: a for a in brief.sources}

    def id_for(self, ev: Evidence) -> str:
        key = (ev.source, ev.start, ev.end)
        if key not in self.by_span:
            evidence_id = f"e{len(self.by_span) + 1}"
            self.by_span[key] = evidence_id
            self.by_source.setdefault(ev.source, []).append((ev.start, ev.end, evidence_id))
        return self.by_span[key]

    def cite(self, ev: Evidence, note: str | None = None) -> Cite:
        evidence_id = self.id_for(ev)
        article = self.articles.get(ev.source)
        label = _source_label(article) if article else ev.source
        words = _snippet(article.text[ev.start : ev.end]) if article else ""
        name = label if label == ev.source else f"{label} ({ev.source})"
        title = f"{name}: “{words}”" if words else name
        copy_of = article.copy_of if article else None
        return Cite(ev.source, evidence_id, ev.source, self.href(ev.source, evidence_id), title, note, copy_of)

    def cites(self, support: list[Evidence], note: Callable[[Evidence], str | None] | None = None) -> list[Cite]:
        """One chip per source (its first passage); every passage still gets an id."""
        out: list[Cite] = []
        seen: set[str] = set()
        for ev in support:
            self.id_for(ev)
            if ev.source in seen:
                continue
            seen.add(ev.source)
            out.append(self.cite(ev, note(ev) if note else None))
        return out


def _badge(fact) -> tuple[str, str]:
    independent = fact.independent_sources
    if fact.sources > independent:
        text = f"{_plural(independent, 'independent source')} · {fact.sources} reports"
    elif independent == 1:
        text = "1 source only"
    else:
        text = f"{independent} independent sources"
    level = "strong" if independent >= 3 else "some" if independent == 2 else "single"
    return text, level


def _sources_text(support: list[Evidence], articles: dict[str, Article]) -> str:
    labels: list[str] = []
    for ev in support:
        article = articles.get(ev.source)
        label = _source_label(article) if article else ev.source
        if article is not None and article.copy_of:
            label += " (copy)"
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)


def _quote_warnings(quote, brief: Brief, articles: dict[str, Article]) -> list[str]:
    warnings: list[str] = []
    attributed: dict[str, list[str]] = {}
    unattributed: list[str] = []
    for source, speaker in quote.speaker_by_source().items():
        if speaker:
            attributed.setdefault(speaker, []).append(source)
        else:
            unattributed.append(source)
    if not attributed:
        warnings.append("No source names the speaker.")
    if len(attributed) > 1:
        parts = [f"{speaker} ({', '.join(ids)})" for speaker, ids in attributed.items()]
        warnings.append("Sources attribute this quote differently: " + "; ".join(parts) + ".")
    if attributed and unattributed and quote.speaker:
        warnings.append(f"Not attributed in {', '.join(unattributed)}.")
    spans = {(ev.source, ev.start, ev.end) for ev in quote.support}
    for conflict in brief.conflicts:
        if conflict.kind != "attribution":
            continue
        hits = any(
            ev.source == s and ev.start < e and s_start < ev.end
            for value in conflict.values
            for ev in value.support
            for (s, s_start, e) in spans
        )
        if hits and len(attributed) <= 1:
            warnings.append(f"Disputed attribution: {conflict.topic} (see {conflict.id}).")
    return warnings


def _segments(article: Article, spans: list[tuple[int, int, str]], selected: str | None) -> list[Segment]:
    """Cut ``article.text`` at every evidence and removed-span boundary."""
    text = article.text
    n = len(text)
    cuts = {0, n}
    for start, end, _ in spans:
        cuts.update((max(0, min(start, n)), max(0, min(end, n))))
    for r in article.removed:
        cuts.update((max(0, min(r.start, n)), max(0, min(r.end, n))))
    bounds = sorted(cuts)
    segments: list[Segment] = []
    for start, end in zip(bounds, bounds[1:]):
        if start == end:
            continue
        ids = [eid for s, e, eid in spans if s <= start and end <= e]
        reason = next((r.reason for r in article.removed if r.start <= start and end <= r.end), None)
        segment = Segment(text[start:end], " ".join(ids), reason, bool(selected and selected in ids))
        last = segments[-1] if segments else None
        if last and (last.evidence, last.removed, last.selected) == (segment.evidence, segment.removed, segment.selected):
            last.text += segment.text
        else:
            segments.append(segment)
    return segments


def _removed_summary(article: Article) -> str:
    counts: dict[str, int] = {}
    for r in article.removed:
        counts[r.reason] = counts.get(r.reason, 0) + 1
    return ", ".join(f"{reason} ×{n}" if n > 1 else reason for reason, n in sorted(counts.items()))


def brief_view(brief: Brief, href: SourceHref = standalone_href, *, selected: tuple[str, str] | None = None) -> BriefView:
    """Everything the templates print, computed once. ``selected`` = (source id, evidence id)."""
    articles = {a.id: a for a in brief.sources}
    evidences = _Evidences(brief, href)

    facts = []
    for fact in brief.facts:
        badge, level = _badge(fact)
        facts.append(FactView(fact.id, fact.text, fact.kind, badge, level, evidences.cites(fact.support)))

    conflicts = [
        ConflictView(
            conflict.id,
            conflict.kind,
            CONFLICT_KINDS.get(conflict.kind, conflict.kind.capitalize()),
            conflict.topic,
            [
                ConflictValueView(value.value, _sources_text(value.support, articles), evidences.cites(value.support))
                for value in conflict.values
            ],
        )
        for conflict in brief.conflicts
    ]

    quotes = [
        QuoteView(
            quote.id,
            quote.text,
            quote.speaker or ("Speaker disputed" if any(ev.speaker for ev in quote.support) else "Unattributed"),
            bool(quote.speaker),
            _quote_warnings(quote, brief, articles),
            evidences.cites(
                quote.support,
                lambda ev, q=quote: f"as “{ev.speaker}”" if ev.speaker and ev.speaker != q.speaker else None,
            ),
        )
        for quote in brief.quotes
    ]

    timeline = [
        EventView(
            event.date,
            display_date(event.date) or event.date,
            event.text,
            evidences.cites(event.support, lambda ev: f"“{ev.as_written}”" if ev.as_written else None),
        )
        for event in brief.timeline
    ]

    groups = []
    for label, types in ENTITY_GROUPS:
        members = [
            EntityView(
                e.name,
                ", ".join(a for a in e.aliases if a != e.name),
                e.mentions,
                len(e.sources),
            )
            for e in brief.entities
            if e.type in types or (label == "Other" and e.type not in _KNOWN_TYPES)
        ]
        if members:
            groups.append(EntityGroup(label, members))

    source_views: dict[str, SourceView] = {}
    for article in brief.sources:
        spans = sorted(evidences.by_source.get(article.id, []))
        chosen = selected[1] if selected and selected[0] == article.id else None
        source_views[article.id] = SourceView(
            id=article.id,
            label=_source_label(article),
            heading=article.title or _source_label(article),
            caption=f"{article.outlet} · source {article.id}" if article.outlet else f"Source {article.id}",
            title=article.title,
            outlet=article.outlet,
            published=display_date(article.published),
            published_from=article.published_from,
            origin=article.origin,
            link=_safe_link(article),
            href=href(article.id, None),
            copy_of=article.copy_of,
            off_topic=article.off_topic,
            removed_count=len(article.removed),
            removed_summary=_removed_summary(article),
            segments=_segments(article, spans, chosen),
            cited=len(spans),
        )
    originals: list[SourceView] = []
    for view in source_views.values():
        parent = source_views.get(view.copy_of) if view.copy_of else None
        if parent is not None and parent is not view:
            parent.copies.append(view)
        else:
            originals.append(view)

    independent = len({a.copy_of or a.id for a in brief.sources if not a.off_topic})
    on_topic = sum(1 for a in brief.sources if not a.off_topic)
    summary = [_plural(on_topic, "source")]
    if independent != on_topic:
        summary[0] += f" ({independent} independent)"
    off_topic = len(brief.sources) - on_topic
    if off_topic:
        summary.append(f"{off_topic} off topic")
    if brief.conflicts:
        summary.append(_plural(len(brief.conflicts), "disputed point"))

    unique = [f for f in facts if f.kind != "consensus"]
    return BriefView(
        headline=brief.title or "Untitled story",
        date=brief.date,
        date_label=display_date(brief.date),
        summary=" · ".join(summary),
        source_count=len(brief.sources),
        independent_count=independent,
        disputed_count=len(brief.conflicts),
        consensus=[f for f in facts if f.kind == "consensus"],
        unique=unique[:UNIQUE_SHOWN],
        unique_more=unique[UNIQUE_SHOWN:],
        conflicts=conflicts,
        quotes=quotes,
        entity_groups=groups,
        timeline=timeline,
        sources=originals,
        all_sources=list(source_views.values()),
        notes=list(brief.notes),
    )


_KNOWN_TYPES = {t for _, types in ENTITY_GROUPS for t in types}


# ---------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment for ``render/templates`` (autoescape on for everything)."""
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - jinja2 ships with the web extra
        from ..errors import MissingExtraError

        raise MissingExtraError("jinja2", "web") from exc
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def asset(name: str) -> str:
    """The text of a shared asset (``brief.css``, ``brief.js``), also served by the web app."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(brief: Brief) -> str:
    """One self-contained HTML page for ``brief``: no request to any host, printable."""
    css = asset("brief.css")
    js = asset("brief.js")
    # The CSP allows exactly this stylesheet and script and no network at all,
    # so even a page saved from a hostile source cannot phone home.
    csp = (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return environment().get_template("standalone.html").render(
        brief=brief_view(brief), css=css, js=js, csp=csp
    )
