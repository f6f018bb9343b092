"""numbers stage: conversions in brackets, bounds raised in one source, figures of one item of several and bodies
of several (invented texts)."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import by_text, conflicts_of, one, quantities_of


def values_of(conflict) -> dict[str, set[str]]:
    return {v.value: {e.source for e in v.support} for v in conflict.values}


def test_a_bracketed_conversion_of_an_agreeing_figure_is_rounded():
    a = Article("a", "The system uses 17 miles (27km) of track.")
    b = Article("b", "The system uses its 17 miles (28km) of track, with 39 stops.")
    assert by_text(quantities_of(a), "27").converted
    assert conflicts_of(a, b) == []
    c = Article("c", "The system uses 26 miles (42km) of track.")
    conflicts = conflicts_of(a, c)
    assert conflicts and any({"17", "26"} <= set(values_of(k)) for k in conflicts)


def test_a_conversion_of_a_round_figure_is_no_more_precise_than_it():
    # "RM10,000 (S$3,030)" and "(S$3,038)": two rates for one exact amount, a disagreement
    a = Article("a", "Offenders face a fine of RM10,000 (S$3,030) or more, the agency said.")
    b = Article("b", "Offenders face a fine of RM10,000 (S$3,038) or more, the agency said.")
    assert conflicts_of(a, b)


def test_conversions_into_two_dollars_are_two_currencies():
    # "$100 million" converts into US dollars, "S$135 million" into Singapore dollars: one amount
    texts = {"a": "The scheme caused state losses of RM450 million ($100 million), prosecutors said.",
             "b": "Prosecutors said the scheme caused state losses of RM450 million ($100 million).",
             "c": "The scheme caused state losses of RM450 million (S$135 million), prosecutors said."}
    conflicts = conflicts_of(*(Article(k, v) for k, v in texts.items()))
    assert not [c for c in conflicts if {"$100 million", "S$135 million"} & set(values_of(c))]
    # the same dollars converted at another figure are still set against each other
    texts["c"] = "The scheme caused state losses of RM450 million ($135 million), prosecutors said."
    conflicts = conflicts_of(*(Article(k, v) for k, v in texts.items()))
    assert any({"$100 million", "$135 million"} <= set(values_of(c)) for c in conflicts)


def test_a_bound_raised_later_in_a_source_is_one_count_not_two():
    a = Article("a", "The fire brigade said at least 40 people were injured after the tram overturned. "
                     "Over 50 people were taken to hospital.")
    b = Article("b", "More than 50 people were injured when the tram left the track.")
    c = Article("c", "Police said more than 50 people were injured in the crash.")
    conflicts = conflicts_of(a, b, c)
    assert len(conflicts) == 1
    values = values_of(conflicts[0])
    assert values["at least 40"] == {"a"} and {"b", "c"} <= values["More than 50"] | values.get("more than 50", set())


def test_a_bare_toll_word_after_a_number_is_its_event():
    found = one("Ann Berg, 30, who was among more than 50 injured, said the tram sped up.")
    assert by_text(found, "more than 50").event == "injured"


def test_counts_of_two_places_in_long_clauses_are_items_not_the_total():
    text = "A total of 20 patients were taken to Riverside Hospital in Easton, and 31 went to Hill General."
    found = one(text)
    twenty, thirty_one = by_text(found, "20"), by_text(found, "31")
    assert twenty.item is not None and thirty_one.item is not None
    assert twenty.item.slot == (0, 2) and thirty_one.item.slot == (1, 2)
    assert "riverside" in twenty.item.names and "hill" in thirty_one.item.names
    a = Article("a", text)
    b = Article("b", "More than 50 people were taken to hospital after the tram crash in Easton.")
    c = Article("c", "Over 50 people were taken to hospital after the crash, the ambulance service said.")
    assert conflicts_of(a, b, c) == []


def test_two_counts_of_one_event_in_joined_clauses_are_not_items_of_two_events():
    found = one("At least seven people were killed and more than 50 others were injured.")
    assert all(q.item is None for q in found)
    found = one("More than 100 firefighters battled for hours to free five people trapped in the wreckage.")
    assert all(q.item is None for q in found)  # a purpose, not a second item


def test_a_count_of_one_body_of_several_that_add_up_to_the_total_is_that_bodys():
    a = Article("a", "Riverside Hospital said it was treating 20 people, four of whom were seriously injured.")
    b = Article("b", "Hill General Hospital said 31 patients were brought in by ambulance.")
    c = Article("c", "A total of 51 people were taken to hospital, the ambulance service said.")
    d = Article("d", "More than 50 people were injured when the tram overturned.")
    quantities = quantities_of(a, b, c, d)
    assert by_text(quantities, "20").bodies and by_text(quantities, "20").item is None  # one article alone
    assert conflicts_of(a, b, c, d) == []
    # the same count where the story names no second body whose count adds up: a count of the story
    from newsfold.stages.numbers.items import mark_bodies

    alone = quantities_of(a, d)
    mark_bodies(alone)
    assert by_text(alone, "20").item is None


def test_figures_of_two_items_are_compared_only_with_their_own_item():
    a = Article("a", "The two lines could cost around $20 billion and $7 billion, respectively, the minister said.")
    b = Article("b", "The light rail line could reach $20 billion, while the bus network is projected to "
                     "require around $7 billion, the minister said.")
    c = Article("c", "The consortium said the project, estimated to cost $8.75 billion, will be developed in phases.")
    assert by_text(quantities_of(a), "$7 billion").item is not None
    assert {"bus", "network"} <= by_text(quantities_of(b), "around $7 billion").item.words
    assert conflicts_of(a, b, c) == []
    # one item's figure changed in a second report of the same list is still a conflict
    e = Article("e", "The two lines could cost around $40 billion and $7 billion, respectively, the minister said.")
    conflicts = conflicts_of(a, e)
    assert len(conflicts) == 1
    assert set(values_of(conflicts[0])) == {"around $20 billion", "around $40 billion"}


def test_a_figure_of_one_item_is_compared_with_a_report_naming_that_item():
    a = Article("a", "The Lumen LRT could reach $20 billion, while the Vega ART system is projected to require "
                     "around $7 billion, the minister said.")
    named = Article("b", "The Vega ART system is projected to require around $12 billion, the minister said.")
    other = Article("c", "The Orion BRT system is projected to require around $12 billion, the minister said.")
    conflicts = conflicts_of(a, named)
    assert len(conflicts) == 1 and set(values_of(conflicts[0])) == {"around $7 billion", "around $12 billion"}
    assert conflicts_of(a, other) == []


def test_a_lone_item_figure_in_the_place_of_the_value_the_others_agree_on_is_a_changed_figure():
    others = [
        Article("b", "The jackpot was initially reported to be $5 million. The Sun Draw will offer $12 million."),
        Article("c", "The estimated jackpot size is more than double the initial top prize amount, which was "
                     "reportedly $5 million."),
        Article("d", "The draw was initially set to have a minimum prize of $5 million. The $12 million Sun Draw follows."),
    ]
    listed = "Each of the first prizes for the Star Lottery and the Moon Lottery stands at {}, while the Sun Lottery " \
             "boasts a prize of $12 million."
    assert conflicts_of(Article("a", listed.format("$5 million")), *others) == []
    conflicts = conflicts_of(Article("a", listed.format("$8 million")), *others)
    assert len(conflicts) == 1
    values = values_of(conflicts[0])
    assert values["$8 million"] == {"a"} and values["$5 million"] == {"b", "c", "d"}


def test_and_a_half_is_the_number_s_half():
    found = quantities_of(Article("a", "He began a prison sentence of six and a half years. "
                                       "Two and a half million people voted."))
    assert by_text(found, "six and a half").value == 6.5
    assert by_text(found, "Two and a half million").value == 2_500_000
    assert by_text(quantities_of(Article("b", "She got a two-and-a-half-year ban.")), "two-and-a-half").value == 2.5


def test_a_penalty_s_length_is_its_figure_not_a_descriptor():
    e = Article("e", "On Tuesday that trust ended with a six-year prison sentence for the former finance director.")
    assert not by_text(quantities_of(e), "six").descriptor
    assert by_text(quantities_of(Article("f", "A nine-person brawl broke out.")), "nine").descriptor


def test_a_short_unit_that_ends_a_sentence_is_still_its_unit():
    # the tokenizer keeps "g." whole where "220g." ends a sentence: still grams, as "450g" is
    found = one("The 500g tin was cut to 450g and the 250g tin to 220g.")
    assert {by_text(found, v).head for v in ("450", "220")} == {"gram"}


def test_a_margin_counts_its_noun_and_is_compared():
    # "an 11-vote win" is won by 11 votes: a margin, not a descriptor of the win
    margin = by_text(quantities_of(Article("g", "The recount gave the mayor an 11-vote win over her rival.")), "11")
    assert not margin.descriptor and margin.head == "vote" and margin.counted == "vote"
    told = "A recount at the Old Mill on Tuesday gave Mayor Ilse Brandt {} over her rival Pavel Kors."
    conflicts = conflicts_of(Article("a", told.format("victory by seven votes")),
                             Article("b", told.format("a victory by seven votes").replace("A recount", "The recount")),
                             Article("c", told.format("an 11-vote victory")))
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["11", "seven"]]


def test_a_speed_is_one_measure_however_its_unit_is_written():
    found = one("It ran at 95 km/h on the bridge. It slowed to 70km/h at the curve. It left at 70 kilometres an hour."
                " It stayed inside the 80 km/h limit.")
    assert sorted(q.value for q in found if q.head == "kilometre per hour") == [70, 70, 95]
    assert by_text(found, "80").head == "limit"
    assert by_text(one("The bus reached 60 mph on the bridge."), "60").head == "mile per hour"
    told = "Data from the event recorder showed the train was travelling at {}, the safety board said."
    conflicts = conflicts_of(Article("a", told.format("about 70km/h, below the 80km/h limit")),
                             Article("b", told.format("70 kilometres an hour")),
                             Article("c", told.format("95 km/h, well above the 80 km/h limit")))
    assert [sorted(v.value for v in c.values) for c in conflicts] == [["95", "about 70"]]


def test_a_share_of_an_owner_s_count_counts_the_owned():
    # "three of the train's six carriages": carriages, not the train
    three = by_text(one("Three of the train's six carriages left the rails on the curve."), "Three")
    assert three.head == "carriage" and three.subset



def test_a_count_counts_the_last_noun_of_its_compound():
    # the parse hangs the number on "customer"; it counts accounts, as "212,000 customer accounts" does
    found = one("Criminals have stolen the personal details of about 180,000 customer accounts from the supplier.")
    assert by_text(found, "about 180,000").head == "account"
    # a hyphenated count stays on its own noun: "an 11-vote win" counts votes
    assert by_text(one("The recount gave the mayor an 11-vote win over her rival."), "11").head == "vote"
