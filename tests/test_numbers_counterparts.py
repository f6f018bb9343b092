"""numbers.counterparts: the last figure of a kind left in two alike sentences."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.numbers.counterparts import last_left
from newsfold.stages.numbers.kinds import same_kind_plain
from newsfold.stages.numbers.quantity import Quantity

from .test_numbers import conflicts_of

PRICES = "Entry for adults and for children aged four to 12 will cost ${} and ${} respectively, the organisers said."


def test_the_figure_left_beside_agreeing_figures_meets_the_one_left_in_the_other_sentence():
    a = Article("a", PRICES.format(10, 5))
    b = Article("b", PRICES.format(10, 8).replace("the organisers said", "organisers told reporters"))
    [conflict] = conflicts_of(a, b)
    assert sorted(v.value for v in conflict.values) == ["$5", "$8"]


def test_sentences_giving_a_kind_unequally_often_leave_nothing_to_pair():
    a = Article("a", PRICES.format(10, 5))
    # a third price the other sentence does not give has no counterpart there
    b = Article("b", "Entry for adults, for children aged four to 12 and for seniors will cost $10, $5 and $8 "
                     "respectively, the organisers said.")
    assert conflicts_of(a, b) == []


def _price(source: str, value: float) -> Quantity:
    return Quantity(source, 0, 1, value, unit="$", text=f"${value:g}")


def test_a_figure_paired_in_another_sentence_still_counts_in_its_own():
    # "a" tells $10 and $5 in one sentence and $7 in another; "b" tells $10, $8 and $7 in one:
    # with $10 and $7 paired, $5 and $8 are each the last one left, but "b" gives a third price
    figures = [(0, _price("a", 10)), (0, _price("a", 5)), (2, _price("a", 7)),
               (1, _price("b", 10)), (1, _price("b", 8)), (1, _price("b", 7))]
    likeness = [[1.0] * len(figures) for _ in figures]
    assert last_left([(0, 3), (2, 5)], figures, likeness, same_kind_plain) == []
    figures[5] = (3, _price("b", 7))  # b's $7 in a sentence of its own: $5 and $8 are counterparts
    assert last_left([(0, 3), (2, 5)], figures, likeness, same_kind_plain) == [(1, 4)]


def test_a_figure_the_other_sentence_writes_is_its_counterpart_before_a_figure_told_with_more_alike_words():
    # "$20 per person, while children aged four to 12 ... $15 each" beside "$20 per adult and $10 per
    # child aged four to 12": the words next to "$10" make it the likest to the first "$20"
    from newsfold.nlp.align import mutual_best
    from newsfold.stages.numbers.counterparts import agreeing_first

    figures = [(0, _price("a", 20)), (0, _price("a", 15)), (1, _price("b", 20)), (1, _price("b", 10))]
    likeness = [[0.0, 0.0, 2.39, 2.48],
                [0.0, 0.0, 1.97, 2.37],
                [2.39, 1.97, 0.0, 0.0],
                [2.48, 2.37, 0.0, 0.0]]
    sources = [q.source for _, q in figures]
    assert mutual_best(sources, sources, likeness) == [(0, 3)]  # $20 and $10: crossed
    agreeing_first(figures, likeness, same_kind_plain)
    best = mutual_best(sources, sources, likeness)
    # $20 and $20 agree; $15 and $10 meet each other, as best or as the ones left
    assert set(best) | set(last_left(best, figures, likeness, same_kind_plain)) == {(0, 2), (1, 3)}
    # figures of another kind agreeing in number take nothing: "20 rides" is no "$20"
    rides = [(0, Quantity("a", 0, 1, 20, head="ride", text="20")), *figures[1:]]
    likeness = [[0.0, 0.0, 2.39, 2.48], [0.0, 0.0, 1.97, 2.37], [2.39, 1.97, 0.0, 0.0], [2.48, 2.37, 0.0, 0.0]]
    agreeing_first(rides, likeness, same_kind_plain)
    assert likeness[0][3] == 2.48
