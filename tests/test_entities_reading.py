"""entities stage, name classes met on unseen pages (issue 13): short forms of
a given name, short forms in brackets, a bracket the tagger cut. Every
example is invented."""
from __future__ import annotations

from newsfold.nlp.names import clean_name, same_person
from tests.helpers import entity_holding as holder
from tests.helpers import story_entities as entities


def test_a_short_given_name_is_the_same_person():
    assert same_person("phil okoro", "philip okoro")
    assert same_person("don vell", "donald vell")
    assert not same_person("philip okoro", "peter okoro")
    assert not same_person("jo vell", "joanna vell")  # two letters are an initial's business, not a short form


def test_a_short_given_name_joins_the_full_name_and_the_surname_follows():
    found = entities(
        "Philip Okoro, 57, died in the derailment on Wednesday. Philip Adeyemi, 40, was hurt.",
        "Phil Okoro was on his way to work. Mr Okoro had swapped shifts with a colleague.",
    )
    person = holder(found, "Philip Okoro")
    assert person is not None and holder(found, "Phil Okoro") is person
    assert holder(found, "Okoro") is person
    assert holder(found, "Philip Adeyemi") is not person


def test_a_short_form_in_brackets_joins_its_name():
    found = entities(
        "According to the Calden Ferries’ (CF Ferries) website, the sailing was cancelled. "
        "Calden Ferries said repairs would take a week.",
        "Students of the Velmora School of Law (Velmora Law) will move to the new building. "
        "The Velmora School of Law opened in 1990.",
    )
    ferries = holder(found, "Calden Ferries")
    assert ferries is not None and holder(found, "CF Ferries") is ferries
    school = holder(found, "Velmora School of Law")
    assert school is not None and holder(found, "Velmora Law") is school


def test_a_bracket_the_tagger_cut_is_no_part_of_the_name():
    assert clean_name("Calden Port Authority (CPA", "ORG") == ("Calden Port Authority", "ORG")


def test_a_code_name_after_or_joins_its_name():
    found = entities("The Harbour Building, or HB2, is home to ten new labs. "
                     "The Harbour Building opened in 2022 beside the old library.")
    hall = holder(found, "Harbour Building")
    assert hall is not None and holder(found, "HB2") is hall


def test_a_hyphenated_surname_alone_joins_the_full_name_and_names_it():
    found = entities(
        "Harbor Chief Mira Adeyo-Kant ordered the evacuation on Friday.",
        "Adeyo-Kant said crews would stay overnight. Adeyo-Kant thanked volunteers.",
        "Crews worked through the night, Mira Adeyo-Kant said.",
    )
    person = holder(found, "Mira Adeyo-Kant")
    assert person is not None and holder(found, "Adeyo-Kant") is person
    assert person.name == "Mira Adeyo-Kant"


def test_the_town_known_by_another_name_may_be_one_the_tagger_read_as_a_company():
    # the small tagger reads "Kellow" here as an organisation; "in Kellow" makes it a place
    found = entities(
        "More than 50 people were treated in hospital after ammonia leaked from the Castell Agrochem "
        "plant in Kellow on Wednesday.\n\n"
        "The town, known in older maps as Ashfield Mills, grew up around the plant, which opened in 1964.",
        "Schools in Kellow stayed shut on Thursday.",
    )
    town = holder(found, "Kellow")
    assert town is not None and holder(found, "Ashfield Mills") is town


def test_a_big_city_and_its_common_short_form_are_one_place():
    found = entities(
        "The bus company, based in Johannesburg, said it would pay for the repairs.",
        "Commuters in Joburg waited for hours on Monday as the strike spread.",
    )
    city = holder(found, "Johannesburg")
    assert city is not None and holder(found, "Joburg") is city
    # the short form, written more often, does not name the city where the long form is written
    found = entities("Philadelphia's subway stopped on Monday.", "Trains across Philly stopped.",
                     "The mayor of Philly said the line would reopen.")
    city = holder(found, "Philadelphia")
    assert city is not None and holder(found, "Philly") is city
    assert (city.name, city.type) == ("Philadelphia", "GPE")


def test_a_company_the_tagger_reads_as_a_person_is_one_and_its_first_word_joins_it():
    # the small tagger reads both "Calmark Transit" and "Calmark" here as people
    found = entities(
        "The bus, run by Calmark Transit, had been travelling from the station towards the city centre.",
        '"We are devastated," Calmark Transit chief executive Ruth Ibekwe said in a statement.',
        '"We are devastated," Calmark said.',
    )
    company = holder(found, "Calmark Transit")
    assert company is not None and company.type == "ORG"
    assert holder(found, "Calmark") is company
    assert holder(found, "Ruth Ibekwe") is not company


def test_a_town_is_no_short_form_of_its_school():
    found = entities(
        "Schools in Harlowby closed on Monday after the storm.",
        "Harlowby Grammar School will reopen on Friday, staff in Harlowby said.",
    )
    assert holder(found, "Harlowby") is not holder(found, "Harlowby Grammar School")


def test_two_names_run_together_by_a_verb_are_no_persons_name():
    # the tagger's "Ruiz fed Dean" would become the full name of every "Dean"
    assert clean_name("Ruiz fed Dean", "PERSON") is None
    assert clean_name("Ludwig van Halder", "PERSON") == ("Ludwig van Halder", "PERSON")
    assert clean_name("Aziz bin Omar", "PERSON") == ("Aziz bin Omar", "PERSON")


def test_a_full_name_tagged_a_body_twice_is_a_person_when_its_surname_is_one():
    from newsfold.stages.entities.mentions import Mention, people_read_as_bodies
    groups = {
        "dario benn": [Mention("Dario Benn", "PERSON", "a"), Mention("Dario Benn", "ORG", "b"),
                       Mention("Dario Benn", "ORG", "c")],
        "benn": [Mention("Benn", "PERSON", "a"), Mention("Benn", "PERSON", "d")],
        "orla transit group": [Mention("Orla Transit Group", "PERSON", "a"), Mention("Orla Transit Group", "ORG", "b")],
        "group": [Mention("Group", "PERSON", "a")],
        "velo motors": [Mention("Velo Motors", "ORG", "a"), Mention("Velo Motors", "ORG", "b")],
        "motors": [Mention("Motors", "PERSON", "a")],
    }
    people_read_as_bodies(groups)
    assert {m.label for m in groups["dario benn"]} == {"PERSON"}
    assert [m.label for m in groups["orla transit group"]] == ["PERSON", "ORG"]  # a telling ending
    assert {m.label for m in groups["velo motors"]} == {"ORG"}  # never tagged a person


def test_a_name_after_a_job_title_is_a_person_whatever_the_tagger_said():
    # the small tagger reads "Ruben Kestel" (and "Kestel" alone) as an organisation here
    found = entities(
        "Tidewater Lines chief executive Ruben Kestel said the company had cancelled all sailings until Friday.",
        '"Our first thought is with the passengers who had a frightening morning," Kestel said.',
    )
    person = holder(found, "Ruben Kestel")
    assert person is not None and person.type == "PERSON"
    assert holder(found, "Kestel") is person
    assert holder(found, "Tidewater Lines") is not person


def test_a_report_naming_its_own_outlet_is_no_entity_of_the_story():
    found = entities("Data of 20,000 patients may have been stolen from Harbour Health Trust, the Echo understands.",
                     "Harbour Health Trust said the Valley Echo had reported the figure first.",
                     outlets=("Valley Echo", "Coast FM"))
    names = {e.name for e in found}
    assert "Echo" not in names  # the Echo's own page naming itself
    assert "Valley Echo" in names  # another outlet's report naming it is a mention


def test_a_clipped_short_form_in_brackets_a_council_title_and_a_river_s_name():
    found = entities("More than 150mm of rain fell, according to the Meteorological Office (Met Office).",
                     "The Met Office said more rain was on the way. Councillor Harlow Pennick said defences were never built.",
                     "Some 2,100 people were evacuated when the River Esk overtopped its banks at Quenby Weir.")
    names = {e.name: e.aliases for e in found}
    assert "Met Office" in names["Meteorological Office"]  # "Met" clips "Meteorological"
    assert "Harlow Pennick" in names and not any(n.startswith("Councillor") for n in names)
    assert "River Esk" in names and "River" not in names  # the tagger stopped at the kind of place
