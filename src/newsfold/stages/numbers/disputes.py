"""Disagreeing figure pairs, as conflicts: pairs a known conflict already
holds are left out, pairs sharing a figure form one conflict, and each value
is supported by the sentence of each figure stating it (``aligned``)."""
from __future__ import annotations

from collections import Counter, defaultdict

from ...model import Conflict, ConflictValue, Evidence
from .quantity import Quantity


def known_pairs(known: list[Conflict]) -> set[frozenset[tuple[str, int]]]:
    """Pairs of sentences (source, start) that a known conflict already sets against each other."""
    pairs = set()
    for conflict in known:
        for i, value in enumerate(conflict.values):
            for other in conflict.values[i + 1:]:
                pairs |= {frozenset({(e.source, e.start), (f.source, f.start)})
                          for e in value.support for f in other.support}
    return pairs


def held(a: Quantity, b: Quantity, known_pairs: set[frozenset[tuple[str, int]]]) -> bool:
    assert a.sentence_span is not None and b.sentence_span is not None
    return frozenset({(a.source, a.sentence_span[0]), (b.source, b.sentence_span[0])}) in known_pairs


def grouped(pairs: list[tuple[Quantity, Quantity]]) -> list[list[Quantity]]:
    """Pairs sharing a quantity, joined: one group per disagreement."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    members: dict[int, Quantity] = {}
    for a, b in pairs:
        members[id(a)], members[id(b)] = a, b
        parent[find(id(a))] = find(id(b))
    groups: dict[int, list[Quantity]] = defaultdict(list)
    for key, q in members.items():
        groups[find(key)].append(q)
    return list(groups.values())


def as_conflict(group: list[Quantity]) -> Conflict:
    by_value: dict[tuple[str, float, float | None, float | None], list[Quantity]] = defaultdict(list)
    for q in group:
        by_value[(q.qualifier, q.value, q.low, q.high)].append(q)
    ordered = sorted(by_value.values(), key=lambda qs: (-len({q.source for q in qs}), qs[0].value))
    values = [ConflictValue(value=_as_written(qs), support=_evidence(qs)) for qs in ordered]
    return Conflict(id="", kind="number", topic=_topic(group), values=values)


def _as_written(quantities: list[Quantity]) -> str:
    return Counter(" ".join(q.text.split()) for q in quantities).most_common(1)[0][0]


def _evidence(quantities: list[Quantity]) -> list[Evidence]:
    spans = sorted({(q.source, *q.sentence_span) for q in quantities if q.sentence_span is not None})
    return [Evidence(source=source, start=start, end=end) for source, start, end in spans]


def _topic(group: list[Quantity]) -> str:
    """The counted noun most reports use, else what the unit measures."""
    nouns = Counter(q.head for q in group if q.head)
    if nouns:
        return nouns.most_common(1)[0][0]
    unit = group[0].unit
    return "percentage" if unit == "%" else f"amount ({unit})"
