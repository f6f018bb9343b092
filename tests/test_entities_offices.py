"""entities stage, name classes met on stories newly read (issue 13): a person
whose office's portfolio the tagger took into the name, a surname of two
letters after an honorific, British and American spellings of one body, a
surname shared by two people of one source, an acronym in square brackets, a
common noun the tagger took into a person's name. Every example is invented."""
from __future__ import annotations

from newsfold.nlp.names import clean_name, spelling_key
from tests.helpers import entity_holding as holder
from tests.helpers import story_entities as entities


def test_a_person_after_an_office_and_its_portfolio_is_a_person():
    found = entities(
        "According to a post by Senior Parliamentary Secretary for Transport Orla Vennick, the rider was hurt. "
        "The Calden Transport Workers Union said it would meet the board.",
        "Senior Parliamentary Secretary for the Ministry of Health and the Environment & Ministry of Transport "
        "Orla Vennick said the shop had been warned twice.",
    )
    person = holder(found, "Orla Vennick")
    assert person is not None and person.type == "PERSON"
    assert not any("Transport Orla" in alias for e in found for alias in e.aliases)


def test_a_two_letter_surname_after_an_honorific_joins_its_person():
    found = entities("Deputy Public Prosecutor Tomas Ng asked for a fine of $5,000. "
                     "Mr Ng said the offences had caused injury. The shop sold e-bikes near the NG line.")
    person = holder(found, "Tomas Ng")
    assert person is not None and "Ng" in person.aliases


def test_british_and_american_spellings_of_a_body_are_one_body():
    assert spelling_key("defence") == spelling_key("defense")
    assert spelling_key("centre") == spelling_key("center")
    assert spelling_key("four") == "four"
    found = entities("The Calden Civil Defence Force put out the fire within minutes.",
                     "The Calden Civil Defense Force said no one was hurt.")
    force = holder(found, "Calden Civil Defence Force")
    assert force is not None and holder(found, "Calden Civil Defense Force") is force


def test_a_surname_shared_by_people_no_source_count_tells_apart_is_the_one_named_last_before_it():
    found = entities(
        "“He may not contest,” said independent observer Felix Varga. "
        "Associate Professor Ilona Varga of the Calden Law School said it was unlikely. "
        "“Residents expect to see their MP,” said Assoc Prof Varga.",
        "Former minister Dora Varga stepped down in 2020.",
    )
    ilona = holder(found, "Ilona Varga")
    assert ilona is not None and "Varga" in ilona.aliases
    assert holder(found, "Felix Varga") is not ilona


def test_an_acronym_in_square_brackets_joins_its_name():
    found = entities("The sale falls under the Overseas Equipment Sales [OES] programme. "
                     "OES deals need the approval of the Calden parliament.")
    sales = holder(found, "Overseas Equipment Sales")
    assert sales is not None and holder(found, "OES") is sales


def test_a_common_noun_closing_a_person_s_name_is_no_part_of_it():
    assert clean_name("Tarsk Vale postcard", "PERSON") == ("Tarsk Vale", "PERSON")
    assert clean_name("Ana Ruiz", "PERSON") == ("Ana Ruiz", "PERSON")



def test_a_place_named_with_a_facility_word_the_tagger_missed_is_a_mention():
    from newsfold.model import Article
    from newsfold.stages.entities.mentions import Mention
    from newsfold.stages.entities.sweep import add_untagged_facilities

    articles = [Article(id="a", text="Officers at Varnholt Checkpoint stopped a car. The Cargo Checkpoint was shut."),
                Article(id="b", text="The car was searched at Varnholt Checkpoint, officers at Calden Harbour Pier said.")]
    pier = articles[1].text.index("Calden Harbour Pier")
    groups = {"calden harbour pier": [Mention("Calden Harbour Pier", "FAC", "b", "", pier, pier + 19)]}
    labels = {"calden harbour pier": "FAC"}
    add_untagged_facilities(articles, groups, labels)
    assert labels.get("varnholt checkpoint") == "FAC" and len(groups["varnholt checkpoint"]) == 2
    assert "cargo checkpoint" not in groups  # written once: not enough to go on
    assert "harbour pier" not in groups  # inside a tagged name
