"""fold(): the stages in order, readable top to bottom.

    read (done before)  -> clean -> dating -> split -> copies -> relevance
    -> parse (spaCy) -> facts -> entities -> numbers -> places -> quotes -> timeline -> Brief

``prepare`` runs the reading stages and returns the StoryContext; ``fold`` adds
the analysis stages. Each stage is a plain function in ``newsfold.stages``; this module only wires
them together, times them and assembles the :class:`Brief`.
"""
from __future__ import annotations

import copy
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from .context import StoryContext
from .errors import InputError
from .model import Article, Brief, Conflict, Entity, Fact, Quote, TimelineEvent, root_of
from .nlp.text import headline, headline_words

if TYPE_CHECKING:  # typing only: stages load lazily inside fold()
    from .stages.dating import Dating

_PLAIN_DATE = 10  # len("YYYY-MM-DD")
_CENTRAL_TITLE_SOURCES = 3  # independent titled sources before the title is chosen by agreement
_OUTLIER_TITLE = 0.5  # an earliest headline this far below the most shared one is an outlier


@dataclass
class Timings:
    """Seconds spent in each stage of the last fold (for the benchmark)."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - started


def fold(
    articles: list[Article],
    date: str | None = None,
    *,
    embedder: str = "minilm",
    timings: Timings | None = None,
) -> Brief:
    """Fold the articles of one story into a cited :class:`Brief`.

    ``date`` (YYYY-MM-DD) is the publication date for sources whose date cannot
    be found in their metadata, header or text, nor agreed by the other sources.
    The input articles are not changed; the brief holds cleaned copies.
    """
    from .stages import facts

    timings = timings or Timings()
    ctx = prepare(articles, date, embedder=embedder, timings=timings)
    with timings.stage("facts"):
        fact_groups = _numbered_facts(facts.group_facts(ctx))
    ctx.facts = fact_groups
    analysis = _analyse(ctx, timings)
    articles = ctx.articles

    brief = Brief(
        title=_story_title(articles, fact_groups),
        date=_story_date(articles),
        sources=articles,
        facts=fact_groups,
        conflicts=_numbered(analysis["conflicts"]),
        quotes=analysis["quotes"],
        entities=analysis["entities"],
        timeline=analysis["timeline"],
        notes=_notes(articles),
    )
    return brief


def fold_facts(
    articles: list[Article],
    date: str | None = None,
    *,
    embedder: str = "minilm",
    timings: Timings | None = None,
) -> list[Fact]:
    """The facts of :func:`fold` alone, numbered as there (for ``summarize_facts``):
    no entities, quantities, quotes or timeline, and a parse without named entities."""
    from .stages import facts

    timings = timings or Timings()
    ctx = prepare(articles, date, embedder=embedder, timings=timings, entities=False)
    with timings.stage("facts"):
        return _numbered_facts(facts.group_facts(ctx))


def _numbered_facts(fact_groups: list[Fact]) -> list[Fact]:
    for number, fact in enumerate(fact_groups, start=1):
        fact.id = f"F{number}"
    return fact_groups


def prepare(
    articles: list[Article],
    date: str | None = None,
    *,
    embedder: str = "minilm",
    timings: Timings | None = None,
    entities: bool = True,
) -> StoryContext:
    """The reading half of :func:`fold`: copies of the articles cleaned, dated,
    split, with copies and off-topic sources marked and every text parsed,
    as the :class:`StoryContext` the analysis stages read.

    ``entities=False`` leaves named entities out of the parse (about a third
    of its time), for callers that read facts only. The input articles are not changed.
    """
    from .nlp import embed, spacy_model
    from .stages import relevance

    if not articles:
        raise InputError("no articles to fold")
    _check_unique_ids(articles)
    # Both models load in the background while cleaning, splitting and copies run.
    spacy_model.preload()
    embed.preload(embedder)
    timings = timings or Timings()
    ctx = split_story(articles, date, timings=timings)
    articles = ctx.articles
    # The parse needs only the texts: it runs on one core while relevance
    # embeds on the other (spaCy and onnxruntime both release the GIL).
    with ThreadPoolExecutor(1, thread_name_prefix="newsfold-parse") as background:
        parsing = background.submit(_parse, articles, entities, timings)
        ctx.embedder = embed.get_embedder(embedder)
        with timings.stage("relevance"):  # reads copy_of: a copy goes with its original
            off_topic = relevance.off_topic_reasons(ctx)
            for article in articles:
                article.off_topic = article.id in off_topic
                if article.off_topic:
                    article.notes.append(off_topic[article.id])
        with timings.stage("parse (wait)"):
            ctx.docs = parsing.result()
    return ctx


def split_story(articles: list[Article], date: str | None = None, *, timings: Timings | None = None) -> StoryContext:
    """The stages that need no model: copies of the articles cleaned, dated and
    split, with ``copy_of`` set (what ``summarize`` reads; ``prepare`` goes on
    from here). No source is marked off-topic and nothing is parsed or embedded.
    The input articles are not changed."""
    from .stages import clean, copies, dating, split

    if not articles:
        raise InputError("no articles to fold")
    _check_unique_ids(articles)
    timings = timings or Timings()
    articles = [copy.deepcopy(article) for article in articles]
    with timings.stage("clean"):
        articles = [clean.clean(article) for article in articles]
    with timings.stage("dating"):
        _apply_dates(articles, dating.date_sources(articles, given=date))
    with timings.stage("split"):
        ctx = StoryContext(articles, sentences={a.id: split.split(a) for a in articles})
    with timings.stage("copies"):
        copy_of = copies.find_copies(ctx)
        for article in articles:
            article.copy_of = copy_of.get(article.id)
    return ctx


def _parse(articles: list[Article], entities: bool, timings: Timings) -> dict[str, Any]:
    """spaCy parses of every source's whole text, by source id (in this process:
    forking beside the embedder's threads is not safe)."""
    from .nlp import spacy_model

    with timings.stage("parse (beside relevance)"):
        parsed = spacy_model.parse([article.text for article in articles], processes=1, entities=entities)
    return {article.id: doc for article, doc in zip(articles, parsed)}


class _Analysis(TypedDict):
    entities: list[Entity]
    quotes: list[Quote]
    timeline: list[TimelineEvent]
    conflicts: list[Conflict]


def _analyse(ctx: StoryContext, timings: Timings) -> _Analysis:
    """Cross-source analysis over spaCy parses: entities, numbers, quotes, timeline."""
    from .stages import entities, numbers, places, quotes, sites, timeline

    with timings.stage("entities"):
        ctx.entities = entities.find_entities(ctx)
    with timings.stage("numbers"):
        number_conflicts = numbers.number_conflicts(ctx)
    with timings.stage("places"):
        place_conflicts = places.place_conflicts(ctx)
        place_conflicts += sites.aligned_place_conflicts(ctx, place_conflicts)
        place_conflicts += sites.venue_conflicts(ctx, place_conflicts)
    with timings.stage("quotes"):
        found_quotes, attribution_conflicts = quotes.find_quotes(ctx)
        for number, quote in enumerate(found_quotes, start=1):
            quote.id = f"Q{number}"
    with timings.stage("timeline"):
        events, date_conflicts = timeline.build_timeline(ctx)
    return {
        "entities": ctx.entities,
        "quotes": found_quotes,
        "timeline": events,
        "conflicts": number_conflicts + place_conflicts + attribution_conflicts + date_conflicts,
    }


def _check_unique_ids(articles: list[Article]) -> None:
    seen: Counter[str] = Counter(article.id for article in articles)
    repeated = sorted(source_id for source_id, count in seen.items() if count > 1)
    if repeated:
        raise InputError(f"source ids must be unique; repeated: {', '.join(repeated)}")


def _apply_dates(articles: list[Article], found: dict[str, Dating]) -> None:
    """Write the dates the dating stage found into the articles, with a note on each."""
    for article in articles:
        dated = found.get(article.id)
        if dated is not None:
            article.published, article.published_from = dated.published, dated.published_from
            article.notes.append(dated.note)


def _numbered(conflicts: list[Conflict]) -> list[Conflict]:
    """Give conflicts ids in the order the stages ranked them (K1, K2, ...)."""
    ranked = sorted(
        conflicts,
        key=lambda c: -len({e.source for value in c.values for e in value.support}),
    )
    for number, conflict in enumerate(ranked, start=1):
        conflict.id = f"K{number}"
    return ranked


def _story_title(articles: list[Article], fact_groups: list[Fact]) -> str | None:
    """The headline that tells the story the others tell, else the top fact's wording.

    The earliest headline (an original before a copy; a page label such as
    "Details" is no headline), unless, with three or more independent sources
    titled, its words are far from what the other headlines share (mean
    Jaccard of content words under ``_OUTLIER_TITLE`` of the best headline's):
    then the headline that shares most. An outlier ("How to choose a life
    jacket" among "Ferry runs aground off Marrow Point") is no title.
    """
    titled = [(a, title) for a in articles if not a.off_topic and (title := headline(a.title))]
    if not titled:
        return fact_groups[0].text if fact_groups else None
    earliest = sorted(titled, key=lambda item: (bool(item[0].copy_of), item[0].published or "9999", item[0].id))
    originals = [(root_of(a), headline_words(title)) for a, title in earliest if not a.copy_of]
    if len({root for root, _ in originals}) < _CENTRAL_TITLE_SOURCES:
        return earliest[0][1]

    def centrality(item: tuple[Article, str]) -> float:
        words = headline_words(item[1])
        others = [w for root, w in originals if root != root_of(item[0])]
        return sum(len(words & w) / len(words | w) for w in others if words | w) / len(others)

    central = max(earliest, key=centrality)  # max keeps the first (earliest) of equals
    first = earliest[0]
    return first[1] if centrality(first) >= _OUTLIER_TITLE * centrality(central) else central[1]


def _story_date(articles: list[Article]) -> str | None:
    """The publication date most on-topic sources share (earliest on a tie)."""
    dates = Counter(a.published[:_PLAIN_DATE] for a in articles if a.published and not a.off_topic)
    if not dates:
        return None
    return min(dates.items(), key=lambda item: (-item[1], item[0]))[0]


def _notes(articles: list[Article]) -> list[str]:
    notes: list[str] = []
    independent = {root_of(a) for a in articles if not a.off_topic}
    if len(independent) == 1:
        notes.append(
            "Only one independent source: every fact below is reported by that source alone."
        )
    for article in articles:
        if article.copy_of:
            notes.append(f"Source {article.id} is a copy of {article.copy_of}; it counts once.")
        if article.off_topic:
            notes.append(f"Source {article.id} is about another story and is left out of the brief.")
        notes.extend(f"Source {article.id}: {note}" for note in article.notes)
    return notes
