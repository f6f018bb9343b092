"""numbers.aligned: a figure changed in one source's version of a shared sentence."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import conflicts_of, one

FINE = "The court fined the driver S${} on Tuesday for careless driving near the school."
VOUCHERS = "Every household in the town will receive {} vouchers from the council before the holidays."


def test_a_changed_figure_in_an_aligned_sentence_is_a_conflict():
    a = Article("a", FINE.format("3,000"))
    b = Article("b", FINE.format("3,000").replace("The court", "A district court"))
    c = Article("c", FINE.format("4,500"))
    conflicts = conflicts_of(a, b, c)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "number"
    assert [v.value for v in conflict.values] == ["S$3,000", "S$4,500"]
    assert {e.source for e in conflict.values[0].support} == {"a", "b"}
    assert [(e.source, e.start, e.end) for e in conflict.values[1].support] == [("c", 0, len(c.text))]


def test_counted_nouns_and_bounds():
    a = Article("a", VOUCHERS.format("300"))
    b = Article("b", VOUCHERS.format("450"))
    assert [v.value for v in conflicts_of(a, b)[0].values] == ["300", "450"]
    c = Article("c", VOUCHERS.format("at least 250"))
    assert conflicts_of(a, c) == []  # "at least 250" allows 300


def test_no_conflict_from_a_copy_or_a_source_writing_both():
    a = Article("a", FINE.format("3,000"))
    b = Article("b", FINE.format("4,500"), copy_of="a")
    assert conflicts_of(a, b) == []
    both = Article("b", FINE.format("4,500") + " His partner was fined S$3,000 in a separate case.")
    assert conflicts_of(a, both) == []


def test_unlike_sentences_and_spelled_out_counts_are_not_compared():
    a = Article("a", FINE.format("3,000"))
    b = Article("b", "Tickets for the concert at the stadium cost S$4,500 for the best seats.")
    assert conflicts_of(a, b) == []
    c = Article("c", "Two men were seen fighting with chairs outside the coffee shop at night.")
    d = Article("d", "Three men were seen fighting with chairs outside the coffee shop at night.")
    assert conflicts_of(c, d) == []


def test_a_currency_written_in_the_amount_token():
    [q] = one("Individuals can be fined up to S$30,000 or jailed.")
    assert (q.text, q.value, q.unit, q.qualifier) == ("up to S$30,000", 30000.0, "S$", "at_most")
