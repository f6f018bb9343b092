#!/usr/bin/env python
"""Benchmark fold(): cold CLI, warm 5-article and 50-article stories, stage shares, memory.

    python scripts/bench_fold.py [--repeat 3]

Targets (issue 3/4, 2 CPU cores): warm fold of 5 articles <= 0.5 s, of 50 <= 5 s;
cold `newsfold brief` of the example <= 3 s; peak memory <= 1 GB; import < 0.2 s.
The 50-article story is the largest story in ../shared/data/newscope_localnews/dev.jsonl
(first 50 articles) when present, else the example repeated with small edits.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "harbor-bridge"
LOCALNEWS = REPO.parent / "shared" / "data" / "newscope_localnews" / "dev.jsonl"
KOSOVO = REPO.parent / "shared" / "data" / "kosovo-2023-05-30"


def timed(fn, repeat):
    best = float("inf")
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def fifty_articles():
    import newsfold
    from newsfold.model import Article

    if LOCALNEWS.exists():
        rows = [json.loads(line) for line in LOCALNEWS.open(encoding="utf-8")]
        sizes = {}
        for row in rows:
            sizes.setdefault(row["story"], []).append(row)
        story = max(sizes.values(), key=len)[:50]
        return [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"))
                for r in story], "largest LocalNews dev story"
    base = newsfold.read(str(EXAMPLE))
    out = []
    for i in range(50):
        a = base[i % len(base)]
        out.append(Article(id=f"{a.id}-{i}", text=a.text.replace("Monday", "Monday" if i % 2 else "Monday night"),
                           published=a.published))
    return out, "example repeated"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import newsfold"], check=True)
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsfold.cli", "brief", str(EXAMPLE), "-q"],
                   check=True, stdout=subprocess.DEVNULL)
    cold_s = time.perf_counter() - started

    import newsfold
    from newsfold.pipeline import Timings, fold

    from newsfold.nlp import spacy_model

    spacy_model.use_processes(min(2, os.cpu_count() or 1))  # as the CLI does

    def fresh(story):
        """Fold with loaded models but no cached parses: a story seen for the first time."""
        spacy_model._cache.clear()
        return fold(story)

    story5 = newsfold.read(str(KOSOVO if KOSOVO.exists() else EXAMPLE))[:5]
    fold(story5)  # load the models
    first5, _ = timed(lambda: fresh(story5), args.repeat)
    refold5, _ = timed(lambda: fold(story5), args.repeat)
    story50, label = fifty_articles()
    fold(story50)
    first50, _ = timed(lambda: fresh(story50), args.repeat)
    refold50, _ = timed(lambda: fold(story50), args.repeat)
    timings = Timings()
    spacy_model._cache.clear()
    fold(story50, timings=timings)
    total = sum(timings.stages.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"python -c 'import newsfold' (process incl. interpreter): {import_s:.2f} s")
    print(f"cold `newsfold brief examples/harbor-bridge`: {cold_s:.2f} s   (target <= 3 s)")
    name5 = "kosovo" if KOSOVO.exists() else "example"
    print(f"warm fold, 5 articles ({name5}), first time (parses not cached): {first5:.3f} s   (target <= 0.5 s)")
    print(f"warm fold, 5 articles ({name5}), again (parses cached, as in a stream): {refold5:.3f} s")
    print(f"warm fold, 50 articles ({label}), first time: {first50:.3f} s   (target <= 5 s)")
    print(f"warm fold, 50 articles, again: {refold50:.3f} s")
    print("stage shares on the 50-article story:")
    for name, seconds in sorted(timings.stages.items(), key=lambda item: -item[1]):
        print(f"  {name:<10} {seconds:7.3f} s  {100 * seconds / total:5.1f} %")
    print(f"peak RSS: {peak_mb:.0f} MB   (target <= 1024 MB)")


if __name__ == "__main__":
    main()
