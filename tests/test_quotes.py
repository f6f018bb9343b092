"""quotes stage: quote marks, speakers, grouping and attribution conflicts."""
from __future__ import annotations

from dataclasses import replace


import pytest

from newsfold.context import StoryContext
from newsfold.model import Article, Entity, Removed
from newsfold.nlp.spacy_model import parse
from newsfold.stages.entities import find_entities
from newsfold.stages.quotes import find_quotes, quote_spans, same_quote


def run(*articles: Article, entities=()):
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles])))
    return find_quotes(StoryContext(list(articles), docs=docs, entities=list(entities)))


def speakers(text: str, entities=()) -> dict[str, str | None]:
    """first words of each quote -> speaker, for one invented article."""
    article = Article("a", text)
    quotes, _ = run(article, entities=entities)
    out = {}
    for quote in quotes:
        for ev in quote.support:
            assert article.text[ev.start:ev.end].strip()
            out[" ".join(article.text[ev.start:ev.end].split()[:3])] = ev.speaker
    return out


# ---------------------------------------------------------------- quote marks


@pytest.mark.parametrize(
    "text, inner",
    [
        ("He said “we will win this war” today.", "we will win this war"),
        ('He said "we will win this war" today.', "we will win this war"),
        ("He said «we will win this war» today.", "we will win this war"),
        ("He said ‘we will win this war’ today.", "we will win this war"),
        ("He said „we will win this war“ today.", "we will win this war"),
    ],
)
def test_every_quote_style(text, inner):
    spans = quote_spans(text)
    assert [text[s + 1:e] for s, e in spans] == [inner]


def test_apostrophes_are_not_quote_marks():
    text = "Russia’s war and the Serbs’ rights were ‘not on the table’, he said."
    assert [text[s + 1:e] for s, e in quote_spans(text)] == ["not on the table"]


def test_nested_quotes_stay_inside_the_outer_one():
    text = "“They told us ‘leave now’ and we left,” she said."
    assert [text[s + 1:e] for s, e in quote_spans(text)] == ["They told us ‘leave now’ and we left,"]


def test_unbalanced_opening_mark_is_dropped_and_the_next_quote_kept():
    text = "He called it “a disgrace. Later he said “we will stay here for good,” firmly."
    assert [text[s + 1:e] for s, e in quote_spans(text)] == ["we will stay here for good,"]


def test_quote_running_to_the_end_of_the_text_is_dropped():
    assert quote_spans("She said “this never ends and goes on and on") == []
    assert quote_spans('He said "open') == []
    assert quote_spans("“") == [] and quote_spans("”“") == [] and quote_spans('"""') == []


def test_overlong_quote_is_dropped():
    text = "“" + "word " * 600 + "”"
    assert quote_spans(text) == []


def test_quote_across_paragraphs_reopened_at_each_paragraph():
    text = "“We will rebuild the bridge.\n\n“It will take two years,” the mayor said."
    spans = quote_spans(text)
    assert len(spans) == 1 and text[spans[0][1]] == "”" and spans[0][0] == 0


def test_garbage_does_not_crash_or_yield_garbage():
    for text in ["", "“", "”", "\"", "‘’", "«»", "“”“”", "a “b” c “d", "“\n\n“\n\n“", "’’’’", "«a « b » c",
                 "“ spaced out ”", "\"a\"b\"c\"d\""]:
        quotes, _ = run(Article("x", text or " "))
        for quote in quotes:
            assert len(quote.text.split()) >= 3


# ---------------------------------------------------------------- speakers


def test_speaker_patterns():
    found = speakers(
        "“We will not back down from this,” Maria Lopez said on Monday.\n\n"
        "“The talks have collapsed for now,” said John Baker, the envoy.\n\n"
        "“Nobody expected such a turnout,” Anna Berg told reporters.\n\n"
        "Officials urged calm. “Stay at home tonight, please,” Peter Holm added.\n\n"
        "The army is “ready for every scenario we face,” according to Karl Weiss.\n\n"
        "“This is a dark day for us,” said Army commander Maj.-Gen. Ivo Marek.\n\n"
        "Zoran Pavlov said: “We demand an immediate ceasefire now.”"
    )
    assert found == {
        "We will not": "Maria Lopez",
        "The talks have": "John Baker",
        "Nobody expected such": "Anna Berg",
        "Stay at home": "Peter Holm",
        "ready for every": "Karl Weiss",
        "This is a": "Ivo Marek",
        "We demand an": "Zoran Pavlov",
    }


def test_pronoun_refers_to_the_last_person_who_was_a_subject():
    found = speakers(
        "Mayor Lena Fischer met Prime Minister Tom Gray on Monday.\n\n"
        "“We agreed on the next steps,” she said.\n\n"
        "Lena Fischer spoke after talks with Tom Gray. “These are prudent steps,” he added."
    )
    assert found["We agreed on"] == "Lena Fischer"
    # the pronoun's gender is not checked: "he" still goes to the last subject
    assert found["These are prudent"] == "Lena Fischer"


def test_unattributed_quote_paragraph_is_not_given_to_the_previous_speaker():
    found = speakers(
        "“We will rebuild every house,” Omar Haddad said.\n\n"
        "Aid groups warned of shortages.\n\n"
        "“We cannot afford another winter like this one.”"
    )
    assert found["We will rebuild"] == "Omar Haddad"
    assert found["We cannot afford"] is None


def test_lead_in_paragraph_with_a_colon():
    found = speakers("Interior minister Sara Lind said in a statement:\n\n“The police acted within the law.”")
    assert found == {"The police acted": "Sara Lind"}


def test_role_only_attribution_needs_the_person_named_with_that_role():
    named = speakers(
        "UN Secretary-General, Lea Amani has called for talks.\n\n"
        "The Secretary-General said, “Such attacks are unacceptable and must stop.”"
    )
    assert named["Such attacks are"] == "Lea Amani"
    unnamed = speakers(
        "Lea Amani has called for talks.\n\n"
        "The NATO chief said, “Such attacks are unacceptable and must stop.”"
    )
    assert unnamed["Such attacks are"] is None


def test_speaker_from_participle_and_organisation():
    found = speakers(
        "Nina Roth condemned the attack, saying that \"such attacks must stop at once.\"\n\n"
        "A statement by UNICEF said the children were “in urgent need of help.”"
    )
    assert found["such attacks must"] == "Nina Roth"
    assert found["in urgent need"] == "UNICEF"


def test_speaker_names_become_canonical_through_entities():
    entities = [Entity("Aleksandar Vučić", "PERSON", ["Vucic", "Alexander Vucic"], ["a"], 3)]
    found = speakers("“We will never accept this decision,” Vucic said in Belgrade.", entities)
    assert found == {"We will never": "Aleksandar Vučić"}
    found = speakers("“We will never accept this decision,” Alexander Vucic said.", entities)
    assert found == {"We will never": "Aleksandar Vučić"}


def test_an_acronym_the_tagger_missed_speaks_for_the_body_the_story_names():
    # the tagger reads an acronym that is also a word ("ARM") as no entity
    entities = [Entity("Agency for Road Maintenance", "ORG", ["ARM"], ["a"], 3)]
    found = speakers('"As a general measure, the ground near the pier must be assessed," ARM said.', entities)
    assert found == {"As a general": "Agency for Road Maintenance"}


def test_the_ministry_is_the_one_ministry_the_story_names():
    entities = [Entity("Ministry of Coastal Works", "ORG", ["MCW"], ["a"], 3)]
    found = speakers("The ministry said: “Crews will check every pier along the bay this week.”", entities)
    assert found == {"Crews will check": "Ministry of Coastal Works"}
    two = entities + [Entity("Ministry of Health", "ORG", [], ["a"], 2)]
    found = speakers("The ministry said: “Crews will check every pier along the bay this week.”", two)
    assert found == {"Crews will check": "ministry"}  # which ministry is not known: as written
    division = [Entity("Eastport Police Division", "ORG", [], ["a"], 2)]
    found = speakers("The police said: “We will not hesitate to act against those who break the law.”", division)
    assert found == {"We will not": "police"}  # a division of the police is not the police


def test_a_name_before_spokesperson_is_who_the_spokesperson_speaks_for():
    # the tagger reads the contractor's name as a PERSON
    text = ("A Portline spokesperson said the firm was shocked by the collapse.\n\n"
            "“Together with our contractor Lim Kah, we will support the family,” the spokesperson said.\n\n"
            "A Lim Kah spokesperson said the worker had been employed by a subcontractor.")
    found = speakers(text)
    assert found["Together with our"] == "Portline spokesperson"


# ---------------------------------------------------------------- grouping and conflicts


def test_trimmed_and_retranslated_wordings_group():
    assert same_quote("we have too much violence in europe already today we cannot afford another conflict",
                      "we have too much violence already in europe today we cannot afford another conflict")
    assert same_quote("such attacks are unacceptable and must stop",
                      "we strongly condemn the attacks such attacks are unacceptable and must stop")
    assert not same_quote("we will rebuild the bridge next year", "the talks have collapsed for now")


def test_same_quote_across_sources_is_one_quote_with_variants():
    a = Article("a", "“We have decided to deploy 700 more troops to the region,” Jan Olsen told reporters.")
    b = Article("b", "“We have decided to deploy 700 more troops to the region and to put a battalion "
                     "on alert,” Olsen said.")
    c = Article("c", "Olsen said “we have decided to deploy 700 more troops.”")
    quotes, conflicts = run(a, b, c, entities=[Entity("Jan Olsen", "PERSON", ["Olsen"], [], 3)])
    assert len(quotes) == 1 and conflicts == []
    quote = quotes[0]
    assert quote.speaker == "Jan Olsen" and "battalion" in quote.text
    assert sorted(ev.source for ev in quote.support) == ["a", "b", "c"]
    assert {ev.speaker for ev in quote.support} == {"Jan Olsen"}


def test_a_source_that_names_nobody_is_no_attribution_conflict():
    a = Article("a", "Talks went on.\n\n“We have too much violence in Europe already today. "
                     "We cannot afford another conflict,”")
    b = Article("b", "“We have too much violence already in Europe today; we cannot afford another "
                     "conflict,” Rosa Costa told a news briefing.")
    quotes, conflicts = run(a, b)
    assert len(quotes) == 1 and quotes[0].speaker == "Rosa Costa"
    assert conflicts == []
    # the quote shows who each source names instead
    assert quotes[0].speaker_by_source() == {"a": None, "b": "Rosa Costa"}
    for ev in quotes[0].support:
        assert "violence" in {"a": a, "b": b}[ev.source].text[ev.start:ev.end]


def test_different_speakers_conflict_but_a_copy_does_not():
    a = Article("a", "“The border will stay closed until further notice,” Ivan Petrov said.")
    b = Article("b", "“The border will stay closed until further notice,” Olga Sidorova said.")
    quotes, conflicts = run(a, b)
    assert len(conflicts) == 1 and sorted(v.value for v in conflicts[0].values) == ["Ivan Petrov", "Olga Sidorova"]
    assert quotes[0].speaker is None  # a tie: nobody is guessed
    # ... unless the story names one of the two far more widely: its main actor is the likelier speaker
    c = Article("c", "Ivan Petrov, the interior minister, ordered the crossing shut on Friday.")
    d = Article("d", "Traffic backed up for miles after Petrov's order.")
    widely = [Entity("Ivan Petrov", "PERSON", ["Petrov"], ["a", "c", "d"], 3),
              Entity("Olga Sidorova", "PERSON", [], ["b"], 1)]
    quotes, conflicts = run(a, b, c, d, entities=widely)
    assert quotes[0].speaker == "Ivan Petrov" and len(conflicts) == 1  # the dispute still shows
    b.copy_of = "a"
    _, conflicts = run(a, b)
    assert conflicts == []


def test_ranking_by_independent_sources_and_off_topic_skipped():
    a = Article("a", "“Prices will rise again next month,” Lars Berg said. “Water supplies are safe for now,” Eva Holm said.")
    b = Article("b", "“Water supplies are safe for now,” Eva Holm said.")
    c = Article("c", "“Water supplies are safe for now,” Eva Holm said.", copy_of="b")
    d = Article("d", "“Prices will rise again next month,” Lars Berg said.", off_topic=True)
    quotes, _ = run(a, b, c, d)
    assert [q.speaker for q in quotes] == ["Eva Holm", "Lars Berg"]
    assert [q.id for q in quotes] == ["", ""]  # in rank order; the pipeline numbers them Q1, Q2
    assert all(ev.source != "d" for q in quotes for ev in q.support)


def test_quotes_in_removed_spans_are_skipped():
    text = "Caption: “a photo of the burning building at night”\n“We lost everything we had,” Ali Noor said."
    article = Article("a", text, removed=[Removed(0, text.index("\n"), "caption")])
    quotes, _ = run(article)
    assert [q.speaker for q in quotes] == ["Ali Noor"]


# ---------------------------------------------------------------- Kosovo


@pytest.fixture(scope="module")
def kosovo(kosovo_story):
    # the entities stage runs before quotes in the pipeline; its result goes in a new context
    return kosovo_story.articles, kosovo_story.docs, find_entities(kosovo_story)


def _find(quotes, words):
    matches = [q for q in quotes if words in q.text]
    assert len(matches) == 1, f"{words!r}: {[q.text[:40] for q in matches]}"
    return matches[0]


@pytest.mark.shared
def test_kosovo_quotes_and_speakers(kosovo, kosovo_story):
    articles, docs, entities = kosovo
    quotes, conflicts = find_quotes(replace(kosovo_story, entities=entities))
    texts = {a.id: a.text for a in articles}
    for quote in quotes:
        for ev in quote.support:
            assert texts[ev.source][ev.start:ev.end]
            assert not next(a for a in articles if a.id == ev.source).is_removed(ev.start, ev.end)

    afford = _find(quotes, "cannot afford another conflict")
    assert {ev.source: ev.speaker for ev in afford.support} == {"000": None, "002": "Josep Borrell"}

    stop = _find(quotes, "unacceptable and must stop")
    assert stop.speaker == "Jens Stoltenberg"
    assert {"000", "001", "004"} <= {ev.source for ev in stop.support}
    assert {ev.speaker for ev in stop.support} == {"Jens Stoltenberg"}

    deploy = _find(quotes, "decided to deploy")
    assert deploy.speaker == "Jens Stoltenberg"
    assert {"000", "002", "003"} <= {ev.source for ev in deploy.support}

    expected = {
        "Both parties need": "Angelo Michele Ristuccia",
        "prudent measure": "Stuart B. Munsch",
        "spark could set off": "Guido Crosetto",
        "We oppose unilateral": "Mao Ning",
        "no appeal from ballot": "Albin Kurti",
        "valiant action": "Albin Kurti",
    }
    for words, speaker in expected.items():
        assert _find(quotes, words).speaker == speaker, words

    # one source names Borrell, another nobody: no dispute
    assert [c for c in conflicts if c.kind == "attribution"] == []
    # ranked by independent sources: the first quote has three
    assert len({ev.source for ev in quotes[0].support} - {"004"}) >= 3


# ---------------------------------------------------------------- roles and unnamed speakers


def test_sentence_initial_verb_takes_the_subject_after_it():
    found = speakers(
        "A Metro Transit spokesman said the line would reopen on Monday.\n\n"
        "Said the spokesman: “We will continue to monitor the repairs very closely.”"
    )
    assert found == {"We will continue": "Metro Transit spokesman"}


def test_unnamed_role_or_witness_is_nobody_unless_a_name_is_tied():
    found = speakers(
        "Lena Brandt, the mayor, visited the site on Monday.\n\n"
        "A spokesman said: “We are looking into the matter very closely.”\n\n"
        "“We heard a loud bang and then the lights went out,” one witness said."
    )
    assert found["We are looking"] is None
    assert found["We heard a"] is None


def test_pronoun_after_a_role_subject_is_not_an_earlier_named_person():
    found = speakers(
        "Omar Haddad, the head doctor at the clinic, said twenty people were treated.\n\n"
        "A foreign ministry spokesman in Oslo said the staff had been moved. "
        "“All our employees are safe and unhurt,” he said."
    )
    assert found["All our employees"] == "foreign ministry spokesman"


def test_name_introduced_by_an_apposition_is_the_speaker_of_his_quote():
    found = speakers(
        "All staff were “safe and accounted for tonight,” the transport ministry said. "
        "Karim Velazquez, a local baker, said the blast shook the street. "
        "“All the windows in my shop broke at once,” he told reporters."
    )
    assert found["All the windows"] == "Karim Velazquez"
    assert found["safe and accounted"] == "transport ministry"


def test_spokesperson_institution_is_its_name_not_a_clause():
    found = speakers(
        "A spokeswoman for Nordmark, which also owns Baltic Foods, said prices were stable, "
        "adding: “This change was not made because of the exchange rate.”"
    )
    assert found["This change was"] == "Nordmark spokeswoman"


def test_a_title_does_not_make_two_speakers_or_a_conflict():
    first = Article(id="a", text='"We will reopen the road on Monday," Constable Robin Smith said.')
    second = Article(id="b", text='"We will reopen the road on Monday," Robin Smith told reporters.')
    quotes, conflicts = run(first, second)
    assert len(quotes) == 1
    assert {e.speaker for e in quotes[0].support} == {"Robin Smith"}
    assert quotes[0].speaker == "Robin Smith"
    assert conflicts == []


# ---------------------------------------------------------------- continuation, "it", labels


def test_quote_paragraph_continues_the_speaker_of_the_paragraph_before():
    found = speakers(
        "“The river rose faster than anyone expected,” said Mara Olsen, the county's flood officer.\n\n"
        "“We moved the families out before midnight.”\n\n"
        "“Nobody was left behind in the lower village.”"
    )
    assert found == {"The river rose": "Mara Olsen", "We moved the": "Mara Olsen",
                     "Nobody was left": "Mara Olsen"}


def test_quote_paragraph_after_reported_speech_is_that_speakers():
    found = speakers(
        "Peter Lund visited the dam on Monday.\n\n"
        "The repairs will take a year, he stressed.\n\n"
        "“Without trust we will never rebuild the valley.”"
    )
    assert found == {"Without trust we": "Peter Lund"}


def test_quote_paragraph_after_an_unnamed_speaker_stays_unattributed():
    found = speakers(
        "Peter Lund visited the dam on Monday.\n\n"
        "“We heard the water coming,” one resident said.\n\n"
        "“It took the bridge in seconds.”"
    )
    assert found == {"We heard the": None, "It took the": None}


def test_it_is_the_organisation_that_spoke_last():
    found = speakers(
        "Peter Lund, a passenger, said the train stopped twice.\n\n"
        "There will be refunds for every cancelled trip, Nordbahn said in a statement.\n\n"
        "“Passengers will be informed by text message,” it added."
    )
    assert found == {"Passengers will be": "Nordbahn"}
    nobody = speakers("The storm hit at night.\n\n“Passengers will be informed by text message,” it added.")
    assert nobody == {"Passengers will be": None}


def test_interview_label_names_a_person_of_the_article():
    found = speakers(
        "Minister Edda Vik answered questions from the audience.\n\n"
        "Vik: “We will open two more clinics next year.”\n\n"
        "Attendee: “What is your plan for the old clinics?”"
    )
    assert found == {"We will open": "Edda Vik", "What is your": None}


@pytest.mark.parametrize("verb", ["shared", "elaborated", "reiterated", "recounted", "quipped"])
def test_more_speech_verbs(verb):
    found = speakers(f"Edda Vik spoke on Monday.\n\n“The clinics will stay open all summer,” Vik {verb}.")
    assert found == {"The clinics will": "Edda Vik"}


def test_colon_lead_in_with_a_person_subject_of_any_verb():
    found = speakers(
        "Minister Edda Vik praised the nurses of the valley hospital:\n\n"
        "“They worked through the night without a single break.”\n\n"
        "The report lists three causes:\n\n"
        "“Poor maintenance, old pipes and heavy rain.”"
    )
    assert found == {"They worked through": "Edda Vik", "Poor maintenance, old": None}


def test_subject_with_titles_and_appositions_before_the_quote():
    found = speakers(
        "Co-author, Professor Lin Hale, Director, Coast Institute at Delta University, said, "
        "\"Our method gives the full range of future sea levels.\""
    )
    assert found == {"Our method gives": "Lin Hale"}


def test_it_after_an_institution_that_spoke():
    found = speakers(
        "The bureau said the request was still pending.\n\n"
        "“We will keep working closely with our partners on this case,” it added."
    )
    assert found == {"We will keep": "bureau"}


def test_he_after_an_unnamed_person_subject_is_nobody_named_before():
    found = speakers(
        "Prosecutor Lena Dahl said the officer Omar Haddad had crashed his bike.\n\n"
        "When the teen was first charged, he told the court: “I took my chances as much as he took his.”"
    )
    assert found == {"I took my": None}


def test_a_spokesperson_and_the_institution_are_one_speaker():
    first = Article("a", "A foreign ministry spokesman in Berlin said the attack was over. "
                         "“All German employees of the consulate are safe and uninjured,” he said.")
    second = Article("b", "All German consulate staff were “safe and uninjured at the consulate,” "
                          "the German foreign ministry said.")
    quotes, conflicts = run(first, second)
    (quote,) = [q for q in quotes if "uninjured" in q.text]
    assert {e.source: e.speaker for e in quote.support} == {"a": "German foreign ministry",
                                                           "b": "German foreign ministry"}
    assert conflicts == []


def test_a_spokesman_of_an_acronym_is_the_institution_the_text_ties_it_to():
    first = Article("a", "The Rail Accident Investigation Branch (RAIB) sent inspectors. "
                         "“The derailment occurred on the curve after the tunnel,” the Rail Accident "
                         "Investigation Branch said.")
    second = Article("b", "“The derailment occurred on the curve after the tunnel,” an RAIB spokesman said.")
    entities = [Entity(name="Rail Accident Investigation Branch", type="ORG",
                       aliases=["Rail Accident Investigation Branch", "RAIB"], sources=["a", "b"], mentions=3)]
    quotes, conflicts = run(first, second, entities=entities)
    (quote,) = [q for q in quotes if "derailment" in q.text]
    assert len({e.speaker for e in quote.support}) == 1 and quote.speaker is not None
    assert conflicts == []


def test_office_words_and_ranks_before_a_speakers_name_drop_out():
    found = speakers(
        "“We can say there has been some loss of life,” Assistant Chief Constable Robin Smith said.\n\n"
        "“None of these measures are foolproof, but we will do our best,” said Member of Parliament Louis Ng."
    )
    assert found == {"We can say": "Robin Smith", "None of these": "Louis Ng"}


def test_a_speech_verb_tagged_into_the_name_and_a_repeat_within_one_source():
    article = Article("a", "Health Minister Ong Ye Kung spoke on Tuesday.\n\n"
                           "“We need more decisive action on screens,” Said Ong.\n\n"
                           "He repeated it later: “We need more decisive action on screens.”")
    quotes, conflicts = run(article)
    (quote,) = quotes
    assert quote.speaker_by_source() == {"a": "Ong Ye Kung"}
    assert {e.speaker for e in quote.support} <= {"Ong Ye Kung", None}
    assert conflicts == []


def test_he_and_she_skip_a_person_the_article_marks_with_the_other_honorific():
    found = speakers(
        "Ms Lena Dahl met Mr Omar Haddad on Monday. Mr Haddad left early.\n\n"
        "“We will appeal the ruling,” she said.\n\n"
        "“The talks went well,” he said."
    )
    assert found == {"We will appeal": "Lena Dahl", "The talks went": "Omar Haddad"}


def test_a_long_chain_of_it_said_neither_recurses_deeply_nor_guesses():
    text = "Nordbahn said the line was closed.\n\n" + "It said the repairs went on, it added. " * 400 + \
        "\n\n“Passengers will be informed by text message,” it added."
    found = speakers(text)
    assert set(found) == {"Passengers will be"}
    assert found["Passengers will be"] in (None, "Nordbahn")


# ---------------------------------------------------------------- who may speak, what is disputed


def test_title_and_surname_or_family_name_resolve_to_the_story_person():
    from newsfold.stages.quotes.canonical import StoryNames
    names = StoryNames([Entity("Ruth Okafor", "PERSON", ["Ruth Okafor"], [], 3),
                        Entity("Lee Wen Hao", "PERSON", ["Lee Wen Hao"], [], 3)])
    assert names.canonical("Dr Okafor") == "Ruth Okafor"
    assert names.canonical("SM Lee") == "Lee Wen Hao"  # a family name written first
    assert names.canonical("Minister Lee") == "Lee Wen Hao"
    assert names.canonical("Lee") == "Lee Wen Hao"
    assert names.canonical("Tom Lee") == "Tom Lee"  # another given name: someone else


def test_laws_and_capitalised_common_nouns_are_no_speakers():
    from newsfold.stages.quotes.canonical import StoryNames
    names = StoryNames([Entity("Public Order Harmony Act", "PERSON", [], [], 5),
                        Entity("Bill", "PERSON", [], [], 4), Entity("Calden Port Authority", "ORG", [], [], 2)],
                       ["The minister read the Bill in Parliament."])
    assert names.speaker("Public Order Harmony Act") is None
    assert names.speaker("Bill") is None
    assert names.speaker("Calden Port Authority") == "Calden Port Authority"
    assert names.speaker("Police") == "Police"  # "the Police said": an institution speaks


def test_only_names_make_a_dispute():
    from newsfold.stages.quotes.canonical import StoryNames
    names = StoryNames([Entity("Velmont", "ORG", [], [], 3), Entity("Tudung", "PERSON", [], [], 1)])
    assert names.disputable("Ana Ruiz") and names.disputable("Velmont") and names.disputable("NATO")
    assert names.disputable("foreign ministry spokesman")
    assert not names.disputable("Tudung")  # a one-word fragment the tagger called a person
    assert not names.disputable("the research house")


def test_a_surname_written_after_an_honorific_is_a_person_who_can_dispute():
    from newsfold.stages.quotes.canonical import StoryNames
    names = StoryNames([Entity("Tudung", "PERSON", [], [], 1), Entity("Varek", "PERSON", [], [], 2)],
                       ["Mr Varek said the zone will create jobs. The tudung rule stays."])
    assert names.disputable("Varek")
    assert not names.disputable("Tudung")  # never written after an honorific


def test_title_and_surname_in_one_source_full_name_in_another_is_no_dispute():
    a = Article("a", "“The harbour will reopen on Friday after the inspection,” Senior Minister Lee Wen Hao said.")
    b = Article("b", "“The harbour will reopen on Friday after the inspection,” SM Lee said.")
    entities = [Entity("Lee Wen Hao", "PERSON", ["Lee Wen Hao"], ["a"], 1)]
    quotes, conflicts = run(a, b, entities=entities)
    assert conflicts == []
    assert quotes[0].speaker_by_source() == {"a": "Lee Wen Hao", "b": "Lee Wen Hao"}


def test_a_fragment_against_a_full_name_is_no_dispute_but_two_names_are():
    a = Article("a", "“The ferry timetable will change from next month,” Ana Ruiz said.")
    b = Article("b", "“The ferry timetable will change from next month,” Tudung said.")
    entities = [Entity("Ana Ruiz", "PERSON", [], ["a"], 1), Entity("Tudung", "PERSON", [], ["b"], 1)]
    _, conflicts = run(a, b, entities=entities)
    assert conflicts == []
    c = Article("c", "“The ferry timetable will change from next month,” Omar Haddad said.")
    _, conflicts = run(a, b, c, entities=entities)
    assert [sorted(v.value for v in k.values) for k in conflicts] == [["Ana Ruiz", "Omar Haddad"]]


def test_a_platform_user_is_unnamed_not_the_platform():
    found = speakers("Residents were angry online.\n\nAn Instagram user wrote, “My bicycle was taken "
                     "from the corridor twice this month.”")
    assert found == {"My bicycle was": None}


def test_an_institution_speaker_keeps_its_written_form():
    found = speakers("“Readers can compare both versions and draw their own conclusions,” "
                     "the Prime Minister's Office said on Wednesday.")
    assert found == {"Readers can compare": "Prime Minister's Office"}


def test_a_title_before_a_family_name_written_first_is_the_articles_person():
    found = speakers("Senior Minister Lee Wen Hao opened the bridge on Sunday.\n\n"
                     "“The bridge will cut the commute by half an hour,” SM Lee said.")
    assert found == {"The bridge will": "Lee Wen Hao"}


# ---------------------------------------------------------------- who speaks, by class


def test_an_outlet_that_quotes_someone_is_not_the_speaker():
    found = speakers("“We must keep the port open for everyone,” the Coastline Herald "
                     "quoted Mayor Ana Ruiz as saying.")
    assert found == {"We must keep": "Ana Ruiz"}
    found = speakers("Ana Ruiz told the Coastline Herald: “We must keep the port open for everyone.”")
    assert found == {"We must keep": "Ana Ruiz"}


def test_a_proper_noun_subject_the_tagger_missed_still_speaks_without_its_titles():
    found = speakers("“We are fully behind the new rules here,” said Calden Central MP Ana Ruiz.")
    assert found == {"We are fully": "Ana Ruiz"}


def test_a_definite_description_stands_for_the_person_it_was_said_of():
    found = speakers("Ms Dora Kell, an accountant, runs the garden.\n\n"
                     "“The garden has brought my neighbours together,” said the accountant, who manages it.")
    assert found == {"The garden has": "Dora Kell"}
    # a description nobody was given and no "who" clause: nobody is guessed
    found = speakers("Ms Dora Kell runs the garden.\n\n"
                     "“The garden has brought my neighbours together,” said the accountant.")
    assert found == {"The garden has": None}


def test_the_former_holder_of_a_role_is_not_its_current_holder():
    found = speakers("Ms Ana Ruiz, who sat in parliament until 2023, said she is moving abroad for work.\n\n"
                     "The former MP added that she hoped for “new ideas about the world and where it is heading.”\n\n"
                     "She entered politics with current Calden MP Tomas Berg.")
    assert found == {"new ideas about": "Ana Ruiz"}  # the person the article tells of, not the current MP
    # a holder written with the same tenure word is the one meant
    found = speakers("Former Calden MP Tomas Berg spoke at the launch.\n\n"
                     "“We need new ideas about the world and where it is heading,” the former MP said.")
    assert found == {"We need new": "Tomas Berg"}


def test_the_authority_is_the_last_authority_the_article_named():
    entities = [Entity("Calden Transit Authority", "ORG", [], ["a"], 3),
                Entity("Harbour Checkpoints Authority", "ORG", [], ["a"], 2)]
    text = ("The Harbour Checkpoints Authority found the bikes at the port last year.\n\n"
            "On Monday the Calden Transit Authority said the seller would be charged.\n\n"
            "The authority added: “Buy only from sellers you trust.”")
    assert speakers(text, entities) == {"Buy only from": "Calden Transit Authority"}


def test_a_title_before_the_name_describes_the_person():
    text = ("Deputy Public Prosecutor Maria Lopez told the court that the couple disapproved.\n\n"
            "The DPP said: “They poured coffee over the costume on purpose.”")
    entities = [Entity("Maria Lopez", "PERSON", ["Maria Lopez"], ["a"], 2)]
    assert speakers(text, entities) == {"They poured coffee": "Maria Lopez"}


def test_a_speaker_written_with_part_of_a_known_full_name_is_that_person():
    entities = [Entity("Tomas Arvid Lindqvist", "PERSON", [], ["a"], 3),
                Entity("Ana Ruiz", "PERSON", [], ["a"], 3)]
    found = speakers("“The case will go to court next month,” said Tomas Arvid.", entities)
    assert found == {"The case will": "Tomas Arvid Lindqvist"}
    found = speakers("“The case will go to court next month,” said Calden Central MP Ana Ruiz.", entities)
    assert found == {"The case will": "Ana Ruiz"}
    # a surname never shortens a fuller name to a one-word entity
    short = [Entity("Vale", "PERSON", [], ["a"], 2)]
    assert speakers("“The corals are recovering fast,” said Orin Vale.", short) == {"The corals are": "Orin Vale"}


def test_the_story_outlet_reporting_is_no_speaker():
    text = "“Prices will rise again next year,” Coast Post Online said in an editorial."
    article = Article("a", text, outlet="www.coastpostonline.example")
    quotes, _ = run(article)
    assert [e.speaker for q in quotes for e in q.support] == [None]
    quotes, _ = run(replace(article, outlet="www.harbornews.example"))
    assert [e.speaker for q in quotes for e in q.support] == ["Coast Post Online"]


def test_one_person_under_a_title_and_surname_is_no_dispute():
    entities = [Entity("Varek Li Wen", "PERSON", ["Varek Li Wen"], ["a", "b"], 3),
                Entity("Varek Mei Ling", "PERSON", ["Varek Mei Ling"], ["a"], 1)]
    a = Article("a", "“The border must stay open to trade for everyone,” SM Varek said on Monday.")
    b = Article("b", "“The border must stay open to trade for everyone,” Senior Minister Varek Li Wen said.")
    quotes, conflicts = run(a, b, entities=entities)
    assert conflicts == []
    assert quotes[0].speaker == "Varek Li Wen"
    c = Article("c", "“The border must stay open to trade for everyone,” Ana Ruiz said on Monday.")
    _, conflicts = run(b, c, entities=entities)
    assert len(conflicts) == 1  # two different people are still a dispute


def test_a_title_alone_or_a_heading_word_is_no_proper_name_speaker():
    found = speakers("Director of the Harbor Affairs Department Maria Lopez, said: "
                     "“Criminals may abuse these structures to hide their profits.”")
    assert found == {"Criminals may abuse": "Maria Lopez"}
    entities = [Entity("Ana Ruiz", "PERSON", ["Ana Ruiz", "Ruiz"], ["a"], 3)]
    text = "Cohesion is harder than building bridges: Ana Ruiz\nRuiz stressed the point: “We must act together now.”"
    assert speakers(text, entities) == {"We must act": "Ana Ruiz"}


def test_an_institution_is_no_outlet_even_on_its_own_site():
    text = "“We have zero tolerance for such acts of violence,” said the police."
    for outlet in ("www.police.gov.example", "www.police.example"):
        quotes, _ = run(Article("a", text, outlet=outlet))
        assert [e.speaker for q in quotes for e in q.support] == ["police"]


def test_a_spokesperson_speaks_for_the_one_body_the_story_names_so():
    a = Article("a", "A foreign ministry spokesman said the attack was over. "
                     "“All our staff at the consulate are safe and unhurt,” he said.")
    b = Article("b", "The Valdorian foreign ministry said the staff were safe.")
    quotes, _ = run(a, b)
    assert [e.speaker for q in quotes for e in q.support] == ["Valdorian foreign ministry spokesman"]
    c = Article("c", "The Ostrian foreign ministry condemned the attack.")
    quotes, _ = run(a, b, c)  # two foreign ministries: which one is not known
    assert [e.speaker for q in quotes for e in q.support] == ["foreign ministry spokesman"]


def test_a_role_with_its_portfolio_then_the_name_and_a_reply_by_saying():
    found = speakers("“We must keep the port open for everyone” said Minister for Home Affairs "
                     "K Maria Lopez, who read the Bill in Parliament.")
    assert found == {"We must keep": "K Maria Lopez"}
    found = speakers("Maria Lopez responded to the critics by saying that the new checks are "
                     "“a prudent step for the whole country”.")
    assert found == {"a prudent step": "Maria Lopez"}


def test_a_role_that_does_not_speak_is_no_pronoun_candidate():
    text = ("Ms Maria Lopez said her party backs the first Bill.\n\n"
            "She said the plan lets the president review the orders, a power the president would use rarely. "
            "“This scheme will hurt the standing of the office,” she told Parliament.")
    assert speakers(text) == {"This scheme will": "Maria Lopez"}


def test_a_title_run_before_the_named_person_is_no_speaker():
    found = speakers("But Valdoria’s Coordinating Minister for Economic Affairs Maria Lopez took it in "
                     "stride, telling reporters: “We cannot bar other countries from copying us.”")
    assert found == {"We cannot bar": "Maria Lopez"}
    found = speakers("The High Commission has planned events.\n"
                     "High Commissioner extended an invitation to all, saying, “I encourage all of you to join us.”")
    assert found == {"I encourage all": None}


def test_a_person_named_as_a_body_s_voice_does_not_dispute_the_body():
    entities = [Entity("Calden Parks Board", "ORG", ["Calden Parks Board", "CPB"], ["a", "b"], 4),
                Entity("Ana Ruiz", "PERSON", ["Ana Ruiz", "Ruiz"], ["a"], 2),
                Entity("Maria Lopez", "PERSON", ["Maria Lopez"], ["c"], 2)]
    a = Article("a", "CPB group director of wildlife Ana Ruiz said: “They should not approach or feed the animals.”")
    b = Article("b", "“They should not approach or feed the animals,” the Calden Parks Board said.")
    _, conflicts = run(a, b, entities=entities)
    assert conflicts == []
    c = Article("c", "“They should not approach or feed the animals,” said Maria Lopez, a visitor.")
    _, conflicts = run(b, c, entities=entities)
    assert len(conflicts) == 1  # someone the texts never tie to the board still disputes it


def test_a_heading_fused_to_a_name_is_no_part_of_the_speaker():
    from newsfold.nlp.names import speaker_name
    assert speaker_name("General Election\nSun") == "Sun"
    assert speaker_name("Ana Ruiz") == "Ana Ruiz"


def test_bodies_alone_dispute_no_quote_but_a_person_among_them_does():
    """A brand and its maker, an office and its ministry: sources that credit a
    statement to one body or another name where it came from; with a person
    among the speakers, the quote is disputed."""
    quote = "“We raised prices to keep the bar affordable for our customers,”"
    a = Article("a", f"{quote} Brisa Foods said in a statement.")
    b = Article("b", f"{quote} a Lumo Snacks spokeswoman said.")
    c = Article("c", f"{quote} said Tomas Arvid, who runs the company.")
    entities = [Entity("Brisa Foods", "ORG", [], [], 2), Entity("Lumo Snacks", "ORG", [], [], 2),
                Entity("Tomas Arvid", "PERSON", [], [], 1)]
    _, conflicts = run(a, b, entities=entities)
    assert [x for x in conflicts if x.kind == "attribution"] == []
    _, conflicts = run(a, c, entities=entities)
    disputed = [x for x in conflicts if x.kind == "attribution"]
    assert len(disputed) == 1 and sorted(v.value for v in disputed[0].values) == ["Brisa Foods", "Tomas Arvid"]


def test_a_clergy_title_with_a_surname_is_the_story_s_full_name():
    quote = "“We are stepping into a new home for the whole congregation,”"
    a = Article("a", f"{quote} said Pastor Ana Ruiz, who leads the church.")
    b = Article("b", f"{quote} Ps Ruiz told the congregation on Sunday.")
    c = Article("c", f"{quote} Pastor Ruiz said.")
    # two Ruizes in the story: the surname alone names neither, the title must drop out
    people = [Entity("Ana Ruiz", "PERSON", [], [], 3), Entity("Tomas Ruiz", "PERSON", [], [], 1)]
    quotes, conflicts = run(a, b, c, entities=people)
    assert [x for x in conflicts if x.kind == "attribution"] == []
    assert quotes[0].speaker == "Ana Ruiz"


def test_one_utterance_worded_two_ways_disputes_its_speaker():
    # two translations of one remark: not one quote by wording, one utterance by a long shared run
    a = Article("a", "“Nevertheless, we will not wait until the March deadline. It will be submitted soon,” Tomas Berg said.")
    b = Article("b", "“We have 45 days to finish the papers. However, I am sure we will not wait until the March "
                     "deadline to hand them over,” Ana Ruiz said.")
    entities = [Entity("Tomas Berg", "PERSON", [], ["a"], 1), Entity("Ana Ruiz", "PERSON", [], ["b"], 1)]
    quotes, conflicts = run(a, b, entities=entities)
    assert len(quotes) == 2  # still two quotes
    assert [sorted(v.value for v in k.values) for k in conflicts] == [["Ana Ruiz", "Tomas Berg"]]
    assert {e.source for k in conflicts for v in k.values for e in v.support} == {"a", "b"}


def test_a_shared_run_of_stopwords_or_one_speaker_is_no_dispute():
    a = Article("a", "“We will do all that we can to help the families of the missing fishermen,” Tomas Berg said.")
    b = Article("b", "“We will do all that we can to find the boat before the storm arrives,” Ana Ruiz said.")
    c = Article("c", "“I am sure we will not wait until the March deadline. The papers are ready,” Ana Ruiz said.")
    d = Article("d", "“However, we will not wait until the March deadline to hand them over,” Ms Ruiz said.")
    entities = [Entity("Tomas Berg", "PERSON", [], ["a"], 1), Entity("Ana Ruiz", "PERSON", ["Ruiz"], ["b", "c", "d"], 3)]
    assert run(a, b, entities=entities)[1] == []
    assert run(c, d, entities=entities)[1] == []


def test_a_spokesperson_by_role_and_a_person_named_as_that_body_s_are_one_voice():
    quote = "“These are people who prey on the lonely and the trusting,”"
    a = Article("a", f"{quote} VPS director Ana Ruiz told reporters. The Verano Police Service (VPS) raided three offices.")
    b = Article("b", f"{quote} a police spokesman said.")
    c = Article("c", f"{quote} said Tomas Arvid, who runs a charity for pensioners.")
    entities = [Entity("Verano Police Service", "ORG", ["Verano Police Service", "VPS"], [], 2),
                Entity("Ana Ruiz", "PERSON", [], [], 1), Entity("Tomas Arvid", "PERSON", [], [], 1)]
    _, conflicts = run(a, b, entities=entities)
    assert [x for x in conflicts if x.kind == "attribution"] == []
    # a person the texts tie to no body and the force's spokesman: two voices
    _, conflicts = run(b, c, entities=entities)
    disputed = [x for x in conflicts if x.kind == "attribution"]
    assert len(disputed) == 1 and sorted(v.value for v in disputed[0].values) == ["Tomas Arvid", "police spokesman"]


def test_a_surname_two_people_of_an_article_hold_is_the_one_the_story_quotes():
    # family name first for him, last for his wife: "Lin" alone is either of them in article a
    a = Article("a", "The hall was bought by husband and wife pastors Lin Wei Hao and Orla Lin, who founded the "
                     "church in 1991.\n\n“For several years now, our congregation has been looking for a bigger "
                     "home in the city,” Lin said.\n\n“The hall gives us room for the children's services,” Lin "
                     "added.")
    b = Article("b", "“The hall gives us room for the children's services,” said Pastor Lin Wei Hao.\n\n"
                     "He said the first services would be held in December.")
    c = Article("c", "Senior pastor Lin Wei Hao said in a note: “We have prayed for a place like this for a long "
                     "time.”")
    people = [Entity("Lin Wei Hao", "PERSON", [], ["a", "b", "c"], 4), Entity("Orla Lin", "PERSON", [], ["a"], 1)]
    quotes, conflicts = run(a, b, c, entities=people)
    assert [x for x in conflicts if x.kind == "attribution"] == []
    by_words = {q.text.split()[0]: q.speaker_by_source() for q in quotes}
    assert by_words["For"] == {"a": "Lin Wei Hao"}  # a quote only article a gives
    assert by_words["The"] == {"a": "Lin Wei Hao", "b": "Lin Wei Hao"}
