"""quotes and names, classes met on the fourth held-out set (issue 13): a
person named inside a long title the parse made a body, a Roman numeral
after a title, a hyphenated title, a photo credit's "/FB" after a name, and a
name opening a paragraph that a heading ran into. Every example is invented."""
from __future__ import annotations

from newsfold.nlp.names import clean_name, same_person, speaker_name
from tests.helpers import article_speakers


def test_a_person_inside_a_long_title_subject_is_who_he_stands_for():
    text = ("The new agency will run four crossings from March 1.\n"
            "Separately, Calden State Works, Transport, Housing, and Harbour Committee Chairman Tomas Ruiz Delgado "
            "told the Calden Post the agency would operate in four towns from March 1.\n"
            "“We hope the change will be smooth at both our crossings with the mainland,” he said.")
    assert article_speakers(text)["We hope the"] == "Tomas Ruiz Delgado"


def test_a_roman_numeral_after_a_title_is_no_speaker():
    assert clean_name("II") is None and speaker_name("II") == ""
    assert clean_name("III", "ORG") is None
    text = ("PORT CALDEN: The new ferry agency wants travel to be seamless, says Tomas Reyes.\n"
            "Speaking at the launch at Pier 4 here on Sunday, the Deputy Prime Minister II said the port "
            "was a main gateway.\n"
            "“With simpler procedures, travellers will have a better experience,” he said.")
    assert article_speakers(text)["With simpler procedures,"] == "Tomas Reyes"


def test_a_hyphenated_title_is_no_part_of_the_name():
    assert speaker_name("Co-Chairperson Ana Ruiz") == "Ana Ruiz"
    assert clean_name("Co-Chairperson Ana Ruiz") == ("Ana Ruiz", "PERSON")


def test_a_photo_credits_outlet_is_no_part_of_the_name():
    assert speaker_name("Tan Wei Ming/FB") == "Tan Wei Ming"
    assert speaker_name("Ana Ruiz/Calden Post") == "Ana Ruiz/Calden Post"  # not one credit word: left whole


def test_a_name_opening_a_paragraph_after_a_heading_is_the_subject():
    text = ("Co-chair Louisa Tan said talks with firms began last year.\n"
            "Building on the port's legacy\n"
            "Mr Reyes, who is also the current Minister for Harbours, underscored the port's long commitment to "
            "clean water, citing former minister Ana Ruiz's plans.\n"
            "“Rising seas pose a threat to the port and will define our time,” he said.")
    assert article_speakers(text)["Rising seas pose"] == "Reyes"


def test_a_middle_given_name_and_the_surname_are_the_full_name():
    assert same_person("rizal salim", "mohamad rizal mohamad salim")
    assert not same_person("ana salim", "mohamad rizal mohamad salim")


def test_a_given_name_the_tagger_cut_off_the_front_is_back():
    text = ("The billionaire's lawyers asked the court for more time.\n"
            "Amarjit Singh Sidhu, a litigation lawyer who runs his own firm, said this could mean a plea.\n"
            "“They are studying the case and may be deciding how to plead,” he said.")
    assert article_speakers(text)["They are studying"] == "Amarjit Singh Sidhu"
    # an English word before a name is no given name the tagger cut off
    from newsfold.nlp.spacy_model import _common_word

    assert _common_word("builder") and not _common_word("amarjit")


def test_the_police_are_the_storys_police_force():
    from newsfold.model import Entity
    from newsfold.stages.quotes.canonical import StoryNames

    names = StoryNames([Entity("Calden Police Force", "ORG", ["Calden Police Force", "CPF"], [], 3)])
    assert names.canonical("police") == "Calden Police Force"
    divided = StoryNames([Entity("Calden Police Division", "ORG", ["Calden Police Division"], [], 3)])
    assert divided.canonical("police") == "police"  # a division is no police force


def test_a_name_inside_the_subjects_relative_clause_does_not_speak():
    text = ("“The immediate task will be to engage the public,” said Minister for Transport Michael Reyes, "
            "who was Guest-of-Honour at the launch.")
    assert article_speakers(text)["The immediate task"] == "Michael Reyes"


def test_an_untold_quote_paragraph_after_a_sentence_introducing_someone_is_theirs():
    text = ("The trail was paid for by a donation from a shipping firm.\n"
            "Ms Lina Varga, 67, a nearby resident, walks along the trail with her dog every week.\n"
            "“Our parks are well loved and well kept. I feel safe walking here at night.”")
    assert article_speakers(text)["Our parks are"] == "Lina Varga"
    # a sentence that introduces nobody leaves the quote untold
    plain = ("The trail was paid for by a donation from a shipping firm.\n"
             "Walkers use the trail every week, rain or shine.\n"
             "“Our parks are well loved and well kept. I feel safe walking here at night.”")
    assert article_speakers(plain)["Our parks are"] is None


def test_a_word_tagged_a_person_opening_a_line_is_no_subject_for_she():
    text = ("Ms Lina Varga called for more support for employers.\n"
            "Small and medium-sized enterprise (SME) employers with less resourcing often struggle to find "
            "temporary replacements when their staff go on leave, she said.\n"
            "“This burden frequently falls on other colleagues, and this can be overwhelming.”")
    assert article_speakers(text)["This burden frequently"] == "Lina Varga"


def test_the_person_noun_given_an_age_is_the_person_named_before():
    text = ("Commuters waited up to ten minutes for a ferry on Monday morning.\n"
            "Mr Ravi Menon, however, did not consider the wait of four minutes at Pier 3 much of a delay.\n"
            "While agreeing that ferries should be on time, the tutor in his late 30s said: "
            "“Sometimes, things like this happen, so it is not a big deal.”")
    assert article_speakers(text)["Sometimes, things like"] == "Ravi Menon"


def test_a_name_after_a_role_the_tagger_read_as_other_words_is_the_speaker():
    # "Per" read as a preposition, "Lunde" as its object
    got = article_speakers("The rail firm said the line was shut after a signal fault.\n"
                           "\"We will reopen the line by Friday,\" said operations director Per Lunde.")
    assert got["We will reopen"] == "Per Lunde"
    # a single capitalised word there, or capitalised words running on into the clause, are not taken
    got = article_speakers("The rail firm said the line was shut after a signal fault.\n"
                           "\"We will reopen the line by Friday,\" said operations director Per on Monday.")
    assert got["We will reopen"] != "Per"


def test_a_name_a_prepositional_phrase_hangs_on_speaks_where_the_parse_lost_the_subject():
    # the parse runs the caption line into the next paragraph and hangs the name there:
    # "Marcus Olden, of the ... Service, said" is still Marcus Olden's
    text = ("The former treasurer was jailed for six years on Tuesday.\n\n"
            "Oren Vask leaves Dunmore District Court on Tuesday. Photo: Tam Rell/Dunmore News\n\n"
            "Prosecutor Marcus Olden, of the Regional Fraud Prosecution Service, said the scheme was "
            "\"a betrayal of the people who trusted him most\".")
    assert article_speakers(text)["a betrayal of"] == "Marcus Olden"


def test_a_person_introduced_by_an_age_is_who_he_stands_for():
    # the tagger misses "Eskil Marrowgate"; "Passenger ..., 54," introduces him, and "he said" is his
    text = ("The safety board says the train was doing around 70 kilometres an hour when it came off the rails. "
            "Its chief inspector, Maelis Korvanek, told Radio Brackwater: \"It is far too early to say what "
            "caused this.\"\n\n## \"The lights went out\"\n\n"
            "Passenger Eskil Marrowgate, 54, from Haldrish, was in the last carriage.\n\n"
            "\"There was a bang, then the whole carriage tipped and the lights went out,\" he said.")
    assert article_speakers(text)["There was a"] == "Eskil Marrowgate"
