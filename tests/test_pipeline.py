"""fold() end to end on the shipped example: contracts, rules and quality floors."""
from __future__ import annotations

import copy
import json

import pytest

import newsfold
from newsfold.model import Article
from newsfold.render import to_json

from .helpers import assert_brief_rules, assert_evidence_round_trips, assert_valid_json_brief


@pytest.fixture(scope="module")
def example_fold(example_dir):
    """The example's articles after fold, a deep copy taken before it, and the brief."""
    articles = newsfold.read(str(example_dir))
    before = copy.deepcopy(articles)
    return articles, before, newsfold.fold(articles)


@pytest.fixture(scope="module")
def example_brief(example_fold):
    return example_fold[2]


def _numbered(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{number}" for number in range(1, count + 1)]


def test_fold_numbers_facts_quotes_and_conflicts_in_order(example_brief):
    # Stages leave ids blank; fold numbers what ends in the brief, in brief order, from 1.
    facts, quotes, conflicts = example_brief.facts, example_brief.quotes, example_brief.conflicts
    assert facts and quotes and conflicts  # the example has all three, so each numbering is tested
    assert [f.id for f in facts] == _numbered("F", len(facts))
    assert [q.id for q in quotes] == _numbered("Q", len(quotes))
    assert [c.id for c in conflicts] == _numbered("K", len(conflicts))
    # K1 is the conflict the most sources take part in.
    involved = [len({e.source for v in c.values for e in v.support}) for c in conflicts]
    assert involved == sorted(involved, reverse=True)


def test_fold_leaves_the_example_articles_as_they_were(example_fold):
    articles, before, brief = example_fold
    assert articles == before
    # the brief holds cleaned copies, never the caller's objects
    assert not {id(a) for a in articles} & {id(s) for s in brief.sources}


def test_example_json_validates_against_schema(example_brief):
    document = json.loads(to_json(example_brief))
    assert_valid_json_brief(document)
    assert document["schema"] == "newsfold.brief/1"
    assert len(document["sources"]) == 6


def test_example_evidence_and_rules(example_brief):
    assert_evidence_round_trips(example_brief)
    assert_brief_rules(example_brief)


def test_example_wire_copy_counts_once(example_brief):
    copies = {a.id: a.copy_of for a in example_brief.sources if a.copy_of}
    assert copies == {"harbor-courier": "coastline-wire"}


def test_single_article_gives_unique_facts_and_a_note(example_dir):
    article = newsfold.read(str(example_dir / "calden-daily.txt"))
    brief = newsfold.fold(article)
    assert brief.facts and all(f.kind == "unique" for f in brief.facts)
    assert any("one independent source" in note for note in brief.notes)


def test_fold_does_not_change_its_input():
    articles = [Article("a", "The bridge closed on Monday. Ten people were hurt."),
                Article("b", "Ten people were hurt when the bridge closed on Monday.")]
    before = [(a.text, list(a.removed), a.copy_of) for a in articles]
    newsfold.fold(articles, date="2031-03-11")
    assert [(a.text, list(a.removed), a.copy_of) for a in articles] == before


def test_fold_refuses_nothing_and_duplicate_ids():
    with pytest.raises(newsfold.NewsfoldError):
        newsfold.fold([])
    with pytest.raises(newsfold.NewsfoldError, match="unique"):
        newsfold.fold([Article("a", "One."), Article("a", "Two.")])


def test_fold_takes_plain_strings_and_dicts_as_a_developer_has_them():
    import newsfold

    first = ("date 2031-06-02\n\nThe Orla dam spillway opened on Sunday after heavy rain, "
             "the river authority said. Forty homes near the Brisk river were evacuated.")
    second = {"id": "valley-news", "outlet": "Valley News", "published": "2031-06-02",
              "text": "The Orla dam spillway opened on Sunday after heavy rain. Forty homes "
                      "near the Brisk river were evacuated, the river authority said."}
    brief = newsfold.fold([first, second])
    assert [s.id for s in brief.sources] == ["001", "valley-news"]
    assert brief.source("valley-news").outlet == "Valley News"
    assert brief.source("001").published == "2031-06-02"
    assert any(f.independent_sources == 2 for f in brief.facts)


def test_fold_says_clearly_what_it_cannot_take():
    import newsfold
    from newsfold.errors import InputError

    with pytest.raises(InputError, match="item 2: int is not an article"):
        newsfold.fold(["Some text about a story.", 42])
    with pytest.raises(InputError, match='item 1: record has no "text" or "html"'):
        newsfold.fold([{"title": "Only a title"}])
    with pytest.raises(InputError, match="wrap a single one in a list"):
        newsfold.fold("One article's text, not in a list")


def test_a_saved_json_brief_loads_back(example_dir, tmp_path):
    import newsfold
    from newsfold.errors import InputError

    brief = newsfold.fold(newsfold.read(example_dir))
    path = tmp_path / "brief.json"
    path.write_text(newsfold.to_json(brief), encoding="utf-8")
    loaded = newsfold.load(path)
    assert newsfold.to_json(loaded) == newsfold.to_json(brief)
    (tmp_path / "other.json").write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InputError, match="not a newsfold brief JSON"):
        newsfold.load(tmp_path / "other.json")


def test_a_page_label_never_becomes_the_story_title():
    from newsfold.nlp.text import headline

    assert headline("Details") is None and headline("Latest news") is None and headline(None) is None
    assert headline("Ferry runs aground off Marrow Point") == "Ferry runs aground off Marrow Point"
    assert headline("Port Authority | Notices | Ferry runs aground off Marrow Point") == \
        "Ferry runs aground off Marrow Point"
    import newsfold

    text = ("The Velden ferry ran aground off Marrow Point on Friday, the port authority said. "
            "All 41 passengers were brought ashore by lifeboat crews.")
    brief = newsfold.fold([{"id": "a", "title": "Categories", "published": "2031-05-01", "text": text},
                           {"id": "b", "title": "Velden ferry aground, 41 rescued", "published": "2031-05-02",
                            "text": text.replace("Friday", "Friday night")}])
    assert brief.title == "Velden ferry aground, 41 rescued"


def test_fold_facts_are_the_folds_facts(example_dir, example_brief):
    # fold_facts (Python API): the same facts in the same order, without the rest of the fold.
    from newsfold.pipeline import fold_facts

    facts = fold_facts(newsfold.read(str(example_dir)))
    assert facts
    assert [(f.id, f.text, f.kind, f.support) for f in facts] == \
        [(f.id, f.text, f.kind, f.support) for f in example_brief.facts]


def test_parse_without_entities_keeps_tags_and_dependencies():
    from newsfold.nlp import spacy_model

    text = "Maria Lopez, the mayor of Harbor City, said on Monday that the bridge would reopen in May."
    spacy_model._cache.clear()  # a fresh text either way: both calls parse it
    lean = spacy_model.parse([text], entities=False)[0]
    spacy_model._cache.clear()
    full = spacy_model.parse([text])[0]
    assert not lean.ents and full.ents
    assert [(t.tag_, t.pos_, t.dep_, t.head.i) for t in lean] == [(t.tag_, t.pos_, t.dep_, t.head.i) for t in full]
    assert spacy_model.parse([text], entities=False)[0] is full  # a cached full parse is reused


def test_an_outlier_headline_is_not_the_story_title_even_when_earliest():
    import newsfold

    texts = ["The Velden ferry ran aground off Marrow Point on Friday, the port authority said.",
             "All 41 passengers of the Velden ferry were brought ashore by lifeboat crews on Friday night.",
             "Lifeboats from Marrow Point took passengers off the grounded ferry; nobody was hurt.",
             "A ferry carrying 41 people struck rocks near Marrow Point and was stuck for hours."]
    titles = {"a": ("How to choose a life jacket for your family", "2031-05-01"),
              "b": ("Velden ferry runs aground off Marrow Point", "2031-05-02"),
              "c": ("Ferry aground off Marrow Point, 41 passengers rescued", "2031-05-02"),
              "d": ("Velden ferry aground, all passengers rescued", "2031-05-03")}
    records = [{"id": key, "title": title, "published": day, "text": texts[n]}
               for n, (key, (title, day)) in enumerate(titles.items())]
    assert newsfold.fold(records, embedder="hashing").title == "Ferry aground off Marrow Point, 41 passengers rescued"
    # with the earliest headline in line with the others, the earliest stays the title
    records[0]["title"] = "Velden ferry aground off Marrow Point"
    assert newsfold.fold(records, embedder="hashing").title == "Velden ferry aground off Marrow Point"
