"""numbers.lone: a figure one source alone gives where the others agree on another."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import conflicts_of, one

SOLD = [
    "The harbour trust sold the old ferry terminal for S$54.5 million, agents said on Monday.",
    "According to the land registry, the old ferry terminal changed hands at S$54.5 million.",
    "Brokers confirmed that the deal for the ferry terminal was struck at S$54.5 million.",
]
PAID = "A church group, which plans to turn it into a hall for its members, paid {} for the terminal."


def test_a_lone_value_in_the_place_of_a_consensus_is_a_conflict():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    lone = Article("lone", PAID.format("S$81.8 million"))
    [conflict] = conflicts_of(*sold, lone)
    assert [v.value for v in conflict.values] == ["S$54.5 million", "S$81.8 million"]
    assert {e.source for e in conflict.values[0].support} == {"s0", "s1", "s2"}
    [evidence] = conflict.values[1].support
    assert lone.text[evidence.start:evidence.end] == lone.text
    # one other source is no consensus: two sentences this unlike are not compared
    assert conflicts_of(sold[0], lone) == []


def test_a_lone_value_is_no_conflict_where_its_source_also_writes_the_consensus():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    both = Article("lone", PAID.format("S$81.8 million") + " The asking price had been S$54.5 million.")
    assert conflicts_of(*sold, both) == []


def test_parts_and_ranges_take_no_consensus_place():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    parts = Article("lone", PAID.format("S$40 million and S$14.5 million respectively"))
    assert conflicts_of(*sold, parts) == []  # the two parts add up to the total
    ranged = Article("lone", PAID.format("S$80-82 million"))
    assert conflicts_of(*sold, ranged) == []


def test_a_score_is_no_count():
    assert one("The Cubs won with an 8-7 victory over the Indians.") == []
    assert one("The home side ran out 9-3 victors.") == []
    [q] = one("Between 50-60 people were hurt in the crush.")
    assert (q.low, q.high) == (50.0, 60.0)


SENTENCED = "The judge sentenced the man to {} years in jail on Friday for the attack."
SOUGHT = "Prosecutors had asked the court for a jail term of up to {} years and six weeks."


def test_a_value_written_for_another_claim_explains_nothing():
    # c writes 10 years for the sentence passed, and 15 where a and b write 10 for the term sought
    a = Article("a", SENTENCED.format(10) + " " + SOUGHT.format(10))
    b = Article("b", SENTENCED.format(10).replace("The judge", "A district judge") + " " + SOUGHT.format(10))
    c = Article("c", SENTENCED.format(10) + " " + SOUGHT.format(15))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["up to 10", "up to 15"]


def test_a_figure_of_another_kind_in_the_sentence_explains_nothing():
    caned = "He was jailed for {} years and given at least nine strokes of the cane for the attack."
    a, b, c = (Article(name, caned.format(years)) for name, years in (("a", 10), ("b", 10), ("c", 15)))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["10", "15"]


def test_a_lone_value_told_late_takes_the_place_but_not_one_of_long_ago():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    late = Article("lone", "Two weeks ago a church group, which plans to turn it into a hall, paid S$81.8 million "
                           "for the terminal.")
    [conflict] = conflicts_of(*sold, late)
    assert [v.value for v in conflict.values] == ["S$54.5 million", "S$81.8 million"]
    long_ago = Article("lone", late.text.replace("Two weeks ago", "Last year"))
    assert conflicts_of(*sold, long_ago) == []
