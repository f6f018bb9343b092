#!/usr/bin/env python
"""Benchmark the story stream: cold throughput per executor, and flat memory.

The stream is generated from the shared dev articles (``synth_stream.py``:
seeded resampling, perturbed titles and texts, new ids, shifted dates), lazily,
so nothing is kept in memory or written to the repository.

Throughput matrix (``--sizes``, ``--executors``): each cell runs in a fresh
process, ``bench_stream.py --child``, timed from its launch to its exit, so
the rate is *cold*: Python start-up, imports, the model load, the Dask
cluster's start and shutdown are all included. Every cell clusters the same
stream, so the cells' assignment digests must agree (printed: ``same``). The
parent samples the RSS of the whole process tree (client, scheduler, nannies
and workers) every 0.2 s and reports its peak.

    python scripts/bench_stream.py --sizes 10000,100000 --executors local,dask1,dask2

Memory over a long stream (``--stream N``): in this process, prints articles/s
and RSS every ``--report-every`` articles.

    python scripts/bench_stream.py --stream 1000000 --report-every 50000
    python scripts/bench_stream.py --stream 300000 --embedder hashing --cache-size 20000

The embedder's text cache (200,000 titles by default) grows with every new
title until it is full; ``--cache-size`` makes it smaller so the run shows
what the rest (the clusterer's state) does within a shorter stream.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from synth_stream import SHARED, generate, load_base

from newsfold.stream.cluster import Clusterer


def rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def make_executor(name: str, embedder: str):
    from newsfold.stream.executors import DaskExecutor, LocalExecutor

    if name == "local":
        return LocalExecutor(embedder)
    if name.startswith("dask"):
        return DaskExecutor(embedder, workers=int(name[4:] or 0) or None)
    raise SystemExit(f"unknown executor {name!r}: local, dask1, dask2, ...")


def cluster_stream(articles, executor, batch: int, report=None) -> dict:
    """Cluster ``articles`` (an iterable) as ``cluster_articles`` does; a digest of every decision."""
    clusterer = Clusterer()
    digest = hashlib.sha1()
    done = 0
    with executor as run:
        for position, feats in run.features(articles, batch_size=batch):
            story_id, merges = clusterer.add(feats)
            digest.update(f"{story_id}{merges}".encode())
            done = position + 1
            if done % batch == 0:
                # the second pass, once a batch, as ingest and cluster_articles run it
                digest.update(f"{clusterer.consolidate()}".encode())
                clusterer.clear_changes()
                if report is not None:
                    report(done, clusterer)
    return {"articles": done, "digest": digest.hexdigest()[:12], "stories": clusterer.next_number - 1}


def child(args) -> None:
    """One matrix cell, run in a fresh process: prints one JSON line."""
    base = load_base(args.data)
    started = time.perf_counter()
    result = cluster_stream(generate(base, args.n, args.seed), make_executor(args.child, args.embedder), args.batch)
    result["stream_s"] = time.perf_counter() - started
    result["cpu_s"] = time.process_time()
    print(json.dumps(result), flush=True)


def tree_rss_mib(pid: int) -> float:
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):  # a process that just ended
            total += process.memory_info().rss
    return total / 2**20


def run_cell(args, executor: str, n: int) -> dict:
    command = [sys.executable, __file__, "--child", executor, "--n", str(n), "--batch", str(args.batch),
               "--seed", str(args.seed), "--embedder", args.embedder, "--data", str(args.data)]
    peak = [0.0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_mib(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{executor} at {n} failed ({process.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    # Every process of the cell (client, scheduler, nannies, workers) was waited
    # for by its parent, so RUSAGE_CHILDREN holds the CPU time of the whole tree.
    tree_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result.update(executor=executor, n=n, wall_s=wall, tree_cpu_s=tree_cpu, peak_rss_mib=peak[0])
    return result


def matrix(args) -> None:
    # On a shared machine the wall-clock rate depends on the neighbours; the CPU
    # seconds of the cell's whole process tree do not (much): ``per CPU-s`` is
    # articles per CPU-second, start-up included, so 2 idle cores could give at
    # most twice that.
    print(f"{'articles':>9} {'executor':>8} {'cold art/s':>10} {'wall s':>7} {'stream s':>8} {'tree cpu s':>10} "
          f"{'per CPU-s':>9} {'client cpu s':>12} {'peak RSS MiB':>12} {'stories':>8} {'digest':>13}")
    for n in args.sizes:
        digests = set()
        for executor in args.executors:
            r = run_cell(args, executor, n)
            digests.add(r["digest"])
            print(f"{n:>9} {executor:>8} {n / r['wall_s']:>10.0f} {r['wall_s']:>7.1f} {r['stream_s']:>8.1f} "
                  f"{r['tree_cpu_s']:>10.1f} {n / r['tree_cpu_s']:>9.0f} {r['cpu_s']:>12.1f} {r['peak_rss_mib']:>12.0f} {r['stories']:>8} {r['digest']:>13}", flush=True)
        print(f"{n:>9} assignments identical across executors: {len(digests) == 1}")
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cpus")


def stream(args) -> None:
    """Memory over a long stream: RSS every ``--report-every`` articles."""
    base = load_base(args.data)
    if args.cache_size is not None:  # the stream embedder's text -> vector cache (default 200,000 titles)
        from newsfold.stream.executors import _worker_embedder

        _worker_embedder(args.embedder, 1)._cache.size = args.cache_size  # the instance LocalExecutor uses
    started = time.perf_counter()
    last = [started, 0]
    peak = [rss_mib()]
    print(f"{'articles':>10} {'art/s (interval)':>17} {'art/s (total)':>14} {'RSS MiB':>8} {'active':>7}", flush=True)

    def report(done: int, clusterer: Clusterer) -> None:
        peak[0] = max(peak[0], rss_mib())
        if done % args.report_every < args.batch or done == args.stream:
            now = time.perf_counter()
            print(f"{done:>10} {(done - last[1]) / (now - last[0]):>17.0f} {done / (now - started):>14.0f} "
                  f"{rss_mib():>8.0f} {len(clusterer.stories):>7}", flush=True)
            last[:] = [now, done]

    result = cluster_stream(generate(base, args.stream, args.seed), make_executor(args.executor, args.embedder),
                            args.batch, report)
    total = time.perf_counter() - started
    print(f"stream: {result['articles']} articles in {total:.0f} s = {result['articles'] / total:.0f} articles/s; "
          f"peak RSS {peak[0]:.0f} MiB; stories created {result['stories']}; "
          f"{result['articles'] / time.process_time():.0f} articles per CPU-second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10000])
    parser.add_argument("--executors", type=lambda s: s.split(","), default=["local", "dask1", "dask2"])
    parser.add_argument("--stream", type=int, default=0, help="articles for the memory run (0: none)")
    parser.add_argument("--executor", default="local", help="executor of the memory run")
    parser.add_argument("--cache-size", type=int, help="embedding cache entries in the memory run (0: off)")
    parser.add_argument("--report-every", type=int, default=50000)
    parser.add_argument("--batch", type=int, default=256, help="articles per chunk (the CLI's default)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
    elif args.stream:
        stream(args)
    else:
        matrix(args)


if __name__ == "__main__":
    main()
