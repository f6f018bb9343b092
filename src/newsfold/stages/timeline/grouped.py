"""A day moved in one telling of a claim the fact groups join.

The facts stage groups the sentences of different sources that say the same
thing (``ctx.facts``), their date words and all: a telling whose day was
mistyped or changed stays in its group, however differently it is worded.
In such a group, a day that one independent source alone gives in the whole
story, against a day that two or more other independent sources give in the
group, is a disagreement when the two are a few days apart in one month
(``consensus.FEW_DAYS``) or the same day a month off (``claims.month_slip``).
A support's days are those written inside it (a clause of a sentence gives
only its own). A telling counts only where its sentence, date words and
what it quotes masked, is at least loosely close in meaning to the lone one
(``consensus.LONE_COSINE``): a letter citing a report's title and date is
grouped with the report's sentences, but the day it gives is the report's.
A telling placed in a series otherwise than the lone one ("the next draw")
counts only on a day another source gives placed alike
(``consensus.placed_alike``). The lone source may give the group's day in
another sentence: the group says this sentence tells the same thing as the
others, so the source is at odds with itself, not telling two events.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .claims import Claim, days_apart, month_slip, one_moment, sequence
from .consensus import FEW_DAYS, LONE_COSINE, Pair, placed_alike

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

    from ...context import StoryContext


def grouped_pairs(ctx: StoryContext, claims: Sequence[Claim], cosine: np.ndarray,
                  free: Sequence[bool]) -> list[Pair]:
    """Pairs of a lone day in a fact group against the day two or more other
    sources give in that group (see the module docstring); ``cosine``: the
    claims' masked sentences' (all 0 without an embedder); ``free``: the
    claims no conflict holds yet."""
    roots_of_day: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for day in claim.days:
            roots_of_day[day].add(claim.root)
    pairs: list[Pair] = []
    for fact in ctx.facts:
        members = _members(ctx, claims, fact.support)
        for k, days in members:
            claim = claims[k]
            if not free[k]:
                continue
            for day in days:
                if roots_of_day[day] == {claim.root}:
                    told = [(j, days) for j, days in members if cosine[k][j] >= LONE_COSINE or not cosine.any()]
                    pairs += _against_group(claims, told, k, day)
    return pairs


def _members(ctx: StoryContext, claims: Sequence[Claim], support: Sequence) -> list[tuple[int, set[str]]]:
    """Each support of a fact group with a claim, and the days written inside it."""
    members = []
    for evidence in support:
        k = next((k for k, claim in enumerate(claims) if claim.source == evidence.source
                  and claim.span[0] <= evidence.start < claim.span[1]), None)
        if k is None:
            continue
        text = ctx.article(evidence.source).text[evidence.start:evidence.end]
        days = {day for day, written in claims[k].written if written and written in text}
        if days:
            members.append((k, days))
    return members


def _against_group(claims: Sequence[Claim], members: list[tuple[int, set[str]]], k: int, day: str) -> list[Pair]:
    claim = claims[k]
    placed = placed_alike(claims, claim)
    by_day: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))  # day -> root -> claims
    for j, days in members:
        other = claims[j]
        if other.root == claim.root:
            continue
        for other_day in days - claim.days:
            close = other_day[:7] == day[:7] and days_apart(day, other_day) <= FEW_DAYS
            if not (close or month_slip(day, other_day)) or not one_moment(claim, day, other, other_day):
                continue
            if sequence(other) != sequence(claim) and other_day not in placed:
                continue
            by_day[other_day][other.root].append(j)
    agreed = [other_day for other_day, roots in by_day.items() if len(roots) >= 2]
    if len(agreed) != 1:
        return []
    return [((claim, day), (claims[j], agreed[0])) for told in by_day[agreed[0]].values() for j in told]
