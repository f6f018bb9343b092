#!/usr/bin/env python
"""Check that an annotation's locator strings stand in its story's raw texts.

    python scripts/check_annotations.py [ANNOTATION ...]     # default: tests/annotations/heldout{2,3,4,5,6}/*.json

Pure reading: the story's records are read from ../shared/data as plain JSON,
or, for an annotation whose ``data`` names a ``path`` (an invented story in
the repo), each file of that folder as raw text, id = file name without its
extension, a page without its tags (no newsfold stage runs, no brief is made), so an annotation can
be checked while it is written blind. Checked, for every annotation:

- evidence strings (consensus, unique) and boilerplate strings are exact
  substrings of the named source's text;
- every source id named anywhere (copies, off_topic, conflicts, quotes) is a
  record of the story;
- a quote's ``contains`` stands in each source it names (folded as newsfold.eval
  folds it), entity names stand in some text of the story, a timeline entry's
  words stand in some text, and ``distinct`` pairs name annotated facts.

Prints one line per problem and exits 1 when there is any.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.nlp.text import plain  # the same folding as newsfold.eval


def shared_data() -> Path:
    return Path(os.environ.get("NEWSFOLD_SHARED_DATA", REPO.parent / "shared" / "data"))


def story_texts(annotation: dict, shared: Path) -> dict[str, str]:
    """Source id -> raw text of the records (or the files) the annotation's ``data`` block names."""
    data = annotation["data"]
    texts: dict[str, str] = {}
    if "path" in data:
        folder = REPO / data["path"]
        for file in sorted(folder.iterdir()) if folder.is_dir() else []:
            raw = file.read_text(encoding="utf-8")
            # a page's words as a reader sees them: tags dropped, entities read
            texts[file.stem] = html.unescape(re.sub(r"<[^>]+>", "", raw)) if file.suffix in (".html", ".htm") else raw
        return texts
    with open(shared / data["file"], encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("story") == data["story"]:
                texts[str(record["id"])] = record.get("text") or ""
    return texts


def _fold(text: str) -> str:
    return " ".join(plain(text).split())


def problems(annotation: dict, texts: dict[str, str]) -> list[str]:
    """Every locator of ``annotation`` that does not resolve in ``texts``."""
    found: list[str] = []

    def known(source: str, where: str) -> bool:
        if source not in texts:
            found.append(f"{where}: source {source!r} is not a record of the story")
            return False
        return True

    def exact(source: str, needle: str, where: str) -> None:
        if known(source, where) and needle not in texts[source]:
            found.append(f"{where}: {needle!r} is not in {source}")

    fact_ids = set()
    for kind in ("consensus", "unique"):
        for item in annotation.get(kind, []):
            fact_ids.add(item["id"])
            if kind == "unique" and len(item["evidence"]) != 1:
                found.append(f"unique {item['id']}: needs exactly one source")
            if kind == "consensus" and len(item["evidence"]) < 2:
                found.append(f"consensus {item['id']}: needs two sources or more")
            for source, needle in item["evidence"].items():
                exact(source, needle, f"{kind} {item['id']}")
    for pair in annotation.get("distinct", []):
        for fact in pair:
            if fact not in fact_ids:
                found.append(f"distinct {pair}: {fact!r} is no annotated fact")
    for source, strings in annotation.get("boilerplate", {}).items():
        for needle in strings:
            exact(source, needle, "boilerplate")
    for group in annotation.get("copies", []):
        for source in group:
            known(source, "copies")
    for source in annotation.get("off_topic", []):
        known(source, "off_topic")
    for conflict in annotation.get("conflicts", []):
        for value, sources in conflict["values"].items():
            for source in sources:
                if known(source, f"conflict value {value!r}") and not any(
                    _fold(v) in _fold(texts[source]) for v in value.split("|")
                ):
                    found.append(f"conflict value {value!r}: no spelling of it in {source}")
    for quote in annotation.get("quotes", []):
        for source in quote.get("speakers", {}):
            if known(source, f"quote {quote['contains']!r}") and _fold(quote["contains"]) not in _fold(texts[source]):
                found.append(f"quote {quote['contains']!r} is not in {source}")
    return found + _name_problems(annotation, texts)


def _name_problems(annotation: dict, texts: dict[str, str]) -> list[str]:
    """Entity names and timeline words that stand in no text of the story (typos)."""
    found: list[str] = []
    everything = _fold(" ".join(texts.values()))
    for item in annotation.get("entities", []):
        for name in item["same"]:
            if _fold(name) not in everything:
                found.append(f"entity {name!r} is in no text of the story")
    for pair in annotation.get("distinct_entities", []):
        for name in pair:
            if _fold(name) not in everything:
                found.append(f"distinct entity {name!r} is in no text of the story")
    for entry in annotation.get("timeline", []):
        if not any(_fold(word) in everything for word in entry["contains"]):
            found.append(f"timeline {entry['date']}: none of {entry['contains']} is in the story")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="*", type=Path,
                        help="annotation files (default: tests/annotations/heldout{2,3,4,5,6}/*.json)")
    args = parser.parse_args()
    names = ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6")
    blind_sets = [REPO / "tests" / "annotations" / name for name in names]
    paths = args.annotations or [p for folder in blind_sets for p in sorted(folder.glob("*.json"))]
    shared = shared_data()
    if not shared.exists():
        print(f"no shared data at {shared}", file=sys.stderr)
        return 1
    bad = 0
    for path in paths:
        try:
            annotation = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read this annotation ({error}); give a JSON annotation file")
            bad += 1
            continue
        texts = story_texts(annotation, shared)
        if not texts:
            data = annotation.get("data", {})
            print(f"{path.name}: no records of story {data.get('story') or data.get('path')!r}")
            bad += 1
            continue
        for line in problems(annotation, texts):
            print(f"{path.name}: {line}")
            bad += 1
        print(f"{path.name}: {len(texts)} sources checked", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
