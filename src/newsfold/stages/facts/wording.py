"""From a group of units to a Fact: its counts, its importance and its wording.

The wording is the clearest, most central unit of an original (non-copy)
source, preferring whole sentences, shown verbatim.
"""
from __future__ import annotations

import re
from collections.abc import Collection

import numpy as np

from ...model import Article, Evidence, Fact, independent_count
from ...nlp.text import leans_back, quoted_share
from .features import numbers_of, word_count
from .units import Unit

_LEADING_CONNECTOR = re.compile(
    r"^(?:and|but|while|whereas|although|though|as|after|before|when|amid|"
    r"(?:a|one|two|three|several|some|hours|days)\s+(?:\w+\s+)?(?:after|before|later))\s+",
    re.IGNORECASE,
)
# A clause is shown in its whole sentence unless that sentence is longer than this.
_MAX_STATEMENT_WORDS = 60
# A cut clause ends on the word or mark that joined it to the next one.
_TRAILING_JOINER = re.compile(r"(?:[\s,;:\u2014\u2013-]|\s(?:and|or|but))+$")


def story_centroid(units: list[Unit], vectors: np.ndarray, roots: dict[str, str]) -> np.ndarray:
    """The unit-length centre of the story, each independent source weighing the same.

    So a long article or a wire story printed five times does not pull the
    centre towards itself.
    """
    by_root: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        by_root.setdefault(roots[unit.source], []).append(index)
    centre = np.mean([vectors[rows].mean(axis=0) for rows in by_root.values()], axis=0)
    return centre / max(float(np.linalg.norm(centre)), 1e-9)


def to_fact(
    group: list[int], units: list[Unit], scores: np.ndarray, vectors: np.ndarray, story: np.ndarray,
    articles: list[Article], borrowed: Collection[int] = frozenset(),
) -> Fact:
    """The Fact a group states (``id`` left empty: the pipeline numbers facts)."""
    source_ids = sorted({units[i].source for i in group})
    copies = {a.id for a in articles if a.copy_of}
    mean = vectors[group].mean(axis=0)
    centrality = float(mean @ story) / max(float(np.linalg.norm(mean)), 1e-9)
    # News puts what matters first: a small bonus for facts told early.
    lead = max(1.0 / (1.0 + units[i].sentence.index) for i in group)
    candidates = (
        [i for i in group if units[i].source not in copies and i not in borrowed]
        or [i for i in group if i not in borrowed]
        or list(group)
    )
    best = max(candidates, key=lambda i: (_clarity(i, group, units, scores), -i))
    independent = independent_count(source_ids, articles)
    return Fact(
        id="",
        text=_display_text(units[best]),
        kind="consensus" if independent >= 2 else "unique",
        sources=len(source_ids),
        independent_sources=independent,
        support=[Evidence(units[i].source, units[i].start, units[i].end) for i in sorted(group)],
        score=round(0.8 * centrality + 0.2 * lead, 4),
        statement=_statement(units[best]),
    )


def _statement(unit: Unit) -> Evidence | None:
    """The whole sentence of a clause cut from it, so the fact is read with its
    subject and speaker ("…shortly after leaving the terminal, the coast guard
    said." alone names neither); None for a whole sentence or an overlong one."""
    sentence = unit.sentence
    if unit.whole or word_count(sentence.text) > _MAX_STATEMENT_WORDS:
        return None
    return Evidence(sentence.source, sentence.start, sentence.end)


def importance(fact: Fact, articles: list[Article]) -> tuple[int, float, tuple[int, int]]:
    """Sort key, most important first: independent sources, then centrality,
    then the earliest place a source states it."""
    return (-fact.independent_sources, -fact.score, _first_position(fact, articles))


def _clarity(index: int, group: list[int], units: list[Unit], scores: np.ndarray) -> float:
    unit = units[index]
    others = [j for j in group if units[j].source != unit.source]
    central = float(scores[index, others].mean()) if others else 0.0
    words = word_count(unit.text)
    # A figure no other source in the group gives (17 injured where the others
    # say 14) must not become the wording of what the sources agree on.
    numbers = numbers_of(unit.text)
    elsewhere = set().union(*(numbers_of(units[j].text) for j in others)) if others else set()
    lone_figure = bool(others) and bool(numbers - elsewhere)
    return (
        central
        - (0.25 if lone_figure else 0.0)
        + (0.15 if unit.whole else 0.05 if unit.start == unit.sentence.start else 0.0)
        - (0.0 if _reads_alone(unit) else 0.15)
        - (0.25 if leans_back(unit.text) else 0.0)  # "It said…", "However, …", "Suspicious, she…"
        # Quotes have their own section: a fact is worded by a report of it when one exists.
        - 0.15 * quoted_share(unit.text)
        - (0.10 if words > 40 else 0.0)
    )


def _display_text(unit: Unit) -> str:
    """The unit's own words, verbatim, with "…" where it was cut from its sentence.

    A fact's wording is what a source wrote, never a rewrite: a clause such as
    "while the bridge is closed, the office said" is shown as
    "…while the bridge is closed, the office said." rather than turned into
    the plainer (and stronger) "The bridge is closed".
    """
    text = unit.text.strip()
    starts_sentence = unit.start == unit.sentence.start
    ends_sentence = unit.end >= unit.sentence.end
    if not ends_sentence:
        text = _TRAILING_JOINER.sub("", text) + "…"
    if not starts_sentence:
        text = "…" + text
    return " ".join(text.split())


def _reads_alone(unit: Unit) -> bool:
    if unit.start == unit.sentence.start:
        return True
    if _LEADING_CONNECTOR.match(unit.text):
        return True
    return unit.text.lstrip("\"'\u201c\u2018")[:1].isupper()


def _first_position(fact: Fact, articles: list[Article]) -> tuple[int, int]:
    order = {a.id: i for i, a in enumerate(articles)}
    return min((order.get(e.source, 0), e.start) for e in fact.support)
