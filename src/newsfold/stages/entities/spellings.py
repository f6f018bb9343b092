"""Non-person names written two ways that say the same thing: a place with
the administrative division after it in lower case, a name whose words
differ only in a plural ending or in British and American spelling, and a
long name with one more word inside.

Each rule unions keys of the folded-name groups (see :mod:`.merging`); none
touches a person's name.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from ...nlp.lexicon import (
    ADMIN_DIVISIONS,
    MONTHS,
    SCALE_WORDS,
    STOPWORDS,
    TENS_WORDS,
    UNIT_WORDS,
    WEEKDAYS,
)
from ...nlp.names import fold, spelling_key

PLACE_LABELS = {"GPE", "LOC"}


class _Union(Protocol):
    def find(self, key: str) -> str: ...
    def union(self, a: str, b: str) -> None: ...


def merge_divisions(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'Varlo province' is Varlo: a place name followed by an administrative
    division that some source writes in lower case (a description, not part of
    the name: "Mexico City" is never "Mexico city") joins the place the story
    also names without it, unless the story names it with two divisions
    ("Tarsk city", "Tarsk province": a city and its province)."""
    divided: dict[str, list[str]] = defaultdict(list)  # the place -> its forms with a division
    for key, mentions in groups.items():
        words = key.split()
        if len(words) < 2 or words[-1] not in ADMIN_DIVISIONS or labels.get(key) not in PLACE_LABELS:
            continue
        base = " ".join(words[:-1])
        described = any(m.surface.split()[-1].islower() for m in mentions if len(m.surface.split()) == len(words))
        if described and base in groups and labels.get(base) in PLACE_LABELS:
            divided[base].append(key)
    for base, keys in divided.items():
        # a story that writes "X city" and "X province" tells the two apart: X alone is either
        if len(keys) == 1:
            uf.union(base, keys[0])


def merge_plural_spellings(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'X Investments Holdings' and 'X Investment Holdings', 'X Harbour Defence
    Board' and 'X Harbour Defense Board': names of two words or more, not
    people's, that are equal once each word loses a plural "s" and is written
    the one way of British and American spelling (:func:`newsfold.nlp.names.spelling_key`);
    so are 'Valdorian Harbour Board' and 'Valdoria Harbour Board' (:func:`_countries_of`)."""
    by_singular: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        if len(words) >= 2 and labels.get(key) != "PERSON":
            singular = (w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)
            by_singular[tuple(spelling_key(w) for w in singular)].append(key)
    for keys in by_singular.values():
        for other in keys[1:]:
            uf.union(keys[0], other)
    for words, keys in by_singular.items():
        for country in _countries_of(words):
            if country in by_singular:
                uf.union(keys[0], by_singular[country][0])


def _countries_of(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The name with one word that reads as a country's adjective written as
    the country ("valdorian border agency" -> "valdoria border agency"): its
    final "n" dropped ("Valdorian", "Ostrean"); both forms must be in the story."""
    return [words[:i] + (word[:-1],) + words[i + 1:] for i, word in enumerate(words)
            if len(word) > 4 and word.endswith(("ian", "an"))]


_INSERTED_WORD = r"[A-Z][a-z]{2,}"
# no number, date or function word is a name's extra word ("Harbour Cup Two Calden Rovers fans")
_NOT_INSERTED = STOPWORDS | set(UNIT_WORDS) | set(TENS_WORDS) | set(SCALE_WORDS) | set(MONTHS) | set(WEEKDAYS)
_LONG_NAME_WORDS = 4  # a name this long is specific enough to be known with one more word in it


def add_longer_forms(articles: list, groups: dict, labels: dict[str, str]) -> None:
    """Mentions the tagger missed of a long name written with one more
    capitalised word inside ("Amber Street Covered Market Hall" beside the tagged
    "Amber Street Market Hall"), added to ``groups`` under a key of their own
    that the short-form rule (``merging._merge_short_forms``) then joins to the
    name. Names of four words or more, not people's; never inside removed text."""
    from .mentions import Mention

    named = {m.surface: key for key, ms in groups.items() if labels.get(key) != "PERSON"
             and len(key.split()) >= _LONG_NAME_WORDS for m in ms if len(m.surface.split()) >= _LONG_NAME_WORDS}
    added: set[str] = set()  # a form the tagger found itself is swept with the exact forms later
    for surface, owner in sorted(named.items()):
        words = surface.split()
        pattern = "|".join(" ".join(map(re.escape, words[:k])) + rf"\s+{_INSERTED_WORD}\s+"
                           + " ".join(map(re.escape, words[k:])) for k in range(1, len(words)))
        for article in articles:
            if article.off_topic:
                continue
            for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", article.text):
                key = fold(match.group())
                extra = set(key.split()) - set(fold(surface).split())
                if article.is_removed(match.start(), match.end()) or key in groups and key not in added \
                        or extra & _NOT_INSERTED:
                    continue
                groups[key].append(Mention(" ".join(match.group().split()), labels[owner], article.id,
                                           "", match.start(), match.end()))
                labels[key] = labels[owner]
                added.add(key)
