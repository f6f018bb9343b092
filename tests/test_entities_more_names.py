"""Names the text ties (issue 13): alternate names given in a relative clause or
with a time ("known until 2019 as X", "which was called X until 2015"), the
body "the cooperative" stands for, and a surname that two people share.
Invented texts."""
from __future__ import annotations

from collections import defaultdict

from newsfold.context import StoryContext
from newsfold.model import Article, Removed
from newsfold.nlp.spacy_model import parse
from newsfold.stages.entities import find_entities
from newsfold.stages.entities.mentions import Mention
from newsfold.stages.entities.spellings import add_longer_forms, merge_divisions


def _entities(*texts: str):
    articles = [Article(id=f"s{i}", text=text, published="2031-04-02") for i, text in enumerate(texts)]
    docs = dict(zip((a.id for a in articles), parse([a.text for a in articles])))
    return find_entities(StoryContext(articles, docs=docs))


def _holder(entities, alias):
    found = [e for e in entities if alias in e.aliases]
    assert len(found) <= 1
    return found[0] if found else None


def test_a_name_known_until_a_year_as_another_merges():
    entities = _entities("Prices rose at Orvel Bank, known until 2019 as the Tarn Savings Institute, on Monday.",
                         "The Tarn Savings Institute opened its first branch in 1911.")
    bank = _holder(entities, "Orvel Bank")
    assert bank is not None and "Tarn Savings Institute" in bank.aliases


def test_the_body_a_relative_clause_renames_is_the_one_its_noun_names():
    entities = _entities(
        "The Harlan Fruit Cooperative said on Monday it would cut its prices by a tenth. The Quarry Workers Guild "
        "said it welcomed the cut. The cooperative, which was called the Harlan Growers Union until 2015, "
        "has 300 members.",
        "Members of the Harlan Growers Union voted for the cut.")
    cooperative = _holder(entities, "Harlan Fruit Cooperative")
    assert cooperative is not None and "Harlan Growers Union" in cooperative.aliases
    guild = _holder(entities, "Quarry Workers Guild")
    assert guild is None or "Harlan Growers Union" not in guild.aliases


def test_the_company_is_not_taken_to_be_the_nearest_other_body():
    entities = _entities(
        "Ostby Textiles will close its dye works, the firm said on Tuesday. The Weavers Federation called the "
        "closure a betrayal. The company, known until 2021 as the Lund Spinning Company, employs 900 people.")
    union = _holder(entities, "Weavers Federation")
    assert union is None or "Lund Spinning Company" not in union.aliases


def test_a_shared_surname_alone_is_the_main_person_not_the_relative():
    entities = _entities(
        "Mara Quell, 47, was fined for forging permits at the county court on Monday.",
        "Mara Quell admitted the forgeries in February. Quell said nothing as she left.",
        "Prosecutors said Mara Quell forged 30 permits. Her brother, Tobin Quell, said she would appeal. "
        "\"She is not a criminal,\" Tobin said. Quell was ordered to pay costs.")
    mara, tobin = _holder(entities, "Mara Quell"), _holder(entities, "Tobin Quell")
    assert mara is not None and tobin is not None and mara is not tobin
    assert "Quell" in mara.aliases and "Quell" not in tobin.aliases


def test_a_surname_two_people_share_alike_joins_neither():
    entities = _entities("Ilse Varga opened the bakery in 2019 with her husband, Petr Varga. Varga said trade was slow.",
                         "The bakery on Mill Street closed on Friday, said Petr Varga and Ilse Varga.")
    ilse, petr = _holder(entities, "Ilse Varga"), _holder(entities, "Petr Varga")
    assert ilse is not None and petr is not None
    assert "Varga" not in ilse.aliases and "Varga" not in petr.aliases


def test_a_surname_alone_beside_only_the_other_bearer_joins_neither():
    # the third source writes "Quell" alone and names only the brother: it may mean him
    entities = _entities(
        "Mara Quell, 47, was fined for forging permits at the county court on Monday.",
        "Mara Quell admitted the forgeries in February. Her lawyer spoke for her.",
        "Mara Quell forged 30 permits, prosecutors said.",
        "Her brother, Tobin Quell, 51, was not charged, police said. Quell declined to comment.")
    mara = _holder(entities, "Mara Quell")
    assert mara is not None and "Quell" not in mara.aliases


def test_a_surname_alone_written_before_the_relative_is_named_is_the_main_person():
    # the fourth source never names Mara in full (its headline did), writes "Quell"
    # from its first line and names the brother only at the end: it means her
    entities = _entities(
        "Mara Quell, 47, was fined for forging permits at the county court on Monday.",
        "Mara Quell admitted the forgeries in February. Her lawyer spoke for her.",
        "Mara Quell forged 30 permits, prosecutors said.",
        "Quell, 47, was fined on Monday. Quell admitted 12 charges. Her brother, Tobin Quell, was not charged.")
    mara, tobin = _holder(entities, "Mara Quell"), _holder(entities, "Tobin Quell")
    assert mara is not None and tobin is not None and mara is not tobin
    assert "Quell" in mara.aliases


def test_a_place_with_its_division_in_lower_case_is_the_place():
    entities = _entities("The well is in Velmora province, officials said.",
                         "The village lies in Tarsk county, in the north of Velmora.",
                         "Rescuers in Velmora Province worked through the night.")
    place = _holder(entities, "Velmora")
    assert place is not None and {"Velmora province", "Velmora Province"} <= set(place.aliases)
    # a city named after its country ("Mexico City") is written capitalised: no description
    apart = _entities("Flights from Orvania City resumed on Monday.", "Orvania closed its airspace on Friday.")
    assert _holder(apart, "Orvania City") is not _holder(apart, "Orvania")


def test_a_place_the_story_names_with_two_divisions_joins_neither():
    # a city and the province named after it: the place alone may be either
    groups = defaultdict(list, {
        "tarsk": [Mention("Tarsk", "GPE", "s0")], "tarsk city": [Mention("Tarsk city", "GPE", "s0")],
        "tarsk province": [Mention("Tarsk province", "GPE", "s1")]})
    labels = dict.fromkeys(groups, "GPE")
    joined: list[tuple[str, str]] = []

    class Recorder:
        def find(self, key: str) -> str:
            return key

        def union(self, a: str, b: str) -> None:
            joined.append((a, b))

    merge_divisions(Recorder(), groups, labels)
    assert joined == []
    del groups["tarsk city"]
    merge_divisions(Recorder(), groups, labels)
    assert joined == [("tarsk", "tarsk province")]


def test_a_name_written_with_and_without_a_plural_ending_is_one_body():
    entities = _entities("Varek was a director of Korrin Investments Holdings, court papers showed.",
                         "He also ran Korrin Investment Holdings from 2019, prosecutors said.")
    body = _holder(entities, "Korrin Investments Holdings")
    assert body is not None and "Korrin Investment Holdings" in body.aliases


def test_a_long_name_written_with_one_more_word_inside_is_that_name():
    # the tagger can miss the longer form (it did on a real page); the sweep adds it
    text = "Hawkers at the Amber Street Cooked Food Centre said the stall reopened. Amber Street Old Food Centre"
    article = Article(id="s0", text=text, removed=[Removed(text.index("Amber Street Old"), len(text), "promo")])
    groups = defaultdict(list, {"amber street food centre": [Mention("Amber Street Food Centre", "ORG", "s1")],
                                "ana maria ruiz lopez": [Mention("Ana Maria Ruiz Lopez", "PERSON", "s1")]})
    labels = {"amber street food centre": "ORG", "ana maria ruiz lopez": "PERSON"}
    add_longer_forms([article], groups, labels)
    assert [m.surface for m in groups["amber street cooked food centre"]] == ["Amber Street Cooked Food Centre"]
    assert labels["amber street cooked food centre"] == "ORG"
    assert "amber street old food centre" not in groups  # removed text
    # a number word is no name's extra word ("... throughout the World Series Two Chicago Cubs fans ...")
    counted = Article(id="s2", text="Fans at the Amber Street Two Food Centre cheered.")
    add_longer_forms([counted], groups, labels)
    assert "amber street two food centre" not in groups
    # and the whole stage joins them
    entities = _entities("A fire broke out at a stall in the Amber Street Food Centre on Sunday.",
                         "Hawkers at the Amber Street Cooked Food Centre said the stall reopened on Monday.")
    centre = _holder(entities, "Amber Street Food Centre")
    assert centre is not None and "Amber Street Cooked Food Centre" in centre.aliases


def test_a_full_name_after_a_malay_honorific_and_seri_is_a_person():
    entities = _entities("On Jan 20, 2031, Home Minister Datuk Seri Rahimah Nasrin Ismail announced that the ferry "
                         "gates, previously limited to residents, would open to all visitors.")
    person = _holder(entities, "Rahimah Nasrin Ismail")
    assert person is not None and person.type == "PERSON"


def test_a_malay_place_word_and_its_english_name_are_one_place():
    entities = _entities("Diesel leaked off Pulau Seranti Kecil on Sunday, the port authority said.",
                         "The leak near Seranti Kecil Island was contained by Monday evening.",
                         "Traffic at Kompleks Sultan Rahimah was heavy. Officers at the Sultan Rahimah Complex were "
                         "told to expect more cars.")
    island = _holder(entities, "Pulau Seranti Kecil")
    assert island is not None and "Seranti Kecil Island" in island.aliases
    complex_ = _holder(entities, "Sultan Rahimah Complex")
    assert complex_ is not None and "Kompleks Sultan Rahimah" in complex_.aliases


def test_a_body_cut_after_and_is_whole_again():
    entities = _entities("Diesel leaked off the island, the Maritime and Port Authority of Calden said on Sunday.",
                         "The Maritime and Port Authority of Calden (MPAC) said the slick was contained.")
    body = _holder(entities, "Maritime and Port Authority of Calden")
    assert body is not None and "Port Authority of Calden" not in body.aliases


def test_a_name_that_ends_one_person_and_starts_another_s_family_first_name_is_the_main_one():
    # "Lin" ends the wife's name in one source; every source names the pastor
    # Lin Wei Hao (family name first) and writes "Lin" alone for him
    entities = _entities(
        "Founded by husband and wife pastors Lin Wei Hao and Orla Lin in 1991, the church bought the hall. "
        "Lin said the hall would hold 500 people.",
        "Senior Pastor Lin Wei Hao said the church had saved for years. Lin said services would begin in May.",
        "The church's trustees are Lin Wei Hao and Orla Brandt. Pastor Lin called the hall a gift.",
        "Pastor Lin Wei Hao told members on Sunday. Lin thanked them.")
    pastor, wife = _holder(entities, "Lin Wei Hao"), _holder(entities, "Orla Lin")
    assert pastor is not None and wife is not None and pastor is not wife
    assert "Lin" in pastor.aliases and "Lin" not in wife.aliases


def test_a_family_name_written_first_stays_in_the_name_when_the_given_names_are_used_alone():
    # "Wei Jie wrote" uses the given names; "Mr Lim" the family name: the name is "Lim Wei Jie"
    entities = _entities(
        "Harbour district MP Lim Wei Jie shared the video on Monday. Mr Lim said police were investigating.",
        "The family asked Lim Wei Jie, the MP for the district, for help. Wei Jie wrote that the fire was set "
        "at night.",
        "Lim Wei Jie held a press conference with the family on Tuesday.")
    mp = _holder(entities, "Lim Wei Jie")
    assert mp is not None and mp.name == "Lim Wei Jie"
    assert {"Wei Jie", "Lim"} <= set(mp.aliases)
