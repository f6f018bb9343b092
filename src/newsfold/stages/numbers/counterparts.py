"""Counterparts: which figure of one source answers which figure of another.

The aligned comparison (``aligned``) scores how alike each two figures of
independent sources are; here each figure is given at most one counterpart
in each other source, the two being each other's best, and a figure that
agrees with its counterpart leaves the other figures of its sentence to pair
among themselves.
"""
from __future__ import annotations

from ...nlp.align import mutual_best
from .compare import agree, same_number
from .quantity import Quantity

MATCH_ROUNDS = 3  # rounds of mutual best, figures agreeing with their counterpart set aside after each


def counterparts(figured: list[Quantity], roots: list[str], likeness: list[list[float]]) -> list[tuple[int, int]]:
    """Each figure's counterpart in each other source. Two figures of one
    number and qualifier are the likeliest counterparts: mutual best figures
    among such pairs come first ("up to S$3,000" is no such twin of a fine
    of "S$3,000"), then mutual best figures among the rest, a figure
    already paired with an agreeing one of a source set aside for that source,
    in rounds (``MATCH_ROUNDS``): "S$20 per adult and S$10 per child" beside
    "$20 per person ... $15 each" pairs $15 with S$10, though the words around
    "$20 per person, while children" are more like those around S$10."""
    sources, size = [q.source for q in figured], len(figured)
    agreeing = [[likeness[x][y] if likeness[x][y] > 0 and _written_alike(figured[x], figured[y]) else 0.0
                 for y in range(size)] for x in range(size)]
    left = [row[:] for row in likeness]
    found: list[tuple[int, int]] = []
    for matrix in [agreeing] + [left] * MATCH_ROUNDS:
        taken = set(found)
        new = [pair for pair in mutual_best(sources, roots, matrix) if pair not in taken]
        found += new
        for x, y in new:
            if not agree(figured[x], figured[y]):
                continue
            for u, source in enumerate(sources):
                if source == sources[y] and u != y:
                    left[x][u] = left[u][x] = 0.0
                if source == sources[x] and u != x:
                    left[y][u] = left[u][y] = 0.0
        if matrix is left and not any(agree(figured[x], figured[y]) for x, y in new):
            break
    return found


def _written_alike(a: Quantity, b: Quantity) -> bool:
    """The same number with the same qualifier ("S$20", "$20")."""
    return a.qualifier == b.qualifier and a.low == b.low and same_number(a, b)
