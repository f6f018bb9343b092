"""Coordinated sub-counts and their total: "30 soldiers, 11 Freedonians and 19 Ruritanians".

Parts are never compared with other sources' figures: a source that gives
the parts and one that gives the total do not disagree.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ...model import Article
from .quantity import Quantity

_MAX_GAP = 40  # characters between two coordinated counts
_SUBSET_AFTER = re.compile(r"\s+of\s+(?:whom|them|which|those|these)\b", re.IGNORECASE)


def mark_parts(article: Article, quantities: list[Quantity]) -> None:
    """Coordinated sub-counts ("11 Freedonians and 19 Ruritanians") that add up to
    a total are marked ``part_of`` it and take its class and event; without a
    total, their sum is appended to ``quantities`` as a ``derived`` total."""
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for index, q in enumerate(quantities):
        if not q.vague and q.qualifier == "exactly" and q.low is None:
            by_sentence[q.sentence].append(index)
    derived: list[Quantity] = []
    for indices in by_sentence.values():
        run: list[int] = []
        for at in [*indices, None]:
            if at is not None and run and _coordinated(article, quantities[run[-1]], quantities[at]):
                run.append(at)
                continue
            if len(run) >= 2:
                derived.extend(_resolve_runs(article, quantities, run))
            run = [at] if at is not None else []
    quantities.extend(derived)


def _coordinated(article: Article, left: Quantity, right: Quantity) -> bool:
    gap = article.text[left.end:right.start]
    if len(gap) > _MAX_GAP or any(c in gap for c in ".;:“”\"\n"):
        return False
    words = gap.replace(",", " , ").split()
    if _SUBSET_AFTER.match(article.text, right.end) or {"including", "among", "incl"} & {w.lower() for w in words}:
        return False  # "20 people, four of whom were hurt", "20 people, including four children": a part
    return ("and" in words or "," in words) and len(words) <= 5 and left.unit == right.unit


def _resolve_runs(article: Article, quantities: list[Quantity], run: list[int]) -> list[Quantity]:
    """Try the longest stretches of a coordinated run first: "30 soldiers, 11
    Freedonians and 19 Ruritanians" is a total and two parts."""
    for size in range(len(run), 1, -1):
        for begin in range(len(run) - size + 1):
            window = run[begin:begin + size]
            if any(quantities[i].part_of is not None for i in window):
                continue
            outcome = _resolve_run(article, quantities, window, derive=size == len(run))
            if outcome is not None:
                return outcome
    return []


def _resolve_run(article: Article, quantities: list[Quantity], run: list[int],
                 derive: bool) -> list[Quantity] | None:
    """Parts of an existing total (returns []), a derived total ([total]), or None."""
    parts = [quantities[i] for i in run]
    # Parts share what they count; a people name ("Freedonians") may stand for any class.
    classes = {q.referent for q in parts if not q.demonym}
    if len(classes) > 1 or None in classes:
        return None
    events = {q.event for q in parts} - {None}
    # "six men and one woman died": the verb after the last part tells what all of them did
    shared_verb = all(q.event is None for q in parts[:-1])
    if len(events) > 1 or (derive and len({q.event for q in parts}) > 1 and not shared_verb) \
            or any(q.increment for q in parts):
        return None  # "four dead and 120 wounded", "trapping five and injuring another 40"
    total_index = _stated_total(quantities, run, classes, events)
    if total_index is not None:
        total = quantities[total_index]
        for q in parts:
            q.part_of = total_index
            q.referent = total.referent
            q.event = total.event or q.event
        return []
    if not derive or len({q.referent for q in parts}) != 1:
        return None
    first, last = parts[0], parts[-1]
    derived = Quantity(
        source=article.id, start=first.start, end=last.end, value=sum(q.value for q in parts),
        unit=first.unit, counted=last.counted, head=last.head, referent=last.referent,
        event=next(iter(events)) if len(events) == 1 else None, sentence=first.sentence,
        text=article.text[first.start:last.end], derived=True,
        sentence_span=first.sentence_span,
    )
    for q in parts:
        # Where derived totals are appended. Known quirk, kept so no brief changes:
        # a second derived total in the same article gets the same index.
        q.part_of = len(quantities)
    return [derived]


def _stated_total(quantities: list[Quantity], run: list[int], classes: set[str | None],
                  events: set[str | None]) -> int | None:
    """The index of a count the source states that the parts add up to (one in
    the parts' sentence first), else None."""
    parts = [quantities[i] for i in run]
    total_value = sum(q.value for q in parts)
    candidates = [
        (q.sentence != parts[0].sentence, i)
        for i, q in enumerate(quantities)
        if i not in run and not q.vague and q.part_of is None and q.unit == parts[0].unit
        and q.low is None and q.qualifier in ("exactly", "at_least", "about")
        and abs(q.value - total_value) <= q.precision
        and (not classes or q.referent in classes)
        and (q.event is None or not events or q.event in events)
    ]
    return min(candidates)[1] if candidates else None
