"""Kinds of figures: whether two quantities count or measure the same kind of thing.

The same unit (dollars with or without their country's letters are one), and
the same counted noun: the same word, words alike in their first letters
("offence", "offense"), a closed compound and its last word ("checkpoints",
"points"), any people for people, one of them left unsaid, or two
nouns the story uses for one thing ("cars", "vehicles"), told by the sentence
embedder's cosine between the nouns alone.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ...context import StoryContext
from .quantity import Quantity
from .vocabulary import PEOPLE_CLASSES

SameKind = Callable[[Quantity, Quantity], bool]
STEM = 5  # counted nouns alike this far are one ("offence", "offense")
_LEAST_TAIL = 5  # a compound's last word this long names its thing ("checkpoint", "point"; not "website", "site")
_SYNONYM = 0.75  # cosine of two counted nouns alone: "car"/"vehicle" 0.87, "shop"/"store" 0.67


def synonyms_of(ctx: StoryContext, figures: list[Quantity]) -> dict[str, str]:
    """Counted nouns of the story that name the same thing ("cars",
    "vehicles"; "workers", "employees"), each to the first of its group: the
    sentence embedder's cosine between the two nouns alone is ``_SYNONYM`` or
    more. Empty without an embedder."""
    heads = sorted({q.head for q in figures if q.head})
    if ctx.embedder is None or len(heads) < 2:
        return {}
    rows = np.asarray(ctx.embedder.embed(heads), dtype=np.float32)
    alike = rows @ rows.T
    canon: dict[str, str] = {}
    for i, head in enumerate(heads):
        canon[head] = next((canon[heads[j]] for j in range(i) if alike[i, j] >= _SYNONYM), head)
    return {head: first for head, first in canon.items() if head != first}


def kind_test(synonyms: dict[str, str]) -> SameKind:
    """``same_kind_plain``, with the story's synonymous counted nouns as one."""
    def same_kind(a: Quantity, b: Quantity) -> bool:
        return same_kind_plain(a, b) or bool(
            a.head and b.head and same_unit(a, b) and synonyms.get(a.head, a.head) == synonyms.get(b.head, b.head))
    return same_kind


def same_kind_plain(a: Quantity, b: Quantity) -> bool:
    """The same unit ("$" and "S$" are one: a local paper drops its country's
    letter) and the same counted noun, any people for people (not of two
    classes: soldiers and protesters), or one of them
    left unsaid ("fined S$3,000" beside "a S$3,000 fine")."""
    if not same_unit(a, b):
        return False
    if a.head is None or b.head is None or a.head == b.head:
        return True
    if a.people and b.people:  # any people for people, but soldiers are never protesters (two classes)
        return not (a.referent in PEOPLE_CLASSES and b.referent in PEOPLE_CLASSES and a.referent != b.referent)
    return one_noun(a.head, b.head)


def one_noun(a: str, b: str) -> bool:
    """Two counted nouns for one thing as written: the same word, words alike
    in their first letters ("offence", "offense"), or a closed compound and
    its last word of ``_LEAST_TAIL`` letters or more ("checkpoint", "point";
    "firefighter", "fighter")."""
    short, long = sorted((a, b), key=len)
    return a[:STEM] == b[:STEM] or len(short) >= _LEAST_TAIL and long.endswith(short)


def same_unit(a: Quantity, b: Quantity) -> bool:
    """One unit; dollars written with or without their country ("$", "S$",
    "SG$": the same first letter, or none) are one, except where one is a
    conversion in brackets: "RM450 million ($100 million)" and "RM450
    million (S$135 million)" convert into two currencies."""
    if a.unit == b.unit:
        return True
    if a.converted or b.converted:
        return False
    if not (a.unit and b.unit and a.unit.endswith("$") and b.unit.endswith("$")):
        return False
    return "$" in (a.unit, b.unit) or a.unit[0] == b.unit[0]
