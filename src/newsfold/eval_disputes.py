"""Scoring the disputes of a brief and the sources it leaves out (see ``newsfold.eval``).

An annotation lists *every* real disagreement of its story under ``conflicts``
(an editor's list, not a sample), so a dispute the brief reports that matches
none of them is a false alarm. Off-topic sources are listed under
``off_topic``; an annotation without the key says its story has none.
"""
from __future__ import annotations

import re

from .model import Brief, Conflict
from .nlp.text import plain


def conflict_scores(annotation: dict, brief: Brief) -> dict[str, float]:
    """Recall of the annotated conflicts and precision of the reported ones.

    ``conflicts_found``: annotated conflicts the brief reports with the same kind
    and every annotated value (with all its annotated sources).
    ``dispute_precision``: reported conflicts, of any kind, that match an
    annotated conflict: two different annotated values of it stand in two
    different values of the reported one, each backed by at least one of the
    sources the annotation gives for it. The kind is not compared: a real
    disagreement filed as a date instead of a number is still real; an
    attribution dispute against an unattributed quote matches nothing.
    ``number_conflicts_precision``: the same as ``conflicts_found``'s rule, for
    number conflicts only (kept for the older floors).
    """
    gold = annotation.get("conflicts", [])
    found = sum(
        any(
            conflict.kind == item["kind"]
            and all(value_supported(conflict, value, sources) for value, sources in item["values"].items())
            for conflict in brief.conflicts
        )
        for item in gold
    )
    number_conflicts = [c for c in brief.conflicts if c.kind == "number"]
    gold_numbers = [g for g in gold if g["kind"] == "number"]
    matched_numbers = sum(
        any(all(value_supported(c, v, s) for v, s in g["values"].items()) for g in gold_numbers)
        for c in number_conflicts
    )
    real = sum(any(_same_disagreement(c, item) for item in gold) for c in brief.conflicts)
    return {
        "conflicts_found": _share(found, len(gold)),
        "number_conflicts_precision": _share(matched_numbers, len(number_conflicts)),
        "dispute_precision": _share(real, len(brief.conflicts)),
    }


def value_supported(conflict: Conflict, value: str, sources: list[str]) -> bool:
    """``value`` may list spellings separated by ``|`` ("seventeen|17"); every
    annotated source must back the reported value that carries it."""
    return any(set(sources) <= {e.source for e in conflict.values[i].support} for i in _carriers(conflict, value))


def _carriers(conflict: Conflict, value: str) -> set[int]:
    """Indices of the reported values that contain one spelling of ``value``,
    the words the conflict's topic names aside: "seven" under the topic
    "vote" carries "seven votes" and "7-vote"."""
    topic = {_singular(word) for word in _fold(conflict.topic).split()}
    spellings = {_fold(v) for v in value.split("|")}
    spellings |= {" ".join(w for w in re.split(r"[\s-]+", spelling) if _singular(w) not in topic) for spelling in spellings}
    return {
        index
        for index, candidate in enumerate(conflict.values)
        if any(spelling and spelling in _fold(candidate.value) for spelling in spellings)
    }


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _same_disagreement(conflict: Conflict, item: dict) -> bool:
    backed: list[set[int]] = []
    for value, sources in item["values"].items():
        backed.append({
            index
            for index in _carriers(conflict, value)
            if set(sources) & {e.source for e in conflict.values[index].support}
        })
    return any(a != b for i, first in enumerate(backed) for second in backed[i + 1 :] for a in first for b in second)


def off_topic_scores(annotation: dict, brief: Brief) -> dict[str, float]:
    """``off_topic_f1``: the sources the brief flags off-topic against the
    annotated ``off_topic`` ids (1.0 when both are empty).
    ``off_topic_kept_out``: annotated off-topic sources that no fact, quote,
    conflict or timeline entry of the brief cites."""
    gold = set(annotation.get("off_topic", []))
    known = {a.id for a in brief.sources}
    if gold - known:
        from .errors import InputError

        raise InputError(f"annotation names off-topic sources the brief lacks: {sorted(gold - known)}")
    flagged = {a.id for a in brief.sources if a.off_topic}
    hits = len(gold & flagged)
    f1 = 1.0 if not gold and not flagged else round(2 * hits / (len(gold) + len(flagged)), 4)
    cited = {e.source for f in brief.facts for e in f.support}
    cited |= {e.source for q in brief.quotes for e in q.support}
    cited |= {e.source for c in brief.conflicts for v in c.values for e in v.support}
    cited |= {e.source for t in brief.timeline for e in t.support}
    return {
        "off_topic_f1": f1,
        "off_topic_kept_out": _share(len(gold - cited), len(gold)),
    }


def _share(part: float, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def _fold(text: str | None) -> str:
    return " ".join(plain(text).split()) if text else ""
