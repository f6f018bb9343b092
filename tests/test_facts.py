"""group_facts: claim groups across sources, on an invented story and on Kosovo."""
from __future__ import annotations

import pytest

from newsfold.context import StoryContext
from newsfold.model import Article, Removed, Sentence
from newsfold.nlp.embed import get_embedder
from newsfold.stages.copies import find_copies
from newsfold.stages.facts import clause_units, group_facts
from newsfold.stages.split import split

# An invented four-source story: paraphrases, a translated-sounding source,
# clauses that carry two facts, and numbers that must not pull facts together.
STORY = {
    "wire": (
        "A large fire broke out at a chemical warehouse in the port town of Valmora late on Sunday.\n\n"
        "Twelve firefighters were injured as they fought the flames.\n\n"
        "Authorities evacuated about 200 residents from nearby streets as a precaution.\n\n"
        "Mayor Elena Ruiz said the cause of the blaze was under investigation.\n\n"
        "Residents were told to keep their windows closed because of the smoke.\n\n"
        "The warehouse belongs to Trasko Logistics, which stores cleaning chemicals there.\n"
    ),
    "daily": (
        "A blaze tore through a chemical storage depot in Valmora on Sunday night; "
        "twelve firefighters were hurt while battling it.\n\n"
        "Some 200 people living near the site had to leave their homes, officials said.\n\n"
        "\u201cWe will find out what caused this fire,\u201d Mayor Elena Ruiz told reporters.\n\n"
        "The port of Valmora will stay closed until Tuesday.\n"
    ),
    "translated": (
        "On Sunday evening in Valmora a fire has erupted in a warehouse of chemical products.\n"
        "According to the city, 200 inhabitants have been evacuated from the surrounding area; "
        "twelve firefighters received injuries in the operation.\n"
        "The population is asked to not open the windows due to the toxic smoke.\n"
        "The fire was the largest in the town since 2009.\n"
    ),
    "local": (
        "Firefighters battled through the night to contain a fire at a chemicals warehouse in "
        "Valmora, officials said on Monday. Twelve of them were taken to hospital with minor "
        "injuries, while around 200 residents spent the night in a school gym after being "
        "evacuated. The cause of the fire is still being investigated, Mayor Elena Ruiz said.\n"
    ),
}


def _articles(texts: dict[str, str]) -> list[Article]:
    return [Article(id=key, text=text) for key, text in texts.items()]


def _context(articles, sentences, embedder):
    return StoryContext(articles, sentences=sentences, embedder=embedder)


def _fold(articles, embedder_name="hashing", copies=True):
    sentences = {a.id: split(a) for a in articles}
    ctx = _context(articles, sentences, get_embedder(embedder_name))
    if copies:  # applied as the pipeline does
        copy_of = find_copies(ctx)
        for article in articles:
            article.copy_of = copy_of.get(article.id)
    return sentences, group_facts(ctx)


def _fact_with(facts, articles, source, fragment):
    by_id = {a.id: a for a in articles}
    for fact in facts:
        for evidence in fact.support:
            if evidence.source == source and fragment in by_id[source].text[evidence.start : evidence.end]:
                return fact
    raise AssertionError(f"no fact holds {fragment!r} from {source}")


def _check_invariants(articles, sentences, facts):
    by_id = {a.id: a for a in articles}
    covered = {a.id: set() for a in articles}
    for fact in facts:
        assert fact.support and fact.text.strip()
        assert fact.kind == ("consensus" if fact.independent_sources >= 2 else "unique")
        assert fact.sources == len({e.source for e in fact.support})
        for evidence in fact.support:
            article = by_id[evidence.source]
            assert 0 <= evidence.start < evidence.end <= len(article.text)
            assert not article.is_removed(evidence.start, evidence.end)
            assert not article.off_topic
            covered[evidence.source].update(range(evidence.start, evidence.end))
    # Nothing silently lost: every letter of every on-topic sentence is in a fact.
    for article in articles:
        if article.off_topic:
            continue
        for sentence in sentences[article.id]:
            letters = {i for i in range(sentence.start, sentence.end) if article.text[i].isalnum()}
            assert letters <= covered[article.id], sentence.text
    # The stage leaves ids to the pipeline (F1, F2, ... in this order).
    assert all(f.id == "" for f in facts)
    keys = [(-f.independent_sources, -f.score) for f in facts]
    assert keys == sorted(keys)


def test_clause_units_tile_their_sentence():
    text = (
        "NATO will send 300 more troops, the alliance said on Monday, a day after 20 soldiers "
        "were hurt in clashes; officials urged calm and called for talks to resume soon."
    )
    sentence = Sentence(source="s", start=5, end=5 + len(text), text=text)
    units = clause_units(sentence)
    assert [u.text for u in units] == [
        "NATO will send 300 more troops, the alliance said on Monday,",
        "a day after 20 soldiers were hurt in clashes;",
        "officials urged calm and called for talks to resume soon.",
    ]
    assert units[0].start == 5 and units[-1].end == sentence.end
    for unit in units:
        assert text[unit.start - 5 : unit.end - 5] == unit.text
    # Noun phrases joined by "and" stay together.
    short = Sentence(source="s", start=0, end=60, text="Italian and Hungarian soldiers and their officers were hurt.")
    assert len(clause_units(short)) == 1


def test_consensus_copies_off_topic_and_invariants():
    shared = "The ferry company said all 40 passengers were rescued by the coast guard."
    texts = {
        "a": f"A ferry ran aground near Orsa island on Friday. {shared} The captain was questioned.",
        "b": f"Rescuers reached the stranded ferry within an hour. {shared}",
        "c": f"A ferry ran aground near Orsa island on Friday. {shared} The captain was questioned. Photo by staff.",
        "d": "Wheat prices rose sharply in Chicago trading on Friday as drought hit the plains.",
    }
    articles = _articles(texts)
    photo = texts["c"].index("Photo by")
    articles[2].removed.append(Removed(photo, len(texts["c"]), "caption"))
    articles[2].copy_of = "a"
    articles[3].off_topic = True
    sentences = {a.id: split(a) for a in articles}
    facts = group_facts(_context(articles, sentences, get_embedder("hashing")))
    _check_invariants(articles, sentences, facts)
    rescued = _fact_with(facts, articles, "b", "40 passengers")
    assert rescued.kind == "consensus" and rescued.sources == 3 and rescued.independent_sources == 2
    assert rescued is facts[0]  # F1
    aground = _fact_with(facts, articles, "a", "ran aground")
    # A copy supports the fact but does not make it consensus.
    assert {e.source for e in aground.support} == {"a", "c"}
    assert aground.kind == "unique" and aground.independent_sources == 1
    assert not any(e.source == "d" for f in facts for e in f.support)
    # The representative wording comes from an original source, not the copy.
    assert all(f.text for f in facts)


def test_one_source_never_fills_a_group_twice_with_different_statements():
    texts = {
        "a": "The dam released water on Tuesday. The dam released more water on Wednesday morning.",
        "b": "Officials said the dam released water on Tuesday.",
    }
    articles = _articles(texts)
    sentences, facts = _fold(articles)
    _check_invariants(articles, sentences, facts)
    for fact in facts:
        sources = [e.source for e in fact.support]
        assert len(sources) == len(set(sources))


def test_empty_and_off_topic_only():
    assert group_facts(_context([], {}, get_embedder("hashing"))) == []
    article = Article(id="x", text="Something happened today.", off_topic=True)
    assert group_facts(_context([article], {"x": split(article)}, get_embedder("hashing"))) == []


@pytest.fixture(scope="module")
def invented():
    articles = _articles(STORY)
    sentences, facts = _fold(articles, "minilm")
    return articles, sentences, facts


def test_invented_story_groups_paraphrases(invented):
    articles, sentences, facts = invented
    _check_invariants(articles, sentences, facts)
    fire = _fact_with(facts, articles, "wire", "large fire broke out")
    assert fire is _fact_with(facts, articles, "daily", "blaze tore through")
    assert fire is _fact_with(facts, articles, "translated", "fire has erupted")
    hurt = _fact_with(facts, articles, "wire", "Twelve firefighters")
    assert hurt is _fact_with(facts, articles, "daily", "firefighters were hurt")
    assert hurt is _fact_with(facts, articles, "translated", "received injuries")
    assert hurt.independent_sources >= 3
    cause = _fact_with(facts, articles, "wire", "under investigation")
    assert cause is _fact_with(facts, articles, "local", "still being investigated")
    assert cause is _fact_with(facts, articles, "daily", "find out what caused")
    windows = _fact_with(facts, articles, "wire", "windows closed")
    assert windows is _fact_with(facts, articles, "translated", "not open the windows")
    evacuated = _fact_with(facts, articles, "wire", "evacuated about 200")
    assert evacuated is _fact_with(facts, articles, "translated", "200 inhabitants")
    # Distinct facts stay apart, even within one sentence.
    assert len({id(f) for f in (fire, hurt, cause, windows, evacuated)}) == 5
    for fragment, source in [("Trasko", "wire"), ("port of Valmora", "daily"), ("since 2009", "translated")]:
        assert _fact_with(facts, articles, source, fragment).kind == "unique"
    # The wording shown is verbatim: a whole sentence, or a clause marked with
    # "…" where it was cut, and always the words of one of its supports.
    by_id = {a.id: a for a in articles}
    for fact in facts:
        words = " ".join(fact.text.strip("…").split())
        assert any(words in " ".join(by_id[e.source].text[e.start:e.end].split()) for e in fact.support), fact.text
        assert fact.text[:1].isupper() or fact.text[:1] in "\u201c\"…", fact.text


@pytest.fixture(scope="module")
def kosovo(kosovo_story):
    return kosovo_story.articles, kosovo_story.sentences, group_facts(kosovo_story)


@pytest.mark.shared
def test_kosovo_targets(kosovo):
    articles, sentences, facts = kosovo
    _check_invariants(articles, sentences, facts)
    by_id = {a.id: a for a in articles}
    troops = [
        f
        for f in facts
        if any("700" in by_id[e.source].text[e.start : e.end] for e in f.support)
    ]
    # Every mention of the 700 troops is in one fact, F1; a sentence that also
    # states a second fact ("NATO announced more troops") may support that one too.
    assert troops[0] is facts[0], [f.text for f in troops]  # F1
    assert troops[0].kind == "consensus" and troops[0].independent_sources == 4
    seven_hundred = [(e.source, e.start) for e in troops[0].support if "700" in by_id[e.source].text[e.start:e.end]]
    elsewhere = [(e.source, e.start) for f in troops[1:] for e in f.support if "700" in by_id[e.source].text[e.start:e.end]]
    assert set(elsewhere) <= set(seven_hundred)
    assert all(len([e for e in f.support if "700" in by_id[e.source].text[e.start:e.end]]) == 1 for f in troops[1:])
    battalion = _fact_with(facts, articles, "000", "additional battalion")
    assert battalion.kind == "consensus" and battalion.independent_sources >= 2
    assert battalion is not troops[0]
    injured = _fact_with(facts, articles, "002", "30 NATO soldiers and 52 protesters were injured")
    assert injured.kind == "consensus" and injured.independent_sources >= 3
    unacceptable = _fact_with(facts, articles, "000", "unacceptable and must stop")
    assert unacceptable.kind == "consensus"
    # Unrelated facts are not swallowed by the big ones.
    for fact in (troops[0], battalion, injured, unacceptable):
        texts = [by_id[e.source].text[e.start : e.end] for e in fact.support]
        assert not any("53 civilians" in t or "tear gas" in t or "Putin" in t for t in texts)
    assert len({id(f) for f in (troops[0], battalion, injured, unacceptable)}) == 4


@pytest.mark.slow
def test_fifty_articles_scale():
    # Fifty distinct articles built from the invented story's sentences.
    lines = [line for text in STORY.values() for line in split(Article(id="x", text=text))]
    articles = []
    for k in range(50):
        picked = [lines[(k * 7 + j * 3) % len(lines)].text for j in range(8)]
        body = " ".join(p.replace("Valmora", f"Valmora-{k}") for p in picked)
        articles.append(Article(id=f"n{k:02d}", text=body))
    sentences = {a.id: split(a) for a in articles}
    embedder = get_embedder("minilm")
    facts = group_facts(_context(articles, sentences, embedder))  # speed: scripts/bench_fold.py
    _check_invariants(articles, sentences, facts)


def test_parse_cuts_let_a_two_fact_sentence_support_two_groups():
    """A participle clause after a comma is a fact of its own once the parse is used."""
    from newsfold.nlp.spacy_model import parse

    text = ("A container ship struck the old harbour bridge late on Monday, "
            "injuring 14 people and forcing the city to close the bridge to all traffic.")
    article = Article(id="w", text=text)
    sentence = split(article)[0]
    plain = clause_units(sentence)
    parsed = clause_units(sentence, parse([text])[0])
    assert len(plain) == 1
    assert len(parsed) >= 2
    assert parsed[0].text == "A container ship struck the old harbour bridge late on Monday,"
    assert parsed[1].text.startswith("injuring 14 people")
    assert "".join(text[u.start:u.end] for u in parsed).replace(" ", "") == text.replace(" ", "")


def test_manner_participle_without_comma_stays_in_its_clause():
    from newsfold.nlp.spacy_model import parse

    text = "The trapped officer had to be freed using hydraulic rescue equipment by the crew."
    sentence = split(Article(id="x", text=text))[0]
    assert len(clause_units(sentence, parse([text])[0])) == 1


def test_coordinated_verbs_of_one_phrase_stay_in_one_clause():
    """Two verbs joined by "and"/"or" inside one phrase (a preposition's object,
    a relative clause, a gerund object) are one claim: cut between them, each
    half is a fragment that matches no other source's whole claim. Two
    participle clauses after a comma, or a second verb with its own subject,
    are still cut."""
    from newsfold.nlp.spacy_model import parse

    whole = [
        "He was also disqualified from holding or obtaining any driving licence for five years after his release.",
        "The officials warned that those who spread false claims and harmed the agency's name could face legal action.",
        "The guards denied asking for and accepting money from drivers at the crossing, the inspector said.",
    ]
    cut = {
        "A container ship struck the old harbour bridge late on Monday, injuring 14 people on the deck and "
        "forcing the city to close the bridge to all traffic.": "forcing the city",
        "The ferry lost power near the northern pier on Friday and the crew dropped anchor "
        "to stop it drifting onto the rocks.": "the crew dropped anchor",
    }
    for text in whole:
        sentence = split(Article(id="x", text=text))[0]
        assert [u.text for u in clause_units(sentence, parse([text])[0])] == [text]
    for text, second in cut.items():
        sentence = split(Article(id="x", text=text))[0]
        units = clause_units(sentence, parse([text])[0])
        assert any(u.text.startswith(second) or u.text.startswith("and " + second) for u in units), units


def test_the_same_kind_of_identifier_with_other_codes_never_joins():
    texts = {
        "a": "A fire broke out in a flat at Block 224A Sumang Lane early on Sunday morning.",
        "b": "A fire broke out in a flat at Block 229A Sumang Lane early on Sunday morning.",
        "c": "A fire broke out in a flat at Block 224A Sumang Lane early on Sunday.",
    }
    articles = _articles(texts)
    sentences, facts = _fold(articles)
    _check_invariants(articles, sentences, facts)
    together = {frozenset(e.source for e in fact.support) for fact in facts}
    assert frozenset({"a", "c"}) in together
    assert not any({"a", "b"} <= group or {"b", "c"} <= group for group in together)


def test_photo_captions_left_in_the_text_are_no_facts():
    from newsfold.nlp import spacy_model
    from newsfold.stages.facts.group import is_caption

    cases = {
        "The wrecked shelter at Gate 7, photographed yesterday afternoon.": True,
        "The bridge, which opened in 1987, seen from the harbor on Tuesday.": True,
        "The wrecked bus shelter on Harbor Road, pictured on Tuesday morning.": True,
        "Officials said the ship, seen from shore, was listing.": False,
        "The mayor spoke to reporters, shown on a screen in the hall.": False,
        "He was pictured leaving the court on Monday.": False,
    }
    text = " ".join(cases)
    (doc,) = spacy_model.parse([text])
    start = 0
    for sentence_text, caption in cases.items():
        start = text.index(sentence_text, start)
        sentence = Sentence("a", start, start + len(sentence_text), sentence_text)
        assert is_caption(sentence, doc) is caption, sentence_text
        assert not is_caption(sentence, None)


def test_headings_left_in_the_text_are_no_facts():
    from newsfold.stages.facts.group import headings_left_out

    text = ("Ferry runs aground off Marrow Point\n"
            "The Velden ferry ran aground on Friday, the coast guard said. All 41 passengers were safe.\n"
            "Passengers praise the crew\n"
            "Visiting Hours: 9am-5pm daily\n"
            "Keep clear of the channel;\n"
            "Wait for the harbour master's notice.\n"
            "The ferry operator, which runs six boats, said repairs would take a week and cost more than expected")
    sentences = split(Article("a", text))
    kept = [s.text for s in headings_left_out(sentences)]
    assert "Ferry runs aground off Marrow Point" not in kept and "Passengers praise the crew" not in kept
    assert "Visiting Hours: 9am-5pm daily" not in kept
    # sentences, list items and a long unclosed last line are claims
    assert "All 41 passengers were safe." in kept and "Keep clear of the channel;" in kept
    assert "Wait for the harbour master's notice." in kept and kept[-1].startswith("The ferry operator")


def _units(rows: list[tuple[str, str]]):
    from newsfold.stages.facts.units import Unit

    units = []
    for source, text in rows:
        sentence = Sentence(source=source, start=0, end=len(text), text=text)
        units.append(Unit(sentence=sentence, start=0, end=len(text), text=text))
    return units


def test_a_longer_sentence_that_says_all_a_group_says_supports_it_too():
    """A unit in its own group also supports a two-source group whose words it
    holds, at a fair link; at the same link, a unit that holds only part of them does not."""
    import numpy as np

    from newsfold.stages.facts.clusters import with_shared_units

    units = _units([
        ("a", "Four firefighters were taken to hospital after the crash."),
        ("b", "Four firefighters were taken to hospital after the crash on Monday."),
        ("c", "The four firefighters on the engine were taken to two hospitals after the crash."),
        ("d", "The four firefighters on the engine were taken to two hospitals after the crash."),
        ("e", "Four firefighters were on the engine when it overturned."),
    ])
    scores = np.full((5, 5), 0.2)
    scores[0, 1] = scores[1, 0] = 0.9  # the group a, b
    scores[2, 3] = scores[3, 2] = 1.0  # c and d tell it with more detail
    for other in (2, 4):  # both at the same fair link to the group (below 0.55)
        scores[other, [0, 1]] = scores[[0, 1], other] = 0.48
    groups = [[0, 1], [2, 3], [4]]
    roots = ["a", "b", "c", "d", "e"]
    clash = np.zeros((5, 5), dtype=bool)
    result, borrowed = with_shared_units(groups, units, scores, roots, clash)
    assert result[0] == [0, 1, 2] and borrowed[0] == {2}


def _shared_unit_story():
    """Group X (0, 1) tells of new engines; Y (2, 3) and Z (4, 5) of the crash.
    Units 2 and 4 each link to X at 0.52 and 0.45 (0.485 on average: a
    first-pass join, not a strong link); 2 also tells of the new engines."""
    import numpy as np

    units = _units([
        ("a", "The city will buy two new fire engines next year."),
        ("b", "The city is to buy two new fire engines."),
        ("c", "The engine overturned on a bend, and the city will buy others."),
        ("d", "The engine overturned on a bend."),
        ("e", "The engine overturned on a bend, police said."),
        ("f", "Police said the engine overturned on a bend."),
    ])
    scores = np.full((6, 6), 0.2)
    for first, second in ((0, 1), (2, 3), (4, 5)):
        scores[first, second] = scores[second, first] = 0.9
    for unit in (2, 4):
        scores[unit, [0, 1]] = scores[[0, 1], unit] = [0.52, 0.45]
    return units, scores, ["a", "b", "c", "d", "e", "f"], np.zeros((6, 6), dtype=bool)


def test_a_unit_that_states_a_second_fact_supports_it_on_one_close_pair():
    """A unit of a group of its own supports a second group it joins as a
    first-pass join would, when it says some of that group's fact that its own
    group does not ("buy", "city"); a unit whose words its own fact explains
    (4: only "engine") does not, at the same link."""
    from newsfold.stages.facts.clusters import with_shared_units

    units, scores, roots, clash = _shared_unit_story()
    result, borrowed = with_shared_units([[0, 1], [2, 3], [4, 5]], units, scores, roots, clash)
    assert result == [[0, 1, 2], [2, 3], [4, 5]]
    assert borrowed == [{2}, set(), set()]


def test_a_unit_left_alone_moves_to_the_group_it_joins():
    """A lone unit that matches a two-source group as a first-pass join would
    moves into it (one statement, one fact): its own one-unit group is gone."""
    from newsfold.stages.facts.clusters import with_shared_units

    units, scores, roots, clash = _shared_unit_story()
    result, borrowed = with_shared_units([[0, 1], [2], [3], [4, 5]], units, scores, roots, clash)
    assert result == [[0, 1, 2], [3], [4, 5]]
    assert borrowed == [set(), set(), set()]


def test_a_second_wording_of_a_fact_lends_no_support_on_one_pair():
    """When the rest of a unit's group links to the other group as two wordings
    of one fact do, one close pair is not enough: support would only be copied
    between near-duplicate facts."""
    from newsfold.stages.facts.clusters import _SIBLING_LINK, with_shared_units

    units, scores, roots, clash = _shared_unit_story()
    scores[3, [0, 1]] = scores[[0, 1], 3] = _SIBLING_LINK
    result, borrowed = with_shared_units([[0, 1], [2, 3], [4, 5]], units, scores, roots, clash)
    assert result == [[0, 1], [2, 3], [4, 5]]


def test_a_fact_is_worded_by_a_member_that_reads_alone():
    import numpy as np

    from newsfold.stages.facts.wording import to_fact

    units = _units([("a", "It lets the harbour minister close the port in a storm."),
                    ("b", "The new law lets the harbour minister close the port in a storm.")])
    scores = np.array([[1.0, 0.8], [0.8, 1.0]])
    scores[0, 1] += 0.1  # the pronoun member a little more central: still not the wording
    vectors = np.eye(2, 4, dtype=np.float32)
    fact = to_fact([0, 1], units, scores, vectors, np.ones(4, dtype=np.float32) / 2,
                   [Article(id="a", text=units[0].text), Article(id="b", text=units[1].text)])
    assert fact.text == "The new law lets the harbour minister close the port in a storm."


def test_a_shared_specific_figure_pulls_two_statements_together():
    import numpy as np

    from newsfold.stages.facts.features import specific_numbers
    from newsfold.stages.facts.scores import _SHARED_SPECIFIC_NUMBER, pair_scores

    assert specific_numbers("Spanning 72.8ha, the park has over 380 species") == {"72.8", "380"}
    # counts under 13, years and days beside their month are shared by many statements of a story
    assert specific_numbers("On Jan 24, 2025, 12 officers and 24 May") == set()
    # an amount with its scale is one figure, however it is written; a count in words is one too
    assert specific_numbers("a jackpot of S$5 million") == specific_numbers("the S$5m jackpot") == {"5000000"}
    assert specific_numbers("shared the $13.3m prize") == specific_numbers("a $13.3 million prize") == {"13300000"}
    assert specific_numbers("up to a hundred relatives marched") == specific_numbers("up to 100 people") == {"100"}
    assert specific_numbers("about 500m from the gate") == {"500"}  # a bare "m" is a distance
    assert specific_numbers("10% of the 2,000 staff") == {"2000"}  # "2,000" is no year
    units = _units([("a", "Crews counted 380 birds at the lake."), ("b", "Volunteers saw 380 birds there."),
                    ("c", "Crews counted 12 birds at the lake."), ("d", "Volunteers saw 12 birds there.")])
    scores = pair_scores(units, np.zeros((4, 4), dtype=np.float32), np.zeros((4, 4), dtype=bool))
    assert abs((scores[0, 1] - scores[2, 3]) - _SHARED_SPECIFIC_NUMBER) < 1e-6


def test_two_adjectives_joined_by_and_are_no_clause_boundary():
    """'help small and medium-sized firms': "medium-sized" ends in -ed but is
    no verb, with or without the parse."""
    from newsfold.nlp.spacy_model import parse

    text = ("The upcoming motion, which will be tabled later this year, aims to help small and medium-sized "
            "ferry operators with more resources on how to cut their emissions.")
    sentence = split(Article(id="m", text=text))[0]
    assert len(clause_units(sentence)) == 1
    assert len(clause_units(sentence, parse([text])[0])) == 1
