"""The active stories' mean embeddings as one matrix, for the candidate search.

Finding the stories nearest to an article is one matrix-vector product over
the rows of the active stories. Each story has a slot (row); dropping a story
moves the last row into its slot, so the rows stay packed, and the matrix
shrinks when most of it is unused, so memory follows the active stories.
"""
from __future__ import annotations

import numpy as np

from .story import DIMENSION, Story


class ActiveIndex:
    """Story id -> a row holding that story's mean embedding."""

    def __init__(self) -> None:
        self._slots: dict[str, int] = {}
        self._ids: list[str] = []
        self._matrix = np.zeros((64, DIMENSION), dtype=np.float32)

    def __len__(self) -> int:
        return len(self._ids)

    def set(self, story: Story) -> None:
        """Add ``story`` or refresh its row after it changed."""
        slot = self._slots.get(story.id)
        if slot is None:
            slot = len(self._ids)
            if slot == len(self._matrix):
                grown = np.zeros((2 * len(self._matrix), DIMENSION), dtype=np.float32)
                grown[:slot] = self._matrix
                self._matrix = grown
            self._slots[story.id] = slot
            self._ids.append(story.id)
        self._matrix[slot] = story.mean()

    def remove(self, story_id: str) -> None:
        slot = self._slots.pop(story_id)
        last = len(self._ids) - 1
        if slot != last:
            moved = self._ids[last]
            self._matrix[slot] = self._matrix[last]
            self._ids[slot] = moved
            self._slots[moved] = slot
        self._ids.pop()

    def shrink(self) -> None:
        """Keep the matrix's memory proportional to the active stories."""
        if len(self._matrix) > 256 and len(self._ids) < len(self._matrix) // 4:
            self._matrix = self._matrix[: len(self._matrix) // 2].copy()

    def nearest(self, vector: np.ndarray, k: int, exclude: str | None = None) -> list[tuple[str, float]]:
        """The ``k`` stories with the highest average embedding similarity to ``vector``."""
        count = len(self._ids)
        if count == 0:
            return []
        sims = self._matrix[:count] @ vector
        k = min(k, count)
        if k < count:
            top = np.argpartition(-sims, k - 1)[:k]
        else:
            top = np.arange(count)
        # Stable, deterministic order: by similarity, then by story id.
        ranked = sorted(((self._ids[i], float(sims[i])) for i in top), key=lambda t: (-t[1], t[0]))
        return [(sid, sim) for sid, sim in ranked if sid != exclude]
