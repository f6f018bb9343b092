"""entities stage: organisation names written several ways and names the
tagger cut or ran on (issue 13, classes met on four stories annotated blind).
Every example is invented."""
from __future__ import annotations

from tests.helpers import entity_holding as holder
from tests.helpers import story_entities as entities


def test_legal_forms_and_generic_endings_join_the_bare_company_name():
    found = entities(
        "Velmora Holdings Bhd said on Monday that it had repaid the loan in full.",
        "The lender, Velmora Holdings Berhad, did not reply. Corvane International makes the bars.",
        "Corvane said the change was planned long before the vote.",
    )
    assert holder(found, "Velmora Holdings Bhd") is holder(found, "Velmora Holdings Berhad") is not None
    assert holder(found, "Corvane International") is holder(found, "Corvane") is not None
    # Nordic and European legal forms too
    found = entities("Harrow Holdings ASA said on Thursday its profit fell.",
                     "Shares in Harrow Holdings fell after it reported a drop in profit on Thursday.")
    assert holder(found, "Harrow Holdings ASA") is holder(found, "Harrow Holdings") is not None


def test_a_persons_surname_does_not_join_a_company_named_after_it():
    found = entities(
        "Shares fell on Friday, trader Ana Lee told reporters. Ms Lee said she sold hers early.",
        "Lee Group, a property developer, bought the plot for $4 million.",
    )
    person = holder(found, "Ana Lee")
    assert person is not None and holder(found, "Lee Group") is not person


def test_a_body_written_either_way_round_is_one_body():
    found = entities(
        "The Calden Department of Fisheries said the ban would last a month.",
        "A Calden Fisheries Department officer inspected the boats on Tuesday.",
    )
    assert holder(found, "Calden Department of Fisheries") is holder(found, "Calden Fisheries Department") \
        is not None


def test_an_acronym_may_open_with_the_digit_of_its_name():
    found = entities(
        "Funds of 2Harbor Development Berhad (2HDB) were moved to Brenmoor between 2010 and 2014.",
        "Officials said 2HDB had borrowed heavily.",
    )
    assert holder(found, "2Harbor Development Berhad") is holder(found, "2HDB") is not None


def test_a_word_in_capitals_spelling_out_words_of_a_longer_name_joins_it():
    found = entities(
        "The Brenmoor Private Equity Fund signed a joint-venture deal in April.",
        "Later that year the buyer acquired the Brenmoor PE Fund's 49% stake for $69 million.",
    )
    assert holder(found, "Brenmoor Private Equity Fund") is holder(found, "Brenmoor PE Fund") is not None


def test_the_owner_of_a_possessive_organisation_name_is_the_body_named():
    found = entities(
        "Dr Ana Ruiz, a senior lecturer at the Calden Maritime University’s School of Ports, said so.",
        "Dr Ruiz, of CMU’s School of Ports, said the trail would help wildlife.",
    )
    owner = holder(found, "Calden Maritime University")
    assert owner is not None and holder(found, "CMU") is owner


def test_a_name_the_tagger_cut_or_ran_into_the_next_sentence_is_read_whole():
    found = entities(
        "The funds were taken by officials and their associates, including fugitive trader Ong Taek Sin,"
        " also known as Sin Ong. According to court papers, the money moved through four banks.",
        "Prosecutors said Ong Taek Sin had fled.",
    )
    assert not any("According" in alias for e in found for alias in e.aliases)
    assert holder(found, "Ong Taek Sin") is holder(found, "Sin Ong") is not None


def test_a_possessive_that_is_part_of_a_name_stays_in_it():
    # the rule on the span a tagger marks as an organisation (this tagger calls the
    # invented hospital a facility, so the span is given here)
    from newsfold.stages.entities.mentions import _name_end

    for span, kept in (("St Brenna's Hospital", "St Brenna's Hospital"),
                       ("Calden Maritime University’s School of Ports", "Calden Maritime University"),
                       ("Jho Vell. According", "Jho Vell")):
        assert span[:_name_end(span, 0, len(span), "ORG")] == kept


def test_two_names_with_one_acronym_stay_two_entities():
    found = entities(
        "Parliament passed the Maintenance of Crafts Act (MCA) on Tuesday after a long debate.",
        "The Maintenance of Crafts Act (MCA) lets the minister fund workshops.",
        "The new law builds on the Maintenance of Coasts Act (MCA), enacted in 1990.",
    )
    crafts, coasts = holder(found, "Maintenance of Crafts Act"), holder(found, "Maintenance of Coasts Act")
    assert crafts is not None and coasts is not None and crafts is not coasts
    assert "MCA" in crafts.aliases  # the acronym stays with the name most sources tie it to


def test_a_name_holding_another_s_words_keeps_their_shared_acronym():
    found = entities(
        "The Harbor Department of Ports (HDP) said on Monday that the pier would reopen.",
        "The Department of Ports (HDP) will inspect the pier again next week.",
    )
    assert holder(found, "Harbor Department of Ports") is holder(found, "Department of Ports") is not None


def test_an_acronym_tied_in_brackets_may_take_a_letter_inside_a_word_or_skip_one_word():
    # transit lines are often abbreviated so: a second letter of one word, or one word left out
    found = entities(
        "Commuters were also advised to take alternatives like the Varlo-North Coast Line (VNL) and Ringway Line (RWL).",
        "Trains on the VNL ran normally, and the RWL added trains on Tuesday evening.",
    )
    coast, ring = holder(found, "Varlo-North Coast Line"), holder(found, "Ringway Line")
    assert coast is not None and "VNL" in coast.aliases
    assert ring is not None and "RWL" in ring.aliases and ring is not coast


def test_an_acronym_that_spells_no_words_of_the_name_stays_apart():
    from newsfold.stages.entities.acronyms import loosely_fits
    assert loosely_fits("RWL", ["Ringway", "Line"])
    assert not loosely_fits("LRW", ["Ringway", "Line"])  # the name's first letter opens the acronym
    assert not loosely_fits("RX", ["Ringway", "Line"])  # the last word is spelled
    assert not loosely_fits("RWN", ["Ringway", "North", "Coast", "Line"])  # one liberty only
    assert not loosely_fits("RW", ["Ringway"])  # one word is no name to spell with liberties


def test_a_body_named_for_its_country_by_noun_or_adjective_is_one_body():
    found = entities(
        "The Valdorian Border Control Agency began work on Saturday.",
        "Officers of the Valdoria Border Control Agency checked the lorries.",
    )
    assert holder(found, "Valdorian Border Control Agency") is holder(found, "Valdoria Border Control Agency") \
        is not None


def test_a_company_s_first_word_alone_is_its_short_form():
    found = entities(
        "The fire started at a store run by Torvane Chemical Storage, the port authority said.",
        "Torvane said in a statement that no one had been hurt. Torvane Chemical Storage runs three sites.",
        "Marrowby Logistics said its trucks were moved. Marrowby has 40 staff in the port town of Quellan.",
    )
    assert holder(found, "Torvane") is holder(found, "Torvane Chemical Storage") is not None
    assert holder(found, "Marrowby") is holder(found, "Marrowby Logistics") is not None
    # a place that names a body is the place: the town stays apart from its port company
    found = entities("Ships queued off Quellan on Monday, Quellan Port Company said.",
                     "The Quellan Port Company said Quellan had seen no such queue in years.")
    assert holder(found, "Quellan") is not holder(found, "Quellan Port Company")


def test_a_site_named_after_its_owner_and_its_short_name():
    # the tagger stops at the owner's possessive ("St Ardwyn's" | "General Hospital") and reads the
    # short name alone as a person ("St Ardwyn's"): one site, written two ways
    found = entities(
        "Forty guests fell ill after the banquet. They were treated at St Bevan's General Hospital, where "
        "several remained on Monday.",
        "Of those, 23 were admitted to St Bevan's, the town's main hospital, with severe dehydration.",
    )
    site = holder(found, "St Bevan's General Hospital")
    assert site is not None and site.type == "FAC" and holder(found, "St Bevan") is site
    assert holder(found, "General Hospital") is None and holder(found, "Bevan") is None


def test_a_name_with_an_age_after_it_is_a_person():
    # the tagger reads "Lorcan Vettersby" as a town in both places; the age after it tells a person
    found = entities(
        "Lorcan Vettersby, 23, is charged with unauthorised access to a computer system and blackmail.\n\n"
        "Mr Vettersby was arrested on Wednesday at a flat on Corbie Lane, two streets from his parents' home.",
        "Lorcan Vettersby was arrested at Fenmoor Station yesterday morning.\n\n"
        "Vettersby will appear before Fenmoor Magistrates' Court tomorrow.",
    )
    person = holder(found, "Lorcan Vettersby")
    assert person is not None and person.type == "PERSON" and holder(found, "Vettersby") is person
