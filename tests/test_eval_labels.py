"""Boilerplate removal scored against NEWSCOPE paragraph labels, and the off-topic benchmark's cases."""
from __future__ import annotations

import json

import pytest

from newsfold.eval_labels import Tally, paragraph_spans, score_cleaning, split_of
from newsfold.eval_offtopic import build_cases, linked_stories, score_cases, screen
from newsfold.model import Removed
from newsfold.stages.clean import clean


def test_paragraph_spans_skip_the_newlines_the_labels_lack():
    text = "Headline\nFirst para here.\nSecond."
    spans = paragraph_spans(text, [{"text": "HeadlineFirst para here.", "relevant": 1}, {"text": "Second.", "relevant": 0}])
    assert spans is not None
    assert [(text[s.start:s.end], s.relevant) for s in spans] == [("Headline\nFirst para here.", True), ("Second.", False)]
    assert paragraph_spans(text, [{"text": "x" * 60, "relevant": 1}]) is None  # labels of another text


def test_tally_counts_removed_paragraphs():
    text = "Reporting line one.\nRead more: elsewhere\nReporting two."
    spans = paragraph_spans(text, [{"text": "Reporting line one.", "relevant": 1},
                                   {"text": "Read more: elsewhere", "relevant": 0},
                                   {"text": "Reporting two.", "relevant": 1}])
    assert spans is not None
    tally = Tally()
    tally.add(text, spans, [Removed(20, 40, "promo")])
    scores = tally.scores()
    assert scores["irrelevant_removed"] == 1.0 and scores["relevant_kept"] == 1.0 and scores["removed_precision"] == 1.0


def test_split_keeps_stories_that_share_an_article_together():
    assert split_of({"story": "localnews-205", "labels": {"also_in_story": ["localnews-11"]}}) == split_of(
        {"story": "localnews-11", "labels": {}})


def _records(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.shared
def test_cleaning_floor_on_labelled_dev_paragraphs(shared_data):
    path = shared_data / "newscope_localnews" / "dev.jsonl"
    if not path.exists():
        pytest.skip("newscope_localnews is not present")
    scores = score_cleaning([r for r in _records(path) if split_of(r) == "dev"], clean)
    # Measured 0.336 / 0.991 / 0.833 (scripts/eval_labels.py); main was 0.277 / 0.992 / 0.825.
    # Then 0.353 / 0.986 / 0.778 once helpline boxes go (session 18): two labelled
    # "paragraphs" hold a story's closing lines and the helpline box under them as one,
    # labelled relevant; the story's lines are all kept, but most of the characters
    # (the box) are removed, so each counts as a relevant paragraph removed. The
    # line-level labels of scripts/eval_boilerplate.py score the same lines as
    # boilerplate (half A: removed 0.952 -> 0.983, removal precision 1.000).
    assert scores["irrelevant_removed"] >= 0.32
    assert scores["relevant_kept"] >= 0.985
    assert scores["removed_precision"] >= 0.77


@pytest.mark.shared
def test_benchmark_distractors_come_from_other_events(shared_data):
    path = shared_data / "giveme5w1h" / "dev.jsonl"
    if not path.exists():
        pytest.skip("giveme5w1h is not present")
    records = _records(path)
    linked = linked_stories(records)
    assert "g5w-gold-tram-victims" in linked["g5w-gold-tram"]
    cases = build_cases(records)
    assert cases and all(c.distractor["story"] not in linked[c.story] | {c.story} for c in cases)
    assert not any(c.story.startswith("g5w-gnews") for c in cases)  # topics, not events


@pytest.mark.shared
def test_off_topic_benchmark_floor(shared_data):
    scores: dict[str, float] = {"caught": 0, "cases": 0, "alarms": 0}
    for name, limit in (("giveme5w1h", None), ("newscope_localnews", 6)):
        path = shared_data / name / "dev.jsonl"
        if not path.exists():
            pytest.skip(f"{name} is not present")
        records = _records(path)
        cases = build_cases(records, "dev")[:limit]
        result = score_cases(cases, {r["id"]: r for r in records}, screen)
        scores["caught"] += result["distractor_recall"] * result["cases"]
        scores["cases"] += result["cases"]
        scores["alarms"] += result["false_alarms"]
    # 9 of these 10 distractors flagged, no true source (main: 8 of 10; the whole dev benchmark
    # in scripts/eval_offtopic.py, every distractor kind: 0.854 recall, 0.006 false alarms).
    assert scores["caught"] / scores["cases"] >= 0.85
    assert scores["alarms"] <= 0.02


@pytest.mark.shared
@pytest.mark.slow
def test_off_topic_benchmark_floor_for_two_distractors_at_once(shared_data):
    """The ``pair`` kind: a name-sharing and a nearest-by-embedding distractor in
    one story; where both are articles of one other event they retell each other."""
    from newsfold.nlp.embed import get_embedder

    path = shared_data / "newscope_localnews" / "dev.jsonl"
    if not path.exists():
        pytest.skip("newscope_localnews is not present")
    records = _records(path)
    cases = build_cases(records, "dev", ("pair",), get_embedder("minilm").embed)[:12]
    result = score_cases(cases, {r["id"]: r for r in records}, screen)
    # these 12 cases: 24 distractors, 17 flagged when each source was weighed against every
    # other only, 20 with the core pass (scripts/eval_offtopic.py, all 37: 0.716 -> 0.838)
    assert result["distractor_recall"] >= 20 / 24
    assert result["false_alarms"] <= 0.02
