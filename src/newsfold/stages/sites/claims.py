"""Aligned place claims: one event told alike by two independent sources, each at another place.

``places`` compares street numbers only. This comparison works on claims, as
the aligned figures and days do: two sentences of independent on-topic
sources that say the same thing once their place names are masked, each
naming a place the other does not, disagree on where it happened ("the river
burst its banks at Brindle Bridge" against "overtopped its banks at Quenby
Weir").

Method, in order:

1. claims: each sentence naming a site of the story (an entity of type FAC:
   a bridge, a building, a road; or of another type whose name ends in a
   site's noun, ``lexicon.SITE_NOUNS``: "Quayside Pavilion" tagged an
   organisation; by any of its names; of two names one inside the other,
   "Emberly Hall in Tarnmouth", the inner), each with the
   preposition before it ("at", "in", ...). Towns and regions are left out:
   two of them told for one event are as often one inside the other (a
   suburb and its state) as a disagreement, and nothing here knows which;
2. pairs: sentences of independent sources whose wording, places masked,
   is alike: most content words shared (``_MIN_SHARED``) and, with an
   embedder, close in meaning (``_MIN_COSINE``); or, for a place one
   source alone gives against one that two or more others give, less alike
   (``_MIN_COSINE_LONE``) with most words before the two places shared
   (``_MIN_NEAR``: "burst its banks at X", "overtopped its banks at Y"), at
   a lower score; each paired only with its likest sentence in the other
   source, both ways;
3. kept: each sentence names exactly one place the other lacks, both after
   the same preposition, and neither source names the other's place anywhere (a source
   naming both tells of two places of the story, not a disagreement);
4. backed: every other sentence of another independent source that names
   one of the two places alone and is alike either sentence gives it too.

Reads ``ctx.entities``, ``ctx.sentences``, ``ctx.articles`` (``copy_of``,
``off_topic``, removed spans) and ``ctx.embedder``; returns
``Conflict(kind="place")`` with ``id=""``.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ...context import StoryContext
from ...model import Article, Conflict, ConflictValue, Evidence, Sentence
from ...nlp.align import cosines_of_alike, mutual_best
from ...nlp.lexicon import SITE_NOUNS
from ...nlp.text import content_words, overlap

_KINDS = frozenset({"FAC"})  # the kinds of place compared: sites (see the module docstring)
_NAMED_SITE_KINDS = frozenset({"ORG", "GPE", "LOC"})  # ... and these where the name ends in a site's noun
_PREPOSITIONS = frozenset({"at", "in", "near", "on", "from", "outside", "off", "inside", "into", "by", "to"})
_MIN_SHARED = 0.5  # shared content words over the smaller sentence's, places masked
_MIN_COSINE = 0.75  # masked sentences, normalised embeddings
_MIN_COSINE_LONE, _MIN_NEAR, _LONE_WEIGHT = 0.5, 0.5, 0.5  # a lone place against the others', reworded
_NEAR_WORDS = 4  # words before a place that tell what happened there
_TOPIC_WORDS = 7  # words before the place that name the dispute


@dataclass(frozen=True)
class _Told:
    """One sentence of one source and the places it names."""

    source: str
    root: str
    span: tuple[int, int]
    text: str
    places: dict[str, str]  # place -> the preposition before it ("" for none)
    before: dict[str, tuple[str, ...]]  # place -> the words right before it (``_TOPIC_WORDS`` at most)
    masked: str  # the sentence with its places masked
    words: frozenset[str]


def aligned_place_conflicts(ctx: StoryContext, known: list[Conflict]) -> list[Conflict]:
    """Places that independent sources give for one event told alike (see the
    module docstring), leaving out sentences a ``known`` conflict holds."""
    patterns = place_patterns(ctx)
    if not patterns:
        return []
    told, named = _claims(ctx, patterns)
    if len({claim.root for claim in told}) < 2:
        return []
    roots_naming: dict[str, set[str]] = defaultdict(set)
    for root, places in named.items():
        for place in places:
            roots_naming[place].add(root)

    def counterparts(a: _Told, b: _Told) -> tuple[str, str] | None:
        """The one place each sentence gives that the other lacks, after one
        preposition, and neither source naming the other's."""
        only_a, only_b = set(a.places) - set(b.places), set(b.places) - set(a.places)
        if len(only_a) != 1 or len(only_b) != 1:
            return None
        place_a, place_b = only_a.pop(), only_b.pop()
        if not a.places[place_a] or a.places[place_a] != b.places[place_b] \
                or place_b in named[a.root] or place_a in named[b.root]:
            return None
        return place_a, place_b

    def lone_pair(a: _Told, b: _Told) -> bool:
        """One sentence's place only its source gives, the other's two or more others give, told alike near them."""
        found = counterparts(a, b)
        if found is None or overlap(_near(a, found[0]), _near(b, found[1])) < _MIN_NEAR:
            return False
        counts = sorted(len(roots_naming[place]) for place in found)
        return counts[0] == 1 and counts[1] >= 2

    similar = _similarity(ctx, told, lone_pair)
    disputes: dict[frozenset[str], dict[str, list[_Told]]] = {}
    held = {(e.source, e.start) for conflict in known for value in conflict.values for e in value.support}
    for i, j in mutual_best([c.source for c in told], [c.root for c in told], similar):
        a, b = told[i], told[j]
        found = counterparts(a, b)
        if found is None or (a.source, a.span[0]) in held or (b.source, b.span[0]) in held:
            continue
        # one dispute per two places: a copy's sentence pairs on its own too
        sides = disputes.setdefault(frozenset(found), {place: [] for place in found})
        for k, claim in enumerate(told):
            given = set(claim.places) & set(found)
            if len(given) == 1 and claim not in sides[next(iter(given))] \
                    and (k in (i, j) or claim.root not in (a.root, b.root) and (similar[k][i] > 0 or similar[k][j] > 0)):
                sides[given.pop()].append(claim)
    return [_conflict(sides) for sides in disputes.values()]


def place_patterns(ctx: StoryContext) -> dict[str, re.Pattern[str]]:
    """Each place of the story, by its site's name (a span run on to its town,
    "Quayside Pavilion in Tarnmouth", is the pavilion) -> a pattern matching
    any of its names as words."""
    names: dict[str, set[str]] = defaultdict(set)
    for entity in ctx.entities:
        if entity.type in _KINDS or entity.type in _NAMED_SITE_KINDS and _names_a_site(entity.name):
            names[_site_name(entity.name)] |= {entity.name, *entity.aliases}
    return {place: re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(written, key=len, reverse=True)) + r")\b")
            for place, written in names.items()}


def _site_name(name: str) -> str:
    """The name before any " in " or " on ": the town or street a tagged span
    may run on to ("Quayside Pavilion in Tarnmouth", "the Old Hall on
    Tanner Street") is no part of the site."""
    return re.split(r" (?:in|on) ", name)[0]


def _names_a_site(name: str) -> bool:
    """A site's name (``_site_name``) of two words or more whose last is a
    site's noun (``lexicon.SITE_NOUNS``)."""
    words = _site_name(name).split()
    return len(words) > 1 and words[-1].lower() in SITE_NOUNS


def _claims(ctx: StoryContext, patterns: dict[str, re.Pattern[str]]) -> tuple[list[_Told], dict[str, set[str]]]:
    """The sentences naming places, and the places each independent source names anywhere."""
    roots = ctx.roots()
    told: list[_Told] = []
    named: dict[str, set[str]] = defaultdict(set)
    for article in ctx.on_topic():
        root = roots.get(article.id, article.id)
        for sentence in ctx.sentences.get(article.id, []):
            places: dict[str, str] = {}
            words_before: dict[str, tuple[str, ...]] = {}
            masked = sentence.text
            found = place_matches(article, sentence, patterns)
            for place, match in found:
                if any(other is not match and match.start() <= other.start() and other.end() <= match.end()
                       for _, other in found):
                    continue  # "Emberly Hall in Tarnmouth" holds "Emberly Hall": the site is the inner name
                before = sentence.text[:match.start()].split()
                preposition = before[-1].lower() if before and before[-1].lower() in _PREPOSITIONS else ""
                if len(before) >= 2 and before[-1].lower() == "the" and before[-2].lower() in _PREPOSITIONS:
                    preposition = before[-2].lower()
                places.setdefault(place, preposition)
                words_before.setdefault(place, tuple(before[-_TOPIC_WORDS:]))
                named[root].add(place)
            for pattern in patterns.values():
                masked = pattern.sub("#", masked)
            if places:
                told.append(_Told(article.id, root, (sentence.start, sentence.end), sentence.text, places, words_before,
                                  masked, frozenset(content_words(masked))))
    return told, named


def place_matches(article: Article, sentence: Sentence,
                  patterns: dict[str, re.Pattern[str]]) -> list[tuple[str, re.Match[str]]]:
    """(place, match) of each name of the story's places in one sentence, outside removed spans."""
    return [(place, match) for place, pattern in patterns.items() for match in pattern.finditer(sentence.text)
            if not article.is_removed(sentence.start + match.start(), sentence.start + match.end())]


def _near(claim: _Told, place: str) -> frozenset[str]:
    """The content words right before a place: what happened there ("burst its banks at")."""
    return frozenset(content_words(" ".join(claim.before[place][-_NEAR_WORDS:])))


def _similarity(ctx: StoryContext, told: list[_Told], lone_pair: Callable[[_Told, _Told], bool]) -> list[list[float]]:
    """Shared words plus cosine of each two claims' masked sentences; a lone
    place's pair (``lone_pair``) less alike, at ``_LONE_WEIGHT``; 0 when unlike."""
    size = len(told)
    shared = [[overlap(a.words, b.words) for b in told] for a in told]
    roots = [claim.root for claim in told]
    lone = [[roots[i] != roots[j] and lone_pair(told[i], told[j]) for j in range(size)] for i in range(size)]
    if ctx.embedder is None:
        return [[shared[i][j] if shared[i][j] >= _MIN_SHARED and roots[i] != roots[j] else 0.0
                 for j in range(size)] for i in range(size)]
    wanted = [[1.0 if lone[i][j] else shared[i][j] for j in range(size)] for i in range(size)]
    cosine = cosines_of_alike(ctx.embedder, [claim.masked for claim in told], roots, wanted, _MIN_SHARED)

    def score(i: int, j: int) -> float:
        if roots[i] == roots[j]:
            return 0.0
        if shared[i][j] >= _MIN_SHARED and cosine[i][j] >= _MIN_COSINE:
            return shared[i][j] + float(cosine[i][j])
        return _LONE_WEIGHT * float(cosine[i][j]) if lone[i][j] and cosine[i][j] >= _MIN_COSINE_LONE else 0.0

    return [[score(i, j) for j in range(size)] for i in range(size)]


def _conflict(sides: dict[str, list[_Told]]) -> Conflict:
    """The dispute, its most backed place first; its topic what the words before that place tell."""
    ordered = sorted(sides.items(), key=lambda item: (-len({c.root for c in item[1]}), item[0]))
    values = [ConflictValue(place, [Evidence(c.source, *c.span) for c in sorted(claims, key=lambda c: c.source)])
              for place, claims in ordered]
    place, claims = ordered[0]
    before = claims[0].before[place]
    return Conflict(id="", kind="place", topic="where: …" + " ".join(before) if before else "where", values=values)
