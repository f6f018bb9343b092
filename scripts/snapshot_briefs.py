#!/usr/bin/env python
"""Fold a fixed set of real stories and write each brief's JSON, to check that a
refactor changes no output.

    python scripts/snapshot_briefs.py OUT_DIR [--quick]       # write the briefs
    python scripts/snapshot_briefs.py OUT_DIR --against BEFORE  # write, then diff

The stories: the shipped example, the Kosovo story and multi-article stories of
the shared LocalNews and Giveme5W1H dev files (largest first, up to 45
articles), never one of held-out half B, where the blind annotated sets are
drawn (``heldout2``, ``heldout3``), nor a story a later blind set names
(``heldout4``, ``heldout5`` of half A, ``heldout6`` of the dev split; it is
left out, not replaced, so an older snapshot still compares): a refactor check
must not print their briefs.
``--quick`` takes ten of them. Needs ../shared for all but the example.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))

from newsfold.eval_inject import split_of
from newsfold.eval_speakers import half_of
from newsfold.pipeline import fold
from newsfold.readers import read_inputs
from newsfold.readers.files import article_from_record
from newsfold.render.json_out import render_json


# blind sets drawn outside held-out half B (half A, then the dev split): their stories are read by id only
BLIND_LATER = tuple(REPO / "tests" / "annotations" / name for name in ("heldout4", "heldout5", "heldout6"))


def blind_stories() -> set[str]:
    """Story ids the later blind sets name (``data.story``; nothing else is read)."""
    named = set()
    for folder in BLIND_LATER:
        for path in folder.glob("*.json"):
            data = json.loads(path.read_text(encoding="utf-8")).get("data") or {}
            if isinstance(data, dict) and data.get("story"):
                named.add(data["story"])
    return named


def stories(quick: bool) -> dict[str, list]:
    blind = blind_stories()
    found = {"harbor-bridge": read_inputs([str(REPO / "examples" / "harbor-bridge")]).articles}
    if (SHARED / "kosovo-2023-05-30").is_dir():
        found["kosovo"] = read_inputs([str(SHARED / "kosovo-2023-05-30")]).articles
    for name, count in (("newscope_localnews", 26), ("giveme5w1h", 10)):
        path = SHARED / name / "dev.jsonl"
        if not path.is_file():
            continue
        records: dict[str, list[dict]] = {}
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            records.setdefault(record["story"], []).append(record)
        readable = [s for s in records if not (split_of(s) == "heldout" and half_of(s) == "B")]
        largest = sorted(readable, key=lambda s: (-len(records[s]), s))[:count]
        for story in largest:
            if not 2 <= len(records[story]) <= 45 or story in blind:
                continue
            problems: list[str] = []
            articles = [article_from_record(r, default_id=str(i), origin=str(path), where=f"{path}:{i}",
                                            problems=problems) for i, r in enumerate(records[story])]
            found[story] = [a for a in articles if a is not None]
    if quick:
        names = list(found)
        found = {n: found[n] for n in names[:2] + names[-4:] + names[8:12]}
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--quick", action="store_true", help="ten stories instead of all")
    parser.add_argument("--against", type=Path, help="a folder written before: diff each brief with it")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    args.out.mkdir(parents=True, exist_ok=True)
    changed = 0
    started = time.perf_counter()
    for name, articles in stories(args.quick).items():
        # Paths differ between checkouts; the briefs are compared without them.
        text = render_json(fold(articles)).replace(str(SHARED), "SHARED").replace(str(REPO), "REPO")
        (args.out / f"{name}.json").write_text(text, encoding="utf-8")
        verdict = ""
        if args.against:
            before_path = args.against / f"{name}.json"
            before = before_path.read_text(encoding="utf-8") if before_path.exists() else ""
            if before != text:
                changed += 1
                verdict = " CHANGED"
                diff = difflib.unified_diff(before.splitlines(), text.splitlines(), "before", "after", n=1, lineterm="")
                print("\n".join(list(diff)[:40]))
        print(f"{name}: {len(articles)} articles{verdict}", flush=True)
    print(f"{time.perf_counter() - started:.0f} s; {changed} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
