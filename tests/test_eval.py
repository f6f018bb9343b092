"""The evaluation itself: scores must move when a brief is worse."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from newsfold.errors import InputError
from newsfold.eval import evaluate
from newsfold.model import Article, Brief, Conflict, ConflictValue, Entity, Evidence, Fact, Quote, Removed, TimelineEvent

TEXT_A = "Byline here. The mayor closed the bridge on Monday. The ship lost steering."
TEXT_B = "The bridge was closed by the mayor. Engineers will inspect it."


def _brief() -> Brief:
    a = Article("a", TEXT_A, removed=[Removed(0, 12, "byline")])
    b = Article("b", TEXT_B)
    closed_a = TEXT_A.index("The mayor closed")
    closed_b = 0
    facts = [
        Fact("F1", "The mayor closed the bridge on Monday.", "consensus", 2, 2,
             [Evidence("a", closed_a, closed_a + 38), Evidence("b", closed_b, 35)]),
        Fact("F2", "The ship lost steering.", "unique", 1, 1,
             [Evidence("a", TEXT_A.index("The ship"), len(TEXT_A))]),
    ]
    return Brief(
        "Bridge", "2031-03-11", [a, b], facts,
        conflicts=[Conflict("K1", "number", "injured", [
            ConflictValue("14", [Evidence("a", 13, 20)]), ConflictValue("17", [Evidence("b", 0, 5)])])],
        quotes=[Quote("Q1", "closed the bridge", "Elena Sørby", [Evidence("a", 13, 30, speaker="Sorby")])],
        entities=[Entity("Elena Sørby", "PERSON", ["Elena Sørby", "Sorby"], ["a"], 2)],
        timeline=[TimelineEvent("2031-03-10", "the mayor closed the bridge", [Evidence("a", closed_a, closed_a + 38, as_written="on Monday")])],
    )


ANNOTATION = {
    "copies": [],
    "boilerplate": {"a": ["Byline here."]},
    "consensus": [{"id": "closed", "independent_sources": 2,
                   "evidence": {"a": "mayor closed the bridge", "b": "bridge was closed by the mayor"}}],
    "unique": [{"id": "steering", "evidence": {"a": "lost steering"}}],
    "distinct": [["closed", "steering"]],
    "conflicts": [{"kind": "number", "values": {"14": ["a"], "seventeen|17": ["b"]}}],
    "quotes": [{"contains": "closed the bridge", "speaker": "Elena Sorby", "speakers": {"a": "Elena Sørby"}}],
    "entities": [{"same": ["Elena Sørby", "Sorby"]}],
    "timeline": [{"date": "2031-03-10", "contains": ["closed"]}],
}


def test_perfect_brief_scores_one():
    scores = evaluate(ANNOTATION, _brief())
    assert all(value == 1.0 for value in scores.values()), scores


def test_split_consensus_fact_is_penalised():
    brief = _brief()
    first = brief.facts[0]
    brief.facts[0] = Fact("F1", first.text, "unique", 1, 1, first.support[:1])
    brief.facts.append(Fact("F3", "The bridge was closed", "unique", 1, 1, first.support[1:]))
    scores = evaluate(ANNOTATION, brief)
    assert scores["consensus_grouped"] == 0.0
    assert scores["consensus_source_recall"] == 0.5


def test_merged_facts_and_leaked_boilerplate_are_penalised():
    brief = _brief()
    brief.facts[0].support.append(copy.copy(brief.facts[1].support[0]))
    brief.facts[0].support.append(Evidence("a", 0, 12))
    scores = evaluate(ANNOTATION, brief)
    assert scores["distinct_kept_apart"] == 0.0
    assert scores["boilerplate_kept_out_of_facts"] == 0.0
    assert scores["evidence_valid"] < 1.0


def test_wrong_speaker_missing_conflict_and_wrong_date_are_penalised():
    brief = _brief()
    brief.quotes[0].speaker = "Tomas Reyes"
    brief.conflicts = []
    brief.timeline[0].date = "2031-03-11"
    brief.entities.append(Entity("Sorby", "PERSON", ["Sorby"], ["b"], 1))
    brief.entities[0].aliases = ["Elena Sørby"]
    scores = evaluate(ANNOTATION, brief)
    assert scores["quote_speaker"] == 0.0
    assert scores["conflicts_found"] == 0.0
    assert scores["timeline_found"] == 0.0
    assert scores["entities_merged"] == 0.0


def test_speaker_names_match_through_roles_and_entity_aliases():
    from newsfold.eval import _same_name

    brief = _brief()
    brief.entities.append(Entity("Singapore Civil Defence Force", "ORG", ["Singapore Civil Defence Force", "SCDF"], ["a"], 3))
    assert _same_name("SCDF spokesman", "SCDF")
    assert _same_name("SCDF", "Singapore Civil Defence Force", brief)
    assert not _same_name("SCDF", "Singapore Police Force", brief)
    assert not _same_name("Tomas Reyes", "Elena Sørby")
    assert not _same_name(None, "Elena Sørby") and _same_name(None, None)
    # a family name written first: "Mr Tan" is the alias "Tan" of "Tan Wei Ming"
    brief.entities.append(Entity("Tan Wei Ming", "PERSON", ["Tan Wei Ming", "Tan"], ["a"], 2))
    assert _same_name("Tan Wei Ming", "Mr Tan", brief)
    assert not _same_name("Tan Wei Ming", "Mr Lim", brief)


def test_entity_holder_reads_a_titled_form_as_the_cleaned_alias():
    from newsfold.eval import _entity_scores
    from newsfold.model import Brief, Entity

    brief = Brief(title="t", date=None, sources=[], facts=[], entities=[
        Entity(name="Foo Ho Chew", type="PERSON", aliases=["Foo Ho Chew", "Foo"], sources=["a"], mentions=2),
        Entity(name="Thaddeus Tan", type="PERSON", aliases=["Thaddeus Tan"], sources=["a"], mentions=1),
    ])
    scores = _entity_scores({"entities": [{"same": ["Foo Ho Chew", "Mr Foo"]}, {"same": ["Thaddeus Tan", "DPP Tan"]}]}, brief)
    assert scores["entities_merged"] == 0.5  # "DPP Tan" is no alias: no surname guessing here


# --- disputes and off-topic sources, on the shipped example story -----------

EXAMPLE_ANNOTATION = Path(__file__).parent / "annotations" / "harbor-bridge.json"


@pytest.fixture(scope="module")
def example_brief(example_dir):
    import newsfold

    return newsfold.fold(newsfold.read([str(example_dir)]))


def _example_annotation() -> dict:
    return json.loads(EXAMPLE_ANNOTATION.read_text(encoding="utf-8"))


def _span(brief, source: str, needle: str) -> Evidence:
    start = brief.source(source).text.index(needle)
    return Evidence(source, start, start + len(needle))


def test_example_disputes_are_all_real(example_brief):
    scores = evaluate(_example_annotation(), example_brief)
    assert scores["dispute_precision"] == 1.0, example_brief.conflicts
    assert scores["off_topic_f1"] == 1.0 and scores["off_topic_kept_out"] == 1.0


def test_a_dispute_with_an_unattributed_quote_is_a_false_alarm(example_brief):
    brief = copy.deepcopy(example_brief)
    real = len(brief.conflicts)
    quote = _span(brief, "northern-broadcast", "pulled two drivers out of the water")
    brief.conflicts.append(Conflict("K9", "attribution", "who said it", [
        ConflictValue("Ida Marsh", [quote]), ConflictValue("unattributed", [quote])]))
    assert evaluate(_example_annotation(), brief)["dispute_precision"] == round(real / (real + 1), 4)


def test_a_real_disagreement_counts_whatever_kind_it_is_filed_under(example_brief):
    brief = copy.deepcopy(example_brief)
    brief.conflicts = [Conflict("K1", "date", "injured", [
        ConflictValue("14 people", [_span(brief, "coastline-wire", "injuring 14 people")]),
        ConflictValue("seventeen people", [_span(brief, "northern-broadcast", "Seventeen people")])])]
    scores = evaluate(_example_annotation(), brief)
    assert scores["dispute_precision"] == 1.0
    assert scores["conflicts_found"] == 0.0  # recall still wants the kind right
    # one annotated value on both sides is no disagreement
    brief.conflicts[0].values[1] = ConflictValue("14", [_span(brief, "evening-post", "injured 14 people")])
    assert evaluate(_example_annotation(), brief)["dispute_precision"] == 0.0


def test_off_topic_sources_are_scored_by_f1_and_kept_out(example_brief):
    annotation = _example_annotation()
    brief = copy.deepcopy(example_brief)
    brief.source("evening-post").off_topic = True
    assert evaluate(annotation, brief)["off_topic_f1"] == 0.0  # a false flag
    annotation["off_topic"] = ["evening-post", "shipping-journal"]
    scores = evaluate(annotation, brief)
    assert scores["off_topic_f1"] == round(2 / 3, 4)
    assert scores["off_topic_kept_out"] == 0.0  # both are still cited
    for fact in brief.facts:
        fact.support = [e for e in fact.support if e.source != "evening-post"]
    for item in brief.quotes + brief.timeline:
        item.support = [e for e in item.support if e.source != "evening-post"]
    for conflict in brief.conflicts:
        for value in conflict.values:
            value.support = [e for e in value.support if e.source != "evening-post"]
    assert evaluate(annotation, brief)["off_topic_kept_out"] == 0.5


def test_an_unknown_off_topic_source_is_an_annotation_error(example_brief):
    with pytest.raises(InputError):
        evaluate({**_example_annotation(), "off_topic": ["no-such-source"]}, example_brief)


def test_a_conflict_value_is_read_with_the_noun_its_topic_names():
    from newsfold.eval_disputes import conflict_scores

    votes = Conflict("K1", "number", "vote", [ConflictValue("seven", [Evidence("a", 0, 5)]),
                                              ConflictValue("11", [Evidence("b", 0, 5)])])
    brief = Brief("Recount", "2031-03-11", [], conflicts=[votes])
    gold = {"conflicts": [{"kind": "number", "values": {"seven votes|7-vote": ["a"], "11-vote|11 votes": ["b"]}}]}
    assert conflict_scores(gold, brief) == {"conflicts_found": 1.0, "number_conflicts_precision": 1.0,
                                            "dispute_precision": 1.0}
    # a noun the topic does not name still has to be written in the value
    votes.topic = "seat"
    assert conflict_scores(gold, brief)["conflicts_found"] == 0.0


def test_a_site_s_short_name_is_found_without_its_possessive():
    from newsfold.eval import _entity_scores

    site = Entity("St Bevan's General Hospital", "FAC", ["St Bevan's General Hospital", "St Bevan"], ["a"], 2)
    brief = Brief("Outbreak", "2031-03-11", [], entities=[site])
    gold = {"entities": [{"same": ["St Bevan's General Hospital", "St Bevan's"]}]}
    assert _entity_scores(gold, brief)["entities_merged"] == 1.0
    site.aliases = ["St Bevan's General Hospital"]
    assert _entity_scores(gold, brief)["entities_merged"] == 0.0
