"""Mutual best matches: which sentences of two sources say the same thing."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # typing only
    from .embed import Embedder


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


def cosines_of_alike(embedder: Embedder, texts: Sequence[str], roots: Sequence[str],
                     shared: Sequence[Sequence[float]], least: float) -> np.ndarray:
    """Cosines between the texts' embeddings, for callers that compare only
    pairs of different roots sharing at least ``least`` words (``shared``).

    Only a text with such a partner is embedded; the others' rows and columns
    are 0. The cosines a caller reads are those of embedding every text, at a
    fraction of the cost: most sentences of a story pair with none."""
    size = len(texts)
    wanted = [i for i in range(size)
              if any(roots[i] != roots[j] and shared[i][j] >= least for j in range(size))]
    cosine = np.zeros((size, size), dtype=np.float32)
    if wanted:
        rows = np.asarray(embedder.embed([texts[i] for i in wanted]), dtype=np.float32)
        cosine[np.ix_(wanted, wanted)] = rows @ rows.T
    return cosine
