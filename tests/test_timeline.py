"""Timeline stage: finding and resolving dates, describing and merging events."""
from __future__ import annotations

import re
import time
from datetime import date

import pytest

from newsfold.context import StoryContext
from newsfold.model import Article, Removed, Sentence
from newsfold.nlp.spacy_model import parse
from newsfold.stages.timeline import build_timeline, find_date_words, resolve
from newsfold.stages.timeline.events import events_of

_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bDr)[.!?][”\"’]?(?=\s+\S)|$")


def split(article: Article) -> list[Sentence]:
    """A tiny sentence splitter with exact offsets (the real one is another stage)."""
    out: list[Sentence] = []
    for paragraph, line in enumerate(re.finditer(r"[^\n]+", article.text)):
        position = 0
        for end in _SENTENCE_END.finditer(line.group()):
            start = line.start() + position
            stop = line.start() + end.end()
            start += len(article.text[start:stop]) - len(article.text[start:stop].lstrip())
            if stop > start and not article.is_removed(start, stop):
                out.append(Sentence(article.id, start, stop, article.text[start:stop],
                                    paragraph, len(out)))
            position = end.end()
            if end.end() == len(line.group()):
                break
    return out


def run(articles: list[Article]):
    docs = dict(zip((a.id for a in articles), parse([a.text for a in articles])))
    sentences = {a.id: split(a) for a in articles}
    timeline, conflicts = build_timeline(StoryContext(articles, sentences=sentences, docs=docs))
    by_id = {a.id: a for a in articles}
    for event in timeline:  # every evidence span round-trips to its source
        for evidence in event.support:
            text = by_id[evidence.source].text
            assert evidence.as_written and evidence.as_written in text[evidence.start:evidence.end]
            assert not by_id[evidence.source].is_removed(evidence.start, evidence.end)
            assert text[evidence.start:evidence.end].strip() == text[evidence.start:evidence.end]
    return timeline, conflicts


def one(text: str, published: str | None = "2031-03-14", **fields):
    return run([Article(id="a", text=text, published=published, **fields)])[0]


def dates(timeline) -> list[str]:
    return [event.date for event in timeline]


def resolved(words: str, published: str, future: bool = False) -> str | None:
    mentions = find_date_words(words)
    assert len(mentions) == 1, mentions
    return resolve(mentions[0], date.fromisoformat(published), future)


# --- resolving ------------------------------------------------------------------------
# 2024-01-01 is a Monday; 2023-05-30 a Tuesday.

@pytest.mark.parametrize("words, published, expected", [
    ("on Monday", "2024-01-01", "2024-01-01"),  # same weekday: that day
    ("on Sunday", "2024-01-01", "2023-12-31"),  # across the year boundary
    ("on Tuesday", "2024-01-01", "2023-12-26"),
    ("last Monday", "2024-01-01", "2023-12-25"),
    ("on Friday", "2023-05-30", "2023-05-26"),
    ("late on Monday", "2023-05-30", "2023-05-29"),
    ("earlier on Tuesday", "2023-05-30", "2023-05-30"),
    ("last Friday, May 26", "2023-05-30", "2023-05-26"),
    ("last Friday, May 19", "2023-05-30", "2023-05-19"),  # the explicit date wins
    ("yesterday", "2024-03-01", "2024-02-29"),
    ("today", "2023-05-30", "2023-05-30"),
    ("over the past weekend", "2023-05-30", "2023-05-27"),  # a weekend is its Saturday
    ("in December", "2024-01-15", "2023-12"),
    ("in January", "2024-01-15", "2024-01"),
    ("in April", "2023-05-30", "2023-04"),
    ("30 May", "2023-05-30", "2023-05-30"),
    ("Dec. 30", "2024-01-02", "2023-12-30"),
    ("on May 25", "2025-01-20", "2024-05-25"),  # months ahead, told looking back: last May's
    ("on Jan 24", "2025-01-20", "2025-01-24"),  # days ahead: this week's
    ("May 26, 2021", "2023-05-30", "2021-05-26"),
    ("in 2008", "2023-05-30", "2008"),
    ("last month", "2024-01-15", "2023-12"),
    ("in January last year", "2025-02-05", "2024-01"),  # the year told after the month
    ("on 4 February last year", "2025-02-05", "2024-02-04"),
    ("on March 3 next year", "2025-02-05", "2026-03-03"),
    ("in June this year", "2025-02-05", "2025-06"),
    ("on Oct 15 that year", "2025-02-05", None),  # a year the text gave earlier: not this one
])
def test_resolve(words, published, expected):
    assert resolved(words, published) == expected


def test_future_tense_looks_forward():
    assert resolved("on Thursday", "2023-05-30", future=True) == "2023-06-01"
    assert resolved("on May 25", "2025-01-20", future=True) == "2025-05-25"
    assert resolved("on March 15", "2031-03-16", future=True) == "2031-03-15"  # a day ago: still this one
    timeline = one("The ministers will meet again on Thursday to sign the accord.",
                   published="2023-05-30")
    assert dates(timeline) == ["2023-06-01"]


@pytest.mark.parametrize("text, expected", [
    # a month later in the year than publication: the coming one when the clause looks ahead
    (("City officials expect the bridge to stay closed at least until June, when the first"
      " repairs are due to be finished."), "2031-06"),
    ("Repairs are scheduled to begin in October.", "2031-10"),
    ("The council plans to vote on the budget in September.", "2031-09"),
    ("The tunnel is set to reopen in August.", "2031-08"),
    ("The mayor said the ferry would run until July.", "2031-07"),
    # ... and last year's when it looks back
    ("The harbour flooded in June.", "2030-06"),
    ("The ferry service was suspended until June.", "2030-06"),
    ("The pier was rebuilt in November after a storm.", "2030-11"),
])
def test_bare_months_look_forward_only_with_forward_cues(text, expected):
    assert dates(one(text, published="2031-03-12")) == [expected]


def test_a_when_clause_is_what_happens_at_its_date():
    timeline = one("City officials expect the bridge to stay closed at least until June, when"
                   " the first repairs are due to be finished.", published="2031-03-12")
    assert timeline[0].text == "the first repairs are due to be finished"
    assert timeline[0].support[0].as_written == "June"


def test_a_dateline_date_is_no_event():
    # 2031-03-12 is a Wednesday
    timeline = one("Tanker aground\n\nPORT MERRIN, March 12 (Gulf Wire) - Divers searched the"
                   " wreck of the ferry on Tuesday, a day after the ferry sank near the pier.",
                   published="2031-03-12")
    by_date = {e.date: e for e in timeline}
    # the dateline gives no entry, and "a day after" counts from Tuesday, not from it
    assert set(by_date) == {"2031-03-10", "2031-03-11"}
    assert "Divers searched" in by_date["2031-03-11"].text
    assert "sank" in by_date["2031-03-10"].text
    timeline = one("Kelmar, March 11 (Wire Service) - A tanker ran aground near the harbour late on"
                   " Monday, the coast guard said.", published="2031-03-11")
    assert dates(timeline) == ["2031-03-10"]
    assert timeline[0].support[0].as_written == "late on Monday"
    assert "MERRIN" not in timeline[0].text and "Kelmar" not in timeline[0].text
    assert "Wire Service" not in timeline[0].text
    timeline = one("LAKE TORVIK, March 11 - Rescuers pulled two fishermen from the lake on Monday.",
                   published="2031-03-11")
    assert dates(timeline) == ["2031-03-10"] and "Rescuers pulled" in timeline[0].text


def test_a_source_that_dates_an_event_directly_shows_those_words():
    timeline, _ = run([
        Article(id="a", published="2031-03-12",
                text="Engineers inspected the damaged pier yesterday, a day after a ferry struck"
                     " the harbour bridge.\nThe collision on Monday night injured nine people on"
                     " the harbour bridge."),
        Article(id="b", published="2031-03-11",
                text="A ferry struck the harbour bridge late on Monday, injuring nine people."),
    ])
    collision = next(e for e in timeline if e.date == "2031-03-10")
    assert {e.source for e in collision.support} == {"a", "b"}
    written = [e.as_written for e in collision.support]
    assert "a day after" not in written  # source a also writes "on Monday night"
    assert written[0] in ("late on Monday", "on Monday night")


def test_a_day_after_is_shown_only_when_no_source_writes_the_date():
    timeline = one("Engineers inspected the pier yesterday, a day after a ferry struck the bridge.",
                   published="2031-03-12")
    struck = next(e for e in timeline if e.date == "2031-03-10")
    assert struck.support[0].as_written == "a day after"


# --- finding ------------------------------------------------------------------------


def test_years_need_to_read_as_years():
    timeline = one("The 2013 deal was never applied. Officials said 2000 troops arrived."
                   " The council was founded in 1999.")
    assert dates(timeline) == ["1999", "2013"]
    assert "deal" in timeline[1].text


def test_vague_and_unresolvable_dates_are_kept_out():
    assert one("The mayor recently resigned. Protests grew this week.") == []
    assert one("Protesters marched on Monday.", published=None) == []
    # a relative date with no day to count from is skipped, not guessed
    assert one("Talks resumed a day after the ceasefire collapsed.") == []
    # no verb, no event: a dateline or caption
    assert one("Valdoria, Monday, March 10, 2031.") == []


def test_today_in_a_name_is_no_date():
    # a paper or a programme named "Today" dates nothing; the day word itself does
    assert one("Crews shown in a USA TODAY photo rebuilt the pier. The council told Harbour Today"
               " that the pier reopened.") == []
    assert dates(one("Today the council reopened the pier.")) == ["2031-03-14"]
    assert dates(one("The council reopened the pier. Yesterday crews painted it.")) == ["2031-03-13"]


def test_removed_spans_and_quotes_are_skipped():
    text = ("Photo taken on Monday. The bridge reopened on Tuesday.\n"
            "“We will not stop today,” the mayor said.")
    timeline = one(text, published="2031-03-14", removed=[Removed(0, 22, "caption")])
    assert dates(timeline) == ["2031-03-11"]  # 2031-03-14 is a Friday
    assert timeline[0].support[0].as_written == "on Tuesday"
    assert "bridge reopened" in timeline[0].text


def test_a_day_after_dates_the_earlier_event():
    timeline = one("The army withdrew on Tuesday, a day after two soldiers were killed"
                   " near the border.", published="2031-03-14")
    by_date = {e.date: e for e in timeline}
    assert set(by_date) == {"2031-03-10", "2031-03-11"}
    assert "soldiers were killed" in by_date["2031-03-10"].text
    assert "withdrew" in by_date["2031-03-11"].text
    assert "killed" not in by_date["2031-03-11"].text


# --- merging and conflicts ------------------------------------------------------------


def test_same_event_across_sources_is_merged_and_ordered():
    timeline, conflicts = run([
        Article(id="a", published="2031-03-14",
                text="A fire destroyed the old harbour warehouse on Wednesday. "
                     "The port opened in 1998."),
        Article(id="b", published="2031-03-13",
                text="The old harbour warehouse was destroyed by a fire yesterday."),
    ])
    assert dates(timeline) == ["1998", "2031-03-12"]
    fire = timeline[1]
    assert {e.source for e in fire.support} == {"a", "b"}
    assert {e.as_written for e in fire.support} == {"on Wednesday", "yesterday"}
    assert conflicts == []


def test_independent_sources_dating_an_event_differently_conflict():
    sources = [
        Article(id="a", published="2031-03-14",
                text="The old harbour warehouse was destroyed by a fire on Wednesday."),
        Article(id="b", published="2031-03-14",
                text="The old harbour warehouse was destroyed by a fire on Tuesday."),
    ]
    timeline, conflicts = run(sources)
    assert dates(timeline) == ["2031-03-11", "2031-03-12"]
    assert len(conflicts) == 1 and conflicts[0].kind == "date"
    assert sorted(v.value for v in conflicts[0].values) == ["2031-03-11", "2031-03-12"]
    # a syndicated copy is no independent voice: no conflict
    sources[1].copy_of = "a"
    assert run(sources)[1] == []


def test_a_year_beside_a_day_of_another_year_is_no_conflict():
    sources = [
        Article(id="a", published="2031-03-14",
                text="The couple were charged on May 21, 2030, after they harassed their neighbour at the block."),
        Article(id="b", published="2031-03-14",
                text="The couple harassed their neighbour at the block in 2029, and were charged later."),
        Article(id="c", published="2031-03-14",
                text="The couple harassed their neighbour at the block in 2028, and were charged later."),
    ]
    conflicts = run(sources)[1]
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["2028", "2029"]]


# --- the shared Kosovo story --------------------------------------------------------------


@pytest.fixture(scope="module")
def kosovo(kosovo_story):
    started = time.perf_counter()
    timeline, conflicts = build_timeline(kosovo_story)
    return kosovo_story.articles, timeline, conflicts, time.perf_counter() - started


def events_on(timeline, day, *words):
    return [e for e in timeline if e.date == day and all(w in e.text.lower() for w in words)]


@pytest.mark.shared
def test_kosovo_timeline_targets(kosovo):
    _, timeline, _, _ = kosovo
    clashes = events_on(timeline, "2023-05-29", "clashes")
    assert clashes and max(len({s.source for s in e.support}) for e in clashes) >= 2
    assert events_on(timeline, "2023-05-30", "troops")
    assert events_on(timeline, "2008", "independence")
    assert events_on(timeline, "2023-04", "elections")
    assert events_on(timeline, "2023-05-26", "police")
    assert events_on(timeline, "1999", "bombardment")
    assert events_on(timeline, "2023-05-27")  # "over the past weekend"
    assert dates(timeline) == sorted(dates(timeline))
    assert not any(e.date.startswith("2023-05-31") or e.date > "2023-05-30" for e in timeline)


@pytest.mark.shared
def test_kosovo_evidence_round_trips(kosovo):
    articles, timeline, conflicts, _elapsed = kosovo
    by_id = {a.id: a for a in articles}
    for event in timeline:
        for evidence in event.support:
            article = by_id[evidence.source]
            assert evidence.as_written in article.text[evidence.start:evidence.end]
            assert not article.is_removed(evidence.start, evidence.end)
    assert conflicts == []


# --- an entry reads alone: its subject kept, the citing not dated ---------------


@pytest.mark.parametrize("text, expected", [
    ("The Calden ferry terminal, which opened in 1987, will close for repairs.",
     ("1987", "The Calden ferry terminal opened")),
    ("Ana Ruiz was arrested in 2023 and was deported to Valdoria in 2024.",
     ("2024", "Ana Ruiz was deported to Valdoria")),
    ("Launched in 2024, the scheme gives each family 300 dollars.", ("2024", "the scheme launched")),
    ("The museum opened in 1987 and drew 2 million visitors.", ("1987", "The museum opened and drew 2 million visitors")),
    # a name takes no restrictive clause: the clause is the noun's before it, told with the name
    ("Records may have been stolen in a cyberattack on the Calden Health Trust that was detected in 2031.",
     ("2031", "a cyberattack on the Calden Health Trust was detected")),
])
def test_an_entry_keeps_the_subject_its_clause_borrows(text, expected):
    assert expected in [(e.date, e.text) for e in one(text)]


def test_a_subject_carrying_another_date_keeps_its_noun_phrase():
    timeline = one("Ruiz, who was jailed for 14 months in 2029, will return to court in 2032.")
    assert ("2032", "Ruiz will return to court") in [(e.date, e.text) for e in timeline]


def test_a_date_a_citing_verb_takes_as_its_object_dates_no_citing():
    assert one("Ostrova often cites 1999 as the year the border was settled.") == []
    assert one("Ostrova often refers to 1999 in her speeches.") == []
    # a date of the citing itself stays
    assert [(e.date, e.text) for e in one("Ostrova cited the figures on Tuesday.")] == \
        [("2031-03-11", "Ostrova cited the figures")]


def test_a_clause_with_words_before_its_verb_borrows_no_subject():
    timeline = one("The Calden series first launched in 2004, and the reboot for new consoles came in 2015.")
    texts = [e.text for e in timeline if e.date == "2015"]
    assert texts and not any("series" in t for t in texts)


def test_a_sentence_the_parse_hangs_from_the_word_before_it_still_dates_its_verb():
    # the parse makes "Jan 24" an apposition of the place before the dash, outside
    # the sentence: the event is the sentence's own main verb
    text = ("SINGAPORE — From Tuesday (Jan 24), accounts belonging to users under 18 years old "
            "will have more restrictive settings by default.")
    start = text.index("From")
    article = Article("a", text, published="2031-01-26")
    [event] = events_of(article, [Sentence("a", start, len(text), text[start:], 0, 0)], parse([text])[0])
    assert event.date == "2031-01-24" and "settings" in event.text


def test_a_day_in_a_part_the_parse_roots_on_a_name_dates_the_verb_it_hangs_from():
    # the parse starts a tree at "SG" (a name) halfway through the sentence: the day's part has no verb at
    # its root, and the day dates the participle it hangs from
    text = "This step is part of Harbour Well SG, a new national strategy launched on Jan. 21 to address children’s health."
    article = Article("a", text, published="2031-01-26")
    [event] = events_of(article, [Sentence("a", 0, len(text), text, 0, 0)], parse([text])[0])
    assert event.date == "2031-01-21" and event.text.startswith("launched")


def test_a_bare_year_in_a_sentence_the_parse_cuts_dates_nothing():
    # the subject reads as an apposition of the line before; the year is the law's name
    text = ("Read also: Harbour launches AI framework with 9 core pillars\nVarious provisions under the Harbour "
            "Interference Countermeasures Act (HICA) 2021 may be used to act against online interference.")
    start = text.index("Various")
    article = Article("a", text, published="2031-03-14")
    assert events_of(article, [Sentence("a", start, len(text), text[start:], 1, 1)], parse([text])[0]) == []


def test_a_range_ends_on_or_after_its_start():
    a = Article("a", "Cheap tickets for the harbour show are sold from 3 February to 31 March.", published="2031-02-01")
    assert sorted(e.date for e in run([a])[0]) == ["2031-02-03", "2031-03-31"]  # alone: last year's 31 March
    b = Article("b", "She attended vigils on five occasions between Mar 26, 2028, and Apr 3.", published="2031-02-01")
    assert "2028-04-03" in {e.date for e in run([b])[0]}
    # two days joined by "and" without "between" are two dates, each resolved alone
    c = Article("c", "The council met on Jan 5 and Dec 30 about the harbour.", published="2031-01-10")
    assert "2030-12-30" in {e.date for e in run([c])[0]}


def test_a_phone_number_s_groups_are_no_years():
    for text in ("Report sightings to the parks hotline on 1800 555 0199.",
                 "Call the parks hotline at 1800-555-0199."):
        assert find_date_words(text) == []
    assert [m.groups["year"] for m in find_date_words("Since 1999, 300 people have moved in 2008 alone.")] == \
        ["1999", "2008"]


def test_a_day_joined_to_a_dated_one_takes_its_month():
    found = find_date_words("Raids on Jan 6 and 7, and again on 20-21 February 2031.")
    assert [(m.groups["month"], m.groups["day"], m.groups.get("year")) for m in found] == [
        ("Jan", "6", None), ("Jan", "7", None), ("February", "20", "2031"), ("February", "21", "2031")]


@pytest.mark.parametrize("text, expected", [
    ("The harbour market closed for repairs on May 25.", "2030-05-25"),  # told in the past: last May's
    ("The harbour market opens on May 25 with forty stalls.", "2031-05-25"),  # a timetable's present
    ("The last day for entries to the harbour race is May 25.", "2031-05-25"),  # tells no time: the nearest
    ("The harbour hotel is accepting bookings for stays from May 25.", "2031-05-25"),  # a present progressive
])
def test_a_bare_day_takes_the_year_its_clause_tells(text, expected):
    assert dates(one(text, published="2031-03-20")) == [expected]


def test_a_verbs_complement_takes_its_governors_time():
    # "will begin taking": the future of "begin", not a past told by "taking"
    text = "The harbour hotel will begin taking bookings for its suites on April 2."
    assert dates(one(text, published="2031-01-20")) == ["2031-04-02"]


def test_a_range_or_preposition_the_date_words_emptied_leaves_no_hole():
    from newsfold.stages.timeline.describing import _tidy

    assert _tidy("12 people were hurt in 80 crashes between and , including two derailments") == \
        "12 people were hurt in 80 crashes, including two derailments"
    assert _tidy("fares rose from to , the operator said") == "fares rose, the operator said"
    assert _tidy("the vote was held on .") == "the vote was held"
    assert _tidy("the lights were switched on.") == "the lights were switched on"  # a particle stays


def test_brackets_the_date_words_left_leave_no_hole():
    from newsfold.stages.timeline.describing import _tidy

    assert _tidy("UPDATE (, 7.30pm): All four crew were discharged") == "UPDATE (7.30pm): All four crew were discharged"
    assert _tidy("the next draw will be held () at noon") == "the next draw will be held at noon"
    assert _tidy("crew met (in Calden) on") == "crew met (in Calden) on"
    assert _tidy("PORT CALDEN: Residents can look forward to a new park") == \
        "Residents can look forward to a new park"  # a dateline is no part of the event


def test_a_weekday_of_a_past_speech_tail_is_past_even_when_the_news_is_future():
    # "…will cut 650 jobs, the maker announced on Tuesday": the announcement is past (published Wednesday)
    text = ("Vantor Glassworks will cut 650 jobs at its Calden plant, the container glass maker announced on "
            "Tuesday, as orders from drinks companies fall for a third year.")
    article = Article("a", text, published="2031-03-12")
    events = events_of(article, [Sentence("a", 0, len(text), text, 0, 0)], parse([text])[0])
    assert [e.date for e in events] == ["2031-03-11"]


def test_a_weekday_someone_said_they_would_act_on_is_ahead():
    # reported future: "said he would meet … on Friday" (published on a Tuesday) is the coming Friday
    text = "Industry Minister Ana Ruiz said she would meet the company's board on Friday."
    article = Article("a", text, published="2031-05-13")
    events = events_of(article, [Sentence("a", 0, len(text), text, 0, 0)], parse([text])[0])
    assert [e.date for e in events] == ["2031-05-16"]
