"""The clusterer's state in the store: ``cluster_stories``, ``cluster_terms`` and ``meta``.

Only what changed since the last batch is written (:meth:`Clusterer.state`);
on resume, every term frequency and the stories still inside the time window
are read back (:meth:`Clusterer.from_state`).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import numpy as np

from .cluster import ClusterState
from .story import Story

Query = Callable[..., list[sqlite3.Row]]


def load_cluster_state(query: Query, window_days: int) -> ClusterState:
    """The saved state: counters, every term's document frequency, the active stories."""
    meta = {r["key"]: r["value"] for r in query("SELECT key, value FROM meta")}
    state = ClusterState(
        documents=int(meta.get("documents", 0)),
        next_number=int(meta.get("next_number", 1)),
        current_day=int(meta["current_day"]) if "current_day" in meta else None,
        doc_freq={r[0]: r[1] for r in query("SELECT term, df FROM cluster_terms")},
    )
    if state.current_day is not None:
        horizon = state.current_day - window_days
        rows = query(
            "SELECT * FROM cluster_stories WHERE merged_into IS NULL AND last_day >= ? ORDER BY id", (horizon,)
        )
        state.stories = [_story(row) for row in rows]
    return state


def save_cluster_state(db: sqlite3.Connection, state: ClusterState) -> None:
    """Write the counters and the changed terms and stories (inside the batch's transaction)."""
    db.executemany(
        "INSERT OR REPLACE INTO cluster_stories (id, size, vector_sum, terms, names, first_day, last_day, "
        "merged_into) VALUES (?,?,?,?,?,?,?,?)",
        [
            (
                s.id, s.size, s.vector_sum.astype(np.float32).tobytes(), json.dumps(s.terms),
                json.dumps(s.names), s.first_day, s.last_day, s.merged_into,
            )
            for s in state.stories
        ],
    )
    db.executemany("INSERT OR REPLACE INTO cluster_terms (term, df) VALUES (?, ?)", list(state.doc_freq.items()))
    db.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [
            ("documents", str(state.documents)),
            ("next_number", str(state.next_number)),
            ("current_day", str(state.current_day)),
        ],
    )


def _story(row: Any) -> Story:
    return Story(
        id=row["id"],
        size=row["size"],
        vector_sum=np.frombuffer(row["vector_sum"], dtype=np.float32).copy(),
        terms={int(k): v for k, v in json.loads(row["terms"]).items()},
        names={int(k): v for k, v in json.loads(row["names"]).items()},
        first_day=row["first_day"],
        last_day=row["last_day"],
    )
