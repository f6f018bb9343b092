#!/usr/bin/env python
"""Off-topic benchmark: real articles of other stories slipped into each real story.

    python scripts/eval_offtopic.py [--split dev|heldout] [--kinds names,nearest,...] [--cases] [--json] [FILE ...]

Reads ``newscope_localnews/dev.jsonl`` and ``giveme5w1h/dev.jsonl`` (or FILEs;
distractors come from the same file as their story), builds one case per
event story of the half and distractor kind (``--split``, default dev; score
``heldout`` only at the end), screens it (clean, split, copies, relevance:
what ``pipeline.prepare`` runs before parsing) and prints distractor recall
and false alarms per kind (``unchanged``: the story alone, false alarms only).
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

from newsfold.eval_offtopic import KINDS, build_cases, score_cases, screen
from newsfold.model import Article
from newsfold.nlp.embed import get_embedder

SHARED = Path(os.environ.get("NEWSFOLD_SHARED_DATA", REPO.parent / "shared" / "data"))
DEFAULT_FILES = [SHARED / "newscope_localnews" / "dev.jsonl", SHARED / "giveme5w1h" / "dev.jsonl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--split", choices=["dev", "heldout"], default="dev")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated, of {', '.join(KINDS)}")
    parser.add_argument("--cases", action="store_true", help="print each case and its outcome")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    if unknown := set(kinds) - set(KINDS):
        parser.error(f"unknown kinds {sorted(unknown)}; choose from {', '.join(KINDS)}")
    embedder = get_embedder(args.embedder)
    totals: dict[str, dict[str, float]] = {}
    for path in args.files or DEFAULT_FILES:
        if not path.exists():
            print(f"skipped {path}: missing", file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle]
        rows = {r["id"]: r for r in records}
        cases = build_cases(records, args.split, kinds, embedder.embed)
        for kind in kinds:
            chosen = [c for c in cases if c.kind == kind]
            if chosen:
                totals[f"{path.parent.name} {kind}"] = score_cases(chosen, rows, _screen(args, kind))
    if args.json:
        print(json.dumps(totals, indent=2))
        return
    for name, scores in totals.items():
        shown = {k: v for k, v in scores.items() if not (name.endswith("unchanged") and k != "false_alarms"
                                                          and k != "cases")}
        print(f"{name} ({args.split}): " + ", ".join(
            f"{k} {v:.0f}" if k == "cases" else f"{k} {v:.3f}" for k, v in shown.items()))


def _screen(args: argparse.Namespace, kind: str):
    def run(articles: list[Article]) -> set[str]:
        flagged = screen(articles, args.embedder)
        if args.cases:
            planted = [a for a in articles if a.id.startswith("distractor-")]
            story = next(a for a in articles if not a.id.startswith("distractor-")).id.rsplit("-", 1)[0]
            wrong = sorted(flagged - {a.id for a in planted})
            marks = [("caught " if a.id in flagged else "MISSED ") + f"{a.id[11:]} {(a.title or '')[:50]!r}"
                     for a in planted] or ["-"]
            print(f"  {kind:<9} {story:<22} " + "; ".join(marks) + (f"  FALSE ALARMS {wrong}" if wrong else ""),
                  file=sys.stderr)
        return flagged
    return run


if __name__ == "__main__":
    main()
