"""A day that a copy and its original write differently in one sentence.

A copy (``copy_of``) repeats its original nearly word for word, so a
sentence of one that the other repeats with another day in the same place is
one claim given two days: one of them was edited (an update, a slip, a changed
day). The other comparisons never set a copy against its original (they are
one independent source), so this pass pairs such days itself (as
``numbers.copied`` pairs figures), and keeps a pair only where a source of
another root gives one of the two days in a sentence at least loosely close in
meaning to the copied one (``consensus.LONE_COSINE``): the disagreement then
stands between independent sources, the copy and its original on opposite
sides of it, and that source's likest sentence giving the day joins its side.
Days further apart than ``_MOST_DAYS`` (or a month off, ``claims.month_slip``)
are more often a sentence rewritten for another event than one day changed.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ...nlp.text import one_sentence
from .claims import Claim, days_apart, masked_days, month_slip
from .consensus import LONE_COSINE, Pair

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

_MOST_DAYS = 10


def copied_day_pairs(claims: Sequence[Claim], cosine: np.ndarray, free: Sequence[bool]) -> list[Pair]:
    """Pairs of the two days a copy and its original give in one sentence,
    each with the likest sentence of every other root giving either day (see
    the module docstring); ``free``: the claims no conflict holds yet."""
    by_root: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for k, claim in enumerate(claims):
        if free[k]:
            by_root[claim.root][claim.source].append(k)
    pairs: list[Pair] = []
    for per_source in by_root.values():
        sources = sorted(per_source)
        for n, first in enumerate(sources):
            for second in sources[n + 1:]:
                for i, j in _twins(claims, per_source[first], per_source[second]):
                    pairs += _backed_pair(claims, cosine, i, j)
    return pairs


def _twins(claims: Sequence[Claim], ours: list[int], theirs: list[int]) -> list[tuple[int, int]]:
    """Sentences of two sources told alike once their date words are masked."""
    masked = {k: masked_days(claims[k].text) for k in ours + theirs}
    return [(i, j) for i in ours for j in theirs if claims[i].days != claims[j].days and one_sentence(masked[i], masked[j])]


def _backed_pair(claims: Sequence[Claim], cosine: np.ndarray, i: int, j: int) -> list[Pair]:
    """The one day each twin gives that the other lacks, paired, with each
    other root's likest sentence giving one of them; none without such a sentence."""
    a, b = claims[i], claims[j]
    only_a, only_b = sorted(a.days - b.days), sorted(b.days - a.days)
    if len(only_a) != 1 or len(only_b) != 1:
        return []
    day_a, day_b = only_a[0], only_b[0]
    if not (days_apart(day_a, day_b) <= _MOST_DAYS or month_slip(day_a, day_b)):
        return []
    best: dict[tuple[str, str], tuple[float, int]] = {}  # (root, day) -> its likest sentence giving the day
    for k, other in enumerate(claims):
        if other.root == a.root:
            continue
        for day in {day_a, day_b} & other.days:
            alike = float(max(cosine[i][k], cosine[j][k]))
            if (alike >= LONE_COSINE or not cosine.any()) and alike > best.get((other.root, day), (-1.0, k))[0]:
                best[(other.root, day)] = (alike, k)
    if not best:
        return []
    pairs: list[Pair] = [((a, day_a), (b, day_b))]
    for (_, day), (_, k) in sorted(best.items()):
        pairs.append(((b, day_b), (claims[k], day)) if day == day_a else ((a, day_a), (claims[k], day)))
    return pairs
