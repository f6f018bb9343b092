"""Disagreeing figure pairs, as conflicts: pairs a known conflict already
holds are left out, pairs sharing a figure form one conflict, and each value
is supported by the sentence of each figure stating it (``aligned``), and
of every other source writing it (``backed``)."""
from __future__ import annotations

from collections import Counter, defaultdict

from ...model import Conflict, ConflictValue, Evidence
from .compare import compatible, same_number
from .items import same_item
from .kinds import SameKind
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


def backed(group: list[Quantity], figures: list[Quantity], same_kind: SameKind) -> list[Quantity]:
    """The group with every other source that writes one of its values, of its
    kind (``lone.Backing``'s test): "14 [3 sources]" is what a lone value is
    set against, not the one sentence it was paired with."""
    return group + _backers(group, figures, same_kind)


def back_known(known: list[Conflict], figures: list[Quantity], same_kind: SameKind) -> None:
    """Each value of a known (keyed) number conflict backed, as ``backed``
    does, by the other sources that write it: the keyed comparison takes one
    value per source and key, so a source that counts the same people with
    another noun ("sent 46 people to hospital" beside "46 people were
    treated") was left out of the count."""
    for conflict in (c for c in known if c.kind == "number"):
        involved = {e.source for v in conflict.values for e in v.support}
        for value in conflict.values:
            at = {(e.source, e.start) for e in value.support}
            members = [q for q in figures if q.sentence_span is not None
                       and (q.source, q.sentence_span[0]) in at and _written(q) == value.value]
            for q in _backers(members, [z for z in figures if z.source not in involved], same_kind):
                value.support.extend(_evidence([q]))
                involved.add(q.source)


def _backers(group: list[Quantity], figures: list[Quantity], same_kind: SameKind) -> list[Quantity]:
    """One figure of each source outside ``group`` that writes one of its
    values, of its kind (a source already in the group, with this value or
    another, adds nothing)."""
    sources = {q.source for q in group}
    extra: list[Quantity] = []
    for z in figures:
        if z.source not in sources and any(same_kind(q, z) and same_number(q, z) and same_item(q, z) for q in group):
            extra.append(z)
            sources.add(z.source)
    return extra


def folded_into(conflict: Conflict, known: list[Conflict]) -> bool:
    """Whether a known number conflict lists every value of ``conflict`` as
    written ("52" against "More than 53"): then the known one takes its
    support, and the disagreement stands once."""
    values = {v.value for v in conflict.values}
    home = next((k for k in known if k.kind == "number" and values <= {v.value for v in k.values}), None)
    if home is None:
        return False
    for value in home.values:
        seen = {(e.source, e.start) for e in value.support}
        for other in (v for v in conflict.values if v.value == value.value):
            value.support.extend(e for e in other.support if (e.source, e.start) not in seen)
        value.support.sort(key=lambda e: (e.source, e.start))
    return True


def as_conflict(group: list[Quantity]) -> Conflict:
    by_value: dict[tuple[str, float, float | None, float | None], list[Quantity]] = defaultdict(list)
    for q in group:
        # one figure written with and without an approximation ("some 40", "40") is one value
        home = next((key for key, qs in by_value.items() if key[1:] == (q.value, q.low, q.high)
                     and all(compatible(q, z) for z in qs)), (q.qualifier, q.value, q.low, q.high))
        by_value[home].append(q)
    ordered = sorted(by_value.values(), key=lambda qs: (-len({q.source for q in qs}), qs[0].value))
    values = [ConflictValue(value=_as_written(qs), support=_evidence(qs)) for qs in ordered]
    return Conflict(id="", kind="number", topic=_topic(group), values=values)


def _as_written(quantities: list[Quantity]) -> str:
    return Counter(_written(q) for q in quantities).most_common(1)[0][0]


def _written(q: Quantity) -> str:
    """The figure as written; a span in words with its unit ("six years", where
    "a six-year ban" writes "six"), the number alone telling nothing."""
    text = " ".join(q.text.split())
    if q.duration and q.small_in_words and q.head:
        return f"{text} {q.head}" + ("" if q.value == 1 else "s")
    return text


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
