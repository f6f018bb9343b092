"""One story's clustering state, and the sparse-vector arithmetic on it.

A story keeps the *sums* of its articles' unit vectors (embedding, terms,
names), so every average-link score against it is exact without keeping the
articles themselves (see :mod:`newsfold.stream.scoring`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

DIMENSION = 384


@dataclass
class Story:
    """The clustering state of one story (what a resumed ingest reloads)."""

    id: str
    size: int = 0
    vector_sum: np.ndarray = field(default_factory=lambda: np.zeros(DIMENSION, dtype=np.float32))
    terms: dict[int, float] = field(default_factory=dict)
    names: dict[int, float] = field(default_factory=dict)
    first_day: int = 0
    last_day: int = 0
    merged_into: str | None = None
    terms_norm: float = 1.0
    names_norm: float = 1.0

    def centroid(self) -> np.ndarray:
        norm = float(np.linalg.norm(self.vector_sum))
        return self.vector_sum / norm if norm > 0 else self.vector_sum

    def mean(self) -> np.ndarray:
        """The mean of the members' unit vectors: ``v · mean`` is v's average-link similarity."""
        return self.vector_sum / max(self.size, 1)

    def update_norms(self) -> None:
        """Recompute the cached lengths of the term and name sums (after they change or load)."""
        self.terms_norm, self.names_norm = norm(self.terms), norm(self.names)


def norm(weights: dict[int, float]) -> float:
    """Euclidean length of a sparse vector; 1.0 for an empty one (so dividing is safe)."""
    return math.sqrt(sum(v * v for v in weights.values())) or 1.0


def dot(a: dict[int, float], b: dict[int, float]) -> float:
    # Two term vectors share few keys: intersect the key sets in C, then add
    # the few products in a fixed (sorted) order.
    return sum(a[k] * b[k] for k in sorted(a.keys() & b.keys()))


def prune(weights: dict[int, float], keep: int) -> None:
    """Keep the ``keep`` heaviest entries once there are more than twice that many."""
    if len(weights) > 2 * keep:
        kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
        weights.clear()
        weights.update(kept)
