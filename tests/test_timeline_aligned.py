"""timeline.aligned: a day moved in one source's version of a shared sentence."""
from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from newsfold.context import StoryContext
from newsfold.model import Article
from newsfold.nlp.spacy_model import load, parse
from newsfold.stages.timeline import aligned, build_timeline, claims, clauses
from newsfold.stages.timeline.events import events_of
from newsfold.stages.timeline.merging import since_day, tally_day

from .test_timeline import one, run, split

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


def test_two_days_joined_under_one_month_are_both_given():
    a = Article("a", "Officers searched the warehouse of the harbour district on March 6 and 7, officials said.",
                published="2031-03-14")
    b = Article("b", "Officers searched the warehouse of the harbour district on 6 and 7 March 2031, officials said.",
                published="2031-03-14")
    c = Article("c", "Officers searched the warehouse of the harbour district on 6-7 March, officials said.",
                published="2031-03-14")
    assert _date_conflicts(a, b, c) == []


def test_the_day_of_an_announcement_is_not_the_day_of_the_event():
    a = Article("a", "On March 9, the harbour authority said the ferry operator will be charged with two offences.",
                published="2031-03-14")
    b = Article("b", "The ferry operator admitted to two offences in court on March 10, the harbour authority said.",
                published="2031-03-14")
    c = Article("c", "The ferry operator admitted to two offences in court on March 10.", published="2031-03-14")
    assert _date_conflicts(a, b, c) == []
    # told as an event on both sides, the days are compared
    d = Article("d", "The ferry operator admitted to two offences in court on March 13.", published="2031-03-14")
    assert len(_date_conflicts(b, c, d)) == 1


def _claim(source: str, *days: str, near: tuple[str, ...] = ()) -> claims.Claim:
    dated = tuple((day, frozenset(near[k:k + 1])) for k, day in enumerate(days))
    return claims.Claim(source, source, (0, 10), "", frozenset(), frozenset(days), "", dated=dated)


def test_only_one_day_each_and_near_days_are_disputed():
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-03-12")) == [("2031-03-09", "2031-03-12")]
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-02-10")) == []  # two events
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-03-09")) == []
    # two days each and nothing next to them to tell which is which: not compared
    assert aligned._disputed(_claim("a", "2031-03-09", "2031-03-01"), _claim("b", "2031-03-12", "2031-03-02")) == []


def test_several_days_pair_by_the_words_next_to_them():
    a = _claim("a", "2031-03-11", near=("left",))
    b = _claim("b", "2031-03-08", "2031-03-15", near=("left", "return"))
    assert aligned._disputed(a, b) == [("2031-03-11", "2031-03-08")]
    # a day both give agrees, and the two days left over are counterparts
    c = _claim("c", "2031-03-03", "2031-03-28", near=("from", "to"))
    d = _claim("d", "2031-03-03", "2031-03-31", near=("from", "until"))
    assert aligned._disputed(c, d) == [("2031-03-28", "2031-03-31")]
    # nothing next to the days shared: another event, not a counterpart
    e = _claim("e", "2031-03-11", near=("arrested",))
    assert aligned._disputed(e, b) == []


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
    said = claims.unquoted('"We will read the new rules carefully," the mayor said on March 9.')
    assert "rules" not in said and "mayor said on March 9." in said
    cited = claims.unquoted("I refer to the article “Signs of strain in the harbour district” (Mar 9).")
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
    near = claims.near_words("The rapper began his six-week jail term on Feb 5 after the appeal failed.", "Feb 5")
    assert {"jail", "term", "appeal", "fail"} <= near and "feb" not in near and "rapper" not in near


class _Alike:
    """An embedder under which any two different texts have one cosine (0.5:
    the aligned tiers' cosines are never met, the outliers' loose one always is)."""

    name = "alike"

    def __init__(self, cosine: float = 0.5) -> None:
        self.cosine = cosine
        self.axes: dict[str, int] = {}

    def embed(self, texts):
        rows = np.zeros((len(texts), 64), dtype=np.float32)
        for row, text in enumerate(texts):
            rows[row, 0] = self.cosine ** 0.5
            rows[row, 1 + self.axes.setdefault(text, len(self.axes))] = (1 - self.cosine) ** 0.5
        return rows


def _embedded_conflicts(*articles: Article, cosine: float = 0.5):
    docs = dict(zip((a.id for a in articles), parse([a.text for a in articles])))
    ctx = StoryContext(list(articles), sentences={a.id: split(a) for a in articles}, docs=docs,
                       embedder=_Alike(cosine))
    return [c for c in build_timeline(ctx)[1] if c.kind == "date"]


_MARKET = [
    "Fire crews put out a blaze at the Harbour Street market stall on March 9 morning.",
    "A blaze broke out at a noodle stall in the Harbour Street market on March 9 morning.",
    "Six stallholders fled when a fire broke out at a stall in the Harbour Street market on March 9.",
]
_MOVED = "Shoppers fled a fire at a stall in the Harbour Street market on March 12 morning."


def _market(*texts: str) -> list[Article]:
    return [Article(f"s{k}", text, published="2031-03-14") for k, text in enumerate(texts)]


def test_a_day_only_one_source_gives_against_a_consensus_is_a_date_conflict():
    [conflict] = _embedded_conflicts(*_market(*_MARKET, _MOVED))
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert {e.source for e in conflict.values[0].support} == {"s0", "s1", "s2"}
    assert [e.source for e in conflict.values[1].support] == ["s3"]


def test_no_outlier_conflict_without_consensus_or_the_same_event():
    # one other source alone: two events as often as one
    assert _embedded_conflicts(*_market(_MARKET[0], _MOVED)) == []
    # two sources give the other day too: no lone outlier
    assert _embedded_conflicts(*_market(*_MARKET, _MOVED, _MOVED.replace("Shoppers", "Diners"))) == []
    # another event of the story, dated a few days later, shares no words next to its day
    charged = "The stall owner was charged in court on March 12 with breaking fire safety rules at the market."
    assert _embedded_conflicts(*_market(*_MARKET, charged)) == []
    # a copy does not make a consensus
    copies = _market(*_MARKET[:2], _MOVED)
    copies[1].copy_of = "s0"
    assert _embedded_conflicts(*copies) == []


def test_a_day_disputed_beside_another_day_of_the_sentence():
    a = Article("a", "The skipper left for the island on March 11.", published="2031-03-20")
    b = Article("b", "The skipper sailed for the island on March 8 and was due back on March 15.",
                published="2031-03-20")
    [conflict] = _date_conflicts(a, b)
    assert sorted(v.value for v in conflict.values) == ["2031-03-08", "2031-03-11"]



def test_a_day_both_give_anchors_the_other_end_of_a_range():
    a = Article("a", "Cheap seats for the evening harbour show are sold from 3 March to 28 March.",
                published="2031-03-01")
    b = Article("b", "From March 3 to March 31, a cheap ticket costs $2 for the evening harbour concert.",
                published="2031-03-01")
    # half their words shared, nothing next to the last days shared: only the first day aligns them
    [conflict] = _embedded_conflicts(a, b, cosine=0.6)
    assert [v.value for v in conflict.values] == ["2031-03-28", "2031-03-31"]
    assert _embedded_conflicts(a, b, cosine=0.5) == []  # further apart in meaning: not the same claim


def test_a_time_of_day_is_not_a_word_next_to_a_date():
    near = claims.near_words("Shops will stay open till 8pm from 22-23 March.", "23 March")
    assert near == {"stay", "open", "till"}
    assert claims.near_words("Police were alerted at 4.55 a.m. on March 9.", "March 9") == {"police", "alert"}


def test_the_next_event_of_a_series_is_not_the_event():
    draw = "The Harbour Lottery draw, with a jackpot of $2 million, will be held on {}."
    a = Article("a", draw.format("Friday (Mar 14)"), published="2031-03-12")
    b = Article("b", draw.format("March 14"), published="2031-03-12")
    nxt = Article("c", "The next Harbour Lottery draw, with a jackpot of $1 million, will be held on Monday (Mar 17).",
                  published="2031-03-15")
    assert _date_conflicts(a, b, nxt) == []
    moved = Article("c", draw.format("Monday (Mar 17)"), published="2031-03-12")
    assert len(_date_conflicts(a, b, moved)) == 1


def test_a_sentence_telling_an_unrelated_case_is_another_event():
    told = "The driver pushed a cyclist off his bicycle at the junction on {}."
    a = Article("a", told.format("March 9"), published="2031-03-20")
    b = Article("b", told.format("March 9"), published="2031-03-20")
    other = Article("c", "In an unrelated case, the driver pushed a cyclist off his bicycle at the junction on March 12.",
                    published="2031-03-20")
    assert _date_conflicts(a, b, other) == []
    moved = Article("c", told.format("March 12"), published="2031-03-20")
    assert len(_date_conflicts(a, b, moved)) == 1


def test_a_lone_day_against_a_day_the_story_agrees_on_is_a_date_conflict():
    # one sentence alike the lone one gives March 9; another source gives it for the same fire, worded apart
    told_apart = "Traders counted their losses after the March 9 fire that gutted a stall in the old market."
    [conflict] = _embedded_conflicts(*_market(_MARKET[0], told_apart, _MOVED))
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert [e.source for e in conflict.values[1].support] == ["s2"]
    # the lone day's source also tells a fire on March 9, as the others do: it tells two events
    both = _MOVED + " Fire crews put out a blaze at the market stall on March 9 morning."
    assert _embedded_conflicts(*_market(_MARKET[0], told_apart, both)) == []
    # ... but its March 9 for another thing (a meeting) does not make its March 12 fire another one
    other = _MOVED + " Stallholders had met the council on March 9 about the rent."
    [conflict] = _embedded_conflicts(*_market(_MARKET[0], told_apart, other))
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    # beside it, a March 9 written as a weekday alone ("on Sunday") is a telling that cannot be weighed
    weekday = other + " Fire crews were called out to the market on Sunday."
    assert _embedded_conflicts(*_market(_MARKET[0], told_apart, weekday)) == []
    # the words next to the two days differ: another event of the story
    charged = "The stall owner was charged in court on March 12 with breaking fire safety rules at the market."
    assert _embedded_conflicts(*_market(_MARKET[0], told_apart, charged)) == []


def test_a_lone_day_whole_weeks_from_the_story_s_day_is_another_occurrence():
    # a weekly draw: the lone source tells the week before's, worded apart from the others
    told_apart = "Traders counted their losses after the March 9 fire that gutted a stall in the old market."
    week_before = _MOVED.replace("March 12", "March 2")
    assert _embedded_conflicts(*_market(_MARKET[0], told_apart, week_before)) == []


_FIRE = [
    "Firefighters were called to the blaze at the Harbour Street market on March 9.",
    "The stall at the Harbour Street market caught fire on March 9, the fire service said.",
]


def test_a_lone_day_the_story_never_names_is_disputed_in_a_sentence_told_its_own_way():
    # worded apart from both others, but the story agrees on March 9 and this source never gives it
    moved = "Traders at the harbour stalls counted their losses from the March 12 blaze."
    [conflict] = _embedded_conflicts(*_market(*_FIRE, moved), cosine=0.45)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert {e.source for e in conflict.values[0].support} == {"s0", "s1"}
    # one other source alone is no consensus
    assert _embedded_conflicts(*_market(_FIRE[0], moved), cosine=0.45) == []
    # a lone day far from the story's day is another event
    later = moved.replace("March 12", "March 17")
    assert _embedded_conflicts(*_market(*_FIRE, later), cosine=0.45) == []
    # ... but the same day a month off is a month mistyped
    slipped = moved.replace("March 12", "February 9")
    [conflict] = _embedded_conflicts(*_market(*_FIRE, slipped), cosine=0.45)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-02-09"]


def test_a_lone_day_beside_another_stage_of_a_process_is_another_event():
    for stage in ("The stall owner was charged on March 12 over the blaze.",
                  "The hearing is set for March 12 over the stall fire."):
        assert _embedded_conflicts(*_market(*_FIRE, stage), cosine=0.6) == []
        # the same sentence without the stage: the story's day moved
        assert len(_embedded_conflicts(*_market(*_FIRE, "The stall owner lost everything on March 12 in the blaze."),
                                       cosine=0.6)) == 1


def test_a_copy_that_kept_the_story_s_day_does_not_explain_the_moved_one_away():
    moved = "Traders at the harbour stalls counted their losses from the March 12 blaze."
    kept = moved.replace("March 12", "March 9")
    articles = _market(*_FIRE, moved, kept)
    articles[3].copy_of = "s2"
    [conflict] = _embedded_conflicts(*articles, cosine=0.45)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert [e.source for e in conflict.values[1].support] == ["s2"]


def test_a_sentence_with_a_day_counted_from_another_is_still_a_claim():
    text = "The council approved the harbour parking rules on March 11, two days after the public meeting."
    article = Article("a", text, published="2031-03-20")
    docs = dict(zip(["a"], parse([text])))
    ctx = StoryContext([article], sentences={"a": split(article)}, docs=docs)
    events = events_of(article, ctx.sentences["a"], docs["a"])
    [claim] = claims.claims_of(ctx, events)
    # the written day can be disputed; the counted one only agrees
    assert [day for day, _ in claim.dated] == ["2031-03-11"]
    assert claim.days == {"2031-03-11", "2031-03-09"}


def test_another_occurrence_is_not_the_event():
    calls = "The family received a call from the loan sharks on {}, demanding the debt be repaid."
    a = Article("a", calls.format("March 9"), published="2031-03-20")
    b = Article("b", calls.format("March 9"), published="2031-03-20")
    again = Article("c", "The family received another call from the loan sharks on March 10, demanding the debt be repaid.",
                    published="2031-03-20")
    assert _date_conflicts(a, b, again) == []
    assert len(_date_conflicts(a, b, Article("c", calls.format("March 10"), published="2031-03-20"))) == 1


def test_a_stray_quotation_mark_does_not_silence_the_rest_of_the_article():
    text = 'The minister said the rules were "a start.\nThe new rules take effect on March 4, officials said.'
    assert [event.date for event in one(text, published="2031-03-01")] == ["2031-03-04"]
    wrapped = '"The rules take effect on March 4 and\nwill be reviewed," the minister said.'
    assert one(wrapped, published="2031-03-01") == []  # a quote wrapped onto the next line is still a quote


def test_two_tellings_of_another_occurrence_are_two_occurrences():
    a = Article("a", "On March 9, another oil spill occurred near the harbour pipeline.", published="2031-03-20")
    b = Article("b", "Another oil spill occurred at the harbour pipeline on March 17.", published="2031-03-20")
    assert _date_conflicts(a, b) == []


def test_a_lone_day_told_in_a_sentence_unlike_in_meaning_is_not_weighed():
    # one word next to the days shared ("announced"), nothing else alike: another announcement
    moved = "On March 12, the council announced new tax breaks for harbour shops."
    assert _embedded_conflicts(*_market(*_FIRE, moved), cosine=0.2) == []
    assert len(_embedded_conflicts(*_market(*_FIRE, moved), cosine=0.45)) == 1


_ALERTED = "Crews were alerted to the blaze at the Harbour Street market stall at 4.55am on {}."


def test_one_telling_much_alike_and_a_second_source_s_day_make_a_consensus():
    # s0 tells it alike; s1 gives the day only as a weekday, in its own words
    alike = Article("s0", _ALERTED.format("March 9"), published="2031-03-14")
    weekday = Article("s1", "A noodle stall burned down on Sunday.", published="2031-03-10")
    moved = Article("s2", "A stall in the Harbour Street market burned on March 12 before crews came, the fire"
                          " service said.", published="2031-03-14")
    [conflict] = _embedded_conflicts(alike, weekday, moved)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert [e.source for e in conflict.values[1].support] == ["s2"]
    # one source alone, however alike, is no consensus
    assert _embedded_conflicts(alike, moved) == []


def test_a_day_inside_a_quote_is_compared_but_not_on_the_timeline():
    told = ["The ferry left for the island on March 9 with 40 passengers, the coast guard said.",
            "On March 9 the ferry left for the island, carrying 40 passengers."]
    quoted = '"The ferry left for the island on March 12 and never came back," a relative said.'
    articles = _market(*told, quoted)
    [conflict] = _embedded_conflicts(*articles)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-03-12"]
    assert [e.source for e in conflict.values[1].support] == ["s2"]
    assert one(quoted) == []  # speech: no timeline entry


def test_the_same_day_a_month_off_in_an_aligned_sentence_is_a_date_conflict():
    assert claims.month_slip("2031-03-09", "2031-04-09") and claims.month_slip("2030-12-24", "2031-01-24")
    assert not claims.month_slip("2031-03-09", "2031-05-09") and not claims.month_slip("2031-03-09", "2031-04-10")
    a = Article("a", HEARING.format("March 9"), published="2031-04-14")
    b = Article("b", "On 9 March the council approved new parking rules for the harbour district.",
                published="2031-04-14")
    c = Article("c", HEARING.format("April 9"), published="2031-04-14")
    [conflict] = _date_conflicts(a, b, c)
    assert [v.value for v in conflict.values] == ["2031-03-09", "2031-04-09"]
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-04-09")) == [("2031-03-09", "2031-04-09")]
    assert aligned._disputed(_claim("a", "2031-03-09"), _claim("b", "2031-05-09")) == []  # a monthly event



def test_a_series_word_beside_a_day_others_give_without_it_tells_the_same_event():
    # "its next open day on March 9" beside "the open day on Sunday (March 9)": the one open day
    nxt = "The harbour museum will hold its next open day on March 9 with free guided tours."
    plain = "Families can visit the harbour museum on Sunday (March 9) for its open day."
    moved = "Free guided tours await visitors of the harbour museum's open day on March 12."
    [conflict] = _embedded_conflicts(*_market(nxt, plain, moved))
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [
        ("2031-03-09", ["s0", "s1"]), ("2031-03-12", ["s2"])]
    # no source gives March 9 placed as the lone day is: the next open day is another one
    assert _embedded_conflicts(*_market(nxt, plain.replace("for its open day", "for its next open day"), moved)) == []


def test_less_shared_wording_is_made_up_for_by_closer_meaning():
    a = Article("a", "On March 9, the market management sent a letter to stallholders, warning of rats in the "
                     "drains and bins.", published="2031-03-20")
    b = Article("b", "Rats were seen everywhere in the kitchens, the market management said in a letter to stall "
                     "operators on March 12.", published="2031-03-20")
    # four of nine content words shared, nothing next to the days: alike only when very close in meaning
    [conflict] = _embedded_conflicts(a, b, cosine=0.85)
    assert sorted(v.value for v in conflict.values) == ["2031-03-09", "2031-03-12"]
    assert _embedded_conflicts(a, b, cosine=0.75) == []


_POSTED = "“We will keep the harbour trails open all year,” Mayor Ana Ruiz said in a Facebook post on {}."


def test_a_lone_day_is_weighed_against_a_weekday_telling_of_the_story_s_day():
    # s1 dates the post by its weekday alone (Wednesday, March 12), s2 gives that day in a sentence
    # unlike the lone one; the lone day is weighed against the weekday sentence, alike it word for word
    weekday = Article("s1", "“The new boardwalk opens next year,” Mayor Ana Ruiz said in a Facebook post on"
                            " Wednesday.", published="2031-03-12")
    other = Article("s2", "The harbour boardwalk plans were set out on March 12 by the council.",
                    published="2031-03-12")
    moved = Article("s3", _POSTED.format("March 15"), published="2031-03-16")
    [conflict] = _embedded_conflicts(weekday, other, moved)
    assert [v.value for v in conflict.values] == ["2031-03-12", "2031-03-15"]
    assert "s1" in [e.source for e in conflict.values[0].support]
    assert [e.source for e in conflict.values[1].support] == ["s3"]
    # a weekday named alone against two written days is a lone day too: "Saturday" is no Wednesday
    # (March 12), whatever date its source carries ...
    told = [Article(f"w{k}", _POSTED.format("March 12"), published="2031-03-12") for k in range(2)]
    saturday = Article("w2", weekday.text.replace("Wednesday", "Saturday"), published="2031-03-15")
    [conflict] = _embedded_conflicts(*told, saturday)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-03-12", ["w0", "w1"]), ("2031-03-15", ["w2"])]
    # ... but not "Wednesday" resolved a week off (a source's stale date), "yesterday", or a copy
    for late in (Article("w2", weekday.text, published="2031-03-19"),
                 Article("w2", weekday.text.replace("on Wednesday", "yesterday"), published="2031-03-16"),
                 Article("w2", saturday.text, published="2031-03-15", copy_of="w0")):
        assert _embedded_conflicts(*told, late) == []


def test_the_day_of_a_statement_is_no_counterpart_of_the_day_of_the_event_it_condemns():
    # one sentence dates the envoys' statement, the other the closure it condemns: two events
    a = Article("a", "The envoys of four countries issued a joint statement on March 10 condemning the closure "
                     "of the Varlo Weekly newspaper.", published="2031-03-14")
    b = Article("b", "The envoys of four countries condemned the closure of the Varlo Weekly newspaper, which was "
                     "shut down on March 9.", published="2031-03-14")
    assert _date_conflicts(a, b) == []
    # the same event dated apart is still a conflict
    c = Article("c", "The envoys of four countries condemned the closure of the Varlo Weekly newspaper, which was "
                     "shut down on March 12.", published="2031-03-14")
    assert len(_date_conflicts(b, c)) == 1


_SPILL = ("About 40 tonnes of palm oil leaked from a damaged shore fuel hose at the Harbour Guard’s (HG) Tarlow base"
          " on {}, according to a joint statement from the Merrow Port Authority.")


def test_a_day_in_a_sentence_the_parse_roots_in_a_noun_dates_its_participle():
    # the parse makes "tonnes" the root and "leaked" a participle of "oil"; the day hangs from an apposition
    spill = Article("a", _SPILL.format("12 March"), published="2031-03-13")
    [event] = run([spill])[0]
    assert event.date == "2031-03-12" and "leaked" in event.text
    others = [Article("b", "Palm oil leaked from a damaged fuel hose at the Harbour Guard's Tarlow base on March 9,"
                           " the Merrow Port Authority said.", published="2031-03-13"),
              Article("c", "On 9 March, about 40 tonnes of palm oil leaked from a damaged fuel hose at the Tarlow"
                           " base of the Harbour Guard, the port authority said.", published="2031-03-13")]
    [conflict] = _date_conflicts(spill, *others)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2031-03-09", ["b", "c"]), ("2031-03-12", ["a"])]


def test_a_noun_root_with_a_subject_is_a_verb_read_as_a_noun():
    words = ["The", "fair", "returns", "from", "May", "4", "."]
    doc = Doc(load().vocab, words=words, heads=[1, 2, 2, 2, 3, 4, 2],
              deps=["det", "nsubj", "ROOT", "prep", "pobj", "nummod", "punct"],
              pos=["DET", "NOUN", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"])
    assert clauses.verb_of_noun_root(doc[4], list(doc)).text == "returns"
    # a root with no subject and no participle tells no event; a day under a verb is that verb's
    words = ["Flags", "at", "the", "fair", "on", "May", "4", "."]
    doc = Doc(load().vocab, words=words, heads=[0, 0, 3, 1, 0, 4, 5, 0],
              deps=["ROOT", "prep", "det", "pobj", "prep", "pobj", "nummod", "punct"],
              pos=["NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"])
    assert clauses.verb_of_noun_root(doc[5], list(doc)) is None


def test_the_day_a_running_count_is_told_at_is_not_the_day_of_the_event():
    # "as of" / "by" a day told done: the moment of a count, not the day the goats escaped
    escaped = [Article(f"e{k}", f"Forty goats escaped from a farm near Tollby on {day}, the farm said.",
                       published="2031-03-12") for k, day in enumerate(["March 3", "3 March", "March 3"])]
    as_of = Article("t1", "As of Wednesday (March 10), 12 goats that escaped from a farm near Tollby had been "
                    "caught, the farm said.", published="2031-03-12")
    assert _date_conflicts(*escaped, as_of) == []
    # two moments of the count with other counts: the count went up, no day is disputed
    earlier = Article("t2", "By March 9, 8 goats that escaped from a farm near Tollby had been caught, "
                      "the farm said.", published="2031-03-12")
    assert _date_conflicts(as_of, earlier) == []
    # the same count at another moment is a day disputed
    same = Article("t3", "By March 7, 12 goats that escaped from a farm near Tollby had been caught, "
                   "the farm said.", published="2031-03-12")
    [conflict] = _date_conflicts(as_of, same)
    assert sorted(v.value for v in conflict.values) == ["2031-03-07", "2031-03-10"]


def test_a_count_s_moment_and_a_deadline():
    assert tally_day("As at 5pm on March 3, 12 people had been rescued.", "March 3", True)
    assert tally_day("By 17 March, 13 had been caught.", "17 March", True)
    assert not tally_day("The fee must be paid by March 17.", "March 17", False)  # a deadline
    assert not tally_day("The goats escaped on March 3.", "March 3", True)


def test_two_statements_with_other_quotes_are_two_days():
    told = Article("a", "\"The ferry is safe and ready to sail,\" port spokesman Ivo Marek told the Coast Daily "
                   "on Tuesday, March 10.", published="2031-03-14")
    other = Article("b", "\"We have found no fault in the engine of the ferry,\" port spokesman Ivo Marek told the "
                    "Coast Daily on Thursday, March 12.", published="2031-03-14")
    assert _date_conflicts(told, other) == []
    # the same words quoted on another day: one statement, two days
    same = Article("c", "\"The ferry is safe and ready to sail,\" port spokesman Ivo Marek told the Coast Daily "
                   "on Thursday, March 12.", published="2031-03-14")
    [conflict] = _date_conflicts(told, same)
    assert sorted(v.value for v in conflict.values) == ["2031-03-10", "2031-03-12"]
    # a quote beside the day of an event: the day is the event's, whatever was said there
    assert claims.speech_day("\"We are ready,\" he said on March 12.", "March 12")
    assert not claims.speech_day("\"We are ready,\" he said during the launch on March 12.", "March 12")


def test_the_start_of_a_span_is_not_a_disputed_day():
    assert since_day("their first league title since 1987", "1987")
    assert since_day("the first team since 1985 to come back", "since 1985")
    assert not since_day("they won the title in 1987", "1987")
    won = [Article(f"w{k}", f"The Harbour Rovers won their first league title since 1987 in a {kind} game.",
                   published="2031-05-02") for k, kind in enumerate(["tense", "thrilling", "late"])]
    other = Article("o", "The Quay Rangers, who won a league title in 1991, lost the tense final game.",
                    published="2031-05-02")
    assert [c for c in run([*won, other])[1] if c.kind == "date"] == []


def test_a_woman_s_day_and_a_man_s_day_are_two_people_s():
    woman = [Article(f"w{k}", f"The woman will be charged in court on {day} with theft at the harbour market.",
                     published="2031-03-02") for k, day in enumerate(["March 5", "5 March"])]
    man = Article("m", "The man will be charged in court on March 9 with theft at the harbour market.",
                  published="2031-03-02")
    assert _date_conflicts(*woman, man) == []
    # a reporter's "he said" tells nothing of whom the sentence is about
    moved = Article("x", "The woman will be charged in court on March 9 with theft at the harbour market, he said.",
                    published="2031-03-02")
    assert len(_date_conflicts(*woman, moved)) == 1


def test_a_state_told_on_each_report_s_own_day_is_no_disputed_day():
    # a follow-up tells the state since: "several remained" on Monday, "five still" on Wednesday
    stayed = [Article(f"s{k}", "They were treated at Harbour General Hospital, where several remained on Monday.",
                      published="2034-05-01") for k in range(2)]
    still = Article("t", "Five people were still being treated at Harbour General Hospital on Wednesday.",
                    published="2034-05-03")
    assert _date_conflicts(*stayed, still) == []
    first, later = (claims.Claim("a", "a", (0, 1), "several remained", frozenset(), frozenset({day}), "",
                                 reported=reported) for day, reported in (("2034-05-01", "2034-05-01"),
                                                                          ("2034-05-02", "2034-05-03")))
    assert not claims._each_report_s_own(first, "2034-05-01", later, "2034-05-02")  # a day before its report


def test_two_stages_of_a_process_are_two_events_however_alike_their_words():
    # "found guilty by a jury at the court" and "sentenced at the court": a verdict and a sentence
    wire = [Article(f"w{k}", "Orla Quennet, 48, was found guilty on 17 February by a jury at Tarrowmere District Court "
                             "after a four-week trial.", published="2033-03-15") for k in range(2)]
    radio = Article("r", "Quennet was sentenced at Tarrowmere District Court on Tuesday.", published="2033-03-15")
    assert _date_conflicts(*wire, radio) == []
    # the same stage told on another day is still disputed
    moved = Article("m", "Orla Quennet, 48, was found guilty on 20 February by a jury at Tarrowmere District Court "
                         "after a four-week trial.", published="2033-03-15")
    assert [sorted(v.value for v in c.values) for c in _date_conflicts(wire[0], moved)] == [["2033-02-17", "2033-02-20"]]


def test_a_start_of_a_span_is_weighed_only_against_another_start():
    held = [Article(f"h{k}", f"The ferry captain has been held at Marrow Point jail since January 17, {kind}.",
                    published="2031-01-25") for k, kind in enumerate(["officials said", "his lawyer said"])]
    moved = Article("m", "The ferry captain has been held at Marrow Point jail since January 20, a court clerk said.",
                    published="2031-01-25")
    found = _date_conflicts(*held, moved)
    assert [sorted(v.value for v in c.values) for c in found] == [["2031-01-17", "2031-01-20"]]
    # a start against an event's day tells two things: detained since one day, moved to jail on another
    event = Article("e", "The ferry captain was moved to Marrow Point jail on January 20, a court clerk said.",
                    published="2031-01-25")
    assert _date_conflicts(*held, event) == []


def test_a_pre_trial_conference_names_no_trial():
    from newsfold.stages.timeline.merging import stages

    assert stages(frozenset({"pre", "trial", "conference"})) == set()
    assert stages(frozenset({"trial", "jury"})) == {"trial"}


def test_each_report_dating_the_news_of_its_own_day_is_no_conflict():
    said = ["At least 40 people fell ill after a dinner at the Harbour Hotel, health officials said on Monday.",
            "Health officials said on Monday that 40 guests fell ill after the dinner at the hotel.",
            "About 40 people were sick after a dinner at the Harbour Hotel, health officials said on Monday."]
    monday = [Article(f"s{k}", text, published="2031-03-10") for k, text in enumerate(said)]
    confirmed = ("Tests confirmed on Wednesday that salmonella caused the outbreak linked to the hotel dinner,"
                 " as cases rose to 61.")
    # told in words of its own, Monday's reports tell Monday's news, Wednesday's report Wednesday's:
    # two moments, not one moved
    assert _embedded_conflicts(*monday, Article("s3", confirmed, published="2031-03-12")) == []
    # a Wednesday told in a Friday report is not that report's own day: weighed as before
    [conflict] = _embedded_conflicts(*monday, Article("s3", confirmed, published="2031-03-14"))
    assert [v.value for v in conflict.values] == ["2031-03-10", "2031-03-12"]


def test_a_lone_day_whose_clause_names_the_stage_is_weighed_against_that_stage():
    told = [Article("a", "The former treasurer of Kestrel Freight was sentenced on Tuesday to six years in prison"
                         " for fraud.", published="2033-03-16"),
            Article("b", "Oren Vask was sentenced at Dunmore District Court on Tuesday.", published="2033-03-16")]
    opening = "For five years nobody checked his invoices. On 14 March, that trust ended "
    # the words next to "14 March" name no stage; its clause names the sentence (a noun), as the others do
    sentence = Article("c", opening + "with a six-year prison sentence at Dunmore District Court.",
                       published="2033-03-16")
    [conflict] = _embedded_conflicts(*told, sentence)
    assert [(v.value, [e.source for e in v.support]) for v in conflict.values] == [
        ("2033-03-15", ["a", "b"]), ("2033-03-14", ["c"])]
    # a clause naming another stage tells another event
    verdict = Article("c", opening + "when he was found guilty at Dunmore District Court.", published="2033-03-16")
    assert _embedded_conflicts(*told, verdict) == []
