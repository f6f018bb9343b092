"""Mutual best matches: which sentences of two sources say the same thing."""
from __future__ import annotations

from collections.abc import Sequence


def mutual_best(sources: Sequence[str], roots: Sequence[str], similar: Sequence[Sequence[float]],
                least: float = 0.0) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of items of different roots (independent
    sources) where each is the other's most similar item in its source, with a
    similarity above 0 and at least ``least``. ``sources[i]`` and ``roots[i]``
    are item ``i``'s source and that source's root; ``similar`` is square."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, root in enumerate(roots):
        for j, other_root in enumerate(roots):
            if root == other_root or similar[i][j] < least:
                continue
            if similar[i][j] > best.get((i, sources[j]), (0.0, -1))[0]:
                best[(i, sources[j])] = (similar[i][j], j)
    return [(i, j) for (i, _source), (_, j) in best.items()
            if i < j and best.get((j, sources[i]), (0.0, -1))[1] == i]
