"""Quotes: direct quotes, who said them, and attribution conflicts.

Stage contract: ``find_quotes(ctx) -> tuple[list[Quote], list[Conflict]]``.

Reads ``ctx.articles`` (``text``, ``removed``, ``copy_of``; off-topic articles
are skipped), ``ctx.docs`` (each article's spaCy Doc over its whole text) and
``ctx.entities`` (the story's canonical entities). Returns the quotes of the
story (the same words in several sources are one ``Quote`` with one
``Evidence`` per source, each with that source's speaker) and
``Conflict(kind="attribution")`` for quotes that independent sources give to
different named speakers (a source that names nobody is no dispute: each
evidence's ``speaker`` shows who each source names). Quotes and conflicts come back with ``id=""``: the pipeline numbers them.

How it works, in order, one module per step:

1. :mod:`.marks`: balanced quote spans in each text. Quotes of fewer than
   ``MIN_WORDS`` words ("precedent", "at risk") are scare quotes and
   fragments: they are masked, never reported.
2. :mod:`.attribution`: each quote's speaker, first match wins (the clause
   after it, the clause before it, a lead-in ending with a colon, an
   interview label, the paragraph before); :mod:`.speakers` reads who the
   subject of the speech verb stands for, with :mod:`.people` (the persons
   the article names) and :mod:`.roles` (roles and spokespeople).
3. :mod:`.canonical`: names become canonical through the entities (name or
   alias, diacritics and case ignored, then a unique surname, then a unique
   first word alone or after titles: "SM Varek"); else the article's fullest
   form. A one-word name two people of an article hold is the one the
   other articles quote by plain names. Names of things that do not speak
   (laws, works, events) and the story's own outlets ("Harbor City News" of
   harborcitynews.com) are dropped.
4. :mod:`.grouping`: the same quote across sources, the agreed speaker and
   attribution conflicts.
"""
from __future__ import annotations

from dataclasses import replace

from ...context import StoryContext
from ...model import Article, Conflict, Evidence, Quote
from .attribution import article_quotes
from .canonical import StoryNames
from .grouping import (
    Found,
    agreed_speaker,
    attribution_conflict,
    group,
    linked,
    same_quote,
    unify_speakers,
)
from .marks import display, normalised, quote_spans

__all__ = ["find_quotes", "quote_spans", "same_quote"]


def find_quotes(ctx: StoryContext) -> tuple[list[Quote], list[Conflict]]:
    """Quotes of the story and attribution conflicts (see the package docstring).

    Quotes are ranked by independent sources, then by sources, then by first
    appearance; conflicts by independent sources. Every ``id`` is "".
    """
    names = StoryNames(ctx.entities, [a.text for a in ctx.articles if not a.off_topic],
                       [a.outlet for a in ctx.articles])
    roots = ctx.roots()
    named = {entity.name: len({roots.get(source, source) for source in entity.sources}) for entity in ctx.entities}

    def named_by(speaker: str) -> int:
        """How many independent sources name the speaker's entity anywhere."""
        return named.get(names.canonical(speaker) or speaker, 0)

    groups = group(_found(ctx, names))
    ranked = []
    for variants in groups:
        unify_speakers(variants, names)
        variants.sort(key=lambda f: (f.order, f.start))
        independent = {roots.get(f.source, f.source) for f in variants}
        ranked.append((-len(independent), -len({f.source for f in variants}),
                       variants[0].order, variants[0].start, variants))
    ranked.sort(key=lambda item: item[:4])

    quotes: list[Quote] = []
    conflicts: list[Conflict] = []
    disputed: set[int] = set()  # id() of the groups with an attribution conflict of their own
    for *_, variants in ranked:
        longest = max(variants, key=lambda f: len(f.norm))
        support = [Evidence(source=f.source, start=f.start, end=f.end, speaker=f.speaker) for f in variants]
        quotes.append(Quote(id="", text=longest.text, speaker=agreed_speaker(variants, roots, named_by),
                            support=support))
        conflict = attribution_conflict(variants, roots, longest.text, names)
        if conflict is not None:
            conflicts.append(conflict)
            disputed.add(id(variants))
    conflicts += _across_wordings(groups, roots, names, disputed)
    conflicts.sort(key=lambda c: -len({roots.get(e.source, e.source) for v in c.values for e in v.support}))
    return quotes, conflicts


def _across_wordings(groups: list[list[Found]], roots: dict[str, str], names: StoryNames,
                     disputed: set[int]) -> list[Conflict]:
    """Attribution conflicts between quotes that are one utterance worded two
    ways (:func:`.grouping.linked`): the speakers each source names, compared
    over all the wordings. A set holding a group ``disputed`` already (by
    ``id``: a conflict of its own) is left alone."""
    conflicts = []
    for members in linked(groups):
        if any(id(groups[index]) in disputed for index in members):
            continue
        variants = [replace(f) for index in members for f in groups[index]]
        unify_speakers(variants, names)
        longest = max(variants, key=lambda f: len(f.norm))
        conflict = attribution_conflict(variants, roots, longest.text, names)
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts


def _found(ctx: StoryContext, names: StoryNames) -> list[Found]:
    """Every reportable quote of every on-topic article, speaker made canonical
    (or None where it names nobody who speaks).

    An article where a one-word name two of its people hold ("Lin" of "Varek
    Lin" and "Ana Lin") had to be read by nearness is read again, knowing whom
    the other articles quote by plain names: that person is meant."""
    read = []  # (order, article, doc, whether it guessed, its quotes)
    for order, article in enumerate(ctx.articles):
        doc = ctx.docs.get(article.id)
        if not article.off_topic and doc is not None:
            quotes, guessed = article_quotes(article, doc, names)
            read.append((order, article, doc, guessed, _as_found(order, article, quotes, names)))
    roots = ctx.roots()
    heard: dict[str, set[str]] = {}
    for *_, guessed, found in read:
        for f in found if not guessed else []:
            if f.speaker:
                heard.setdefault(f.speaker, set()).add(roots.get(f.source, f.source))
    voices = {speaker: len(sources) for speaker, sources in heard.items()}
    every: list[Found] = []
    for order, article, doc, guessed, found in read:
        if guessed and voices:
            found = _as_found(order, article, article_quotes(article, doc, names, voices)[0], names)
        every += found
    return every


def _as_found(order: int, article: Article, quotes: list[tuple[int, int, str | None]],
              names: StoryNames) -> list[Found]:
    """One article's quotes as ``Found``, speakers made canonical."""
    found = []
    for start, end, speaker in quotes:
        text = display(article.text[start:end])
        found.append(Found(source=article.id, start=start, end=end, text=text,
                           speaker=names.speaker(speaker), order=order, norm=normalised(text)))
    return found
