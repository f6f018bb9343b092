"""Whose surname a surname alone is, when people of the story share it."""
from __future__ import annotations

from typing import Any

from .mentions import Mention

Groups = dict[str, list[Mention]]


def leading_owner(uf: Any, groups: Groups, full_people: list[str], owners: set[str],
                  alone: list[Mention]) -> str | None:
    """Of people who share a surname ("Corwin Ashdale" and his sister), the one named
    in at least twice as many sources as any other, and in every source that writes
    the surname alone and names another of them: the surname alone stands for the
    story's main person; a relative goes by the first name."""
    if len(owners) < 2 or any(m.surface.isupper() for m in alone):  # "GRC" is no surname
        return None
    named = {root: {m.source for p in full_people if uf.find(p) == root for m in groups[p]} for root in owners}
    ranked = sorted(((len(sources), root) for root, sources in named.items()), reverse=True)
    (most, first), (second, _) = ranked[0], ranked[1]
    others = set().union(*(sources for root, sources in named.items() if root != first))
    elsewhere = {m.source for m in alone} & others - named[first]
    return first if most >= 2 and most >= 2 * second and not elsewhere else None
