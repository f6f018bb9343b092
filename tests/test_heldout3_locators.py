"""The third held-out set (tests/annotations/heldout3/) is well formed.

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
HELDOUT3 = ANNOTATIONS / "heldout3"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from check_annotations import problems  # noqa: E402  (scripts/ is not a package)

PATHS = sorted(HELDOUT3.glob("*.json"))
# taken in the rule's order but not annotated: each is more than one event (README.md)
SKIPPED = {"localnews-110", "g5w-gnews-vegas-shooting"}


def _annotation(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_set_has_its_four_stories():
    assert len(PATHS) == 4
    stories = [_annotation(p)["data"]["story"] for p in PATHS]
    assert len(set(stories)) == 4 and not set(stories) & SKIPPED


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_every_locator_resolves_in_the_text_newsfold_reads(path, shared_data, monkeypatch):
    monkeypatch.setenv("NEWSFOLD_SHARED_DATA", str(shared_data))
    annotation = _annotation(path)
    articles = load_story(annotation, path.parent)
    texts = {article.id: article.text for article in articles}
    assert problems(annotation, texts) == []
    assert annotation["story"] == path.stem and annotation["note"].startswith("HELD-OUT set 3")


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_no_evidence_points_into_an_off_topic_source_or_a_boilerplate_locator(path, shared_data, monkeypatch):
    monkeypatch.setenv("NEWSFOLD_SHARED_DATA", str(shared_data))
    annotation = _annotation(path)
    texts = {article.id: article.text for article in load_story(annotation, path.parent)}
    off_topic = set(annotation.get("off_topic", []))
    boilerplate = {
        source: [(texts[source].find(n), texts[source].find(n) + len(n)) for n in needles]
        for source, needles in annotation.get("boilerplate", {}).items()
    }
    for item in annotation.get("consensus", []) + annotation.get("unique", []):
        for source, needle in item["evidence"].items():
            assert source not in off_topic, item["id"]
            start = texts[source].find(needle)
            end = start + len(needle)
            assert not any(b0 < end and start < b1 for b0, b1 in boilerplate.get(source, [])), item["id"]


def test_the_stories_are_the_first_of_the_rule(shared_data):
    """Unannotated dev stories of 3-12 articles in held-out half B, in
    sha1("heldout3:" + story) order: the set and the skipped stories are the
    first ones of that order."""
    elsewhere: set[str] = set()
    for path in ANNOTATIONS.rglob("*.json"):
        if HELDOUT3 in path.parents or ANNOTATIONS / "boilerplate" in path.parents:
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
         if 3 <= n <= 12 and s not in elsewhere and split_of(s) == "heldout" and half_of(s) == "B"),
        key=lambda s: hashlib.sha1(("heldout3:" + s).encode()).hexdigest(),
    )
    chosen = {_annotation(p)["data"]["story"] for p in PATHS}
    assert chosen | SKIPPED == set(order[: len(chosen) + len(SKIPPED)])
