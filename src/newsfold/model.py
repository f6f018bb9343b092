"""Plain data that flows through the pipeline and out of it.

Every stage reads and returns these dataclasses; nothing here does NLP.
Offsets are Python ``str`` indices into ``Article.text``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsfold.brief/1"


@dataclass
class Removed:
    """A span of an article's text that is not reporting (byline, caption, promo...)."""

    start: int
    end: int
    reason: str


@dataclass
class Article:
    """One source as read. ``text`` is kept exactly as read so offsets index it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    published_from: str | None = None  # metadata|header|text|story|given
    origin: str | None = None  # path or URL
    url: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    copy_of: str | None = None
    off_topic: bool = False
    notes: list[str] = field(default_factory=list)

    def is_removed(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps any removed span."""
        return any(r.start < end and start < r.end for r in self.removed)


@dataclass
class Sentence:
    """A sentence (or clause) of one source with its character span."""

    source: str
    start: int
    end: int
    text: str
    paragraph: int = 0
    index: int = 0  # position among the source's sentences


@dataclass
class Evidence:
    """Where a claim comes from: ``source.text[start:end]``."""

    source: str
    start: int
    end: int
    speaker: str | None = None  # quotes: the speaker as attributed in this source
    as_written: str | None = None  # timeline: the date words as written


@dataclass
class Fact:
    """A claim group: the same information stated by one or more sources."""

    id: str
    text: str
    kind: str  # consensus|unique
    sources: int
    independent_sources: int
    support: list[Evidence]
    score: float = 0.0  # centrality, used for ordering and summaries
    # The whole sentence ``text`` was cut from, when ``text`` is a clause: what
    # a reader is shown, so a fact keeps its subject and its speaker.
    statement: Evidence | None = None


@dataclass
class ConflictValue:
    value: str
    support: list[Evidence]


@dataclass
class Conflict:
    id: str
    kind: str  # number|attribution|date|place|name
    topic: str
    values: list[ConflictValue]


@dataclass
class Quote:
    id: str
    text: str
    speaker: str | None
    support: list[Evidence]  # Evidence.speaker set per source

    def speaker_by_source(self) -> dict[str, str | None]:
        """Each source's speaker, in source order: the first it names where it
        repeats the quote (a lead and a body), else None."""
        out: dict[str, str | None] = {}
        for evidence in self.support:
            if out.get(evidence.source) is None:
                out[evidence.source] = evidence.speaker
        return out


@dataclass
class Entity:
    name: str
    type: str  # PERSON|ORG|GPE|LOC|NORP|EVENT|FAC|OTHER
    aliases: list[str]
    sources: list[str]
    mentions: int


@dataclass
class TimelineEvent:
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    text: str
    support: list[Evidence]  # Evidence.as_written set


@dataclass
class Brief:
    """One story folded from many reports.

    Render it with :mod:`newsfold.render` (``to_markdown(brief)``, ``to_json``,
    ``to_html``, ``to_dict``); the model itself knows no output format.
    """

    title: str | None
    date: str | None
    sources: list[Article]
    facts: list[Fact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def source(self, source_id: str) -> Article:
        for article in self.sources:
            if article.id == source_id:
                return article
        raise KeyError(source_id)


def root_of(article: Article) -> str:
    """The independent source an article stands for: its original if it is a copy."""
    return article.copy_of or article.id


def source_roots(articles: Iterable[Article]) -> dict[str, str]:
    """Source id -> the independent source it stands for."""
    return {article.id: root_of(article) for article in articles}


def independent_count(source_ids: Iterable[str], articles: Iterable[Article]) -> int:
    """How many independent sources are among ``source_ids``.

    A copy (``copy_of`` set) stands for the source it copies, so a wire story
    and its syndicated copies count once. An id not among ``articles`` counts
    as its own source.
    """
    roots = source_roots(articles)
    return len({roots.get(source_id, source_id) for source_id in source_ids})
