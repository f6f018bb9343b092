#!/usr/bin/env python
"""Off-topic benchmark: a real article of another story slipped into each real story.

    python scripts/eval_offtopic.py [--split dev|heldout] [--cases] [--json] [FILE ...]

Reads ``newscope_localnews/dev.jsonl`` and ``giveme5w1h/dev.jsonl`` (or FILEs;
distractors come from the same file as their story), builds one case per event
story of the half (``--split``, default dev; score ``heldout`` only at the
end), screens it (clean, split, copies, relevance: what ``pipeline.prepare``
runs before parsing) and prints distractor recall and false alarms.
``--cases`` lists each case. See ``newsfold.eval_offtopic``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.eval_offtopic import build_cases, score_cases, screen
from newsfold.model import Article

SHARED = Path(os.environ.get("NEWSFOLD_SHARED_DATA", REPO.parent / "shared" / "data"))
DEFAULT_FILES = [SHARED / "newscope_localnews" / "dev.jsonl", SHARED / "giveme5w1h" / "dev.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--cases", action="store_true", help="print each case and its outcome")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    totals: dict[str, dict[str, float]] = {}
    for path in args.files or DEFAULT_FILES:
        if not path.exists():
            print(f"skipped {path}: missing", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        rows = {r["id"]: r for r in records}
        cases = build_cases(records, args.split)

        def run(articles: list[Article]) -> set[str]:
            flagged = screen(articles, args.embedder)
            if args.cases:
                distractor = next(a for a in articles if a.id.startswith("distractor-"))
                mark = "caught" if distractor.id in flagged else "MISSED"
                wrong = sorted(flagged - {distractor.id})
                print(f"  {mark:<7} {articles[0].id.rsplit('-', 1)[0]:<26} + {distractor.id[11:]:<22}"
                      f" {(distractor.title or '')[:60]!r}" + (f"  FALSE ALARMS {wrong}" if wrong else ""),
                      file=sys.stderr)
            return flagged

        totals[path.parent.name] = score_cases(cases, rows, run)
    if args.json:
        print(json.dumps(totals, indent=2))
        return
    for name, scores in totals.items():
        print(f"{name} ({args.split}): " + ", ".join(
            f"{k} {v:.0f}" if k == "cases" else f"{k} {v:.3f}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
