"""A day its own weekday contradicts: "on Tuesday (Jan 24)" where Jan 24 is a Friday.

A day written with its weekday states the day twice, and the two readings
disagree only where one was mistyped or changed. The weekday then names the
day at most three days away that falls on it (``weekday_day``): when that day
is what other independent sources give, in a sentence told at least loosely
alike, and no other source gives the written day in a sentence told as alike
(a story's other events fall on days too: "a new ferry timetable starts on
March 14"), the written day is the one at odds with the story, and the
two are a ``date`` disagreement. The
weekday vouches for the other sources' day, so the telling need not be as
alike as two sources' days alone need (``consensus``): the likest sentence
of each other source giving that day, some words shared or close in meaning.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...nlp.lexicon import WEEKDAY_NAMES, WEEKDAYS
from .claims import Claim, sequence

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

Pair = tuple[tuple[Claim, str], tuple[Claim, str]]

WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
# a sentence of another source told at least this alike: cosine, or shared content words without an embedder
_LEAST_COSINE = 0.3
_LEAST_SHARED = 0.3


def weekday_day(day: str, as_written: str) -> str | None:
    """The day within three days of ``day`` that the weekday written with it
    names, when that is another day ("Tuesday (Jan 24)" in 2025: Jan 21); else None."""
    found = WEEKDAY.search(as_written)
    if found is None:
        return None
    written = date.fromisoformat(day)
    step = (WEEKDAYS.index(found.group(1).lower()) - written.weekday() + 3) % 7 - 3
    return (written + timedelta(days=step)).isoformat() if step else None


def weekday_pairs(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
                  free: Sequence[bool]) -> list[Pair]:
    """Pairs of a written day its weekday contradicts against the weekday's
    day in other sources (see the module docstring); ``free``: the claims no
    conflict holds yet."""
    pairs: list[Pair] = []
    for i, claim in enumerate(claims):
        if not free[i]:
            continue
        for day, as_written in claim.written:
            named = weekday_day(day, as_written)
            if named is None or named in claim.days:
                continue
            likest = _likest_giving(claims, shared, cosine, i, named)
            # other sources giving the written day tell it of other things: less alike than the weekday's day
            rival = max((score for score, _ in _likest_giving(claims, shared, cosine, i, day).values()), default=None)
            if rival is not None and (not likest or rival >= max(score for score, _ in likest.values())):
                continue
            pairs += [((claim, day), (claims[j], named)) for _, j in likest.values()]
    return pairs


def _likest_giving(claims: Sequence[Claim], shared: Sequence[Sequence[float]], cosine: np.ndarray,
                   i: int, day: str) -> dict[str, tuple[float, int]]:
    """Each other independent source's sentence giving ``day`` likest claim
    ``i``'s (shared content words plus cosine), of those told at least
    loosely alike and placing their event in a series as it does."""
    claim = claims[i]
    likest: dict[str, tuple[float, int]] = {}
    for j, other in enumerate(claims):
        if other.root == claim.root or day not in other.days or sequence(other) != sequence(claim):
            continue
        if cosine[i][j] >= _LEAST_COSINE or not cosine.any() and shared[i][j] >= _LEAST_SHARED:
            score = shared[i][j] + float(cosine[i][j])
            if score > likest.get(other.root, (-1.0, j))[0]:
                likest[other.root] = (score, j)
    return likest
