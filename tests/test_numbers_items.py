"""numbers stage: conversions in brackets, bounds raised in one source, figures of one item of several and bodies
of several (invented texts)."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import by_text, conflicts_of, one, quantities_of


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


def test_a_bound_raised_later_in_a_source_is_one_count_not_two():
    a = Article("a", "The fire brigade said at least 40 people were injured after the tram overturned. "
                     "Over 50 people were taken to hospital.")
    b = Article("b", "More than 50 people were injured when the tram left the track.")
    c = Article("c", "Police said more than 50 people were injured in the crash.")
    conflicts = conflicts_of(a, b, c)
    assert len(conflicts) == 1
    values = values_of(conflicts[0])
    assert values["at least 40"] == {"a"} and {"b", "c"} <= values["More than 50"] | values.get("more than 50", set())


def test_a_bare_toll_word_after_a_number_is_its_event():
    found = one("Ann Berg, 30, who was among more than 50 injured, said the tram sped up.")
    assert by_text(found, "more than 50").event == "injured"
