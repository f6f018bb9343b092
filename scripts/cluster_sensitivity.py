"""Sensitivity of story clustering to its parameters: each one ×0.8 and ×1.2 alone.

    python scripts/cluster_sensitivity.py [FILE.jsonl ...] [--delay DAYS] [--halves K] [--spread DAYS] [--errors]

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

``--halves K`` scores an over-tuning probe: each cell is the mean B3-F1 / ARI
over K random halves of the file's gold stories (``eval_cluster.
half_of_the_stories``, seeds 0..K-1, the same halves in every row; the
baseline is tuned on each half). A setting that only fits the file's own mix
of stories gains on the whole file and not on its halves.

``--spread DAYS`` scores the story window's price: each cell is the mean
over 5 seeds of the file with every gold story moved by its own random 0 to
DAYS - 1 days (``eval_cluster.stories_moved_apart``), so stories told in
the same weeks drift apart and a short window separates some of them for
free; a long window leaves that to the content.

``--errors`` prints, instead of the table, what the chosen parameters get
wrong on each file: every gold story split over several stories and every
story mixing gold stories, with titles, dates and the B3 share each costs.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

from newsfold.eval_cluster import (
    cluster_errors,
    evaluate,
    half_of_the_stories,
    later_half_delayed,
    read_gold,
    stories_moved_apart,
    tuned_baseline,
)
from newsfold.model import Article
from newsfold.stream.cluster import Params, cluster_articles

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_FILES = [SHARED / "newscope_localnews" / "dev.jsonl", SHARED / "giveme5w1h" / "dev.jsonl"]
SKIPPED = {"merge_candidates", "max_terms", "archive"}  # capacity limits, not model parameters
SPREAD_SEEDS = 5

Sample = tuple[list[Article], dict[str, str]]


def samples(articles: list[Article], gold: dict[str, str], halves: int, spread: int = 0) -> list[Sample]:
    """The whole file, its ``halves`` random halves of the gold stories, or its stories moved apart."""
    if spread:
        return [(stories_moved_apart(articles, gold, spread, seed), gold) for seed in range(SPREAD_SEEDS)]
    if not halves:
        return [(articles, gold)]
    out = []
    for seed in range(halves):
        part = half_of_the_stories(articles, gold, seed)
        out.append((part, {a.id: gold[a.id] for a in part}))
    return out


def mean_cell(results: list[dict]) -> str:
    f1 = sum(r["b3_f1"] for r in results) / len(results)
    ari = sum(r["ari"] for r in results) / len(results)
    return f"{f1:.3f} / {ari:.3f}"


def scores(data: list[Sample], params: Params) -> str:
    return mean_cell([evaluate(gold, dict(cluster_articles(articles, params=params))) for articles, gold in data])


def baseline_cell(data: list[Sample]) -> str:
    tuned = [tuned_baseline(articles, gold) for articles, gold in data]
    cell = mean_cell([result for _, result in tuned])
    return cell + (f" (t={tuned[0][0]:.2f})" if len(tuned) == 1 else "")


def variants(base: Params) -> Iterator[tuple[str, list[Params | None]]]:
    yield "(chosen)", [base, None]
    yield "threshold (= merge threshold)", [
        replace(base, threshold=base.threshold * f, merge_threshold=base.merge_threshold * f) for f in (0.8, 1.2)
    ]
    for field in fields(Params):
        if field.name in SKIPPED:
            continue
        value = getattr(base, field.name)
        changed: list[Params | None] = []
        for factor in (0.8, 1.2):
            new = value * factor
            changed.append(replace(base, **{field.name: round(new) if isinstance(value, int) else new}))
        yield field.name, changed


def print_table(names: list[str], data: list[list[Sample]]) -> None:
    print("| parameter | " + " | ".join(f"{n} ×0.8 | {n} ×1.2" for n in names) + " |")
    print("| --- |" + " --- |" * (2 * len(names)))
    cells = []
    for parts in data:
        cells += [baseline_cell(parts), ""]
    print("| TF-IDF baseline, threshold tuned on the file (an oracle) | " + " | ".join(cells) + " |", flush=True)
    for label, params in variants(Params()):
        cells = []
        for parts in data:
            cells += [scores(parts, p) if p is not None else "" for p in params]
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


def print_errors(name: str, articles: list[Article], gold: dict[str, str]) -> None:
    """The chosen parameters' errors on one file, costliest first, each article by date and title."""
    predicted = dict(cluster_articles(articles, params=Params()))
    result = evaluate(gold, predicted)
    by_id = {a.id: a for a in articles}
    print(f"## {name}: B3 P {result['b3_precision']:.3f} R {result['b3_recall']:.3f} "
          f"F1 {result['b3_f1']:.3f}, ARI {result['ari']:.3f}\n")
    for error in cluster_errors(gold, predicted):
        cost = "recall" if error.kind == "split" else "precision"
        print(f"- {error.kind} {error.story}: {error.loss:.3f} of B3 {cost}")
        for part, members in error.parts:
            print(f"  - {part} ({len(members)})")
            for article_id in sorted(members, key=lambda i: (by_id[i].published or "", i)):
                article = by_id[article_id]
                print(f"    - {article.published or 'undated'} {article_id}: {(article.title or '')[:90]}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--delay", type=int, default=0, help="publish the later half of every story DAYS later")
    parser.add_argument("--halves", type=int, default=0, help="mean over K random halves of the gold stories")
    parser.add_argument("--spread", type=int, default=0, help="move every story by a random 0..DAYS-1 days (5 seeds)")
    parser.add_argument("--errors", action="store_true", help="list the chosen parameters' errors instead")
    args = parser.parse_args()
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    data = [read_gold(f) for f in args.files]
    data = [(later_half_delayed(articles, gold, args.delay), gold) for articles, gold in data]
    names = [f.parent.name for f in args.files]
    if args.errors:
        for name, (articles, gold) in zip(names, data):
            print_errors(name, articles, gold)
        return 0
    print_table(names, [samples(articles, gold, args.halves, args.spread) for articles, gold in data])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
