"""quotes stage, reading classes met on unseen pages (issue 13): straight single
quote marks, paragraphs flattened into one line, names in quote marks, a
family or a relative speaking, a named relative the tagger called an
organisation. Every example is invented."""
from __future__ import annotations

from newsfold.context import StoryContext
from newsfold.model import Article, Entity
from newsfold.nlp.spacy_model import parse
from newsfold.stages.entities import find_entities
from newsfold.stages.quotes import find_quotes, quote_spans
from newsfold.stages.quotes.canonical import StoryNames
from tests.helpers import article_speakers


def speakers(text: str) -> dict[str, str | None]:
    """First three words of each quote -> the speaker the article gives it."""
    return article_speakers(text)


def inner_quotes(text: str) -> list[str]:
    return [text[s + 1:e] for s, e in quote_spans(text)]


def test_straight_single_marks_quote_and_stay_apostrophes_inside_words():
    text = ("Her neighbour said: 'It's a sad day for the whole street.' "
            "The riders' club was closed and it's quiet now.")
    assert inner_quotes(text) == ["It's a sad day for the whole street."]


def test_a_plural_possessive_does_not_close_a_single_quote():
    text = "He said the crash 'left the drivers' union stunned and silent' on Monday."
    assert inner_quotes(text) == ["left the drivers' union stunned and silent"]


def test_a_flattened_paragraph_reopening_continues_the_quote():
    # the newspaper convention ("…smile. 'Please…") with the line break lost
    text = ("A statement read: 'Tomas was a kind and patient man. "
            "'Please respect our privacy at this hard time.' Police said nothing more.")
    assert inner_quotes(text) == ["Tomas was a kind and patient man. 'Please respect our privacy at this hard time."]
    text = ('She told the Courier: "We lost a friend today. "He will be missed by everyone '
            'who rode with him." The club met later.')
    assert len(inner_quotes(text)) == 1


def test_a_name_in_quote_marks_is_no_quote():
    text = ("The photo was shared on the ‘Harbor Watchers of Calden’ page. "
            "“We checked every camera on the bridge,” said Ana Ruiz.")
    found = speakers(text)
    assert "Harbor Watchers of" not in found
    assert found["We checked every"] == "Ana Ruiz"


def test_a_family_speaks_for_itself_not_for_the_person_it_names():
    text = ("Tomas Vell, 61, died in the crash. "
            "Mr Vell's family said he was 'a man who would help anyone at all'. "
            "The family of Tomas Vell said: 'He loved the sea and his three grandchildren.'")
    found = speakers(text)
    assert found["a man who"] == "Tomas Vell's family"
    assert found["He loved the"] == "Tomas Vell's family"
    text = ("Tomas Vell, 61, died in the crash. The family of Mr Vell, 61, from Calden, "
            "said he could 'light up any room he walked into'.")
    assert speakers(text)["light up any"] == "Tomas Vell's family"


def test_a_written_given_name_is_kept_beside_a_longer_namesake():
    text = ("Marko Lindqvist, 35, died on Wednesday. "
            "His cousin, Ben Lindqvist, said: 'I still cannot believe this is real.'")
    assert speakers(text)["I still cannot"] == "Ben Lindqvist"


def test_the_name_after_a_relation_noun_speaks():
    text = ("Ruth Okafor, 57, was among the victims. "
            "Her son-in-law Dario Pell told the Courier: "
            "\"Ruth would do anything to help anybody in the town.\"")
    assert speakers(text)["Ruth would do"] == "Dario Pell"


def test_a_spokesperson_label_before_a_quote_speaks():
    text = ("Two carriages left the rails near the depot. A Calden Transit Police spokesman: "
            "\"The families are being supported by specialist officers at this hard time.\"")
    assert speakers(text)["The families are"] == "Calden Transit Police spokesman"


def test_a_titled_name_the_tagger_called_an_organisation_is_who_he_is():
    # in the second report the tagger reads "ACP Amran Yusof" as an organisation; the story knows him
    first = Article("a", "Police chief Amran Yusof said the photo was being studied by investigators.")
    text = ("According to Calden Selatan district police chief ACP Amran Yusof, the police are taking "
            "the allegation seriously. \u201cAll officers on duty have denied taking any money,\u201d he said.")
    second = Article("b", text)
    docs = dict(zip("ab", parse([first.text, text])))
    ctx = StoryContext([first, second], docs=docs)
    ctx.entities = find_entities(ctx)
    quotes, _ = find_quotes(ctx)
    assert [e.speaker for q in quotes for e in q.support if e.source == "b"] == ["Amran Yusof"]


def test_a_title_alone_is_no_speaker():
    names = StoryNames([Entity(name="Ana Ruiz", type="PERSON", aliases=["Ana Ruiz"], sources=["a"], mentions=2)])
    assert names.speaker("Mayor") is None and names.speaker("Spokesman") is None
    assert names.speaker("Ruiz") == "Ana Ruiz"


def test_they_are_the_people_named_together_before():
    text = ("Deputy public prosecutors Ana Ruiz and Tomas Berg had sought at least nine years' jail.\n"
            "“A long sentence would give him time to reflect on the harm he has done,” they said.\n"
            "Defence lawyers Mr Omar Haddad and Mr Lin Wei of Velt Law said he was sorry.\n"
            "“He is here to face the consequences of his actions today,” they said.\n"
            "Neighbours said they were tired of the noise.\n"
            "“We want the noise to stop now, before somebody gets hurt,” they said.")
    found = speakers(text)
    assert found["A long sentence"] == "Ana Ruiz and Tomas Berg"
    assert found["He is here"] == "Omar Haddad and Lin Wei"
    assert found["We want the"] is None  # unnamed people stay unnamed


def test_they_after_a_spokesperson_is_the_body_that_spoke():
    text = ("A Velmont spokeswoman said: “Like many other firms, we are facing higher costs for many things.”\n"
            "They added: “Like all makers, we sometimes have to make changes to stay open.”")
    found = speakers(text)
    assert found["Like many other"] == found["Like all makers,"] == "Velmont spokeswoman"


def test_a_name_and_verb_opening_the_next_quote_with_a_colon_speaks_the_next_one():
    text = ("Ana Ruiz said at the presentation: “It is unbelievable. I cannot put it into words. "
            "“Every player picks the others up, and that is what we did during the long rain delay.” "
            "Tomas Kalder added: “It is the best game I have ever been a part of, from the first pitch.”")
    found = speakers(text)
    assert found["It is unbelievable."] == "Ana Ruiz"
    assert found["It is the"] == "Tomas Kalder"
    # a caption between the quotes does not make the tag this quote's
    text = ("A Velmont spokeswoman said: “Like many other firms, we are facing higher costs for many things.” "
            "4 This graphic shows the old and new bars They added: “Like all makers, we sometimes make changes.”")
    found = speakers(text)
    assert found["Like many other"] == "Velmont spokeswoman"
    # "said Ruiz, adding:" has two verbs: the first is this quote's
    text = "“We will rebuild the pier before the summer season opens,” said Ana Ruiz, adding: “It will cost more.”"
    assert speakers(text)["We will rebuild"] == "Ana Ruiz"


def test_words_quoted_twice_in_one_article_keep_the_speaker_named_once():
    text = ("One customer described the new bar as looking “like a cheap copy of itself”.\n"
            "Mira Tal wrote: “This is the worst decision of all time. Now you have a premium bar "
            "that looks like a cheap copy of itself.”")
    found = speakers(text)
    assert found["like a cheap"] == found["This is the"] == "Mira Tal"


def test_they_does_not_reach_people_named_together_a_page_away():
    filler = "The crash happened on a bend where the line curves sharply towards the station. " * 9
    text = ("Ana Ruiz and Tomas Berg comment on the derailment " + filler
            + "Mr Vell's family described him as a generous man. They said: “He could light up a room "
            "with his smile, and we will miss him every day.”")
    assert speakers(text)["He could light"] is None


def test_the_company_is_the_organisation_an_apposition_called_so():
    text = ("Velmont International, the company which makes the bar, said the change was due to rising prices.\n"
            "“Like many other companies, we are experiencing higher costs for numerous ingredients,” "
            "the company wrote on its Facebook page.")
    assert speakers(text)["Like many other"] == "Velmont International"
    # no organisation called "the company": nobody is guessed
    text = ("Prices rose at Velmont International in the spring, traders said.\n"
            "“We are experiencing higher costs for numerous ingredients,” the company wrote.")
    assert speakers(text)["We are experiencing"] is None


def test_a_caption_run_into_a_flattened_quote_does_not_break_its_reopening():
    from newsfold.stages.clean import clean

    text = ("Ana Ruiz said at the presentation: “It is unbelievable. I cannot put it into words. It is a great "
            "team to be a part of. Tomas Kalder celebrates the victory (Getty) “Every player picks the others up "
            "and that is what we did during that rain delay.” Mira Tal added: “It is the best game I have ever "
            "been a part of, from the first pitch.” The parade is on Friday.")
    article = clean(Article("a", text))
    assert any("(Getty)" in text[r.start:r.end] for r in article.removed)
    docs = {"a": parse([text])[0]}
    ctx = StoryContext([article], docs=docs)
    ctx.entities = find_entities(ctx)
    quotes, _ = find_quotes(ctx)
    found = {" ".join(text[e.start:e.end].split()[:3]): e.speaker for q in quotes for e in q.support}
    assert found["It is unbelievable."] == "Ana Ruiz"
    assert found["It is the"] == "Mira Tal"


def test_marks_paired_across_removed_page_parts_make_no_quote():
    from newsfold.stages.clean import clean

    text = ("Fans waved banners reading “the end of a long drought for the whole city Your browser does not "
            "support iframes. They had to endure a long rain delay at the top of the 10th inning.” "
            "“It happened. It happened,” first baseman Ana Ruiz said after the final out.")
    article = clean(Article("a", text))
    docs = {"a": parse([text])[0]}
    ctx = StoryContext([article], docs=docs)
    ctx.entities = find_entities(ctx)
    quotes, _ = find_quotes(ctx)
    assert not any("rain delay" in text[e.start:e.end] or "drought" in text[e.start:e.end]
                   for q in quotes for e in q.support)


def test_a_statement_from_someone_speaks_for_them():
    text = ("Police said Donald Vell, 62, died in the crash.\n"
            "A statement from Mr Vell's family read: “Don was a well loved, funny and generous man, who could "
            "light up a room with his smile.”\n"
            "A statement from the Calden Harbour Authority said: “The line will reopen on Monday after checks.”")
    found = speakers(text)
    assert found["Don was a"] == "Donald Vell's family"
    assert found["The line will"] == "Calden Harbour Authority"
    # "the family" names nobody, not a family friend named before
    text = ("Beverley Grant, a family friend, said he would be missed.\n"
            "A statement from the family read: “He was a true family man and a generous friend to all.”")
    assert speakers(text)["He was a"] is None


def test_a_fragments_speaker_does_not_pass_to_the_whole_quote():
    text = ("Mr Vell's friend Ana Ruiz said he was “a true family man and a generous friend” at heart.\n"
            "A statement read: “He was a true family man and a generous friend to all who knew him.”")
    found = speakers(text)
    assert found["He was a"] is None


def test_it_after_a_quote_of_several_paragraphs_looks_back_from_where_it_opened():
    text = ("In a statement on Thursday, the Calden Anti-Graft Agency said the funds involve a businessman.\n"
            "“He agreed to surrender the funds after learning where the money came from.\n"
            "“We remain committed to recovering assets linked to the fund.\n"
            "“To date, a total of $29 million has been returned to the treasury.\n"
            "“This does not include the $20 million recovered this month,” it further read.")
    found = speakers(text)
    assert found["He agreed to"] == "Calden Anti-Graft Agency"


def test_a_title_before_a_hyphenated_name_after_the_quote():
    found = speakers('"We sealed the breach within an hour and the water is safe," '
                     'Harbor Chief Mira Adeyo-Kant told reporters on Friday.\n\n'
                     '"Nobody was hurt in the second wave," Mira Adeyo-Kant said.')
    assert found == {"We sealed the": "Mira Adeyo-Kant", "Nobody was hurt": "Mira Adeyo-Kant"}


# ------------------------------------------ attribution coverage (eval_quote_agreement.py)


def test_a_body_the_tagger_read_as_a_region_still_speaks_by_its_last_word():
    # the tagger calls "East Europe Forum" a LOC, and "East" hangs on "Europe", not on "Forum"
    text = ('Three of the four claims are not based on the words of the author, said East Europe Forum. '
            '"This is sufficient to remove the inaccuracy in the article," said East Europe Forum.')
    assert speakers(text) == {"This is sufficient": "East Europe Forum"}


def test_she_after_a_speaker_the_tagger_did_not_tag_is_that_speaker():
    text = ("Mayor Ana Ruiz said the bridge will reopen soon.\n\n"
            "The works began in May after a flood damaged the pillars.\n\n"
            '"We are doing everything we can to open it before the winter," she said.')
    assert speakers(text) == {"We are doing": "Ana Ruiz"}


def test_it_is_an_organisation_that_was_the_subject_of_a_verb_before():
    text = ("Harbor Review put up a correction notice on Monday. However, it also stated its "
            'disagreement, saying that "all of its articles are reviewed by leading experts in the field".')
    assert speakers(text) == {"all of its": "Harbor Review"}


def test_a_judge_who_ruled_that_speaks():
    text = 'Justice Ana Ruiz ruled that the sentence was "not disproportionate or crushing in any way at all".'
    assert speakers(text) == {"not disproportionate or": "Ana Ruiz"}


def test_a_title_in_quote_marks_is_nobodys_words():
    text = ("The Harbor Office had directed the platform to correct an article, titled "
            '"Our new mayor entangled in old politics", that it said contained false statements.')
    assert speakers(text) == {"Our new mayor": None}


def test_adding_that_after_a_reported_clause_is_the_reporters_speaker():
    # the parse hangs "adding" on the reported clause's verb, whose subject
    # (the group, the repair) is not who speaks: the speech verb above it is
    text = ("Mara Quint, the group's finance chief, noted that so far this year Veltro has set aside "
            "4 billion euros for the repairs, adding that “the issue is far from over and needs work”.\n\n"
            "Tobias Rennert said the repair offered to owners is enough to deal with the fault, adding "
            "that there are “clear steps to make sure the device is gone from every car.”")
    found = speakers(text)
    assert found["the issue is"] == "Mara Quint"
    assert found["clear steps to"] == "Tobias Rennert"


def test_a_relative_clause_after_a_quote_is_no_speech_tag():
    # "…,” that confirmed the raids": "that" is the statement, not a speaker
    text = ("Veltro Motors said in a statement: “Our cars were not changed and met every rule,” "
            "a line that confirmed the visit but denied any wrongdoing.")
    assert speakers(text)["Our cars were"] == "Veltro Motors"


def test_the_firm_is_the_body_that_spoke_before():
    text = ("Veltro Motors said on Friday that inspectors had visited its plant. "
            "The firm said in a statement: “Our cars were not changed and met every rule.”")
    assert speakers(text)["Our cars were"] == "Veltro Motors"


def test_the_ministry_is_the_ministry_the_article_named():
    text = ("The Ministry of Ports ordered checks at every yard on Monday. Later the ministry said: "
            "“Our inspectors will visit every plant before the end of the month.”")
    assert speakers(text)["Our inspectors will"] == "Ministry of Ports"


def test_the_company_names_nobody_when_no_body_spoke_or_acted():
    text = ("Shoppers queued at dawn on Monday. The company said: “We expect the shelves to be full "
            "again by the weekend.”")
    assert speakers(text)["We expect the"] is None


def test_the_police_are_not_the_unit_the_article_named():
    text = ("Officers from the Harbour Police Division used camera images to find the two men. "
            "“The police have zero tolerance for such acts and will act against those who break the law,” "
            "said the police.")
    assert speakers(text)["The police have"] == "police"


def test_a_role_of_a_place_run_into_the_name_leaves_the_place_out():
    # the tagger reads "Port Calden Ana Ruiz" as one place: the article names Port Calden alone too
    text = ("Fans in Port Calden cheered until dawn. Mayor of Port Calden Ana Ruiz posted a message of "
            "congratulations after the match. She said the result proved last night was 'more than a game "
            "for all of us'.")
    assert speakers(text)["more than a"] == "Ana Ruiz"


def test_the_one_heard_saying_speaks_not_who_recalls_it():
    text = ("Coach Tomas Berg met the players. Captain Ana Ruiz had called them together. "
            "\"I have got something to say to all of you,\" Berg recalled Ruiz saying. And she talked about the game.")
    assert speakers(text)["I have got"] == "Ana Ruiz"
    # parsed the other way: the one heard as the object right before "saying"
    text = ("Right fielder Tomas Heyer -- he of the long contract -- had called the players together. "
            "\"I've got something to say,\" Dario Zobel recalled Heyer saying. And he talked about the game.")
    assert speakers(text)["I've got something"] == "Tomas Heyer"


def test_the_firm_names_nobody_when_another_body_was_named_since():
    # "the firm" after another company's name is not sure to be the one that spoke
    text = ("Veltro Motors said on Friday that inspectors had visited its plant. Rivals including Orla Motor Group "
            "are suspected of the same. The firm said in a statement: “Our cars were not changed and met every rule.”")
    assert speakers(text)["Our cars were"] is None


def test_a_quote_paragraph_after_reported_words_is_the_reporters():
    # "X pointed out that …" then a quote paragraph: X goes on in their own words
    text = ("The reptiles escaped from a farm on Orla Island last week.\n"
            "Mr Tomas Brenn, a zoologist, has studied the species for years.\n"
            "Mr Brenn pointed out that there are many islets between the farm and the coast.\n"
            "“There may be sightings if they swim this far, but I would not expect many.”\n"
            "Officers are patrolling the beaches.")
    assert speakers(text)["There may be"] == "Tomas Brenn"


def test_a_quote_paragraph_after_a_plain_sentence_stays_untold():
    text = ("The reptiles escaped from a farm on Orla Island last week.\n"
            "Mr Tomas Brenn, a zoologist, has studied the species for years.\n"
            "Mr Brenn drove to the coast on Sunday.\n"
            "“There may be sightings if they swim this far, but I would not expect many.”\n")
    assert speakers(text)["There may be"] is None


def test_the_described_operator_is_the_body_that_acted_before():
    # "the transport operator": the body that last spoke or acted, though a
    # depot tagged an organisation was named since, inside another clause
    text = ("VMR said on Monday that trains were delayed.\n"
            "At 7am, VMR provided an update that a vehicle returning to Kelso Depot broke down.\n"
            "The breakdown, which happened at about 5am, kept some trains in the depot.\n"
            "The transport operator later posted a further update, stating that more trains were sent.\n"
            "“The waiting time between trains will rise to about four minutes,” it said.")
    assert speakers(text)["The waiting time"] == "VMR"


def test_they_said_reaches_back_to_the_police_who_spoke_paragraphs_before():
    text = ("A man will be charged on Thursday over a fake note, the police said.\n"
            "The bank clerk suspected the note was fake and told the manager, the police said.\n"
            "Officers arrested the man at the branch.\n"
            "The bank stopped issuing such notes in 2014.\n"
            "The penalty for passing off fake notes is a jail term of up to 20 years.\n"
            "“We take a serious view of anyone involved in fake currency,” they said.")
    assert speakers(text)["We take a"] == "police"


def test_they_said_after_residents_spoke_names_nobody():
    text = ("Residents said the noise went on all night.\n"
            "The council inspected the site on Friday.\n"
            "“We have asked for this to stop many times,” they said.")
    assert speakers(text)["We have asked"] is None
