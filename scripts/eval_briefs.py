#!/usr/bin/env python
"""Score the briefs of every annotated story (tests/annotations/*.json) and print a table.

    python scripts/eval_briefs.py [--json]
        [--heldout | --heldout2 | --heldout3 | --heldout4 | --heldout5 | --heldout6] [ANNOTATION ...]

Without ANNOTATION it scores the dev set (tests/annotations/*.json), with
--heldout the first held-out set (tests/annotations/heldout/*.json, a reading
set since 2026-12-06), with --heldout2 the second one
(tests/annotations/heldout2/*.json, six real stories annotated blind, scored
once and opened for reading on 2026-12-06), with --heldout3 the third one
(tests/annotations/heldout3/*.json, four real stories of held-out half B
annotated blind on 2026-12-06), with --heldout4 the fourth one
(tests/annotations/heldout4/*.json, six real stories of held-out half A
annotated blind on 2026-12-06), with --heldout5 the fifth one
(tests/annotations/heldout5/*.json, five real stories of held-out half A
annotated blind on 2026-12-07), or with --heldout6 the sixth one
(tests/annotations/heldout6/*.json, six real stories of the injection
benchmark's dev split annotated blind, the held-out pool being used up):
score a blind set only when you are done tuning, and never read its briefs
while you tune.

Stories whose data is missing (../shared absent) are skipped with a note. The
test suite pins floors on the same scores (tests/test_quality.py).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsfold.errors import NewsfoldError
from newsfold.eval import evaluate, load_story
from newsfold.pipeline import fold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("annotations", nargs="*", type=Path)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--heldout", action="store_true", help="score the first held-out set (now a reading set)")
    which.add_argument("--heldout2", action="store_true", help="score the second held-out set (now a reading set)")
    which.add_argument("--heldout3", action="store_true",
                       help="score the third held-out set: only at the end of a piece of work")
    which.add_argument("--heldout4", action="store_true",
                       help="score the fourth held-out set: only at the end of a piece of work")
    which.add_argument("--heldout5", action="store_true",
                       help="score the fifth held-out set: only at the end of a piece of work")
    which.add_argument("--heldout6", action="store_true",
                       help="score the sixth held-out set: only at the end of a piece of work")
    args = parser.parse_args()
    names = ("heldout6", "heldout5", "heldout4", "heldout3", "heldout2", "heldout")
    subset = next((name for name in names if getattr(args, name)), "")
    folder = REPO / "tests" / "annotations" / subset
    paths = args.annotations or sorted(folder.glob("*.json"))
    table: dict[str, dict[str, float]] = {}
    for path in paths:
        annotation = json.loads(path.read_text(encoding="utf-8"))
        try:
            articles = load_story(annotation, path.parent)
        except (NewsfoldError, OSError) as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        started = time.perf_counter()
        table[path.stem] = evaluate(annotation, fold(articles))
        print(f"{path.stem}: {len(articles)} articles, {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(table, indent=2))
        return
    names = list(table)
    keys = list(next(iter(table.values()))) if table else []
    short = [n[:14] for n in names]
    print(f"{'score':<31}" + "".join(f"{s:>15}" for s in short) + f"{'mean':>8}")
    for key in keys:
        values = [table[n][key] for n in names]
        print(f"{key:<31}" + "".join(f"{v:>15.3f}" for v in values) + f"{sum(values) / len(values):>8.3f}")


if __name__ == "__main__":
    main()
