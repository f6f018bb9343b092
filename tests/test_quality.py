"""Pinned quality floors: a change that makes briefs worse fails here.

Every annotated story in tests/annotations/ (dev: the example, Kosovo and
three real stories used while building) and tests/annotations/heldout/ (three
real stories annotated without looking at the tool's output, never tuned on)
is folded and scored with newsfold.eval. The floors sit a little under what
`python scripts/eval_briefs.py` measured; raise them when briefs get better.
Stories whose data lives in ../shared skip cleanly when it is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsfold
from newsfold.eval import evaluate, load_story

from .helpers import assert_brief_rules, assert_evidence_round_trips

ANNOTATIONS = Path(__file__).parent / "annotations"

# Every story must keep these, whatever it is.
ALWAYS = {"evidence_valid": 1.0}

# FLOORS[story][score]; measured values are in the README's Quality section.
FLOORS: dict[str, dict[str, float]] = {}


def _annotations():
    return sorted(ANNOTATIONS.glob("*.json")) + sorted((ANNOTATIONS / "heldout").glob("*.json"))


@pytest.fixture(scope="module")
def scored():
    cache: dict[str, tuple] = {}

    def score(path: Path):
        if path.stem not in cache:
            annotation = json.loads(path.read_text(encoding="utf-8"))
            try:
                articles = load_story(annotation, path.parent)
            except (newsfold.NewsfoldError, OSError) as exc:
                pytest.skip(f"data for {path.stem} is not available: {exc}")
            brief = newsfold.fold(articles)
            cache[path.stem] = (brief, evaluate(annotation, brief))
        return cache[path.stem]

    return score


@pytest.mark.parametrize("path", _annotations(), ids=lambda p: p.stem)
def test_quality_floors(path, scored):
    brief, scores = scored(path)
    assert_evidence_round_trips(brief)
    assert_brief_rules(brief)
    floors = {**ALWAYS, **FLOORS.get(path.stem, {})}
    low = {key: (scores[key], floor) for key, floor in floors.items() if scores[key] < floor}
    assert not low, f"{path.stem}: below floor (measured, floor): {low}\nall scores: {scores}"


def test_every_annotation_has_floors():
    missing = [p.stem for p in _annotations() if p.stem not in FLOORS]
    assert not missing, f"pin floors for: {missing}"
