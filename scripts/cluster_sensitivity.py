"""Sensitivity of story clustering to its parameters: each one ×0.8 and ×1.2 alone.

    python scripts/cluster_sensitivity.py [FILE.jsonl ...] [--delay DAYS]

Prints a Markdown table of B3-F1 / ARI per file (default: the shared LocalNews
and Giveme5W1H dev files), the table docs/stream.md shows, with the reference
baseline (TF-IDF, average-linkage agglomerative, its threshold tuned on the
same file) in the first row. Embeddings are
computed once per title (the stream embedder's cache), so a file of 600
articles takes a few seconds per row.

``--delay DAYS`` scores a follow-up probe instead: the later half of every
gold story is published DAYS later (``eval_cluster.later_half_delayed``), as
when a story is told again weeks after it broke; the baseline, which has no
time evidence, is unchanged by it.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import fields, replace
from pathlib import Path

from newsfold.eval_cluster import evaluate, later_half_delayed, read_gold, tuned_baseline
from newsfold.stream.cluster import Params, cluster_articles

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_FILES = [SHARED / "newscope_localnews" / "dev.jsonl", SHARED / "giveme5w1h" / "dev.jsonl"]
SKIPPED = {"merge_candidates", "max_terms", "archive"}  # capacity limits, not model parameters


def scores(articles, gold, params: Params) -> str:
    result = evaluate(gold, dict(cluster_articles(articles, params=params)))
    return f"{result['b3_f1']:.3f} / {result['ari']:.3f}"


def variants(base: Params):
    yield "(chosen)", [base, None]
    yield "threshold (= merge threshold)", [
        replace(base, threshold=base.threshold * f, merge_threshold=base.merge_threshold * f) for f in (0.8, 1.2)
    ]
    for field in fields(Params):
        if field.name in SKIPPED:
            continue
        value = getattr(base, field.name)
        changed = []
        for factor in (0.8, 1.2):
            new = value * factor
            changed.append(replace(base, **{field.name: round(new) if isinstance(value, int) else new}))
        yield field.name, changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--delay", type=int, default=0, help="publish the later half of every story DAYS later")
    args = parser.parse_args()
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    data = [read_gold(f) for f in args.files]
    data = [(later_half_delayed(articles, gold, args.delay), gold) for articles, gold in data]
    names = [f.parent.name for f in args.files]
    print("| parameter | " + " | ".join(f"{n} ×0.8 | {n} ×1.2" for n in names) + " |")
    print("| --- |" + " --- |" * (2 * len(names)))
    cells = []
    for articles, gold in data:
        threshold, base = tuned_baseline(articles, gold)
        cells += [f"{base['b3_f1']:.3f} / {base['ari']:.3f} (t={threshold:.2f})", ""]
    print("| TF-IDF baseline, threshold tuned on the file (an oracle) | " + " | ".join(cells) + " |", flush=True)
    for label, params in variants(Params()):
        cells = []
        for articles, gold in data:
            cells += [scores(articles, gold, p) if p is not None else "" for p in params]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
