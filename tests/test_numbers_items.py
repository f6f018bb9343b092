"""numbers stage: conversions in brackets, bounds raised in one source, figures of one item of several and bodies
of several (invented texts)."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import by_text, conflicts_of, quantities_of


def values_of(conflict) -> dict[str, set[str]]:
    return {v.value: {e.source for e in v.support} for v in conflict.values}


def test_a_bracketed_conversion_of_an_agreeing_figure_is_rounded():
    a = Article("a", "The system uses 17 miles (27km) of track.")
    b = Article("b", "The system uses its 17 miles (28km) of track, with 39 stops.")
    assert by_text(quantities_of(a), "27").converted
    assert conflicts_of(a, b) == []
    c = Article("c", "The system uses 26 miles (42km) of track.")
    conflicts = conflicts_of(a, c)
    assert conflicts and any({"17", "26"} <= set(values_of(k)) for k in conflicts)


def test_a_conversion_of_a_round_figure_is_no_more_precise_than_it():
    # "RM10,000 (S$3,030)" and "(S$3,038)": two rates for one exact amount, a disagreement
    a = Article("a", "Offenders face a fine of RM10,000 (S$3,030) or more, the agency said.")
    b = Article("b", "Offenders face a fine of RM10,000 (S$3,038) or more, the agency said.")
    assert conflicts_of(a, b)


