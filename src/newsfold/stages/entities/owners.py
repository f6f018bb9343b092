"""Whose surname a surname alone is, when people of the story share it."""
from __future__ import annotations

from typing import Any

from .mentions import Mention

Groups = dict[str, list[Mention]]


def leading_owner(uf: Any, groups: Groups, full_people: list[str], owners: set[str],
                  alone: list[Mention]) -> str | None:
    """Of people who share a surname ("Corwin Ashdale" and his sister), the one named
    in at least twice as many sources as any other, and in every source that writes
    the surname alone after naming another of them: the surname alone stands for the
    story's main person; a relative goes by the first name. A source that writes the
    surname alone before it names anyone else of that surname means the person the
    story is about, whom it need not name in full (its headline did)."""
    if len(owners) < 2 or any(m.surface.isupper() for m in alone):  # "GRC" is no surname
        return None
    named = {root: {m.source for p in full_people if uf.find(p) == root for m in groups[p]} for root in owners}
    ranked = sorted(((len(sources), root) for root, sources in named.items()), reverse=True)
    (most, first), (second, _) = ranked[0], ranked[1]
    other_mentions = [m for p in full_people if uf.find(p) in owners - {first} for m in groups[p]]
    earliest: dict[str, Mention] = {}
    for m in alone:
        if m.source not in earliest or 0 <= m.start < earliest[m.source].start:
            earliest[m.source] = m
    elsewhere = {source for source, m in earliest.items() if not _before_others(m, other_mentions)} - named[first]
    return first if most >= 2 and most >= 2 * second and not elsewhere else None


def _before_others(mention: Mention, others: list[Mention]) -> bool:
    """Whether ``mention``'s source writes it before any of ``others`` (a source
    naming none of them counts as before: it means no one else)."""
    there = [m.start for m in others if m.source == mention.source]
    if not there:
        return True
    return 0 <= mention.start < min(there) and min(there) >= 0


def nearest_owner(uf: Any, groups: Groups, full_people: list[str], owners: set[str],
                  alone: list[Mention]) -> str | None:
    """Of people who share a surname, the one each source named last before every
    place it writes the surname alone, with the title it gave that person
    ("Assistant Superintendent Ilona Varga ... said Asst Supt Varga", after "Felix
    Varga" earlier): when that is the same person everywhere, the surname alone
    is that person. A surname alone without a title, or with another one, is
    anyone's ("Mayor Ana Keller", "councillor Tomas Keller", "Keller said")."""
    named = [(m.source, m.start, uf.find(p), m.title) for p in full_people if uf.find(p) in owners
             for m in groups[p] if m.start >= 0]
    found = set()
    for m in alone:
        before = [(start, root, title) for source, start, root, title in named
                  if source == m.source and 0 <= start < m.start]
        if m.start < 0 or not before or not _same_title(m.title, max(before)[2]):
            return None
        found.add(max(before)[1])
    return found.pop() if len(found) == 1 else None


def _same_title(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` is ``full`` written the same or abbreviated word by word ("assoc prof")."""
    return bool(short) and len(short) == len(full) and all(f.startswith(s) for s, f in zip(short, full))
