"""Checks shared by several test modules."""
from __future__ import annotations

import newsfold
from newsfold.model import Brief, source_roots


def assert_valid_json_brief(document: dict) -> None:
    import jsonschema

    jsonschema.validate(document, newsfold.schema())  # the schema the package ships


def assert_evidence_round_trips(brief: Brief) -> None:
    """Every span lies in its source, is non-empty and never inside removed text."""
    by_id = {a.id: a for a in brief.sources}
    spans = [e for f in brief.facts for e in f.support]
    spans += [e for c in brief.conflicts for v in c.values for e in v.support]
    spans += [e for q in brief.quotes for e in q.support]
    spans += [e for t in brief.timeline for e in t.support]
    for fact in brief.facts:
        if fact.statement is not None:  # the whole sentence of one of its passages
            spans.append(fact.statement)
            assert any(e.source == fact.statement.source and fact.statement.start <= e.start
                       and e.end <= fact.statement.end for e in fact.support), fact
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


def story_entities(*texts: str, outlets: tuple[str | None, ...] = ()):
    """The entities stage over invented texts, one article each (ids s0, s1, …), with their parses;
    ``outlets`` gives the articles' outlets, in order."""
    from newsfold.context import StoryContext
    from newsfold.model import Article
    from newsfold.nlp.spacy_model import parse
    from newsfold.stages.entities import find_entities

    named = outlets or (None,) * len(texts)
    articles = [Article(id=f"s{i}", text=text, outlet=outlet)
                for i, (text, outlet) in enumerate(zip(texts, named, strict=True))]
    docs = dict(zip((a.id for a in articles), parse([a.text for a in articles]), strict=True))
    return find_entities(StoryContext(articles, docs=docs))


def entity_holding(found, alias: str):
    """The one entity of ``found`` with ``alias`` among its aliases, or None."""
    owners = [e for e in found if alias in e.aliases]
    assert len(owners) <= 1, f"{alias} is in {len(owners)} entities"
    return owners[0] if owners else None


def article_speakers(text: str) -> dict[str, str | None]:
    """One article's quotes, by their first three words (quote marks stripped),
    with the speaker the article gives each (entities found first, as the fold does)."""
    from newsfold.context import StoryContext
    from newsfold.model import Article
    from newsfold.nlp.spacy_model import parse
    from newsfold.stages.entities import find_entities
    from newsfold.stages.quotes import find_quotes

    article = Article("a", text)
    ctx = StoryContext([article], docs={"a": parse([text])[0]})
    ctx.entities = find_entities(ctx)
    quotes, _ = find_quotes(ctx)
    return {" ".join(text[e.start:e.end].split()[:3]).strip('"“'): e.speaker for q in quotes for e in q.support}


def removed_reasons(text: str) -> dict[str, str]:
    """What cleaning removes from ``text``, each span with its reason."""
    from newsfold.model import Article
    from newsfold.stages.clean import clean

    article = clean(Article(id="x", text=text))
    return {text[span.start:span.end]: span.reason for span in article.removed}


def kept_text(text: str) -> str:
    """``text`` as cleaning leaves it (removed characters dropped)."""
    from newsfold.model import Article
    from newsfold.stages.clean import clean

    article = clean(Article(id="x", text=text))
    return "".join(ch for i, ch in enumerate(text) if not article.is_removed(i, i + 1))
