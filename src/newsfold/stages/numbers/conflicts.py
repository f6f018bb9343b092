"""Number conflicts: the same quantity reported with incompatible values by independent sources."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TypeAlias

from ...context import StoryContext
from ...model import Conflict, ConflictValue, Evidence, independent_count
from .aligned import aligned_conflicts
from .compare import LOWER_BOUNDS, UPPER_BOUNDS, comparable, compatible, interval
from .extract import extract_quantities
from .items import mark_bodies
from .quantity import Quantity
from .vocabulary import PARTITIVE

# (event, referent, unit, increment): counts that may be the same quantity.
_Key: TypeAlias = tuple[str | None, str, str | None, bool]
# (qualifier, value, low, high, unit): one value as a source states it.
_Signature: TypeAlias = tuple[str, float, float | None, float | None, str | None]


def number_conflicts(ctx: StoryContext) -> list[Conflict]:
    """Number conflicts among the story's on-topic sources, with ``id=""``.

    Reads ``ctx.articles`` (``copy_of``, ``off_topic``), ``ctx.sentences`` and
    ``ctx.docs``; extracts every source's quantities (``extract_quantities``)
    and returns ``Conflict(kind="number")``, ranked by the independent sources
    involved, then by the sources involved.

    The same quantity = the same ``Quantity.key`` (event, class of what is
    counted, unit), both or neither an addition ("two more"), and
    ``comparable`` (same owner; an event-less count needs the same verb and
    context). Never compared: parts of a total, sub-counts ("three of the
    soldiers", a sentence that splits a group: "two ... the other two"),
    figures of one item of several (``items``: "20 were taken to Riverside
    Hospital, and 31 went to Hill General"), descriptors ("nine-person
    brawl") and counts in sentences dated to an earlier time ("air strikes
    last week killed 30": another event). Each
    source states one value per key: its first (the lead; later different
    figures are updates, sub-counts or other events), the largest if its first
    sentence holds several. A value is listed when an independent source
    states a value incompatible with it (see ``compatible`` for qualifiers); a
    value compatible with every other ("at least 50" beside "52" and "more
    than 53") takes no side and is left out. Two values are no conflict when
    a source that states one also writes the other (it counts two things),
    unless both of its values are bounds of one side ("at least 40", later
    "over 50": one count, its bound raised). A copy (``copy_of``) never
    conflicts with its original.
    """
    quantities = [q for article in ctx.on_topic()
                  for q in extract_quantities(article, ctx.sentences.get(article.id, []), ctx.docs[article.id])]
    mark_bodies(quantities)
    roots = ctx.roots()
    found: list[tuple[int, int, Conflict]] = []
    for key, per_source in _by_key(quantities).items():
        statements = _Statements.of(per_source, roots)
        contested = statements.contested()
        if len(contested) < 2:
            continue
        involved = {q.source for sig in contested for q in statements.claims[sig]}
        conflict = Conflict(id="", kind="number", topic=_topic(key, [q for qs in per_source.values() for q in qs]),
                            values=_values(statements, contested))
        found.append((independent_count(involved, ctx.articles), len(involved), conflict))
    found.sort(key=lambda item: (-item[0], -item[1]))
    keyed = [conflict for _, _, conflict in found]
    return keyed + aligned_conflicts(ctx, quantities, keyed)


def _by_key(quantities: list[Quantity]) -> dict[_Key, dict[str, list[Quantity]]]:
    """The quantities that may be compared, by key and then by source."""
    per_key: dict[_Key, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    for q in quantities:
        if q.part_of is not None or q.key is None or q.subset or q.background or q.item is not None:
            continue
        per_key[(*q.key, q.increment)][q.source].append(q)
    return per_key


def _signature(q: Quantity) -> _Signature:
    return (q.qualifier, q.value, q.low, q.high, q.unit)


@dataclass
class _Statements:
    """What the sources say about one key."""

    per_source: dict[str, list[Quantity]]
    # signature -> the quantities written with it by the sources that state it
    claims: dict[_Signature, list[Quantity]] = field(default_factory=lambda: defaultdict(list))
    # signature -> the one value each source stating it states
    stated: dict[_Signature, list[Quantity]] = field(default_factory=lambda: defaultdict(list))
    # signature -> the independent sources stating it
    roots: dict[_Signature, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, per_source: dict[str, list[Quantity]], roots: dict[str, str]) -> _Statements:
        statements = cls(per_source)
        for source, qs in per_source.items():
            first = min(q.sentence for q in qs)
            stated = max((q for q in qs if q.sentence == first),
                         key=lambda q: (interval(q)[0], q.qualifier == "exactly", -q.start))
            signature = _signature(stated)
            statements.claims[signature].extend(q for q in qs if _signature(q) == signature)
            statements.stated[signature].append(stated)
            statements.roots[signature].add(roots.get(source, source))
        return statements

    def contested(self) -> list[_Signature]:
        """The values some independent source contradicts."""
        signatures = list(self.claims)
        return [sig for sig in signatures if any(self._disagree(sig, o) for o in signatures if o != sig)]

    def _disagree(self, sig: _Signature, other: _Signature) -> bool:
        if self.roots[sig] | self.roots[other] == self.roots[sig] & self.roots[other]:
            return False
        if self._writes_both(sig, other) or self._writes_both(other, sig):
            return False
        return any(not compatible(a, b) and comparable(a, b)
                   for a in self.stated[sig] for b in self.stated[other])

    def _writes_both(self, sig: _Signature, other: _Signature) -> bool:
        # A source that states one value and elsewhere writes the other (the
        # same figure, not an addition: "another 1,000" is a second group) is
        # counting two things, not contradicting anyone; unless both are
        # bounds of one side ("at least 40 people were injured", later "over
        # 50 people were taken to hospital"): one count, its bound raised.
        return any(q is not a and _signature(q)[1:] == _signature(b)[1:] and not _one_side(a, q)
                   for a in self.stated[sig] for q in self.per_source[a.source] for b in self.stated[other])


def _one_side(a: Quantity, b: Quantity) -> bool:
    """Both lower bounds or both upper bounds (neither a range)."""
    sides = [LOWER_BOUNDS if q.qualifier in LOWER_BOUNDS else UPPER_BOUNDS if q.qualifier in UPPER_BOUNDS else None
             for q in (a, b)]
    return sides[0] is not None and sides[0] is sides[1] and a.low is None and b.low is None


def _values(statements: _Statements, contested: list[_Signature]) -> list[ConflictValue]:
    """The conflict's values, the one most independent sources state first.

    One figure written with different approximations ("nearly 1,000",
    "roughly 1,000") is one value of the conflict."""
    claims = statements.claims
    merged: dict[tuple[float, float | None, float | None, str | None], list[_Signature]] = defaultdict(list)
    for sig in contested:
        merged[sig[1:]].append(sig)
    groups: list[list[_Signature]] = []
    for sigs in merged.values():
        if all(compatible(claims[a][0], claims[b][0]) for i, a in enumerate(sigs) for b in sigs[i + 1:]):
            groups.append(sigs)
        else:
            groups.extend([sig] for sig in sigs)
    groups.sort(key=lambda sigs: (-len(set().union(*(statements.roots[s] for s in sigs))),
                                  interval(claims[sigs[0]][0])[0]))
    values = []
    for sigs in groups:
        members = [q for sig in sigs for q in claims[sig]]
        values.append(ConflictValue(value=_as_written(members), support=_evidence(members)))
    return values


def _as_written(quantities: list[Quantity]) -> str:
    """The value as most sources write it ("52", "more than 53")."""
    counts = Counter(" ".join(q.text.split()) for q in quantities)
    return counts.most_common(1)[0][0]


def _evidence(quantities: list[Quantity]) -> list[Evidence]:
    """Each quantity's sentence, once, in source and text order."""
    seen = set()
    evidence = []
    for q in sorted(quantities, key=lambda q: (q.source, q.start)):
        start, end = q.sentence_span or (q.start, q.end)
        if (q.source, start, end) not in seen:
            seen.add((q.source, start, end))
            evidence.append(Evidence(source=q.source, start=start, end=end))
    return evidence


def _topic(key: _Key, quantities: list[Quantity]) -> str:
    """"protesters injured": the noun most reports use, and the event."""
    event, referent, unit = key[:3]
    if event == "age" and referent:  # "age of ana ruiz": the person's name, capitalised again
        return "age of " + " ".join(word.capitalize() for word in referent.split()[2:])
    nouns: Counter[str] = Counter()
    for q in quantities:
        if q.counted:
            head = q.counted.split()[-1] if q.head not in PARTITIVE else q.counted
            nouns[head if head[:1].isupper() and q.demonym else head.lower()] += 1
    noun = nouns.most_common(1)[0][0] if nouns else (referent or "quantity")
    if unit == "%":
        noun = f"% {noun}"
    return f"{noun} {event}" if event else noun
