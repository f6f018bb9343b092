"""Venue conflicts: the place the story's event happened at, told two ways.

``claims`` compares sentences told alike. A venue is as often named in
sentences each told in words of its own ("the recount at Marlow Civic Hall" in
one report, "The recount took place at the Fenbury Hall, where staff sorted the
ballots" in another); here the event a place is the venue of is read from the
parse instead.

Method, in order:

1. the story's events: the content words the titles of two or more
   independent on-topic sources use ("recount", "wedding", "fire");
2. venues: each site of the story (as ``claims`` finds them; not a
   road, which most often runs past another site) written after "at", "in"
   or "on", with the event it is the venue of: the word the preposition
   hangs from, with its compounds ("a wedding banquet at X"), or a verb's
   subject ("The recount took place at X", "a train derailed on X"), across
   a date between ("a recount on 8 May at X"), and a "where" clause after
   the site ("a cracked rail at X, on the edge of town, where a train
   derailed");
3. disputed: for one event of the story, one place that two or more
   independent sources give as its venue and another that a single source
   gives, where neither side ever names the other's place, nor holds its
   name. Every sentence naming either place and telling that event backs it.

Reads ``ctx.articles`` (``title``, ``copy_of``, ``off_topic``), ``ctx.sentences``,
``ctx.docs`` and ``ctx.entities``; returns ``Conflict(kind="place")`` with ``id=""``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...context import StoryContext
from ...model import Conflict, ConflictValue, Evidence
from ...nlp.text import content_words
from .claims import place_matches, place_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_VENUE_PREPOSITIONS = frozenset({"at", "in", "on"})
# "X, on the edge of town, where a passenger train derailed": the clause tells what happened at X
_WHERE = re.compile(r"[^.;!?]{0,80}?,[ \t]+where[ \t]+(?P<clause>[^,.;!?]+)")
_ROADS = frozenset({"road", "street", "avenue", "lane", "drive", "way", "highway"})  # run past other sites
_CLIMB = 3  # steps up the parse across a date between the event and its venue


@dataclass(frozen=True)
class _Venue:
    """One sentence giving one place as the venue of the event words it hangs from."""

    source: str
    root: str
    span: tuple[int, int]
    place: str
    event: frozenset[str]  # what the place is the venue of (empty when no venue's preposition)
    told: frozenset[str]  # the content words of its sentence


def venue_conflicts(ctx: StoryContext, known: list[Conflict]) -> list[Conflict]:
    """Places disputed as the venue of the story's event (see the module
    docstring), leaving out two places a ``known`` conflict already sets apart."""
    patterns = place_patterns(ctx)
    events = _story_events(ctx)
    if len(patterns) < 2 or not events:
        return []
    venues = _venues(ctx, patterns)
    named: dict[str, set[str]] = defaultdict(set)  # root -> the places it names anywhere
    for venue in venues:
        named[venue.root].add(venue.place)
    disputed = {frozenset(v.value for v in c.values) for c in known if c.kind == "place"}
    conflicts = []
    for word in sorted(events):
        roots_of: dict[str, set[str]] = defaultdict(set)
        for venue in venues:
            if word in venue.event:
                roots_of[venue.place].add(venue.root)
        agreed = [place for place, roots in roots_of.items() if len(roots) >= 2]
        lone = [place for place, roots in roots_of.items() if len(roots) == 1]
        if len(agreed) != 1 or len(lone) != 1:
            continue
        place, other = agreed[0], lone[0]
        if frozenset((place, other)) in disputed or _nested(place, other) \
                or any(other in named[root] for root in roots_of[place]) \
                or any(place in named[root] for root in roots_of[other]):
            continue
        disputed.add(frozenset((place, other)))
        conflicts.append(Conflict(id="", kind="place", topic=f"where: {events[word]}", values=[
            ConflictValue(site, _backing(venues, site, word)) for site in (place, other)]))
    return conflicts


def _backing(venues: list[_Venue], place: str, word: str) -> list[Evidence]:
    """Every sentence that names the place and tells the event, as its venue
    or not ("The train derailed as it crossed the Brent Viaduct"), once."""
    spans = sorted({(v.source, v.span) for v in venues if v.place == place and (word in v.event or word in v.told)})
    return [Evidence(source, *span) for source, span in spans]


def _story_events(ctx: StoryContext) -> dict[str, str]:
    """Content words the titles of two or more independent on-topic sources
    use, each with a title's spelling of it ("wedd" -> "wedding")."""
    roots = ctx.roots()
    using: dict[str, set[str]] = defaultdict(set)
    written: dict[str, str] = {}
    for article in ctx.on_topic():
        for token in (article.title or "").split():
            for word in content_words(token):
                using[word].add(roots.get(article.id, article.id))
                written.setdefault(word, token.strip(".,:;!?'\"()").lower())
    return {word: written[word] for word, by in using.items() if len(by) >= 2}


def _venues(ctx: StoryContext, patterns: dict) -> list[_Venue]:
    """Each place each on-topic sentence names, with what it is the venue of
    where a venue's preposition stands before it."""
    roots = ctx.roots()
    venues: list[_Venue] = []
    for article in ctx.on_topic():
        root, doc = roots.get(article.id, article.id), ctx.docs.get(article.id)
        for sentence in ctx.sentences.get(article.id, []):
            for place, match in place_matches(article, sentence, patterns):
                start = sentence.start + match.start()
                event = _event_of(doc, start) if doc is not None and not _road(place) else None
                where = _WHERE.match(sentence.text, match.end())
                if event is not None and where is not None:
                    event |= frozenset(content_words(where.group("clause")))
                venues.append(_Venue(article.id, root, (sentence.start, sentence.end), place,
                                     event or frozenset(), frozenset(content_words(sentence.text))))
    return venues


def _event_of(doc: Doc, start: int) -> frozenset[str] | None:
    """The content words of what the place at ``start`` is the venue of, when
    "at", "in" or "on" (perhaps then "the") stands before it."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    before = doc[span.start - 1]
    if before.lower_ == "the" and before.i > 0:
        before = doc[before.i - 1]
    if before.lower_ not in _VENUE_PREPOSITIONS:
        return None
    head = before.head
    for _ in range(_CLIMB):  # "a recount on 8 May at X": past the date to the recount
        if head.ent_type_ not in ("DATE", "TIME") or head.head.i == head.i:
            break
        head = head.head.head if head.head.pos_ == "ADP" else head.head
    return frozenset(content_words(" ".join(t.text for t in _event_words(head)))) or None


def _event_words(head: Token) -> list[Token]:
    """A noun with its compounds ("wedding banquet"); a verb with its
    subjects and theirs ("The recount took place")."""
    if head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [head] + [t for s in subjects for t in (s, *(c for c in s.children if c.dep_ == "compound"))]
    return [head] + [c for c in head.children if c.dep_ == "compound"]


def _road(place: str) -> bool:
    return place.split()[-1].lower() in _ROADS


def _nested(a: str, b: str) -> bool:
    """Whether one place's name holds the other's words ("Fenbury Hall" and "Fenbury Hall Annex")."""
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return words_a <= words_b or words_b <= words_a
