#!/usr/bin/env python
"""Benchmark the story stream: throughput, flat memory, Dask scale-out.

Synthetic stream: the articles of the shared dev files, replayed in
"epochs"; each epoch is shifted 60 days later (beyond the clusterer's 45-day
window) and gets its own ids, so stories never span epochs and the active
set stays the size of one epoch. ``--unique-titles`` adds the epoch number to
every title so no embedding is ever reused (cold embeddings); without it,
replays hit the embedder's text cache, as wire copies do in a real stream.

    python scripts/bench_stream.py --n 20000              # throughput + RSS
    python scripts/bench_stream.py --n 1000000 --report-every 100000
    python scripts/bench_stream.py --n 0 --dask-n 1200   # Dask 1 vs 2 workers only

Prints one line per report interval (articles, articles/s, RSS MiB, active
stories) and a summary.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from newsfold.model import Article
from newsfold.stream.cluster import Clusterer, cluster_articles, publication_order
from newsfold.stream.executors import DaskExecutor, LocalExecutor
from newsfold.stream.features import stream_embedder

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FILES = ("newscope_localnews/dev.jsonl", "giveme5w1h/dev.jsonl")


def rss_mib() -> float:
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:  # not Linux: peak instead of current
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_base(data: Path) -> list[Article]:
    base = []
    for name in FILES:
        path = data / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            base.append(Article(id=r["id"], title=r.get("title"), text=r.get("text") or "", published=r.get("published")))
    if not base:
        sys.exit(f"no shared data under {data}; pass --data")
    base = [base[i] for i in publication_order(base)]
    first = date.fromisoformat(next(a.published for a in base if a.published))
    for a in base:  # one epoch spans the real date range (stragglers clipped), from day 0
        offset = (date.fromisoformat(a.published) - first).days if a.published else 0
        # Clipping keeps a million articles inside the calendar (year 9999) while
        # each epoch still spreads its stories over weeks, as a real stream does.
        a.extra["offset"] = min(max(0, offset), MAX_OFFSET_DAYS)
    return base


MAX_OFFSET_DAYS = 45


def synthetic(base: list[Article], n: int, unique_titles: bool):
    """``n`` articles in publication order, generated lazily (flat memory)."""
    span = max(a.extra["offset"] for a in base) + 60
    origin = date(2030, 1, 1)
    for i in range(n):
        epoch, k = divmod(i, len(base))
        a = base[k]
        day = origin + timedelta(days=epoch * span + a.extra["offset"])
        title = f"{a.title} ({epoch})" if unique_titles and a.title else a.title
        yield Article(id=f"syn{i}", title=title, text=a.text, published=day.isoformat())


def stream_bench(args, base) -> None:
    clusterer = Clusterer()
    executor = LocalExecutor(args.embedder)
    if args.no_cache:
        stream_embedder(args.embedder, threads=1)._cache.size = 0  # every title embedded again
    started = time.perf_counter()
    cpu_started = time.process_time()
    last_t, last_n = started, 0
    done = 0
    peak = rss_mib()
    articles = synthetic(base, args.n, args.unique_titles)
    print(f"{'articles':>10} {'art/s (interval)':>17} {'art/s (total)':>14} {'RSS MiB':>8} {'active':>7}")
    # One lazy stream through the executor, as `newsfold cluster` runs it: the
    # next chunks' features are computed while the current one is assigned.
    for position, feats in executor.features(articles, batch_size=args.batch):
        clusterer.add(feats)
        done = position + 1
        if done % args.batch and done != args.n:
            continue
        clusterer.clear_changes()
        peak = max(peak, rss_mib())
        if done % args.report_every < args.batch or done == args.n:
            now = time.perf_counter()
            print(
                f"{done:>10} {(done - last_n) / (now - last_t):>17.0f} {done / (now - started):>14.0f} "
                f"{rss_mib():>8.0f} {len(clusterer.stories):>7}",
                flush=True,
            )
            last_t, last_n = now, done
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"stream: {args.n} articles in {total:.1f}s = {args.n / total:.0f} articles/s; peak RSS {peak:.0f} MiB; "
          f"stories created {clusterer.next_number - 1}")
    # The machine may be shared: CPU seconds used by this process and the load
    # average tell whether the wall-clock rate was limited by other work.
    print(f"cpu: {cpu:.1f} s of process CPU time ({args.n / cpu:.0f} articles per CPU-second); "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cpus")


def dask_bench(args, base) -> None:
    articles = list(synthetic(base, args.dask_n, unique_titles=True))
    t = time.perf_counter()
    local = cluster_articles(articles, embedder=args.embedder, batch_size=args.dask_batch)
    print(f"local  : {len(articles)} articles in {time.perf_counter() - t:.1f}s")
    timings = {}
    for workers in (1, 2):
        with DaskExecutor(args.embedder, workers=workers) as executor:
            # Warm the workers (model load) outside the timing.
            list(executor.features(articles[: args.dask_batch * workers], batch_size=args.dask_batch))
            # Fresh ids and titles so the workers' caches do not help.
            fresh = [replace(a, id=a.id + "w", title=f"{a.title} w{workers}") for a in articles]
            t = time.perf_counter()
            pairs = cluster_articles(fresh, embedder=args.embedder, executor=executor, batch_size=args.dask_batch)
            timings[workers] = time.perf_counter() - t
        reference = cluster_articles(fresh, embedder=args.embedder, batch_size=args.dask_batch)
        same = pairs == reference
        print(f"dask {workers} worker(s): {timings[workers]:.1f}s = {len(articles) / timings[workers]:.0f} articles/s; "
              f"assignments identical to local: {same}")
    print(f"speed-up 2 vs 1 workers: {timings[1] / timings[2]:.2f}x")
    del local


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="stream length (1000000 for the full run)")
    parser.add_argument("--batch", type=int, default=512)
    parser.add_argument("--report-every", type=int, default=5000)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--unique-titles", action="store_true", help="never reuse an embedding (cold): a suffix makes every title new")
    parser.add_argument("--no-cache", action="store_true",
                        help="cold, real titles: the embedding cache is switched off, so every title is embedded as it is")
    parser.add_argument("--dask-n", type=int, default=0, help="articles for the Dask 1 vs 2 worker run")
    parser.add_argument("--dask-batch", type=int, default=128)
    parser.add_argument("--data", type=Path, default=SHARED)
    args = parser.parse_args()
    base = load_base(args.data)
    print(f"base: {len(base)} real articles; embedder {args.embedder}; cpus {os.cpu_count()}")
    if args.n:
        stream_bench(args, base)
    if args.dask_n:
        dask_bench(args, base)


if __name__ == "__main__":
    main()
