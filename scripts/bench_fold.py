#!/usr/bin/env python
"""Benchmark newsfold against an earlier commit, side by side in one run (issue 14).

    python scripts/bench_fold.py [--against HEAD~1] [--repeat 3] [--rows fold5,fold49,cold,summarize]
    python scripts/bench_fold.py --rows ingest --repeat 1     # the 614-article ingest (minutes)
    python scripts/bench_fold.py --profile OUT.txt            # cProfile of the 49-article fold

The working tree ("after") and ``git archive REV`` in a temporary folder
("before") run the same measurements in fresh subprocesses, alternately, so
a busy machine slows both alike; each figure is the best of ``--repeat``
runs. The rows are those of issue 14 (targets on a 2-core machine):

- fold5: warm fold of the five Kosovo reports (a story new to the process,
  models loaded on another story: no parse and no vector cached) <= 0.5 s;
- fold49: the same for the largest LocalNews dev story, first 50 articles <= 5 s,
  with its peak memory (process, models included) <= 1 GB;
- cold: ``newsfold brief`` of the Kosovo reports, wall time of a new process <= 1.5 s
  (and its CPU seconds);
- summarize: ``newsfold summarize --words 100`` on ten articles of one LocalNews
  story (warm; wall and CPU seconds), against a plain LexRank (sumy's algorithm, pure Python: tf-idf
  cosine graph, threshold 0.1, power iteration) on the same texts in the same
  worker; ratio <= 1.0;
- ingest: ``newsfold ingest`` of the LocalNews dev file, briefs included,
  wall time and peak memory, <= 60 s and <= 1 GB.

Per-stage seconds, and the texts (and characters) the sentence embedder
computed, are printed for both folds. Without ../shared the fold rows
use the example story.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "harbor-bridge"
LOCALNEWS = REPO.parent / "shared" / "data" / "newscope_localnews" / "dev.jsonl"
KOSOVO = REPO.parent / "shared" / "data" / "kosovo-2023-05-30"
ROWS = ("fold5", "fold49", "cold", "summarize", "ingest")
TARGETS = {"fold5": 0.5, "fold49": 5.0, "cold": 1.5, "summarize": None, "ingest": 60.0}


# --- the worker: one measurement in this process, printed as one JSON line ---------------


def _localnews_story(size: int):
    from newsfold.model import Article

    rows = [json.loads(line) for line in LOCALNEWS.open(encoding="utf-8")]
    stories: dict[str, list[dict]] = {}
    for row in rows:
        stories.setdefault(row["story"], []).append(row)
    story = max(stories.values(), key=len)[:size]
    return [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"))
            for r in story]


def _story(row: str):
    import newsfold

    if row == "fold5":
        return newsfold.read(str(KOSOVO if KOSOVO.exists() else EXAMPLE))[:5]
    if LOCALNEWS.exists():
        return _localnews_story(50 if row == "fold49" else 10)
    base = newsfold.read(str(EXAMPLE))
    return [base[i % len(base)] for i in range(len(base))]


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _cpu() -> float:
    """CPU seconds of this process and its waited children (less noisy than wall time on a busy machine)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _warm_up() -> None:
    """Load both models on another story, as a stream or a server would have."""
    import newsfold
    from newsfold.nlp import spacy_model
    from newsfold.pipeline import fold

    spacy_model.use_processes(min(2, os.cpu_count() or 1))  # as the CLI does
    fold(newsfold.read(str(EXAMPLE)))


def worker_fold(row: str, profile: str | None) -> dict:
    from newsfold.pipeline import Timings, fold

    story = _story(row)
    _warm_up()
    embedded = _count_embedded()
    timings = Timings()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu = time.perf_counter(), _cpu()
    fold(story, timings=timings)
    seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    if profiler is not None:
        import pstats

        profiler.disable()
        with open(profile, "w", encoding="utf-8") as out:
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            stats.print_stats(60)
            stats.sort_stats("tottime").print_stats(40)
    return {"seconds": seconds, "cpu": cpu, "stages": timings.stages, "peak_mb": _peak_mb(),
            "articles": len(story), "chars": sum(len(a.text) for a in story), **embedded}


def _count_embedded() -> dict:
    """Counts, filled in as the fold runs, of the texts the sentence embedder
    computes (its cache hits excluded) and of their characters."""
    from newsfold.nlp import embed

    model = embed.get_embedder("minilm")
    compute = model._compute  # type: ignore[attr-defined]
    counts = {"embedded_texts": 0, "embedded_chars": 0}

    def counted(texts):
        counts["embedded_texts"] += len(texts)
        counts["embedded_chars"] += sum(len(text) for text in texts)
        return compute(texts)

    model._compute = counted  # type: ignore[attr-defined]
    return counts


def worker_summarize() -> dict:
    from newsfold import cli

    story = _story("summarize")
    _warm_up()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.jsonl"
        path.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                            "published": a.published}) + "\n" for a in story),
                        encoding="utf-8")
        with open(os.devnull, "w", encoding="utf-8") as devnull, contextlib.redirect_stdout(devnull):
            started, cpu = time.perf_counter(), _cpu()
            cli.main(["summarize", str(path), "--words", "100", "-q"])
            seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    started, lexrank_cpu = time.perf_counter(), _cpu()
    lexrank([a.text for a in story], words=100)
    return {"seconds": seconds, "cpu": cpu, "lexrank": time.perf_counter() - started,
            "lexrank_cpu": _cpu() - lexrank_cpu}


def worker_ingest() -> dict:
    from newsfold import cli

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        cli.main(["ingest", str(LOCALNEWS), "--db", str(Path(folder) / "news.db"), "-q"])
        return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


# --- a plain LexRank, the reference for summarize ---------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")
_TOKEN = re.compile(r"[a-z0-9]+")


def lexrank(texts: list[str], words: int = 100, threshold: float = 0.1) -> str:
    """Erkan and Radev's LexRank as sumy implements it, in pure Python like sumy:
    idf-modified cosine between sentences, edges above ``threshold``, the
    stationary distribution by power iteration; best sentences up to ``words``."""
    sentences = [s.strip() for text in texts for s in _SENTENCE.split(text) if s.strip()]
    bags = [Counter(_TOKEN.findall(s.lower())) for s in sentences]
    df = Counter(word for bag in bags for word in bag)
    idf = {word: math.log(len(bags) / count) for word, count in df.items()}
    norms = [math.sqrt(sum((tf * idf[w]) ** 2 for w, tf in bag.items())) for bag in bags]
    size = len(bags)
    matrix = [[0.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(size):
            shared = bags[i].keys() & bags[j].keys()
            top = sum(bags[i][w] * bags[j][w] * idf[w] ** 2 for w in shared)
            cosine = top / (norms[i] * norms[j]) if norms[i] and norms[j] else 0.0
            matrix[i][j] = 1.0 if cosine > threshold else 0.0
        degree = sum(matrix[i]) or 1.0
        matrix[i] = [value / degree for value in matrix[i]]
    scores = [1.0 / size] * size
    for _ in range(100):
        new = [sum(matrix[j][i] * scores[j] for j in range(size)) for i in range(size)]
        done = sum(abs(a - b) for a, b in zip(new, scores)) < 1e-4
        scores = new
        if done:
            break
    chosen, used = [], 0
    for i in sorted(range(size), key=lambda k: -scores[k]):
        length = len(sentences[i].split())
        if used + length <= words:
            chosen.append(i)
            used += length
    return " ".join(sentences[i] for i in sorted(chosen))


# --- the driver: both trees, alternately ---------------------------------------------------


def _tree(rev: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def _run(tree: Path, args: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], env=env,
                          capture_output=True, text=True, cwd=REPO)
    if done.returncode:
        raise SystemExit(f"worker {args} failed in {tree}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cold(tree: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    target = KOSOVO if KOSOVO.exists() else EXAMPLE
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "newsfold.cli", "brief", str(target), "-q"], env=env, check=True,
                   stdout=subprocess.DEVNULL, cwd=REPO)
    cold, cpu = time.perf_counter() - started, _cpu() - cpu
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import newsfold"], env=env, check=True, cwd=REPO)
    return {"seconds": cold, "cpu": cpu, "import": time.perf_counter() - started}


def measure(tree: Path, row: str) -> dict:
    if row == "cold":
        return _cold(tree)
    if row == "summarize":
        return _run(tree, ["--worker", "summarize"])
    if row == "ingest":
        return _run(tree, ["--worker", "ingest"])
    return _run(tree, ["--worker", row])


def _best(runs: list[dict]) -> dict:
    return min(runs, key=lambda result: result["seconds"])


def report(rows: list[str], results: dict[str, dict[str, list[dict]]], against: str) -> None:
    print(f"\nbefore = {against}, after = working tree; best of {len(next(iter(results.values()))['after'])} runs")
    print(f"{'row':<34}{'before':>10}{'after':>10}{'after/before':>14}{'target':>9}")
    for row in rows:
        before, after = _best(results[row]["before"]), _best(results[row]["after"])
        target = TARGETS[row]
        print(f"{row:<34}{before['seconds']:>9.3f}s{after['seconds']:>9.3f}s"
              f"{after['seconds'] / before['seconds']:>13.2f}x{'' if target is None else f'{target:>8.1f}s'}")
        if "cpu" in after:
            print(f"{'  CPU seconds':<34}{before['cpu']:>9.3f}s{after['cpu']:>9.3f}s"
                  f"{after['cpu'] / before['cpu']:>13.2f}x")
        if "peak_mb" in after:
            print(f"{'  peak memory':<34}{before['peak_mb']:>8.0f}MB{after['peak_mb']:>8.0f}MB"
                  f"{after['peak_mb'] / before['peak_mb']:>13.2f}x{1024:>7}MB")
        if row == "cold":
            print(f"{'  python -c import newsfold':<34}{before['import']:>9.3f}s{after['import']:>9.3f}s")
        if row == "summarize":
            for label, side in (("before", before), ("after", after)):
                print(f"  {label}: summarize {side['seconds']:.3f}s, LexRank {side['lexrank']:.3f}s, "
                      f"ratio {side['seconds'] / side['lexrank']:.2f}x   (target <= 1.0x)")
                if "lexrank_cpu" in side:
                    print(f"  {label} CPU: summarize {side['cpu']:.3f}s, LexRank {side['lexrank_cpu']:.3f}s, "
                          f"ratio {side['cpu'] / side['lexrank_cpu']:.2f}x")
        if "embedded_texts" in after:
            print(f"{'  texts embedded (characters)':<34}{before['embedded_texts']:>10}{after['embedded_texts']:>10}"
                  f"{after['embedded_texts'] / max(before['embedded_texts'], 1):>13.2f}x")
            print(f"{'':<34}{before['embedded_chars']:>10}{after['embedded_chars']:>10}"
                  f"{after['embedded_chars'] / max(before['embedded_chars'], 1):>13.2f}x")
        if "stages" in after:
            print(f"  {after['articles']} articles, {after['chars']} characters; stages:")
            names = sorted(set(before["stages"]) | set(after["stages"]), key=lambda n: -after["stages"].get(n, 0))
            for name in names:
                b, a = before["stages"].get(name, 0.0), after["stages"].get(name, 0.0)
                ratio = f"{a / b:>13.2f}x" if b > 0.001 else ""
                print(f"    {name:<30}{b:>9.3f}s{a:>9.3f}s{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD~1", help="the commit to compare with (default HEAD~1)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rows", default="fold5,fold49,cold,summarize",
                        help=f"comma-separated, of: {', '.join(ROWS)}")
    parser.add_argument("--profile", help="write a cProfile of the working tree's 49-article fold here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.worker == "summarize":
            result = worker_summarize()
        elif args.worker == "ingest":
            result = worker_ingest()
        else:
            result = worker_fold(args.worker, args.profile)
        print(json.dumps(result))
        return
    if args.profile:
        _run(REPO, ["--worker", "fold49", "--profile", str(Path(args.profile).resolve())])
        print(f"profile written to {args.profile}")
        return
    rows = [row for row in args.rows.split(",") if row]
    unknown = set(rows) - set(ROWS)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    results: dict[str, dict[str, list[dict]]] = {row: {"before": [], "after": []} for row in rows}
    with tempfile.TemporaryDirectory() as folder:
        before = _tree(args.against, Path(folder))
        for _ in range(args.repeat):
            for row in rows:
                for side, tree in (("before", before), ("after", REPO)):
                    results[row][side].append(measure(tree, row))
                    print(f"{row} {side}: {results[row][side][-1]['seconds']:.3f} s", file=sys.stderr)
    report(rows, results, args.against)


if __name__ == "__main__":
    main()
