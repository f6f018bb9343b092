"""timeline.copied: a day that a copy and its original write differently in one sentence."""
from __future__ import annotations

from newsfold.model import Article

from .test_timeline_aligned import _embedded_conflicts

LEAD = "The ferry operator said the new harbour route to Port Alden opened on March {} after a safety review."
# another root gives the copy's day in a sentence of its own telling (too unlike to align with the lead)
OTHER = "Passengers boarded the first crossing to Port Alden on March 9, the operator said."


def _story(original_day: str, copy_day: str, other: str | None = OTHER, cosine: float = 0.35) -> list:
    articles = [Article("a", LEAD.format(original_day), published="2031-03-14"),
                Article("b", LEAD.format(copy_day), published="2031-03-14", copy_of="a")]
    if other is not None:
        articles.append(Article("c", other, published="2031-03-14"))
    return _embedded_conflicts(*articles, cosine=cosine)


def test_a_copy_keeping_a_day_its_original_changed_is_a_date_conflict():
    [conflict] = _story("12", "9")
    values = {v.value: sorted(e.source for e in v.support) for v in conflict.values}
    assert values == {"2031-03-09": ["b", "c"], "2031-03-12": ["a"]}


def test_a_copy_alone_against_its_original_is_no_date_conflict():
    # no source of another root gives either day: one independent source, no dispute between sources
    assert _story("12", "9", other=None) == []
    assert _story("12", "9", other="Passengers boarded the first crossing to Port Alden, the operator said.") == []


def test_a_copied_day_needs_a_telling_close_in_meaning_and_a_near_day():
    # the other root's day given in a sentence far apart in meaning dates something else
    assert _story("12", "9", cosine=0.2) == []
    # three weeks apart: the sentence rewritten for another event, not one day changed
    assert _story("30", "9") == []


def test_a_copy_dating_a_sentence_apart_from_its_original_backs_no_lone_day():
    # the copy ran two days later with the original's "yesterday", so it resolves to another day;
    # its root tells both days in one sentence and backs neither, so a lone day there stays lone
    from .test_timeline_aligned import _MARKET, _MOVED
    told = "Fire crews put out a blaze at the Harbour Street market stall yesterday morning."
    articles = [Article("a", told, published="2031-03-10"),
                Article("b", told, published="2031-03-12", copy_of="a"),
                Article("c", _MARKET[1], published="2031-03-14"),
                Article("d", _MARKET[2], published="2031-03-14"),
                Article("e", _MOVED.replace("March 12", "March 11"), published="2031-03-14")]
    [conflict] = _embedded_conflicts(*articles)
    values = {v.value: sorted(e.source for e in v.support) for v in conflict.values}
    assert values["2031-03-11"] == ["e"] and {"c", "d"} <= set(values["2031-03-09"])
