"""The HTML brief's view objects: what the Jinja2 templates print, already computed.

Plain dataclasses of display strings, citations and highlighted source
segments; :mod:`newsfold.render.view` builds them from a brief and the
templates only print them. Article text stays raw here; Jinja escapes it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# Where a citation points. The standalone page links to the source's entry in
# its own sources list; the web app links to its source page. JS opens the
# embedded source text in a dialog either way.
SourceHref = Callable[[str, "str | None"], str]


def standalone_href(source_id: str, evidence_id: str | None = None) -> str:
    return f"#source-{source_id}"


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
class DisputeView:
    """A conflict a fact's sources disagree on, as printed under the fact."""

    conflict: str  # K id, the anchor of the conflict on the page
    topic: str
    values: str  # "14 [3 sources] · Seventeen [1 source]"


@dataclass
class FactView:
    id: str
    text: str
    kind: str
    badge: str
    badge_level: str  # strong|some|single: drives the badge colour
    cites: list[Cite]
    disputes: list[DisputeView] = field(default_factory=list)
    speaker: str | None = None  # who speaks in its quoted words, where they do not name them


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
    lead: list[FactView]  # the 3-6 line summary at the top
    consensus: list[FactView]  # the first CONSENSUS_SHOWN agreed facts (quote repeats left to the quotes)
    consensus_more: list[FactView]  # the rest, folded away
    unique: list[FactView]  # the first UNIQUE_SHOWN single-source facts, most important first
    unique_more: list[FactView]  # the rest, folded away
    conflicts: list[ConflictView]
    quotes: list[QuoteView]
    entity_groups: list[EntityGroup]
    timeline: list[EventView]
    sources: list[SourceView]  # originals, each with its copies
    all_sources: list[SourceView]  # every source, in brief order (for the viewer)
    notes: list[str]
