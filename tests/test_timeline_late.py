"""timeline: a day told as done after its own report's date is a wrong day, not another event."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.nlp.spacy_model import parse
from newsfold.stages.timeline.claims import late_days, update_days
from newsfold.stages.timeline.events import events_of

from .test_timeline import split
from .test_timeline_aligned import _MARKET, _MOVED, _embedded_conflicts

TOLD_APART = "Traders counted their losses after the March 9 fire that gutted a stall in the old market."
# the lone day's source also tells a fire on March 9, as the others do
BOTH = _MOVED + " Fire crews put out a blaze at the market stall on March 9 morning."


def _story(lone: str, published: str) -> list:
    articles = [Article("s0", _MARKET[0], published="2031-03-14"), Article("s1", TOLD_APART, published="2031-03-14"),
                Article("s2", lone, published=published)]
    return _embedded_conflicts(*articles)


def test_a_lone_day_told_as_done_after_its_report_s_date_is_disputed_though_the_source_gives_the_story_s_day():
    # a March 10 report cannot tell a fire on March 12 as done: that day is wrong, not a second fire
    [conflict] = _story(BOTH, "2031-03-10")
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert [e.source for e in conflict.values[1].support] == ["s2"]
    # in a later report it may be a second event the source tells beside the story's (as before)
    assert _story(BOTH, "2031-03-14") == []
    # ... and so in a report of the day before (a report a zone away may be dated a day early)
    assert _story(BOTH, "2031-03-11") == []
    # a report updated later tells what happened since: "UPDATE (12 Mar):" dates when it was last written
    assert _story("UPDATE (12 Mar, 7pm): " + BOTH, "2031-03-10") == []


def _late(text: str, published: str) -> frozenset[str]:
    article = Article("a", text, published=published)
    [doc] = parse([text])
    events = events_of(article, split(article), doc)
    return late_days(events, published, update_days(text, events))


def test_late_days_are_days_told_as_done_more_than_a_day_after_the_report():
    assert _late("Police said they were alerted to the crash on March 12.", "2031-03-10") == {"2031-03-12"}
    assert _late("The minister announced the plan on March 12.", "2031-03-10") == {"2031-03-12"}
    # a day to come, or told in the present, may be later than the report
    assert _late("The market will reopen on March 12.", "2031-03-10") == frozenset()
    assert _late("The market reopens on March 12.", "2031-03-10") == frozenset()
    # a day after the report's date may be its zone's; earlier days are any report's
    assert _late("Police said they were alerted to the crash on March 11.", "2031-03-10") == frozenset()
    assert _late("Police said they were alerted to the crash on March 8.", "2031-03-10") == frozenset()
    updated = "UPDATE (13 Mar, 7.30pm): Both drivers were discharged on March 12."
    assert _late(updated, "2031-03-10") == frozenset()
