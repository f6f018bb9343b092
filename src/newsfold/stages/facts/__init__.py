"""Group sentences and clauses that state the same information across sources.

Reads the sentences of every on-topic article (``off_topic`` sources are left
out), ``copy_of`` (copies support a fact but never raise its independent count)
and an embedder; returns ``Fact`` objects ordered by importance (independent
sources, then centrality), unnumbered: the pipeline gives them ids F1, F2, ...

How, in order, one module a step:

1. ``units``: each sentence is one unit, or several when it carries several
   pieces of information joined by clause connectors ("; ", ", a day after",
   ", while", " and to put" ...) or, with a parse, clauses of its own.
2. ``features`` and ``scores``: pair scores between units of different
   sources, from embeddings, shared words and names, numbers and identifiers.
3. ``clusters``: greedy average-link agglomeration over the pair scores.
4. ``wording``: each group becomes a Fact, worded by the clearest, most
   central unit of an original (non-copy) source, preferring whole sentences.

``group.group_facts`` runs the steps.
"""
from __future__ import annotations

from .group import group_facts
from .units import Unit, clause_units

__all__ = ["Unit", "clause_units", "group_facts"]
