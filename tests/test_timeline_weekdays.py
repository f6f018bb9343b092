"""timeline.weekdays: a day its own weekday contradicts, against the weekday's day in other sources."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.timeline.weekdays import weekday_day

from .test_timeline_aligned import _embedded_conflicts

# 2031-03-11 is a Tuesday, 2031-03-14 a Friday
_VOTED = "The council approved the harbour parking rules on Tuesday ({})."
_TOLD = "Drivers in the harbour district will pay more to park after a council vote on March 11."


def test_the_weekday_names_the_day_within_three_days():
    assert weekday_day("2031-03-14", "on Tuesday (Mar 14)") == "2031-03-11"
    assert weekday_day("2031-03-12", "last Saturday, March 12") == "2031-03-15"
    assert weekday_day("2031-03-11", "Tuesday, March 11") is None  # they agree
    assert weekday_day("2031-03-11", "March 11") is None  # no weekday written


def test_a_day_its_weekday_contradicts_is_disputed_against_the_weekday_s_day():
    moved = Article("a", _VOTED.format("Mar 14"), published="2031-03-15")
    other = Article("b", _TOLD, published="2031-03-15")
    [conflict] = _embedded_conflicts(moved, other, cosine=0.4)
    assert [v.value for v in conflict.values] == ["2031-03-11", "2031-03-14"]
    assert [[e.source for e in v.support] for v in conflict.values] == [["b"], ["a"]]
    # the same two sentences with the weekday agreeing: one source against one, told loosely alike: two events
    agreeing = Article("a", "The council approved the harbour parking rules on Friday (Mar 14).", published="2031-03-15")
    assert _embedded_conflicts(agreeing, other, cosine=0.4) == []


def test_no_weekday_dispute_without_another_source_s_day_told_alike():
    moved = Article("a", _VOTED.format("Mar 14"), published="2031-03-15")
    unlike = Article("b", _TOLD, published="2031-03-15")
    assert _embedded_conflicts(moved, unlike, cosine=0.2) == []  # far apart in meaning: another event
    copy = Article("b", _TOLD, published="2031-03-15", copy_of="a")
    assert _embedded_conflicts(moved, copy, cosine=0.4) == []  # a copy is the same source
    # another source giving the written day too: not the weekday's day against a lone one, but
    # the lone source the other way round (``consensus``)
    also = Article("c", "The parking rules of the harbour were approved by the council on March 14.", published="2031-03-15")
    [conflict] = _embedded_conflicts(moved, unlike, also, cosine=0.4)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-03-14", ["a", "c"]), ("2031-03-11", ["b"])]
