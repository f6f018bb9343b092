"""timeline.weekdays: a day its own weekday contradicts, against the weekday's day in other sources."""
from __future__ import annotations

from newsfold.model import Article
from newsfold.nlp.spacy_model import parse
from newsfold.stages.timeline.clauses import clause_head
from newsfold.stages.timeline.weekdays import weekday_day

from .test_timeline import one
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


def test_a_written_day_another_source_gives_for_another_event_is_still_contradicted():
    # the story's other events fall on days too: a ferry timetable changing on March 14 is
    # no telling of the vote, so the vote's "Tuesday (Mar 14)" still stands against March 11
    moved = Article("a", _VOTED.format("Mar 14"), published="2031-03-15")
    told = Article("b", _TOLD, published="2031-03-15")
    ferries = Article("c", "A new ferry timetable starts across the bay on March 14.", published="2031-03-15")
    [conflict] = _embedded_conflicts(moved, told, ferries, cosine=0.4)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-03-11", ["b"]), ("2031-03-14", ["a"])]


# 2031-06-10 is a Tuesday; every report is dated Wednesday 2031-06-11
_CUT = ("Holmfirth Mills said on {} it would cut 240 of the 900 jobs at its Arnley plant and close one of its "
        "two spinning sheds by the end of the year, blaming weak demand for wool.")
_GO = "Holmfirth Mills announced on {} that more than 200 jobs will go at its Arnley factory."
_SAID = "The company said on Tuesday that it would cut 240 jobs at the plant, which opened in 1950."


def test_two_weekday_names_for_one_telling_disagree():
    told = [Article("a", _CUT.format("Tuesday"), published="2031-06-11"),
            Article("b", _GO.format("Wednesday"), published="2031-06-11"),
            Article("c", _SAID, published="2031-06-11")]
    [conflict] = _embedded_conflicts(*told, cosine=0.7)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-06-10", ["a", "c"]), ("2031-06-11", ["b"])]
    assert all(v.support[0].start == 0 for v in conflict.values)  # each value cites its sentence


def test_the_same_weekday_yesterday_or_a_copy_is_no_weekday_dispute():
    same = [Article("a", _CUT.format("Tuesday"), published="2031-06-11"),
            Article("b", _GO.format("Tuesday"), published="2031-06-11")]
    assert _embedded_conflicts(*same, cosine=0.7) == []
    # "yesterday" names no weekday: it is only as right as the source's date
    yesterday = Article("b", _GO.format("Wednesday").replace("on Wednesday", "yesterday"), published="2031-06-12")
    assert _embedded_conflicts(same[0], yesterday, cosine=0.7) == []
    copy = Article("b", _GO.format("Wednesday"), published="2031-06-11", copy_of="a")
    assert _embedded_conflicts(same[0], copy, cosine=0.7) == []


def test_weekdays_of_two_events_are_no_dispute():
    announced = Article("a", _CUT.format("Tuesday"), published="2031-06-11")
    protest = Article("b", "Workers marched past the Arnley plant of Holmfirth Mills on Wednesday.", published="2031-06-11")
    assert _embedded_conflicts(announced, protest, cosine=0.3) == []


def test_a_day_between_a_speech_verb_and_what_it_reports_is_the_saying_s():
    for text, head in [("Holmfirth Mills said on Tuesday it would cut 240 jobs at its Arnley plant.", "said"),
                       ("Holmfirth Mills said it would cut 240 jobs at its Arnley plant on Tuesday.", "cut")]:
        [doc] = parse([text])
        tuesday = next(t for t in doc if t.text == "Tuesday")
        assert clause_head(tuesday, list(doc)).text == head, text


def test_a_day_under_a_participle_dates_its_event_done():
    # 2031-06-11 is a Wednesday; the parse reads "overturned" as a participle of "ferries"
    [entry] = one("Tidewater Lines faces an inquiry after one of its ferries overturned near the pier on Monday.",
                  published="2031-06-11")
    assert entry.date == "2031-06-09"  # the Monday before, not the one after ("faces" is present)
    assert "one of its ferries overturned" in entry.text
    # a participle that sets a time to come stays with the clause above it
    [entry] = one("Tidewater Lines faces an inquiry scheduled for Monday.", published="2031-06-11")
    assert entry.date == "2031-06-16"


def test_a_period_s_end_by_a_weekday_is_the_coming_one_unless_told_done():
    # 2031-06-11 is a Wednesday
    for text in ("Sailings on the route are cancelled until Friday.",
                 "Tidewater Lines said it had cancelled all sailings on the route until Friday.",
                 "Fares must be paid at the terminal by Friday."):
        [entry] = one(text, published="2031-06-11")
        assert entry.date == "2031-06-13", text
    for text in ("The coast road stayed shut until Friday.",
                 "By Friday, twenty sailings had been cancelled."):
        [entry] = one(text, published="2031-06-11")
        assert entry.date == "2031-06-06", text


def test_a_lone_day_against_weekday_tellings_not_against_a_deadline():
    # 2031-03-03 is a Monday; the lone source also says when the manager spoke ("on Monday"), a
    # telling unlike the others', and two sources give a deadline to come ("by Friday", Mar 7)
    told = [Article("a", "A signal failure shut the harbour tram line for six hours on Monday, stranding about "
                         "12,000 commuters. Engineers will replace the damaged cable by Friday.", published="2031-03-04"),
            Article("b", "More than 12,000 riders were stuck on Monday morning when signals failed on the harbour "
                         "tram line. The damaged cable will be replaced by Friday, the board said.", published="2031-03-04"),
            Article("c", "The harbour tram line was down for six hours on Monday after a signal failure.",
                    published="2031-03-05"),
            Article("t", "The transit board ordered a review after a cable fault stopped the harbour tram line on "
                         "March 4. “We are sorry,” the manager told reporters on Monday.", published="2031-03-06")]
    [conflict] = _embedded_conflicts(*told, cosine=0.35)
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [
        ("2031-03-03", ["a", "b", "c"]), ("2031-03-04", ["t"])]


def test_a_plan_told_in_the_present_is_of_a_day_to_come():
    # 2031-06-12 is a Thursday
    for text in ("The suspects are due to appear in court on Friday.",
                 "The new tram line is set to open on Friday.",
                 "The minister is expected to announce the plan on Friday."):
        [entry] = one(text, published="2031-06-12")
        assert entry.date == "2031-06-13", text
    [entry] = one("The new tram line was set to open on Friday, but the date slipped.", published="2031-06-12")
    assert entry.date == "2031-06-06"


def test_an_event_told_in_a_relative_clause_keeps_the_count_it_is_of():
    # 2031-06-11 is a Wednesday
    [entry] = one("Inspectors boarded one of the ferries, which ran aground near the pier on Monday.",
                  published="2031-06-11")
    assert entry.text == "one of the ferries ran aground near the pier"  # not "the ferries ran aground"


def test_a_day_written_with_its_month_backs_a_weekday_of_a_dispute():
    # the reader sees every source giving a day, not only the likest pair: "on June 10" backs "on Tuesday"
    told = [Article("a", _CUT.format("Tuesday"), published="2031-06-11"),
            Article("b", _GO.format("Wednesday"), published="2031-06-11"),
            Article("d", _CUT.format("June 10").replace("close one of its", "shut one of the"), published="2031-06-11")]
    [conflict] = _embedded_conflicts(*told, cosine=0.7)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-06-10", ["a", "d"]), ("2031-06-11", ["b"])]


def test_a_plan_reported_in_the_past_tense_after_said_is_still_to_come():
    # 2031-06-11 is a Wednesday: "said the river was expected to peak on Friday" follows "said"'s tense
    [entry] = one("Kestel said the river was expected to peak on Friday evening.", published="2031-06-11")
    assert entry.date == "2031-06-13"
    # told in the past on its own, a plan may have passed
    [entry] = one("The river was expected to peak on Friday evening but fell back early.", published="2031-06-11")
    assert entry.date == "2031-06-06"
