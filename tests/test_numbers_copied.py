"""numbers.copied: a figure a copy and its original write differently."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import conflicts_of

LEAD = "The court fined the driver S${} on Tuesday for careless driving near the school."
OTHER = "Magistrates imposed a S$3,000 penalty, the prosecution said."


def test_a_copy_keeping_a_figure_its_original_changed_is_a_conflict():
    original = Article("a", LEAD.format("4,500") + " He was also banned from driving.")
    copy = Article("b", LEAD.format("3,000") + " He was also banned from driving.", copy_of="a")
    independent = Article("c", OTHER)
    [conflict] = conflicts_of(original, copy, independent)
    values = {v.value: {e.source for e in v.support} for v in conflict.values}
    assert values == {"S$3,000": {"b", "c"}, "S$4,500": {"a"}}


def test_a_copy_alone_against_its_original_is_no_conflict():
    # no source of another root writes either value: one independent source, no dispute between sources
    original = Article("a", LEAD.format("4,500"))
    copy = Article("b", LEAD.format("3,000"), copy_of="a")
    other = Article("c", "Magistrates imposed a penalty, the prosecution said.")
    assert conflicts_of(original, copy, other) == []


def test_a_copy_reordering_its_figures_is_no_conflict():
    text = "Fines of S${} and S${} were imposed on the two drivers on Tuesday."
    original = Article("a", text.format("3,000", "4,500"))
    copy = Article("b", text.format("4,500", "3,000"), copy_of="a")
    assert conflicts_of(original, copy, Article("c", OTHER)) == []
