"""The off-topic benchmark's distractor kinds: generated, from other events, distinct."""
from __future__ import annotations

import json

import numpy as np
import pytest

from newsfold.eval_offtopic import KINDS, build_cases, case_articles, linked_stories, score_cases

WORDS = ("fire", "flood", "court", "vote", "lottery")


def _record(story: str, n: int, text: str, published: str = "2031-03-14") -> dict:
    return {"id": f"{story}-{n}", "story": story, "title": text.split(".")[0], "text": text,
            "published": published, "labels": {}}


def _embed(texts):
    # one axis per topic word: a lead is nearest the leads that share its word
    rows = np.asarray([[float(w in t.lower()) for w in WORDS] + [0.1] for t in texts])
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


RECORDS = [
    *(_record("fire", n, f"A fire broke out at a depot in Valmora. Crews from Northgate came, Mayor Lindqvist said {n}.") for n in range(3)),
    _record("flood", 0, "A flood hit homes in Valmora. Residents of Valmora left."),
    _record("court", 0, "A court in Calden heard the Northgate case. Mayor Lindqvist spoke."),
    _record("vote", 0, "A vote on the fire safety bill passed in Calden.", published="2030-01-01"),
    _record("vote", 1, "The fire safety vote in Calden drew critics. The fire code changes.", published="2030-01-01"),
]


def test_each_kind_takes_another_article_of_another_event():
    cases = build_cases(RECORDS, kinds=KINDS, embed=_embed)
    by_kind = {c.kind: c for c in cases if c.story == "fire"}
    assert set(by_kind) == set(KINDS)
    single = [by_kind[k].distractor["id"] for k in ("names", "nearest", "place")]
    assert len(set(single)) == 3 and not any(i.startswith("fire-") for i in single)
    assert by_kind["names"].distractor["story"] == "court"  # shares the most names
    assert by_kind["place"].distractor["story"] == "flood"  # shares the town, "in Valmora"
    assert by_kind["nearest"].distractor["story"] == "vote"  # leads on a fire, another event
    assert [d["id"] for d in by_kind["pair"].distractors] == single[:2]
    assert by_kind["unchanged"].distractors == []


def test_nearest_needs_an_embedder():
    kinds = {c.kind for c in build_cases(RECORDS, kinds=KINDS)}
    assert "nearest" not in kinds and "pair" not in kinds and "names" in kinds


def test_distractors_are_spread_and_scored_per_distractor():
    case = next(c for c in build_cases(RECORDS, kinds=("pair",), embed=_embed) if c.story == "fire")
    rows = {r["id"]: r for r in RECORDS}
    ids = [a.id for a in case_articles(case, rows)]
    assert len(ids) == 5 and ids[0].startswith("fire") and ids[-1].startswith("fire")
    assert sum(i.startswith("distractor-") for i in ids) == 2
    one = next(i for i in ids if i.startswith("distractor-"))
    scores = score_cases([case], rows, lambda articles: {one, "fire-0"})
    assert scores["distractor_recall"] == 0.5 and scores["false_alarms"] == pytest.approx(1 / 3)
    assert scores["clean_cases"] == 0.0


@pytest.mark.shared
def test_every_kind_draws_from_other_events_on_real_data(shared_data):
    path = shared_data / "giveme5w1h" / "dev.jsonl"
    if not path.exists():
        pytest.skip("giveme5w1h is not present")
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle]
    linked = linked_stories(records)
    cases = build_cases(records, "dev", ("names", "place"))
    assert {c.kind for c in cases} == {"names", "place"}
    assert all(d["story"] not in linked[c.story] | {c.story} for c in cases for d in c.distractors)
