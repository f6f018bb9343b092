"""numbers stage: quantities and number conflicts (invented texts + the shared Kosovo story)."""
from __future__ import annotations

import re

import pytest

from newsfold.context import StoryContext
from newsfold.model import Article, Removed, Sentence
from newsfold.nlp.spacy_model import parse
from newsfold.stages.numbers import (
    Quantity,
    compatible,
    extract_quantities,
    number_conflicts,
)


def split(article: Article) -> list[Sentence]:
    """A tiny sentence splitter for tests: lines, then '. ' before a capital."""
    out = []
    for line in re.finditer(r"[^\n]+", article.text):
        for sent in re.finditer(r"\S.*?(?:[.!?][”\"]?(?=\s+[A-Z“\"])|$)", line.group()):
            start, end = line.start() + sent.start(), line.start() + sent.end()
            if not article.is_removed(start, end):
                out.append(Sentence(article.id, start, end, article.text[start:end], index=len(out)))
    return out


def quantities_of(*articles: Article) -> list[Quantity]:
    docs = parse([a.text for a in articles])
    found = []
    for article, doc in zip(articles, docs):
        found += extract_quantities(article, split(article), doc)
    return found


def one(text: str) -> list[Quantity]:
    return quantities_of(Article("a", text))


def by_text(quantities, text):
    matches = [q for q in quantities if q.text == text]
    assert matches, f"{text!r} not in {[q.text for q in quantities]}"
    return matches[0]


# ---------------------------------------------------------------- extraction


def test_digits_percent_money_and_scale():
    qs = one("The fund of €2.3 million paid 3,800 workers. Turnout was 3.5% and costs hit $5bn.")
    money = by_text(qs, "€2.3 million")
    assert money.value == pytest.approx(2_300_000) and money.unit == "€"
    assert by_text(qs, "3,800").value == 3800 and by_text(qs, "3,800").head == "worker"
    pct = by_text(qs, "3.5%")
    assert pct.value == 3.5 and pct.unit == "%" and pct.precision == pytest.approx(0.05)
    assert any(q.value == 5e9 for q in qs)


def test_an_amount_with_its_scale_written_short_after_a_currency():
    # the tokenizer splits "S$3.2m" into "S$3.2" and "m": the scale is part of the amount, not a name
    qs = one("The firm raised S$3.2m on Monday and $13.3m in May. The plant cost S$5bn.")
    assert [(q.text, q.value, q.unit) for q in qs] == [
        ("S$3.2m", 3.2e6, "S$"), ("$13.3m", 13.3e6, "$"), ("S$5bn", 5e9, "S$")]
    # the Malaysian press writes "mil" and "bil", in the amount's token too
    qs = one("An additional US$30mil (RM132mil) was recovered, after RM1.2bil last year.")
    assert [(q.text, q.value, q.unit) for q in qs] == [
        ("US$30mil", 30e6, "US$"), ("RM132mil", 132e6, "RM"), ("RM1.2bil", 1.2e9, "RM")]
    # a sentence's full stop after the scale is the sentence's
    [q] = one("The firm raised S$3.2m.")
    assert (q.text, q.value) == ("S$3.2m", 3.2e6)


def test_an_amount_in_four_digits_is_no_year():
    qs = one("He owed $1500 to a lender in 1998 and was fined S$2000. Prices rose 1200% in 2020.")
    assert [q.text for q in qs] == ["$1500", "S$2000", "1200%"]
    assert by_text(qs, "$1500").value == 1500 and by_text(qs, "$1500").unit == "$"


def test_an_amount_is_never_a_span_of_time():
    qs = one("Each charge carries a fine of S$4,500 or 18 days' jail in default.")
    fine, days = by_text(qs, "S$4,500"), by_text(qs, "18")
    assert (fine.head, fine.duration) == (None, False)
    assert (days.head, days.duration) == ("day", True)


def test_a_span_of_time_still_running_when_written_is_never_compared():
    found = one("The boy has been trapped for around 50 hours by now. Crews have been digging for 30 hours.")
    assert [q.vague for q in found] == [True, True]
    found = one("The boy was trapped for 50 hours. He had been trapped for 20 hours before the rain.")
    assert [q.vague for q in found] == [False, False]


def test_a_conversion_in_brackets_keeps_the_bound_of_its_figure():
    found = one("The crew was less than 10 metres (33 feet) from the bottom, about four metres (13 feet) away.")
    assert [(q.value, q.qualifier) for q in found] == [
        (10, "less_than"), (33, "less_than"), (4, "about"), (13, "about")]
    assert by_text(one("A fine of S$2,000 (US$1,480) was imposed."), "US$1,480").qualifier == "exactly"


def test_an_age_set_off_after_a_full_name_is_that_persons_age():
    found = one("Mr Tomas Berg, 28, of Calden Bikes will be charged. In Calden Town, 12, were hurt.")
    assert [(q.value, q.key) for q in found] == [(28, ("age", "age of tomas berg", None)), (12, None)]


def test_two_ages_of_one_person_disagree():
    a = Article("a", "Mr Tomas Berg, 28, of Calden Bikes was charged with two offences on Monday.")
    b = Article("b", "Tomas Berg, 29, the manager of Calden Bikes, admitted to two charges.")
    c = Article("c", "Ana Ruiz, 35, a neighbour, saw the fire.")
    [conflict] = conflicts_of(a, b, c)
    assert conflict.topic == "age of Tomas Berg"
    assert sorted(v.value for v in conflict.values) == ["28", "29"]


def test_number_words():
    qs = one("Eleven soldiers, twenty-five police officers and two hundred and fifty residents "
             "were hurt. A dozen journalists were detained.")
    assert by_text(qs, "Eleven").value == 11
    assert any(q.value == 25 and q.referent == "police" for q in qs)
    assert any(q.value == 250 and q.referent == "civilians" for q in qs)
    dozen = by_text(qs, "A dozen")
    assert dozen.value == 12 and dozen.qualifier == "about" and dozen.event == "arrested"


def test_vague_numbers_are_kept_but_never_compared():
    qs = one("NATO sends hundreds of troops. Tens of thousands of people were displaced.")
    hundreds = by_text(qs, "hundreds")
    assert hundreds.vague and hundreds.key is None and hundreds.head == "troop"
    assert by_text(qs, "Tens of thousands").value == 10_000


@pytest.mark.parametrize(
    "phrase, qualifier, value",
    [
        ("at least 50", "at_least", 50),
        ("more than 53", "more_than", 53),
        ("almost 3,800", "almost", 3800),
        ("some 200", "about", 200),
        ("up to 40", "at_most", 40),
        ("nearly 90", "almost", 90),
        ("fewer than 12", "less_than", 12),
        ("not more than 40", "at_most", 40),
        ("not fewer than 12", "at_least", 12),
    ],
)
def test_qualifiers(phrase, qualifier, value):
    q = by_text(one(f"Police said {phrase} protesters were injured on Monday."), phrase)
    assert (q.qualifier, q.value, q.event, q.referent) == (qualifier, value, "injured", "civilians")


@pytest.mark.parametrize("phrase, qualifier", [("younger than 18", "less_than"), ("older than 65", "more_than")])
def test_an_age_limit_is_a_bound(phrase, qualifier):
    q = by_text(one(f"The rule bans screens for children {phrase} months old."), phrase)
    assert q.qualifier == qualifier and q.head == "month"


@pytest.mark.parametrize("text, written, qualifier", [
    ("The new agency will take over 114 border posts across the country in stages.", "114", "exactly"),
    ("The clerk handed over 20 files to the inspectors on Monday.", "20", "exactly"),
    ("The agency starts work on Monday, taking over 114 border posts in stages.", "114", "exactly"),
    ("The new agency will run over 114 border posts across the country.", "over 114", "more_than"),
    ("Over 114 border posts will close in stages.", "Over 114", "more_than"),
])
def test_the_particle_of_a_phrasal_verb_is_no_bound(text, written, qualifier):
    assert by_text(one(text), written).qualifier == qualifier


@pytest.mark.parametrize("text", ["Offenders can be fined up to 40 times the amount of duty evaded.",
                                  "Offenders face a fine of up to 40 times the duty evaded."])
def test_a_multiplier_counts_times(text):
    assert by_text(one(text), "up to 40").head == "time"


def test_a_count_the_entity_tagger_takes_for_a_name():
    # the small English model tags this "104" an organisation
    qs = one("Four officers on duty were enforcing queue rules and 104 summonses were issued.")
    assert by_text(qs, "104").value == 104
    assert one("The airline grounded its Boeing 737 jets on Monday.") == []


def test_less_than_percent():
    q = by_text(one("Turnout was less than 3.5% in the north."), "less than 3.5%")
    assert q.qualifier == "less_than" and q.unit == "%" and q.head == "turnout"


@pytest.mark.parametrize(
    "text, raw, low, high",
    [
        ("Officials said 50-60 people were killed.", "50-60", 50, 60),
        ("Between 10 and 20 cars were burned.", "Between 10 and 20", 10, 20),
        ("Medics said 10 to 12 people died.", "10 to 12", 10, 12),
    ],
)
def test_ranges_keep_both_ends_and_invent_nothing(text, raw, low, high):
    qs = one(text)
    q = by_text(qs, raw)
    assert (q.low, q.high) == (low, high)
    assert not any(q.value == (low + high) / 2 for q in qs)


def test_a_score_is_not_a_range():
    qs = one("The home side won 3-1 on Sunday.")
    assert all(q.high is None for q in qs)


def test_years_dates_times_and_ordinals_are_ignored():
    qs = one("In 2008, the 2013 deal was signed on May 30, 2023 at 10:30. "
             "It was the first of 3 rounds, one of those talks.")
    assert [q.text for q in qs] == ["3"]


def test_counted_noun_members_of_mission_and_demonym_parts():
    qs = one("Clashes injured at least 50 protesters and 30 members of the NATO mission.\n"
             "A statement said 30 soldiers, 11 Italians and 19 Hungarians, were injured.")
    members = by_text(qs, "30")
    assert members.counted == "members of the NATO mission" and members.referent == "military"
    assert by_text(qs, "at least 50").referent == "civilians"
    italians = by_text(qs, "11")
    hungarians = by_text(qs, "19")
    assert italians.part_of is not None and hungarians.part_of == italians.part_of
    total = qs[italians.part_of]
    assert total.value == 30 and total.referent == "military"
    assert italians.referent == "military"


def test_event_classes():
    qs = one("Nine soldiers were wounded. Four civilians were hurt. Two protesters were killed. "
             "The alliance sent 700 troops.")
    events = {q.value: q.event for q in qs}
    assert events == {9: "injured", 4: "injured", 2: "killed", 700: "deployed"}


def test_removed_spans_are_skipped_and_spans_round_trip():
    text = "Photo: 40 soldiers at a base.\n12 soldiers were injured on Monday."
    article = Article("a", text, removed=[Removed(0, 29, "caption")])
    qs = quantities_of(article)
    assert [q.value for q in qs] == [12]
    for q in qs:
        assert text[q.start:q.end] == q.text


def test_bad_inputs_do_not_crash():
    for text in ["", "-", "1-", "--5", "5,,000 people", "3.5.6% of", "one", "a dozen",
                 "1,000,000,000,000,000 dollars", "between 5 and", "10 to"]:
        one(text)


# ---------------------------------------------------------------- compatibility


def q(value, qualifier="exactly", precision=0.0, low=None, high=None):
    return Quantity("x", 0, 1, value, qualifier=qualifier, precision=precision, low=low, high=high)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (q(50, "at_least"), q(52), True),
        (q(53, "more_than"), q(54), True),
        (q(53, "more_than"), q(52), False),
        (q(53, "more_than"), q(53), False),
        (q(3800, "almost"), q(3790), True),
        (q(3.5, "less_than"), q(3.5, precision=0.05), True),
        (q(52), q(52), True),
        (q(52), q(53), False),
        (q(50, low=50, high=60), q(55), True),
        (q(50, low=50, high=60), q(61), False),
    ],
)
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


# ---------------------------------------------------------------- conflicts


def context_of(*articles: Article) -> StoryContext:
    docs = parse([a.text for a in articles])
    return StoryContext(list(articles), sentences={a.id: split(a) for a in articles},
                        docs={a.id: doc for a, doc in zip(articles, docs)})


def conflicts_of(*articles):
    return number_conflicts(context_of(*articles))


def test_incompatible_counts_conflict_and_compatible_bound_takes_no_side():
    a = Article("a", "On Monday 52 protesters were injured in the clashes.")
    b = Article("b", "More than 53 civilians were injured, according to hospital sources.")
    c = Article("c", "Clashes erupted, injuring at least 50 demonstrators.")
    conflicts = conflicts_of(a, b, c)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "number" and conflict.topic.endswith("injured")
    assert sorted(v.value for v in conflict.values) == ["52", "More than 53"]
    for value in conflict.values:
        for ev in value.support:
            text = {"a": a, "b": b, "c": c}[ev.source].text
            assert text[ev.start:ev.end].strip()
            assert ev.source != "c"


def test_a_copy_never_conflicts_with_its_original():
    a = Article("a", "On Monday 52 protesters were injured in the clashes.")
    b = Article("b", "On Monday 55 protesters were injured in the clashes.", copy_of="a")
    assert conflicts_of(a, b) == []
    b.copy_of = None
    assert len(conflicts_of(a, b)) == 1


def test_soldiers_are_never_compared_with_protesters():
    a = Article("a", "Thirty soldiers were injured in the clashes.")
    b = Article("b", "Fifty-two protesters were injured in the clashes.")
    assert conflicts_of(a, b) == []


def test_sub_counts_do_not_conflict_with_the_total():
    a = Article("a", "Eleven Italian and 19 Hungarian soldiers were injured in the clashes.")
    b = Article("b", "A total of 30 soldiers were wounded. Three Hungarian soldiers were wounded by gunfire.")
    assert conflicts_of(a, b) == []
    c = Article("c", "Twenty-five soldiers were injured in the clashes.")
    conflicts = conflicts_of(a, b, c)
    assert len(conflicts) == 1
    assert "Twenty-five" in [v.value for v in conflicts[0].values]


def test_compatible_values_and_counts_without_event_do_not_conflict():
    a = Article("a", "The mission consists of almost 3,800 troops. NATO will send 700 troops.")
    b = Article("b", "The mission has 3,790 troops. The alliance deployed 700 more troops.")
    c = Article("c", "Turnout was less than 3.5%.")
    d = Article("d", "The vote had a 3.5% turnout.")
    assert conflicts_of(a, b, c, d) == []


def test_off_topic_articles_are_skipped_and_ranking_by_independent_sources():
    a = Article("a", "Four people were killed. 20 soldiers were deployed.")
    b = Article("b", "Six people were killed. 30 soldiers were deployed.")
    c = Article("c", "Six people died in the attack.")
    d = Article("d", "Nine people were killed.", off_topic=True)
    conflicts = conflicts_of(a, b, c, d)
    assert [c.topic for c in conflicts] == ["people killed", "soldiers deployed"]
    assert all(ev.source != "d" for c in conflicts for v in c.values for ev in v.support)
    assert [c.id for c in conflicts] == ["", ""]  # the pipeline numbers conflicts


# ---------------------------------------------------------------- Kosovo


@pytest.mark.shared
def test_kosovo_injured_protesters_is_the_one_number_conflict(kosovo_story):
    articles, docs, sentences = kosovo_story.articles, kosovo_story.docs, kosovo_story.sentences
    quantities = [q for a in articles for q in extract_quantities(a, sentences[a.id], docs[a.id])]
    conflicts = number_conflicts(kosovo_story)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.topic == "protesters injured"
    values = {v.value: {e.source for e in v.support} for v in conflict.values}
    assert set(values) == {"52", "more than 53"}
    assert {"001", "004"} <= values["more than 53"]
    assert "002" in values["52"]
    texts = {a.id: a.text for a in articles}
    for value in conflict.values:
        for ev in value.support:
            assert texts[ev.source][ev.start:ev.end] in texts[ev.source]
            assert not next(a for a in articles if a.id == ev.source).is_removed(ev.start, ev.end)
    # 30 soldiers ("at least 30" and 30) and 700 troops agree
    soldiers = [q for q in quantities if q.key == ("injured", "military", None) and q.part_of is None]
    assert {q.value for q in soldiers} >= {30}
    assert {q.value for q in quantities if q.key == ("deployed", "military", None)} == {700}


# ---------------------------------------------------------------- same thing measured


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (q(2, "at_least"), q(6, "at_least"), False),  # different confirmed tolls
        (q(4, "at_least"), q(6), True),  # an exact figure inside the bound
        (q(50, "at_least"), q(53, "more_than"), True),  # bounds within 20%
        (q(850, "about"), q(1000, "almost"), False),  # two approximations share 10%
        (q(850, "about"), q(1000, "about"), False),
        (q(30, "about"), q(32, "about"), True),
        (q(1000, "about"), q(850), False),
        (q(40, "at_most"), q(60, "at_most"), False),
    ],
)
def test_compatible_qualifiers(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_arrests_are_not_compared_with_people_counted_elsewhere():
    a = Article("a", "Three men have been arrested for affray after the fight.")
    b = Article("b", "Chairs flew during a nine-person brawl at a coffee shop, three arrested.\n"
                     "A video shows around nine people taking part in the fight.")
    c = Article("c", "The clip shows about nine people involved. Three men were arrested.")
    assert conflicts_of(a, b, c) == []
    nine = by_text(quantities_of(b), "nine")
    assert nine.key is None


def test_counts_of_things_need_the_same_event_verb_and_context():
    a = Article("a", "Two ambulances and two other fire engines were at the scene.")
    b = Article("b", "A video showed at least three fire engines and two ambulances by the road.")
    c = Article("c", "The north wing houses 10 research labs and three teaching labs.")
    d = Article("d", "Both wings are home to 12 research labs, including a robotics lab.")
    assert conflicts_of(a, b, c, d) == []


def test_additions_and_parts_are_not_totals():
    a = Article("a", "Four officers were injured in the crash.")
    b = Article("b", "Two injured officers were taken to the city clinic and the other two to the base.")
    c = Article("c", "Two more officers were injured when a second truck hit the barrier.")
    assert conflicts_of(a, b, c) == []


def test_counts_dated_to_an_earlier_event_are_background():
    a = Article("a", "A car bomb killed at least six civilians at the embassy on Thursday. "
                     "The militants said it avenged air strikes last week that killed 30 civilians.")
    b = Article("b", "At least six people died in the embassy bombing. "
                     "Some 30 civilians were killed in the incident earlier this month, officials said.")
    c = Article("c", "Air strikes earlier this month killed 32 civilians in the province.")
    assert conflicts_of(a, b, c) == []


def test_death_and_injury_tolls_in_words_with_qualifiers():
    a = Article("a", "There have been at least two fatalities and 84 people have been taken to hospital.")
    b = Article("b", "Militants struck late on Thursday, killing at least two people and wounding at least 90.")
    c = Article("c", "A truck bomb hit the embassy, killing at least four civilians and wounding scores of people.\n"
                     "The head doctor said four dead bodies and 120 wounded had been brought in.")
    d = Article("d", "The death toll from the bombing rose to at least six Friday, with 120 others wounded.")
    conflicts = conflicts_of(a, b, c, d)
    by_topic = {c.topic: {v.value.lower(): {e.source for e in v.support} for v in c.values} for c in conflicts}
    killed = next(v for t, v in by_topic.items() if t.endswith("killed"))
    assert killed == {"at least two": {"a", "b"}, "at least four": {"c"}, "at least six": {"d"}}
    injured = next(v for t, v in by_topic.items() if t.endswith("injured"))
    assert {"84", "at least 90", "120"} <= set(injured)
    assert injured["120"] == {"c", "d"} and injured["84"] == {"a"}
    assert len(conflicts) == 2


def test_force_strength_by_owner_and_approximation():
    a = Article("a", "Germany, which leads the mission, has about 850 soldiers at a base near the city, "
                     "with another 1,000 troops coming from partner countries.")
    b = Article("b", "Germany has nearly 1,000 troops stationed in the country.")
    c = Article("c", "Roughly 1,000 German service members have remained at a base near the city.")
    d = Article("d", "Afghanistan has 300 troops stationed in the province.")
    conflicts = conflicts_of(a, b, c, d)
    assert len(conflicts) == 1
    values = {v.value: {e.source for e in v.support} for v in conflicts[0].values}
    assert values["about 850"] == {"a"}
    assert {"b", "c"} <= next(s for v, s in values.items() if "1,000" in v)
    assert not any("300" in v for v in values)


def test_severity_counts_are_parts_of_the_injured():
    a = Article("a", "Paramedics said eight people had serious injuries after the crash.")
    b = Article("b", "The crash injured 51 people, three of them seriously.")
    c = Article("c", "More than 50 people were injured in the crash.")
    assert conflicts_of(a, b, c) == []
    assert by_text(quantities_of(b), "51").subset is False


def test_a_source_that_writes_both_values_counts_two_things():
    texts = {
        "a": "Four residents were evacuated before firefighters arrived. About 60 residents were evacuated from nearby units.",
        "b": "About 60 residents were evacuated from the block, the fire service said.",
    }
    articles = [Article(source, text) for source, text in texts.items()]
    quantities = quantities_of(*articles)
    assert {q.value for q in quantities if q.source == "a"} >= {4, 60}
    assert conflicts_of(*articles) == []
    # without the source that writes both, four against 60 is a conflict
    other = Article("d", "Four residents were evacuated from the block.")
    assert len(conflicts_of(articles[1], other)) == 1


def test_parts_sharing_the_verb_after_them_add_up():
    # "six men and one woman died": the total, not "one" died
    a = Article("a", "Police released the names of six men and one woman killed when a packed ferry capsized.")
    b = Article("b", "The capsizing killed seven people, police said.")
    c = Article("c", "Seven passengers died when the ferry overturned near the harbour.")
    assert conflicts_of(a, b, c) == []
    d = Article("d", "Four people were killed and 20 injured when the ferry capsized.")
    e = Article("e", "The capsizing killed seven people and injured 20, police said.")
    assert len(conflicts_of(d, e)) == 1


def test_a_subset_after_a_count_is_no_part_to_add():
    from newsfold.nlp.spacy_model import parse
    from newsfold.stages.split import split

    for text in ("The hospital said it was treating 20 people, four of whom were seriously injured.",
                 "The ferry carried 20 people, including four children."):
        article = Article(id="a", text=text)
        quantities = extract_quantities(article, split(article), parse([text])[0])
        assert not any(q.derived for q in quantities)  # no "24 people"
        assert sorted(q.value for q in quantities) == [4.0, 20.0]


def test_three_times_a_decimal_figure_is_of_one_scale():
    from newsfold.stages.numbers.compare import one_scale

    assert one_scale(Quantity("a", 0, 3, 2.3, precision=0.05), Quantity("b", 0, 3, 6.9, precision=0.05))
    assert not one_scale(Quantity("a", 0, 3, 2.3, precision=0.05), Quantity("b", 0, 3, 7.0, precision=0.05))


def test_a_figure_written_rounded_is_the_same_number_a_half_either_way():
    from newsfold.stages.numbers.compare import same_number

    [short] = one("Each player took home about $4.2m.")
    [exact] = one("Each winner took home S$4.25 million.")
    [up] = one("Each winner took home S$4.3 million.")
    [other] = one("Each winner took home S$4.4 million.")
    assert same_number(short, exact) and same_number(up, exact)  # 4.25 rounds to 4.2 or to 4.3
    assert not same_number(short, other) and not same_number(short, up)
