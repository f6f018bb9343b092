"""Non-person names written two ways that say the same thing: a place with
the administrative division after it in lower case, and a name whose words
differ only in a plural ending.

Each rule unions keys of the folded-name groups (see :mod:`.merging`); none
touches a person's name.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from ...nlp.lexicon import ADMIN_DIVISIONS

PLACE_LABELS = {"GPE", "LOC"}


class _Union(Protocol):
    def find(self, key: str) -> str: ...
    def union(self, a: str, b: str) -> None: ...


def merge_divisions(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'Hebei province' is Hebei: a place name followed by an administrative
    division that some source writes in lower case (a description, not part of
    the name: "Mexico City" is never "Mexico city") joins the place the story
    also names without it."""
    for key, mentions in groups.items():
        words = key.split()
        if len(words) < 2 or words[-1] not in ADMIN_DIVISIONS or labels.get(key) not in PLACE_LABELS:
            continue
        base = " ".join(words[:-1])
        described = any(m.surface.split()[-1].islower() for m in mentions if len(m.surface.split()) == len(words))
        if described and base in groups and labels.get(base) in PLACE_LABELS:
            uf.union(base, key)


def merge_plural_spellings(uf: _Union, groups: dict, labels: dict[str, str]) -> None:
    """'X Investments Holdings' and 'X Investment Holdings': names of two words
    or more, not people's, that are equal once each word loses a plural "s"."""
    by_singular: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in groups:
        words = key.split()
        if len(words) >= 2 and labels.get(key) != "PERSON":
            by_singular[tuple(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)].append(key)
    for keys in by_singular.values():
        for other in keys[1:]:
            uf.union(keys[0], other)
