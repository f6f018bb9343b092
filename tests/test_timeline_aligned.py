"""timeline.aligned: a day moved in one source's version of a shared sentence."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.stages.timeline import aligned

from .test_timeline import one, run

HEARING = "The council approved the new parking rules for the harbour district on {}, officials said."


def _date_conflicts(*articles: Article):
    return [c for c in run(list(articles))[1] if c.kind == "date"]


def test_a_moved_day_in_an_aligned_sentence_is_a_date_conflict():
    a = Article("a", HEARING.format("March 9"), published="2031-03-14")
    b = Article("b", "On 9 March the council approved new parking rules for the harbour district.",
                published="2031-03-14")
    c = Article("c", HEARING.format("March 12"), published="2031-03-14")
    [conflict] = _date_conflicts(a, b, c)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert {e.source for e in conflict.values[0].support} == {"a", "b"}
    for value in conflict.values:  # each value cites the sentence that gives it
        for e in value.support:
            text = {"a": a, "b": b, "c": c}[e.source].text
            assert value.value[-1] in text[e.start:e.end]


def test_no_date_conflict_from_a_copy_or_a_source_giving_both():
    a = Article("a", HEARING.format("March 9"), published="2031-03-14")
    copy = Article("b", HEARING.format("March 12"), published="2031-03-14", copy_of="a")
    assert _date_conflicts(a, copy) == []
    both = Article("b", HEARING.format("March 12") + " " + HEARING.format("March 9").replace("new", "first"),
                   published="2031-03-14")
    assert _date_conflicts(a, both) == []


def _claim(source: str, *days: str) -> aligned._Claim:
    return aligned._Claim(source, source, (0, 10), "", frozenset(), frozenset(days), "")


def test_only_one_day_each_and_near_days_are_disputed():
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-03-12")) == ("2031-03-09", "2031-03-12")
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-02-10")) is None  # two events
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-03-09")) is None
    assert aligned._disputed(_claim("a", "2031-03-09", "2031-03-01"), _claim("b", "2031-03-12", "2031-03-02")) is None


def test_unlike_sentences_are_not_compared():
    a = Article("a", HEARING.format("March 9"), published="2031-03-14")
    b = Article("b", "A storm closed the ferry terminal and flooded two streets on March 11.",
                published="2031-03-14")
    assert _date_conflicts(a, b) == []


def test_a_weekday_glossed_with_its_date_is_one_mention():
    timeline = one("On Monday (Mar 10), the council approved the new parking rules.", published="2031-03-14")
    assert [event.date for event in timeline] == ["2031-03-10"]
    # the written day wins over the weekday when they disagree
    timeline = one("On Monday (Mar 12), the council approved the new parking rules.", published="2031-03-14")
    assert [event.date for event in timeline] == ["2031-03-12"]


def test_quoted_words_are_not_the_claim():
    said = aligned._unquoted('"We will read the new rules carefully," the mayor said on March 9.')
    assert "rules" not in said and "mayor said on March 9." in said
    cited = aligned._unquoted("I refer to the article “Signs of strain in the harbour district” (Mar 9).")
    assert "harbour" not in cited and "(Mar 9)" in cited


def test_a_year_beside_the_day_is_context_and_a_range_end_can_move():
    a = Article("a", "On March 9, the council approved the harbour plan, which runs to 2035.", published="2031-03-14")
    b = Article("b", "On March 12, the council approved the harbour plan, which runs to 2035.", published="2031-03-14")
    [conflict] = _date_conflicts(a, b)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    c = Article("c", "Cheap tickets for the weekday harbour show are sold from 3 March to 28 March.",
                published="2031-03-01")
    d = Article("d", "Cheap tickets for the weekday harbour show are sold from 3 March to 31 March.",
                published="2031-03-01")
    [conflict] = _date_conflicts(c, d)
    assert [v.value for v in conflict.values] == ["2031-03-28", "2031-03-31"]


def test_words_next_to_a_date_are_the_event_it_dates():
    near = aligned._near("The rapper began his six-week jail term on Feb 5 after the appeal failed.", "Feb 5")
    assert {"jail", "term", "appeal", "fail"} <= near and "feb" not in near and "rapper" not in near
