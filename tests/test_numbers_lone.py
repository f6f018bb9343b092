"""numbers.lone: a figure one source alone gives where the others agree on another."""
from __future__ import annotations

from newsfold.model import Article

from .test_numbers import by_text, conflicts_of, context_of, one, quantities_of

SOLD = [
    "The harbour trust sold the old ferry terminal for S$54.5 million, agents said on Monday.",
    "According to the land registry, the old ferry terminal changed hands at S$54.5 million.",
    "Brokers confirmed that the deal for the ferry terminal was struck at S$54.5 million.",
]
PAID = "A church group, which plans to turn it into a hall for its members, paid {} for the terminal."


def test_a_lone_value_in_the_place_of_a_consensus_is_a_conflict():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    lone = Article("lone", PAID.format("S$81.8 million"))
    [conflict] = conflicts_of(*sold, lone)
    assert [v.value for v in conflict.values] == ["S$54.5 million", "S$81.8 million"]
    assert {e.source for e in conflict.values[0].support} == {"s0", "s1", "s2"}
    [evidence] = conflict.values[1].support
    assert lone.text[evidence.start:evidence.end] == lone.text
    # one other source is no consensus: two sentences this unlike are not compared
    assert conflicts_of(sold[0], lone) == []


def test_a_lone_value_is_no_conflict_where_its_source_also_writes_the_consensus():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    both = Article("lone", PAID.format("S$81.8 million") + " The asking price had been S$54.5 million.")
    assert conflicts_of(*sold, both) == []


def test_parts_and_ranges_take_no_consensus_place():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    parts = Article("lone", PAID.format("S$40 million and S$14.5 million respectively"))
    assert conflicts_of(*sold, parts) == []  # the two parts add up to the total
    ranged = Article("lone", PAID.format("S$80-82 million"))
    assert conflicts_of(*sold, ranged) == []


def test_a_score_is_no_count():
    assert one("The Cubs won with an 8-7 victory over the Indians.") == []
    assert one("The home side ran out 9-3 victors.") == []
    [q] = one("Between 50-60 people were hurt in the crush.")
    assert (q.low, q.high) == (50.0, 60.0)


SENTENCED = "The judge sentenced the man to {} years in jail on Friday for the attack."
SOUGHT = "Prosecutors had asked the court for a jail term of up to {} years and six weeks."


def test_a_value_written_for_another_claim_explains_nothing():
    # c writes 10 years for the sentence passed, and 15 where a and b write 10 for the term sought
    a = Article("a", SENTENCED.format(10) + " " + SOUGHT.format(10))
    b = Article("b", SENTENCED.format(10).replace("The judge", "A district judge") + " " + SOUGHT.format(10))
    c = Article("c", SENTENCED.format(10) + " " + SOUGHT.format(15))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["up to 10", "up to 15"]


def test_a_figure_of_another_kind_in_the_sentence_explains_nothing():
    caned = "He was jailed for {} years and given at least nine strokes of the cane for the attack."
    a, b, c = (Article(name, caned.format(years)) for name, years in (("a", 10), ("b", 10), ("c", 15)))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["10", "15"]


def test_a_lone_value_told_late_takes_the_place_but_not_one_of_long_ago():
    sold = [Article(f"s{i}", text) for i, text in enumerate(SOLD)]
    late = Article("lone", "Two weeks ago a church group, which plans to turn it into a hall, paid S$81.8 million "
                           "for the terminal.")
    [conflict] = conflicts_of(*sold, late)
    assert [v.value for v in conflict.values] == ["S$54.5 million", "S$81.8 million"]
    long_ago = Article("lone", late.text.replace("Two weeks ago", "Last year"))
    assert conflicts_of(*sold, long_ago) == []


MENU = "The cafe's soups come in several kinds, such as Ginger ({}), Pumpkin ($12), Leek ($14) and Onion ($12)."


def test_one_item_of_a_price_list_priced_differently_is_a_conflict():
    a = Article("a", "Regulars swear by the Ginger soup ($12), a warming bowl served with bread.")
    b = Article("b", "The Ginger soup ($12) is the cafe's best seller, staff say, ahead of its salads.")
    c = Article("c", MENU.format("$18"))
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["$12", "$18"]
    assert {e.source for e in conflict.values[1].support} == {"c"}
    # the list's other items at $12 are other soups, and an item at its own price takes no side
    assert conflicts_of(a, b, Article("c", MENU.format("$12"))) == []


def test_two_items_of_price_lists_are_never_compared():
    a = Article("a", "The cafe also brings in a range of ginger teas ($9) that regulars swear by.")
    b = Article("b", "A range of ginger teas ($9) is also brought in by the cafe, regulars say.")
    c = Article("c", "To end the meal there are desserts, such as a sesame ice cream ($7), a favourite of regulars.")
    assert conflicts_of(a, b, c) == []


def test_a_unit_written_short_after_the_number_is_what_it_counts_however_it_is_parsed():
    for text in ("The agency said the flats were sold, based on a total area of 19,289 sq ft.",
                 "The freehold property, totalling 19,289 sq ft of space, was bought.",
                 "The 19,289 sq ft property on the fourth floor was sold."):
        [q] = one(text)
        assert (q.head, q.counted) == ("foot", "sq ft"), text


JAILED = [
    "The two brothers were jailed for 14 months on April 4, 2024, for laundering the proceeds of fraud.",
    "In April 2024, the pair were sentenced to 14 months' jail each for money laundering.",
]


def test_a_lone_term_told_in_the_past_without_its_date_is_the_dated_event():
    dated = [Article(f"d{i}", text, published="2025-01-20") for i, text in enumerate(JAILED)]
    lone = Article("lone", "The brothers were each given 21 months' jail and forfeited S$65 million to the state.",
                   published="2025-01-20")
    [conflict] = conflicts_of(*dated, lone)
    assert [v.value for v in conflict.values] == ["14", "21"]
    # told in the present it may be a later state; with its own year it is another event
    facing = Article("lone", "The brothers now face 21 months' jail and must forfeit S$65 million to the state.",
                     published="2025-01-20")
    assert conflicts_of(*dated, facing) == []
    other_year = Article("lone", "In 2019 the brothers were each given 21 months' jail and forfeited S$65 million.",
                         published="2025-01-20")
    assert conflicts_of(*dated, other_year) == []


BORROWED = [
    "His father told reporters that the man had borrowed $500 from loan sharks to cover daily expenses.",
    "His father said the man had borrowed $500 from loan sharks to cover daily expenses.",
]


def test_a_source_telling_one_claim_twice_with_two_values_disagrees_with_the_consensus():
    told = [Article(f"t{i}", text) for i, text in enumerate(BORROWED)]
    # its $500 sentence pairs best with the others' (they agree): the $900 is paired with them too
    twice = Article("twice", "The man borrowed $900 from a loan shark to cover his daily expenses. " + BORROWED[1])
    [conflict] = conflicts_of(*told, twice)
    assert [v.value for v in conflict.values] == ["$500", "$900"]
    [evidence] = conflict.values[1].support
    assert twice.text[evidence.start:evidence.end].startswith("The man borrowed $900")
    # a word of change makes the two an update, not two values for one thing
    update = Article("twice", twice.text.replace("had borrowed $500", "had initially borrowed $500"))
    assert conflicts_of(*told, update) == []


def test_an_age_explains_no_term():
    # a and b write 42 too, but as an age: no term of 42 months, nothing explained away
    a = Article("a", "The two brothers were jailed for 14 months for laundering money. "
                     "Ana Ruiz, 42, is accused of helping two of the men who were earlier convicted.")
    b = Article("b", "A court jailed the two brothers for 14 months for laundering money. "
                     "Ana Ruiz, 42, faces charges for helping them, and earlier helped others.")
    c = Article("c", "The two brothers were jailed for 42 months for laundering money.")
    [conflict] = conflicts_of(a, b, c)
    assert [v.value for v in conflict.values] == ["14", "42"]


def test_a_count_spelled_out_where_a_sentence_starts_backs_the_consensus():
    homes = [
        Article("s0", "A wildfire driven by strong winds destroyed 14 homes in the hill town of Brackley on Sunday."),
        Article("s1", "Families returned to Brackley on Monday after the weekend fire. "
                      "Fourteen homes were destroyed and about 300 residents were evacuated, the county said."),
        Article("s2", "Residents of Brackley say the alerts came too late on Sunday, when a wildfire burned "
                      "12 homes on the ridge above the town."),
    ]
    [conflict] = conflicts_of(*homes)
    assert [v.value for v in conflict.values][1] == "12"
    assert {e.source for e in conflict.values[0].support} == {"s0", "s1"}  # "14 [2 sources]", not one


def test_a_disagreement_found_twice_stands_once_with_all_its_support():
    from newsfold.model import Conflict, ConflictValue, Evidence
    from newsfold.stages.numbers.disputes import folded_into

    def value(text, *sources):
        return ConflictValue(value=text, support=[Evidence(source=s, start=0, end=5) for s in sources])

    keyed = Conflict(id="", kind="number", topic="people injured",
                     values=[value("52", "b", "c"), value("More than 53", "d")])
    aligned = Conflict(id="", kind="number", topic="passenger", values=[value("52", "a"), value("More than 53", "d")])
    assert folded_into(aligned, [keyed])
    assert [e.source for e in keyed.values[0].support] == ["a", "b", "c"]
    assert [e.source for e in keyed.values[1].support] == ["d"]
    other = Conflict(id="", kind="number", topic="homes", values=[value("14", "a"), value("12", "d")])
    assert not folded_into(other, [keyed])


def test_a_keyed_conflict_counts_every_source_that_writes_its_value():
    # "sent 46 people to hospital" and "put 46 people in hospital": one value, two sources
    arts = [
        Article("s0", "A gas leak at the Harvell plant in Brenmoor on Wednesday sent 46 people to hospital and "
                      "forced 900 residents from their homes, officials said."),
        Article("s1", "A gas leak at the Harvell plant in Brenmoor on Wednesday put 46 people in hospital and "
                      "emptied the streets north of the site."),
        Article("s2", "More than 50 people were treated in hospital after gas leaked from the Harvell plant in "
                      "Brenmoor on Wednesday."),
    ]
    [conflict] = conflicts_of(*arts)
    assert {v.value: {e.source for e in v.support} for v in conflict.values} == {
        "46": {"s0", "s1"}, "More than 50": {"s2"}}



def test_a_lone_noun_takes_the_place_of_a_consensus_told_as_an_act():
    # "a $75 million donation" where the others write "donated $50 million" and "a $50 million gift":
    # a lone number written with a noun takes the place of a number written with that noun, or its act
    from newsfold.stages.numbers.kinds import kind_test
    from newsfold.stages.numbers.lone import Backing

    texts = {"s0": "Harlow College said the alumnus Piet Vanek donated $50 million to the school in 2019.",
             "s1": "The new wing honours the generous $50 million gift from Piet Vanek in 2019.",
             "lone": "Harlow College on Monday opened its new wing following a $75 million donation made "
                     "in 2019 by the alumnus Piet Vanek."}
    figures = quantities_of(*(Article(name, text) for name, text in texts.items()))
    backing = Backing(figures, [q.source for q in figures], kind_test({}), {})
    lone = next(x for x, q in enumerate(figures) if q.source == "lone")
    assert [figures[w].source for w in backing.slot_of(lone)] == ["s0"]
    endowed = quantities_of(*(Article(name, text.replace("donation", "endowment")) for name, text in texts.items()))
    backing = Backing(endowed, [q.source for q in endowed], kind_test({}), {})
    assert backing.slot_of(next(x for x, q in enumerate(endowed) if q.source == "lone")) == frozenset()


def _loosely_alike_conflicts(texts: dict[str, str], replace: tuple[str, str] = ("", "")) -> list[dict[str, list[str]]]:
    """Number conflicts of the texts (one word replaced in each), under an embedder giving every
    two texts a cosine of 0.55: sentences too unlike to be aligned, as value -> sources."""
    from newsfold.stages.numbers import number_conflicts

    from .test_timeline_aligned import _Alike

    ctx = context_of(*(Article(name, text.replace(*replace) if replace[0] else text, published="2031-05-06")
                       for name, text in texts.items()))
    ctx.embedder = _Alike(0.55)
    return [{v.value: sorted(e.source for e in v.support) for v in c.values} for c in number_conflicts(ctx)]


def test_a_lone_noun_pairs_loosely_with_a_consensus_told_as_an_act():
    # "a S$120 million donation" beside "donated S$60 million" twice, in sentences too unlike to be
    # aligned and with few words next to the figures shared: the lone tier pairs a noun with its
    # act, as it pairs one noun (the lone source's second amount of its own leaves no one
    # consensus place to take)
    texts = {"s0": "The Arden Trust donated S$60 million to the Kelby Hospital in 2029 for its children's wing.",
             "s1": "Its children's wing was built after the Arden Trust donated S$60 million to Kelby Hospital in 2029.",
             "lone": "Kelby Hospital on Monday opened a children's wing following a S$180 million donation "
                     "made in 2029. Its new clinic cost S$100 million."}
    assert _loosely_alike_conflicts(texts) == [{"S$60 million": ["s0", "s1"], "S$180 million": ["lone"]}]
    # a noun the others never write nor tell as an act is another thing
    assert _loosely_alike_conflicts(texts, ("donation", "endowment")) == []


def test_an_amount_a_noun_is_of_counts_that_noun_beside_a_figure_written_with_it():
    # "a fine of S$3,000" twice against a lone "a S$9,000 fine", in sentences too unlike to be
    # aligned: the amount with no head counts the noun it is "of", as the lone figure counts its head
    texts = {"s0": "In 2028, the court handed Ivo Marsh a fine of S$3,000 for the protest outside the courthouse.",
             "s1": "For the 2028 protest outside the courthouse, Marsh was given a fine of S$3,000 by the court.",
             "lone": "In 2028, Marsh was convicted and slapped with a S$9,000 fine, the Varlo Herald reported."}
    assert _loosely_alike_conflicts(texts) == [{"S$3,000": ["s0", "s1"], "S$9,000": ["lone"]}]
    # an amount "of" another noun is another thing
    assert _loosely_alike_conflicts(texts, ("a fine of", "a bond of")) == []


def test_a_fine_joined_to_another_penalty_is_the_fine_the_others_tell_as_fined():
    # "a fine of up to $30,000 or imprisonment" beside "can be fined up to $20,000" twice, in
    # sentences too unlike to be aligned: "or imprisonment" is another penalty, not what the amount
    # counts, so the amount is of the fine, and "fined" (stem "fin") is that fine told as an act
    # (the lone source writing $20,000 for another thing, no consensus place is taken)
    texts = {"s0": "Offenders who tamper with a scooter's motor can be fined up to $20,000, jailed for up to "
                   "two years, or both, the Merrow Transit Board said.",
             "s1": "Those who tamper with a scooter motor can be fined up to $20,000 and jailed for two years.",
             "lone": "Tampering with a scooter's motor carries a fine of up to $30,000 or imprisonment "
                     "for up to two years. Shops have paid $20,000 in refunds."}
    lone = by_text(one(texts["lone"]), "up to $30,000")
    assert (lone.head, lone.of_noun) == (None, "fine")
    assert _loosely_alike_conflicts(texts) == [{"up to $20,000": ["s0", "s1"], "up to $30,000": ["lone"]}]
    # an amount "of" a noun no report tells is another thing
    assert _loosely_alike_conflicts(texts, ("a fine of", "a bond of")) == []



def test_a_lone_figure_counting_no_noun_takes_a_place_only_where_it_names_the_noun():
    from newsfold.stages.numbers.kinds import kind_test
    from newsfold.stages.numbers.lone import Backing

    told = {"a": "Each ticket includes a $15 food voucher, the organisers said.",
            "b": "Tickets come with a $15 food voucher to spend at the stalls.",
            "c": "Every ticket comes with a $15 food voucher for the fair."}

    def slot_taken(lone_text: str) -> bool:
        figures = [q for source, text in {**told, "d": lone_text}.items()
                   for q in quantities_of(Article(source, text)) if q.unit == "$"]
        backing = Backing(figures, [q.source for q in figures], kind_test({}), {})
        return bool(backing.slot_of(len(figures) - 1))

    assert not slot_taken("Workshops are priced at $20 per person, except for free sessions.")
    assert slot_taken("Visitors get $20 to spend at the food stalls through a voucher with each ticket.")
