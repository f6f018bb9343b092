"""Copied sentences: a figure that a copy and its original write differently.

A copy (``copy_of``) repeats its original nearly word for word, so a sentence
of one that the other repeats with another figure in the same place is one
claim given two values: one of them was edited (an update, a slip, a changed
figure). The aligned comparison never sets a copy against its original (they
are one independent source), so this pass pairs such figures itself, and
keeps a pair only where a source of another root writes one of the two
values (of its kind): the disagreement then stands between independent
sources, the copy and its original on opposite sides of it. A copy reporting
the other's figure again elsewhere in the same sentence ("from 10 to 12")
only reorders it.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ...nlp.text import one_sentence
from .compare import agree, one_scale, same_number
from .kinds import SameKind
from .quantity import Quantity
from .surroundings import Claim

_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


def copied_pairs(claims: list[Claim], figures: list[Quantity], backers: list[frozenset[str]],
                 same_kind: SameKind) -> list[tuple[Quantity, Quantity]]:
    """Figures in the same place of one sentence told by two sources of one
    root (a copy and its original, two copies), of one kind and scale, that
    disagree, one of their values written by a source of another root
    (``backers``: the roots writing each figure's number, of its kind)."""
    index = {id(q): x for x, q in enumerate(figures)}
    by_root: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        by_root[claim.root][claim.source].append(claim)
    pairs = []
    for root, per_source in by_root.items():
        sources = sorted(per_source)
        for n, first in enumerate(sources):
            for second in sources[n + 1:]:
                for a, b in _same_place(per_source[first], per_source[second], same_kind):
                    if (backers[index[id(a)]] | backers[index[id(b)]]) - {root}:
                        pairs.append((a, b))
    return pairs


def _same_place(claims: list[Claim], others: list[Claim], same_kind: SameKind) -> list[tuple[Quantity, Quantity]]:
    """Disagreeing figures at the same place of the sentences two sources tell alike."""
    masked = [_masked(claim.text) for claim in others]
    pairs = []
    for claim in claims:
        text = _masked(claim.text)
        twin = next((other for other, words in zip(others, masked, strict=True)
                     if one_sentence(text, words)), None)
        if twin is None or len(twin.quantities) != len(claim.quantities):
            continue
        ours = sorted(claim.quantities, key=lambda q: q.start)
        theirs = sorted(twin.quantities, key=lambda q: q.start)
        for a, b in zip(ours, theirs, strict=True):
            if same_kind(a, b) and one_scale(a, b) and not agree(a, b) \
                    and not _writes(theirs, a, same_kind) and not _writes(ours, b, same_kind):
                pairs.append((a, b))
    return pairs


def _writes(quantities: list[Quantity], figure: Quantity, same_kind: SameKind) -> bool:
    return any(same_kind(q, figure) and same_number(q, figure) for q in quantities)


def _masked(text: str) -> str:
    return " ".join(_DIGITS.sub("#", text).lower().split())
