"""numbers.aligned: a figure changed in one source's version of a shared sentence."""
from __future__ import annotations

from newsfold.model import Article

from newsfold.stages.numbers import number_conflicts

from .test_numbers import conflicts_of, context_of, one

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
    # b gives both figures for the same kind of claim: another group, not a disagreement
    both = Article("b", FINE.format("4,500") + " " + FINE.format("3,000").replace("the driver", "a second driver"))
    assert conflicts_of(a, both) == []
    # ... or tells the change itself
    changed = Article("b", FINE.format("4,500") + " The amount was initially set at S$3,000 by the clerk.")
    assert conflicts_of(a, changed) == []


def test_the_same_number_written_about_something_else_explains_nothing():
    a = Article("a", FINE.format("3,000"))
    b = Article("b", FINE.format("4,500") + " A parking permit near the market costs S$3,000 a year.")
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["S$3,000", "S$4,500"]


def test_unlike_sentences_are_not_compared():
    a = Article("a", FINE.format("3,000"))
    b = Article("b", "Tickets for the concert at the stadium cost S$4,500 for the best seats.")
    assert conflicts_of(a, b) == []


FIGHT = "{} men were seen fighting with chairs outside the coffee shop at night."


def test_small_counts_in_words_are_compared_in_alike_sentences_of_one_noun():
    # news style spells out small counts, so "Two men" against "Three men" is a disagreement
    [conflict] = conflicts_of(Article("c", FIGHT.format("Two")), Article("d", FIGHT.format("Three")))
    assert [v.value for v in conflict.values] == ["Two", "Three"]
    # ... but not "one man" (an aside), nor a count of another noun, nor a loosely alike sentence
    assert conflicts_of(Article("c", FIGHT.format("Two")),
                        Article("d", FIGHT.format("Three").replace("men", "women"))) == []
    assert conflicts_of(Article("c", FIGHT.format("Two")),
                        Article("d", "Three men later bought drinks at a bakery nearby.")) == []


def test_small_counts_in_words_of_a_list_or_of_time_are_not_compared():
    # a source writing the other's count of the noun too is listing groups ("three charges ... two charges")
    charges = "He faces three charges of cheating and two charges of forgery, the court heard."
    other = "He faces two charges of cheating, the court heard on Monday."
    assert conflicts_of(Article("c", charges), Article("d", other)) == []
    # a span of time in words may be one part of a sentence's term ("two years and three months") ...
    jail = "The driver was sentenced to {} in jail for the crash."
    pieces = conflicts_of(Article("c", jail.format("two years and three months")), Article("d", jail.format("seven months")))
    assert pieces == []
    whole = "The rider was sentenced to seven months' jail over the chase."
    for told in ("The rider was sentenced to 2 years & 3 months' jail over the chase.",
                 "Prosecutors sought two years, three and a half months, and five and a half months' jail."):
        assert conflicts_of(Article("c", told), Article("d", whole)) == []
    # ... or no penalty's length at all ("over three years")
    stole = "He stole the money from the firm over {} years, the court heard."
    assert conflicts_of(Article("c", stole.format("three")), Article("d", stole.format("seven"))) == []
    # (until 2026-12-07 a whole term in words was never compared either: "three months in jail" against
    # "seven months in jail" is a disagreement on the sentence, shown with its unit)
    [term] = conflicts_of(Article("c", jail.format("three months")), Article("d", jail.format("seven months")))
    assert sorted(v.value for v in term.values) == ["seven months", "three months"]


def test_a_currency_written_in_the_amount_token():
    [q] = one("Individuals can be fined up to S$30,000 or jailed.")
    assert (q.text, q.value, q.unit, q.qualifier) == ("up to S$30,000", 30000.0, "S$", "at_most")


def test_each_figure_meets_its_own_counterpart_in_a_sentence_of_several():
    a = Article("a", "The council gave S$300 vouchers to every household on Monday, while each school "
                     "was promised S$500 by the mayor.")
    b = Article("b", "Every household got S$450 vouchers from the council on Monday, while the mayor "
                     "promised each school S$500.")
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["S$300", "S$450"]


def test_durations_are_read_and_compared_only_between_aligned_claims():
    [q] = one("The driver was jailed for 15 years for the crash.")
    assert (q.text, q.head, q.duration, q.key) == ("15", "year", True, None)
    a = Article("a", "The driver was jailed for 10 years for the crash that killed a cyclist.")
    b = Article("b", "The driver was jailed for 15 years for the crash that killed a cyclist.")
    [conflict] = conflicts_of(a, b)
    assert conflict.topic == "year" and [v.value for v in conflict.values] == ["10", "15"]
    c = Article("c", "The driver faced up to 15 years in jail for the crash that killed a cyclist.")
    assert conflicts_of(a, c) == []  # "up to 15" allows 10
    d = Article("d", "The driver was jailed for 15 months for the crash that killed a cyclist.")
    assert conflicts_of(a, d) == []  # years and months are not one kind


def test_a_bound_does_not_write_the_figure_it_bounds():
    a = Article("a", "The activist was fined S$3,000 in February for the assembly outside the court.")
    b = Article("b", "The activist was fined S$4,500 in February for the assembly outside the court. "
                     "Offenders can be fined up to S$3,000 for a first offence.")
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["S$3,000", "S$4,500"]


def test_an_exact_number_beside_a_limit_does_not_write_the_limit():
    rule = "From March, nurseries will ban screens for children {} months and allow them for learning for those aged 18 months to five years."
    a = Article("a", "Children younger than 18 months should not be shown screens at nurseries from March, the ministry said.")
    b = Article("b", "Children younger than 18 months should not be shown screens at nurseries from March, officials said.")
    c = Article("c", rule.format("under 27"))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["younger than 18", "under 27"]
    assert conflicts_of(a, b, Article("c", rule.format("under 18"))) == []


def test_an_adjective_of_change_on_another_noun_explains_no_figure():
    lead = "Children younger than 18 months should not be shown screens, the ministry said on Monday. "
    code = "From March, nurseries must follow an updated code of practice that bars screens for infants up to {} months."
    a = Article("a", lead + code.format(18))
    b = Article("b", lead.replace("the ministry", "officials") + code.format(18))
    c = Article("c", lead + code.format(27))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["up to 18", "up to 27"]
    # a verb of change tells the figure's own change: c explains both itself
    revised = Article("c", lead + code.format(18).replace("bars", "was revised to bar").replace("18", "27"))
    assert conflicts_of(a, b, revised) == []


def test_a_word_of_time_tells_a_change_and_a_participle_of_another_noun_does_not():
    from newsfold.nlp.spacy_model import parse
    from newsfold.stages.numbers.aligned import _tells_change

    texts = ["In the previous survey, households spent about $88 a month on tuition.",
             "Nurseries must follow an updated code of practice that bars screens for infants up to 27 months.",
             "A combined S$230 million was paid to the two firms."]
    told = []
    for text, doc in zip(texts, parse(texts)):
        [q] = [q for q in one(text) if q.unit or q.head == "month"]
        told.append(_tells_change(doc, q))
    assert told == [True, False, True]


def test_one_sentence_giving_both_figures_is_no_conflict():
    a = Article("a", "The bars were cut to 360g this week, the maker said in a statement.")
    b = Article("b", "The maker said in a statement this week that the bars were cut from 400g to 360g.")
    assert conflicts_of(a, b) == []  # b gives 400 and 360 in one sentence: a's 360 is its 360
    # b's weight before the cut is never set against a's after it; its weight after the cut is
    # (until 2026-12-07 this read "cut to 540g." and passed only because the tokenizer kept "g."
    # whole at the sentence's end, so 540 measured no grams)
    c = Article("c", "The maker said in a statement this week that the 400g bars were cut to 540g.")
    assert [sorted(v.value for v in k.values) for k in conflicts_of(a, c)] == [["360", "540"]]


def test_figures_dated_earlier_are_compared_only_for_the_same_year():
    a = Article("a", "In 2021, the platform removed 7.2 million accounts suspected of belonging to children.")
    b = Article("b", "In 2021, the platform removed 10.8 million accounts suspected of belonging to children.")
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["7.2 million", "10.8 million"]
    c = Article("c", "In 2020, the platform removed 10.8 million accounts suspected of belonging to children.")
    assert conflicts_of(a, c) == []
    d = Article("d", "Earlier this month, the platform removed 7.2 million accounts suspected of belonging to children.")
    e = Article("e", "Earlier this month, the platform removed 10.8 million accounts suspected of belonging to children.")
    assert conflicts_of(d, e) == []  # an earlier event without a year may be two events
    # ... but not in two reports of one day that date it by the same words: the same week
    f, g = (Article(x.id, x.text.replace("Earlier this month", "Last week"), published="2025-01-20") for x in (d, e))
    [conflict] = conflicts_of(f, g)
    assert [v.value for v in conflict.values] == ["7.2 million", "10.8 million"]
    later = Article("g", g.text, published="2025-01-27")  # a week later, "last week" is another week
    assert conflicts_of(f, later) == []
    # two days later, "weeks ago" still dates one time: the same sale told on a Friday and a Sunday
    h, k = (Article(x.id, x.text.replace("Earlier this month", "Two weeks ago"), published=day)
            for x, day in ((d, "2025-01-31"), (e, "2025-02-02")))
    [conflict] = conflicts_of(h, k)
    assert [v.value for v in conflict.values] == ["7.2 million", "10.8 million"]


def test_a_year_before_publication_is_an_earlier_time():
    a = Article("a", "In October 2023 the firm was fined S$185,000 by the regulator for late filings.",
                published="2025-01-23")
    b = Article("b", "The firm was fined S$250,000 by the regulator for late filings.", published="2025-01-23")
    assert conflicts_of(a, b) == []
    c = Article("c", "The firm was fined S$185,000 by the regulator for late filings.", published="2025-01-23")
    assert len(conflicts_of(c, b)) == 1


def test_a_unit_written_short_or_long_is_one_unit():
    a = Article("a", "The bakery cut the large loaf to 800g and the small loaf to 400g, shoppers found.")
    b = Article("b", "The bakery cut the large loaf to 1,200 grams and the small loaf to 400 grams, shoppers found.")
    [conflict] = conflicts_of(a, b)
    assert sorted(v.value for v in conflict.values) == ["1,200", "800"] and conflict.topic in ("g", "gram")


def test_measure_nouns_by_one_name():
    from newsfold.stages.numbers.inflection import measure_noun
    assert {measure_noun(w) for w in ("g", "grams", "gram", "gramme")} == {"gram"}
    assert measure_noun("kilometers") == measure_noun("km") == "kilometre"
    assert measure_noun("soldiers") == "soldier"


def test_dollars_with_or_without_their_country_are_one_unit():
    a = Article("a", "Tenants must show a monthly income of at least S$8,000 to rent one of the new flats.")
    b = Article("b", "Tenants must show a monthly income of at least SG$12,000 to rent one of the new flats.")
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["at least S$8,000", "at least SG$12,000"]


def test_a_window_up_to_now_is_not_an_earlier_time():
    a = Article("a", "Tenants must have earned at least S$8,000 a month over the past year to rent a flat.")
    b = Article("b", "Tenants must have earned at least S$12,000 a month over the past year to rent a flat.")
    assert len(conflicts_of(a, b)) == 1
    c = Article("c", "Last year the firm paid a fine of S$30,000 to the regulator for late filings.")
    d = Article("d", "Last year the firm paid a fine of S$45,000 to the regulator for late filings.")
    assert conflicts_of(c, d) == []  # an earlier event without a year may be two events


def test_two_nouns_for_one_thing_are_one_kind():
    from newsfold.nlp.embed import get_embedder
    a = Article("a", "The recall covers some 40,000 cars sold with the faulty brake part across the region.")
    b = Article("b", "The recall covers 60,000 vehicles sold with the faulty brake part across the region.")
    ctx = context_of(a, b)
    assert number_conflicts(ctx) == []  # without an embedder the nouns differ
    ctx.embedder = get_embedder("minilm")
    [conflict] = number_conflicts(ctx)
    assert sorted(v.value for v in conflict.values) == ["60,000", "some 40,000"]


def test_as_much_as_is_an_upper_bound():
    [q] = one("Shops that break the rule can be fined as much as S$20,000.")
    assert (q.qualifier, q.value) == ("at_most", 20000.0)
    a = Article("a", "Shops that break the rule can be fined as much as S$20,000 under the new by-law.")
    b = Article("b", "Shops that break the rule face fines of up to S$30,000 under the new by-law.")
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["as much as S$20,000", "up to S$30,000"]


def test_a_source_counting_a_group_and_its_part_explains_both():
    a = Article("a", "The council will raise the pay of a total of 4,500 school workers across the district this year.")
    b = Article("b", "The council said 1,200 school teachers across the district will get higher pay this year. "
                     "In all, 4,500 staff in the schools will be covered by the review.")
    assert conflicts_of(a, b) == []


def test_currencies_written_with_letters_before_the_amount():
    [q] = one("The stall owner said he owed RM2,400 to the lender.")
    assert (q.text, q.unit, q.value) == ("RM2,400", "RM", 2400.0)
    [q] = one("Each ticket costs Rp50,000 at the gate.")
    assert (q.unit, q.value) == ("Rp", 50000.0)


CHEAT = ("Investigators in three countries say the carmaker, which sold diesel models across Europe and Asia "
         "for a decade, fitted the cheating software to {} million cars worldwide.")
CHEAT_REWORDED = ("Staff at a distant plant, engineers who wrote code over many years for the brand's export lines, "
                  "loaded the cheating software into {} million cars worldwide.")


def test_a_lone_value_told_with_the_same_words_next_to_it_is_a_conflict():
    # the sentences share few words; the words around the two figures are the same
    a, b = Article("a", CHEAT.format("11")), Article("b", CHEAT_REWORDED.format("17"))
    [conflict] = conflicts_of(a, b)
    assert [v.value for v in conflict.values] == ["11 million", "17 million"]
    # the source of the lone value also writes the other value: it tells two things
    both = Article("b", CHEAT_REWORDED.format("17") + " Some 11 million cars were sold in those years.")
    assert conflicts_of(a, both) == []


def test_numbers_after_a_name_and_bare_numbers_are_not_paired_by_their_words():
    # sentences sharing few words, the words around the numbers alike: a name and a code are no figures
    a = Article("a", "Officials at the lottery operator, speaking after the weekend results were announced, "
                     "said one of the winning tickets, a System 7 entry, was bought online.")
    b = Article("b", "Meanwhile a regular punter from the eastern suburbs, who has played the same lucky numbers "
                     "every week for twenty years, holds the other with her System 12 entry, bought online.")
    assert conflicts_of(a, b) == []
    c = Article("c", "Readers in distress, or anyone worried about a friend or colleague at work, "
                     "can call the helpline 1800 for free advice.")
    d = Article("d", "The charity, founded by volunteers after the floods, now trains counsellors and "
                     "runs the helpline 1900 for free advice.")
    assert conflicts_of(c, d) == []


def test_additions_are_compared_with_additions_only():
    added = "A total of {} additional gates are being installed at the northern checkpoint, to open by March."
    a, b = Article("a", added.format(26)), Article("b", added.format(26).replace("northern", "main northern"))
    fitted = Article("c", "In all, 39 additional gates will be fitted at the northern checkpoint to open by March.")
    [conflict] = conflicts_of(a, b, fitted)
    assert [v.value for v in conflict.values] == ["26", "39"]
    total = Article("c", "A total of 39 gates are being installed at the northern checkpoint, to open by March.")
    assert conflicts_of(a, b, total) == []



def test_one_figure_with_and_without_an_approximation_is_one_value():
    a = Article("a", "The first phase would involve 22 ferry piers nationwide, including the two busiest.")
    b = Article("b", "The agency takes over in stages, with the first phase involving some 22 ferry piers, "
                     "including the two busiest.")
    c = Article("c", "The first phase would involve 19 ferry piers nationwide, including the two busiest, officials said.")
    [conflict] = conflicts_of(a, b, c)
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [("22", ["a", "b"]), ("19", ["c"])]


def test_the_rest_of_a_whole_after_a_part_it_includes_is_no_other_value():
    a = Article("a", "The ferry terminal offers 338 berths and moorings, including 24 floating pontoons.")
    b = Article("b", "The ferry terminal offers 338 berths and moorings, including 24 floating pontoons, the board said.")
    c = Article("c", "The ferry terminal's main quay offers 314 berths and moorings along the harbour wall.")
    assert conflicts_of(a, b, c) == []
    d = Article("d", "The ferry terminal's main quay offers 290 berths and moorings along the harbour wall.")
    assert conflicts_of(a, b, d) != []
    # the part may be told by another report of the whole
    e = Article("e", "The ferry terminal now offers 338 berths and moorings for visiting boats, the board said.")
    assert conflicts_of(a, e, c) == []


def test_riders_commuters_and_passengers_are_people_of_one_kind():
    stuck = "{} were stranded when a signal failure stopped the harbour tram line on Monday morning."
    a = Article("a", stuck.format("About 12,000 commuters"))
    b = Article("b", stuck.format("About 12,000 passengers").replace("harbour tram line", "tram line by the harbour"))
    c = Article("c", stuck.format("More than 15,000 riders"))
    [conflict] = conflicts_of(a, b, c)
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [
        ("About 12,000", ["a", "b"]), ("More than 15,000", ["c"])]
    # people are no tickets
    d = Article("d", stuck.format("More than 15,000 tickets"))
    assert conflicts_of(a, b, d) == []


def test_a_currency_word_is_its_sign_and_a_share_then_an_amount_is_no_range():
    a = Article("a", "Harrow Mills said revenue dropped 6% to 2.1 billion euros in the first quarter.")
    b = Article("b", "Harrow Mills said its first-quarter revenue was 2.1 billion euros, down 6%.")
    c = Article("c", "Harrow Mills said first-quarter sales fell 6% to €2.4bn.")
    [conflict] = conflicts_of(a, b, c)
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [
        ("2.1 billion euros", ["a", "b"]), ("€2.4bn", ["c"])]
    # "fell 6% to 2.1 billion euros" is no range from 6 to 2.1 billion; "6% to 8%" is
    [amount] = [q for q in one(a.text) if q.unit == "€"]
    assert amount.value == 2.1e9 and amount.low is None
    [share] = [q for q in one("Sales rose 6% to 8% a year.") if q.unit == "%"]
    assert (share.low, share.high) == (6, 8)


def test_a_figure_the_other_sentence_also_writes_is_not_the_counterpart():
    # "up from two hours" in one report, "up from 2 hours" in the other: 2 is two's counterpart,
    # so 4.5 and 9 are set against each other (not 4.5 against 2, which the first report explains)
    told = "The queue at the border post grew to about 4.5 hours, up from the usual two hours, the {} said."
    other = Article("c", "The agency said the queue at the border post increased to about 9 hours, "
                         "up from the usual 2 hours.")
    conflicts = conflicts_of(Article("a", told.format("agency")), Article("b", told.format("border agency")), other)
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["about 4.5", "about 9"]]
    # where the other report gives the same queue, its 2 is no value for it
    same = Article("d", "The agency said the queue at the border post increased to about 4.5 hours, "
                        "up from the usual 2 hours.")
    assert conflicts_of(Article("a", told.format("agency")), same) == []


def test_a_penalty_s_length_one_source_alone_gives_is_set_against_the_others():
    told = [Article("a", "The former director of Quarrel Freight was sentenced on Tuesday to six years in prison "
                         "for embezzling $3.1 million from the company over five years."),
            Article("b", "A former finance chief who siphoned $3.1 million out of a haulage firm was jailed for "
                         "six years on Tuesday."),
            Article("c", "Former Quarrel Freight director Ivo Stennet has begun a prison sentence of six and a half "
                         "years for stealing $3.1m from the firm.")]
    [conflict] = conflicts_of(*told)
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [
        ("six years", ["a", "b"]), ("six and a half years", ["c"])]


def test_how_long_a_thing_lasts_is_a_whole_span_compared_in_words():
    road = [Article("a", "Quay Road will stay closed for two weeks while the wharf is cleared, the council said."),
            Article("b", "The council said Quay Road would be closed for two weeks as crews clear the wharf."),
            Article("c", "Crews clearing the wharf mean Quay Road will be shut for three weeks, according to the council.")]
    [conflict] = conflicts_of(*road)
    assert [(v.value, sorted(e.source for e in v.support)) for v in conflict.values] == [
        ("two weeks", ["a", "b"]), ("three weeks", ["c"])]
    # a span counted back from now, or still running when written, is no length of anything
    assert not one("The road was closed two weeks ago.")[0].term
    assert one("Divers have searched the wharf for three days.")[0].vague


def test_a_figure_dated_by_an_earlier_stage_of_the_case_is_the_case_s():
    jailed = [Article("a", "The former treasurer of Kestrel Freight was jailed on Tuesday for embezzling $4.2 million"
                           " from the firm.", published="2033-03-16"),
              Article("b", "Oren Vask, who stole $4.2 million from Kestrel Freight, was jailed for six years on"
                           " Tuesday.", published="2033-03-16")]
    # "last month" dates the conviction, a stage of this case: the amount is this case's
    convicted = Article("c", "Vask, 52, was convicted last month of taking $4.8 million from Kestrel Freight.",
                        published="2033-03-16")
    assert [[(v.value, [e.source for e in v.support]) for v in c.values] for c in conflicts_of(*jailed, convicted)] \
        == [[("$4.2 million", ["a", "b"]), ("$4.8 million", ["c"])]]
    # a year that dates the taking itself still sets the figure apart as an earlier time
    earlier = Article("c", "Vask, 52, took $4.8 million from Kestrel Freight in 2029, before he moved abroad.",
                      published="2033-03-16")
    assert conflicts_of(*jailed, earlier) == []
