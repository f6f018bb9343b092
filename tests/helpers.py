"""Checks and story preparation shared by several test modules."""
from __future__ import annotations

import json
from pathlib import Path

from newsfold.context import StoryContext
from newsfold.model import Article, Brief, source_roots

SCHEMA_FILE = Path(__file__).parent / "schema" / "newsfold.brief-1.json"


def prepare_story(articles: list[Article], date: str | None = None, *, embedder: str = "minilm") -> StoryContext:
    """The context ``pipeline.fold`` hands its analysis stages, built by the same calls in
    the same order: clean -> dating -> split -> copies -> relevance -> parse.

    Only the wiring is repeated here (fold keeps these steps inline); every step is the
    pipeline's own function, so a change to a stage shows up in the tests that use this.
    The input articles are not changed.
    """
    from newsfold import pipeline
    from newsfold.nlp import embed
    from newsfold.stages import clean, copies, dating, relevance, split

    articles = [clean.clean(article) for article in articles]  # clean returns copies
    pipeline._apply_dates(articles, dating.date_sources(articles, given=date))
    ctx = StoryContext(articles, sentences={a.id: split.split(a) for a in articles})
    copy_of = copies.find_copies(ctx)
    for article in articles:
        article.copy_of = copy_of.get(article.id)
    ctx.embedder = embed.get_embedder(embedder)
    off_topic = relevance.find_off_topic(ctx)
    for article in articles:
        article.off_topic = article.id in off_topic
    ctx.docs = pipeline._parse(articles)
    return ctx


def assert_valid_json_brief(document: dict) -> None:
    import jsonschema

    jsonschema.validate(document, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def assert_evidence_round_trips(brief: Brief) -> None:
    """Every span lies in its source, is non-empty and never inside removed text."""
    by_id = {a.id: a for a in brief.sources}
    spans = [e for f in brief.facts for e in f.support]
    spans += [e for c in brief.conflicts for v in c.values for e in v.support]
    spans += [e for q in brief.quotes for e in q.support]
    spans += [e for t in brief.timeline for e in t.support]
    for e in spans:
        article = by_id[e.source]
        assert 0 <= e.start < e.end <= len(article.text), e
        assert article.text[e.start:e.end].strip(), e
        assert not article.is_removed(e.start, e.end), (e, article.text[e.start:e.end])


def assert_brief_rules(brief: Brief) -> None:
    """The rules of ../shared/DESIGN.md and CONTRIBUTING.md: consensus needs two
    independent sources; a copy counts as the source it copies."""
    roots = source_roots(brief.sources)
    for fact in brief.facts:
        sources = {e.source for e in fact.support}
        assert fact.sources == len(sources), fact
        assert fact.independent_sources == len({roots[s] for s in sources}), fact
        assert fact.kind == ("consensus" if fact.independent_sources >= 2 else "unique"), fact
    order = [f.independent_sources for f in brief.facts]
    assert order == sorted(order, reverse=True)
    dates = [t.date for t in brief.timeline]
    assert dates == sorted(dates)
