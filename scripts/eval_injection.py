#!/usr/bin/env python
"""Injection benchmark: how often the brief shows a disagreement put into a real story.

    python scripts/eval_injection.py                    # dev half, table and misses
    python scripts/eval_injection.py --json             # the same as JSON
    python scripts/eval_injection.py --date-change vary # dates moved -5..+5 days or a month, per seed
    python scripts/eval_injection.py --split heldout --half A  # a reading set since 2026-12-07
    python scripts/eval_injection.py --split heldout    # held-out B: only at the end of a piece of work

The dev table ends with each half of the split (A, B; see ``half_of``): read
misses on half A only, and keep half B to check that a fix generalises.

Real multi-outlet stories (three or more articles) of the shared LocalNews and
Giveme5W1H dev files, never hand-picked: a hash of the story id puts each in a
dev or a held-out half, and a seeded choice takes up to ``--stories`` of the
half and up to ``--articles`` articles of each. In one independent, on-topic
article one figure, one date and one quote's speaker are changed (see
``newsfold.eval_inject``); the story is folded before and after. Recall per
kind counts the changes the brief shows as a conflict of the right kind;
stories with nothing of a kind to change are skipped for that kind, not missed.
The false-alarm side: conflicts per unchanged story, and the extra conflicts a
changed story shows beyond the changes found.

Score the dev half while improving conflicts; run ``--split heldout`` once, at
the end of that work, and report it beside dev. Needs ../shared.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))

from newsfold.eval_dates import DATE_CHANGES
from newsfold.eval_figures import figure_recall_by_change, vary_figures
from newsfold.eval_inject import KINDS, StoryResult, run_story, score, split_of
from newsfold.eval_speakers import half_of, run_story_every
from newsfold.model import Article
from newsfold.pipeline import fold
from newsfold.readers.files import article_from_record

FILES = ("newscope_localnews", "giveme5w1h")


def stories(split: str, max_stories: int, max_articles: int, seed: int) -> dict[str, list[Article]]:
    """The split's stories with three or more articles, a seeded sample of each."""
    records: dict[str, list[dict]] = {}
    for name in FILES:
        path = SHARED / name / "dev.jsonl"
        if path.is_file():
            for line in path.open(encoding="utf-8"):
                record = json.loads(line)
                records.setdefault(record["story"], []).append(record)
    names = sorted(s for s in records if len(records[s]) >= 3 and split_of(s) == split)
    rng = random.Random(seed)
    chosen = sorted(rng.sample(names, min(max_stories, len(names))))
    out = {}
    for story in chosen:
        picked = sorted(random.Random(f"{seed}:{story}").sample(records[story], min(max_articles, len(records[story]))),
                        key=lambda r: str(r.get("id")))
        problems: list[str] = []
        articles = [article_from_record(r, default_id=f"{story}-{i}", origin=story, where=f"{story}:{i}",
                                        problems=problems) for i, r in enumerate(picked)]
        articles = [a for a in articles if a is not None]
        if len(articles) >= 3:
            out[story] = articles
    return out


def misses(results: list[StoryResult]) -> list[dict[str, str]]:
    """Every change the brief did not show, with its changed sentence."""
    return [{"story": r.story, "half": half_of(r.story), "source": i.source, "kind": i.kind, "old": i.old, "new": i.new, "others": i.sources,
             "touched": str(r.touched.get(i.kind, False)), "sentence": i.sentence}
            for r in results for i in r.injections if not r.found.get(i.kind)]


def date_by_change(results: list[StoryResult]) -> dict[str, str]:
    """Date changes found / made, per change ("+3", "-1", "month")."""
    counts: dict[str, list[int]] = {}
    for r in results:
        for i in r.injections:
            if i.kind == "date":
                change = f"{int(i.new) - int(i.old):+d}" if i.new.isdigit() else "month"
                counts.setdefault(change, [0, 0])[0] += r.found.get("date", False)
                counts[change][1] += 1
    return {change: f"{found}/{made}" for change, (found, made) in sorted(counts.items())}


def every_halves(results: list[StoryResult]) -> dict[str, dict]:
    """Per half of the split (see ``half_of``): cases, found, recall, and the
    conflicts of each story unchanged (counted once per story)."""
    out = {}
    for half in ("A", "B"):
        cases = [r for r in results if half_of(r.story) == half]
        before = {r.story: r.conflicts_before for r in cases}
        found = sum(r.found["speaker"] for r in cases)
        out[half] = {"cases": len(cases), "stories": len(before), "found": found,
                     "recall": round(found / len(cases), 3) if cases else 0.0,
                     "conflicts_before": round(sum(before.values()) / len(before), 3) if before else 0.0}
    return out


def table(summary: dict) -> str:
    lines = ["| kind | attempted | found | touched | skipped | recall | in 3+ outlets | recall there |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for kind in KINDS:
        k = summary["kinds"][kind]
        lines.append(f"| {kind} | {k['attempted']} | {k['found']} | {k['touched']} | {k['skipped']} | {k['recall']:.2f} "
                     f"| {k['attempted_3_outlets']} | {k['recall_3_outlets']:.2f} |")
    lines.append(f"\n{summary['stories']} stories ({summary['changed_stories']} changed); "
                 f"conflicts per unchanged story {summary['conflicts_per_unchanged_story']:.2f}; "
                 f"extra conflicts per changed story {summary['extra_conflicts_per_changed_story']:+.2f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--half", choices=("A", "B"),
                        help="fold only this half of the split's stories (see half_of); held-out A is a reading set "
                             "since 2026-12-07, held-out B stays unread")
    parser.add_argument("--stories", type=int, default=45, help="most stories of the split (default 45: all of either half)")
    parser.add_argument("--articles", type=int, default=8, help="most articles per story (default 8)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--date-change", choices=DATE_CHANGES, default="three",
                        help="move each date three days (default) or by a seeded -5..+5 days or a month (vary)")
    parser.add_argument("--misses", type=int, default=8, help="misses to print (default 8)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--figure-change", choices=("fixed", "vary"), default="fixed",
                        help="fixed: small counts +3, else x1.5 (-3, x0.7 where a bound would make that agree); "
                             "vary: the seed picks x0.5 to x3 (small: -2, +2, +5)")
    parser.add_argument("--every", choices=("speaker",),
                        help="fold once per eligible change of this kind (each quote, two substitutes), not once per story")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"error: {SHARED} is not present; the benchmark needs ../shared/data", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    results = []
    for story, articles in stories(args.split, args.stories, args.articles, args.seed).items():
        if args.half and half_of(story) != args.half:
            continue
        if args.every:
            cases = run_story_every(story, articles, fold, seed=args.seed)
            results += cases
            print(f"{story} ({half_of(story)}): {len(cases)} cases, found {sum(r.found['speaker'] for r in cases)}",
                  file=sys.stderr, flush=True)
            continue
        results.append(run_story(story, articles, fold, seed=args.seed, date_change=args.date_change,
                                 revalue=vary_figures if args.figure_change == "vary" else None))
        print(f"{story}: {len(articles)} articles, changed {sorted(results[-1].found)}, "
              f"found {sorted(k for k, v in results[-1].found.items() if v)}", file=sys.stderr, flush=True)
    summary = score(results)
    summary.update(split=args.split, seed=args.seed, seconds=round(time.perf_counter() - started),
                   figure_change=args.figure_change, figure_by_change=figure_recall_by_change(results),
                   date_by_change=date_by_change(results))
    if args.every:
        summary["halves"] = every_halves(results)
    else:
        summary["by_half"] = {half: score([r for r in results if half_of(r.story) == half]) for half in ("A", "B")}
    missed = misses(results)
    if args.json:
        print(json.dumps({**summary, "misses": missed}, indent=2, ensure_ascii=False))
        return 0
    print(f"split {args.split}, seed {args.seed}, {summary['seconds']} s\n")
    print(table(summary))
    print("\nfigure recall by change: " + "; ".join(
        f"{change} {k['found']}/{k['attempted']} (3+: {k['recall_3_outlets']:.2f} of {k['attempted_3_outlets']})"
        for change, k in summary["figure_by_change"].items()))
    print("date found per change: " + ", ".join(f"{c} {n}" for c, n in summary["date_by_change"].items()))
    for half, part in summary.get("by_half", {}).items():
        print(f"half {half}: " + "; ".join(
            f"{kind} {k['found']}/{k['attempted']} (3+: {k['recall_3_outlets']:.2f} of {k['attempted_3_outlets']})"
            for kind, k in part["kinds"].items()) + f"; conflicts per unchanged story {part['conflicts_per_unchanged_story']:.2f}")
    for half, row in summary.get("halves", {}).items():
        print(f"half {half}: {row['cases']} cases in {row['stories']} stories, found {row['found']}, "
              f"recall {row['recall']:.3f}; conflicts per unchanged story {row['conflicts_before']:.2f}")
    for miss in missed[:args.misses]:
        print(f"\nmissed {miss['kind']} in {miss['story']} (half {miss['half']})/{miss['source']}: {miss['old']} -> {miss['new']}"
              f" (touched: {miss['touched']}; {miss['others']} other sources write it)\n  {miss['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
