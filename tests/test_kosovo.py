"""The shared Kosovo story, as a new user runs it: the "done when" lists of the
brief (issue 3) and cross-source analysis (issue 4). Skips without ../shared."""
from __future__ import annotations

import json

import pytest

from newsfold.cli import main

from .helpers import assert_brief_rules, assert_evidence_round_trips, assert_valid_json_brief


@pytest.fixture(scope="module")
def brief_json(kosovo_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("kosovo") / "brief.json"
    assert main(["brief", str(kosovo_dir), "-o", str(out), "--quiet"]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def brief(brief_json):
    from newsfold.render.json_out import brief_from_dict

    return brief_from_dict(brief_json)


def _facts_with(brief, words):
    texts = {s.id: s.text for s in brief.sources}
    return [f for f in brief.facts
            if any(all(w in texts[e.source][e.start:e.end].lower() for w in words) for e in f.support)]


def test_schema_rules_and_evidence(brief_json, brief):
    assert_valid_json_brief(brief_json)
    assert_evidence_round_trips(brief)
    assert_brief_rules(brief)


def test_the_two_near_identical_reports_are_one_wire_story(brief):
    copies = {s.id: s.copy_of for s in brief.sources if s.copy_of}
    assert len(copies) == 1 and set(copies.items()) <= {("004", "001"), ("001", "004")}


def test_700_more_troops_is_consensus_of_four_independent_sources(brief):
    troops = _facts_with(brief, ["700"])
    top = max(troops, key=lambda f: f.independent_sources)
    assert top.kind == "consensus" and top.independent_sources == 4


@pytest.mark.parametrize("words", [["battalion"], ["30", "soldiers"], ["unacceptable and must stop"]])
def test_key_facts_are_consensus(brief, words):
    assert any(f.kind == "consensus" for f in _facts_with(brief, words)), words


def test_no_boilerplate_in_any_fact(brief):
    texts = {s.id: s.text for s in brief.sources}
    cited = " ".join(texts[e.source][e.start:e.end] for f in brief.facts for e in f.support)
    for boilerplate in ["Source: TRT", "Source: Kathimerini", "is a journalist at", "AP Photo", "(@AFP)"]:
        assert boilerplate not in cited


def test_injured_protesters_are_disputed(brief):
    numbers = [c for c in brief.conflicts if c.kind == "number"]
    values = {v.value for c in numbers for v in c.values}
    assert "52" in values and "more than 53" in values


def test_cannot_afford_quote_is_borrells_where_named_and_no_dispute(brief):
    quote = next(q for q in brief.quotes if "cannot afford another conflict" in q.text.lower())
    by_source = {e.source: e.speaker for e in quote.support}
    assert by_source["002"] == "Josep Borrell"
    assert by_source["000"] is None
    assert quote.speaker == "Josep Borrell"
    assert not any(c.kind == "attribution" for c in brief.conflicts)


def test_unacceptable_is_stoltenbergs(brief):
    quote = next(q for q in brief.quotes if "unacceptable and must stop" in q.text.lower())
    assert quote.speaker == "Jens Stoltenberg"


def test_one_name_for_vucic_and_zvecan(brief):
    def holder(alias):
        return [e.name for e in brief.entities if alias in e.aliases]
    assert holder("Vučić") == holder("Vucic") == holder("Alexander Vucic") and len(holder("Vucic")) == 1
    assert holder("Zvecan") == holder("Zvečan") and len(holder("Zvecan")) == 1


@pytest.mark.parametrize("date,word", [("2023-05-29", "clash"), ("2023-05-30", "700"),
                                       ("2008", "independence"), ("2023-04", "election")])
def test_timeline(brief, date, word):
    texts = {s.id: s.text for s in brief.sources}
    assert any(e.date == date and (word in e.text.lower() or any(
        word in texts[s.source][s.start:s.end].lower() for s in e.support)) for e in brief.timeline)
