"""fold() end to end on the shipped example: contracts, rules and quality floors."""
from __future__ import annotations

import json

import pytest

import newsfold
from newsfold.model import Article
from newsfold.render import to_json

from .helpers import assert_brief_rules, assert_evidence_round_trips, assert_valid_json_brief


@pytest.fixture(scope="module")
def example_brief(example_dir):
    return newsfold.fold(newsfold.read(str(example_dir)))


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
