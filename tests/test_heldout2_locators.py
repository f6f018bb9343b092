"""The second held-out set (tests/annotations/heldout2/) is well formed.

Only reading: the stories' records are read as newsfold reads them
(``newsfold.eval.load_story``, the articles the evaluation folds) and every
locator is looked up in those texts; no brief is made, so these tests never
show how newsfold does on the set. Skips when ../shared is absent.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from newsfold.eval import load_story
from newsfold.eval_inject import split_of
from newsfold.eval_speakers import half_of

ANNOTATIONS = Path(__file__).parent / "annotations"
HELDOUT2 = ANNOTATIONS / "heldout2"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from check_annotations import problems  # noqa: E402  (scripts/ is not a package)

PATHS = sorted(HELDOUT2.glob("*.json"))


def test_the_set_has_its_six_stories():
    assert len(PATHS) == 6
    stories = [json.loads(p.read_text(encoding="utf-8"))["data"]["story"] for p in PATHS]
    assert len(set(stories)) == 6


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_every_locator_resolves_in_the_text_newsfold_reads(path, shared_data, monkeypatch):
    monkeypatch.setenv("NEWSFOLD_SHARED_DATA", str(shared_data))
    annotation = json.loads(path.read_text(encoding="utf-8"))
    articles = load_story(annotation, path.parent)
    texts = {article.id: article.text for article in articles}
    assert problems(annotation, texts) == []
    assert annotation["story"] == path.stem and annotation["note"].startswith("HELD-OUT set 2")


def test_the_stories_are_the_first_of_the_rule(shared_data):
    """Unannotated dev stories of 4-8 articles in held-out half B, in
    sha1("heldout2:" + story) order: the set holds the first ones of that order."""
    elsewhere: set[str] = set()
    for path in ANNOTATIONS.rglob("*.json"):
        if HELDOUT2 in path.parents or ANNOTATIONS / "boilerplate" in path.parents:
            continue
        data = json.loads(path.read_text(encoding="utf-8")).get("data") or {}
        if isinstance(data, dict) and data.get("story"):
            elsewhere.add(data["story"])
    sizes: Counter[str] = Counter()
    for name in ("newscope_localnews/dev.jsonl", "giveme5w1h/dev.jsonl"):
        with open(shared_data / name, encoding="utf-8") as handle:
            sizes.update(json.loads(line)["story"] for line in handle)
    order = sorted(
        (s for s, n in sizes.items()
         if 4 <= n <= 8 and s not in elsewhere and split_of(s) == "heldout" and half_of(s) == "B"),
        key=lambda s: hashlib.sha1(("heldout2:" + s).encode()).hexdigest(),
    )
    chosen = {json.loads(p.read_text(encoding="utf-8"))["data"]["story"] for p in PATHS}
    assert chosen == set(order[: len(chosen)])
