"""The last figure left: counterparts that mutual best matching leaves apart.

Two alike sentences giving several figures of one kind ("$10 and $5",
"$10 and $8") pair each figure with its best in the other source; a changed
figure may then find its counterpart taken, the best of it being a figure
beside it ("$5" nearest "$10" by the words around them). Where every figure
of one kind of the two sentences but one on each side is paired, each pair
agreeing, and the two sentences give that kind equally often, the two left
are each other's counterparts. Sentences giving a kind unequally often ("400g
to 360g and 170g to 150g" beside "400g to 360g") leave nothing to pair: a
figure one of them does not give has no counterpart there.
"""
from __future__ import annotations

from collections import defaultdict

from .compare import agree, one_scale, same_number
from .kinds import SameKind
from .quantity import Quantity

_BOUNDS = frozenset({"at_least", "more_than", "less_than", "at_most"})
_BELOW_TWIN = 0.99  # a figure beside the one agreeing with it, made just less alike than that one


def last_left(best: list[tuple[int, int]], figures: list[tuple[int, Quantity]], likeness: list[list[float]],
              same_kind: SameKind) -> list[tuple[int, int]]:
    """Pairs ``(x, y)`` of the one figure of a kind left unpaired in each of
    two sentences whose other figures of that kind ``best`` pairs, agreeing
    (see the module docstring); ``likeness`` above 0."""
    members: dict[int, list[int]] = defaultdict(list)
    for x, (claim, _) in enumerate(figures):
        members[claim].append(x)
    partner: dict[tuple[int, str], int] = {}  # (figure, other source) -> its paired figure there
    by_claims: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for x, y in best:
        partner[(x, figures[y][1].source)], partner[(y, figures[x][1].source)] = y, x
        by_claims[(figures[x][0], figures[y][0])].append((x, y))
    out = []
    for (i, j), pairs in by_claims.items():
        if not all(agree(figures[x][1], figures[y][1]) for x, y in pairs):
            continue
        for x, y in pairs:
            left = _left(members[i], members[j], figures[x][1], figures[y][1], figures, partner, same_kind)
            if left is not None and left not in out and likeness[left[0]][left[1]] > 0:
                out.append(left)
    return out


def _left(ours: list[int], theirs: list[int], a: Quantity, b: Quantity, figures: list[tuple[int, Quantity]],
          partner: dict[tuple[int, str], int], same_kind: SameKind) -> tuple[int, int] | None:
    """The one figure of ``a``'s kind left unpaired in each sentence, if the
    two give that kind equally often."""
    ours = [x for x in ours if same_kind(figures[x][1], a)]
    theirs = [y for y in theirs if same_kind(figures[y][1], b)]
    if len(ours) != len(theirs):
        return None
    free_ours = [x for x in ours if (x, b.source) not in partner]
    free_theirs = [y for y in theirs if (y, a.source) not in partner]
    if len(free_ours) != 1 or len(free_theirs) != 1:
        return None
    x, y = free_ours[0], free_theirs[0]
    p, q = figures[x][1], figures[y][1]
    if not same_kind(p, q) or not one_scale(p, q) or p.increment != q.increment:
        return None
    return (x, y) if x < y else (y, x)


def agreeing_first(figures: list[tuple[int, Quantity]], likeness: list[list[float]], same_kind: SameKind) -> None:
    """In two alike sentences, a figure whose number the other sentence
    writes, of its kind (both exact or both bounds: ``_twins``), has that
    figure as its counterpart there before any other: each other figure of
    that sentence is made less alike to it than the one agreeing ("$20 per
    person, while children ... $15 each" beside "S$20 per adult and S$10 per
    child": "$20" is "S$20"'s, however many words next to it "S$10" shares),
    so the figures left apart are each other's (``last_left``). ``likeness``
    is changed in place, on the side of the figure that has a twin only
    (``mutual_best`` reads both sides)."""
    members: dict[int, list[int]] = defaultdict(list)
    for x, (claim, _) in enumerate(figures):
        members[claim].append(x)
    for x, (_, a) in enumerate(figures):
        partners = {figures[y][0] for y, score in enumerate(likeness[x]) if score > 0}
        for j in partners:
            twins = [likeness[x][y] for y in members[j] if likeness[x][y] > 0 and _twins(a, figures[y][1], same_kind)]
            if not twins:
                continue
            for y in members[j]:
                if likeness[x][y] >= max(twins) and not same_number(a, figures[y][1]):
                    likeness[x][y] = max(twins) * _BELOW_TWIN  # its own choice only: the other keeps its own


def _twins(a: Quantity, b: Quantity, same_kind: SameKind) -> bool:
    """One number of one kind, both exact or both bounds, neither a range ("younger
    than 18 months" is no "18 months")."""
    return same_kind(a, b) and same_number(a, b) and a.low is None and b.low is None \
        and (a.qualifier in _BOUNDS) == (b.qualifier in _BOUNDS)
