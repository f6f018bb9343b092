"""Where the per-article work runs: in this process, or on dask.distributed.

Executors are chosen by name (``"local"``, ``"dask"``) or passed as objects.
Both cut the article stream into the same fixed chunks and run
:func:`newsfold.stream.features.compute_features` on each chunk, so they
return the same features; results come back in stream order. Only the
features run remotely: the assignment step stays ordered in the caller.

Dask (``pip install 'newsfold[stream]'``)
-----------------------------------------
``DaskExecutor()`` starts a ``distributed.LocalCluster`` (one single-threaded
worker process per core by default). ``DaskExecutor(scheduler="tcp://host:8786")``
connects to a running cluster instead. On a real cluster:

1. install the same newsfold version with its extras on every machine
   (``pip install 'newsfold[all]'``: the workers load the embedder themselves);
2. start ``dask scheduler`` on one machine and
   ``dask worker tcp://SCHEDULER:8786 --nthreads 1`` on each core/machine
   (or use dask-jobqueue / dask-kubernetes, which do the same);
3. run ``newsfold ingest FILE --db news.db --executor dask --scheduler tcp://SCHEDULER:8786``.

Only article chunks travel to the workers and only features (a 384-float
vector and a few hundred hashed terms per article) travel back; the SQLite
store stays on the machine running the command. At most ``2 * workers``
chunks are in flight, so the client's memory does not grow with the stream.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ..errors import MissingExtraError, NewsfoldError
from ..model import Article
from .features import ArticleFeatures, compute_features, stream_embedder

if TYPE_CHECKING:  # an optional extra, imported when the executor starts
    from distributed import Client, LocalCluster


def _worker_embedder(name: str, threads: int):
    """One embedder per worker process, limited to its share of the cores."""
    return stream_embedder(name, threads if name == "minilm" else None)


def features_task(articles: list[Article], embedder: str, threads: int, default_day: int | None) -> list[ArticleFeatures]:
    """What one Dask task runs: features of one chunk."""
    return compute_features(articles, _worker_embedder(embedder, threads), default_day)


def _chunks(articles: Iterable[Article], size: int):
    """``(start, chunk)`` pairs; ``articles`` may be a lazy iterable (a long stream)."""
    stream = iter(articles)
    start = 0
    while chunk := list(islice(stream, size)):
        yield start, chunk
        start += len(chunk)


def _canonical(feats: ArticleFeatures) -> ArticleFeatures:
    """``feats`` with its entity set rebuilt from the sorted hashes.

    A frozenset's iteration order depends on the order its items were added,
    and unpickling (every Dask result) adds them in the old set's iteration
    order, which gives another order for about half the articles. The
    clusterer sums name weights in iteration order, so a Dask run could differ
    from a local one in the last bits of a score. Every executor passes its
    features through here: the same items, added in the same order, iterate
    in the same order in any process."""
    feats.entities = frozenset(sorted(feats.entities))
    return feats


def _numbered(start: int, features: list[ArticleFeatures]):
    for offset, feats in enumerate(features):
        yield start + offset, _canonical(feats)


class LocalExecutor:
    """Features computed in this process, chunk by chunk."""

    name = "local"

    def __init__(self, embedder="minilm"):
        self.embedder = embedder

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def features(self, articles: Iterable[Article], *, batch_size: int = 256, default_day: int | None = None) -> Iterator[tuple[int, ArticleFeatures]]:
        """Features chunk by chunk, computed ahead on one helper thread per core
        while the caller assigns the current chunk (the embedder releases the GIL).

        Chunks are cut as the Dask executor cuts them. With MiniLM each helper
        runs its own one-thread session call: on 2 cores that kept both busy
        better than one call spread over two threads (379 against 282 cold
        articles/s). Same chunks, same features, same order."""
        from concurrent.futures import ThreadPoolExecutor

        workers = max(1, os.cpu_count() or 1)
        embedder = _worker_embedder(self.embedder, 1) if isinstance(self.embedder, str) else self.embedder
        in_flight: deque = deque()
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsfold-features") as pool:
            for start, chunk in _chunks(articles, batch_size):
                in_flight.append((start, pool.submit(compute_features, chunk, embedder, default_day)))
                if len(in_flight) > workers:
                    start, future = in_flight.popleft()
                    yield from _numbered(start, future.result())
            while in_flight:
                start, future = in_flight.popleft()
                yield from _numbered(start, future.result())


class DaskExecutor:
    """Features computed on dask.distributed workers; results yielded in order."""

    name = "dask"

    def __init__(self, embedder="minilm", *, scheduler: str | None = None, workers: int | None = None):
        if not isinstance(embedder, str):
            raise NewsfoldError("the Dask executor needs an embedder name (workers load their own)")
        self.embedder = embedder
        self.scheduler = scheduler
        self.workers = workers
        self._client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._threads = 1
        self._entered = 0

    def __enter__(self):
        # Re-entrant: ``cluster_articles(executor=ex)`` enters an executor the
        # caller may already hold open; a second entry must neither start a
        # second LocalCluster nor let its exit close the caller's client.
        self._entered += 1
        if self._client is not None:
            return self
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise MissingExtraError("dask[distributed]", "stream") from exc
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="30s")
                self._threads = 1
            else:
                workers = self.workers or max(1, os.cpu_count() or 1)
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            self.__exit__(None, None, None)
            raise NewsfoldError(f"cannot reach the Dask scheduler {self.scheduler!r}: {exc}; check the address and that `dask scheduler` runs there") from exc
        return self

    def __exit__(self, *exc) -> None:
        self._entered = max(0, self._entered - 1)
        if self._entered:
            return
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _live_client(self) -> Client:
        if self._client is None:
            raise NewsfoldError("the Dask executor is not started; use it in a `with` block")
        return self._client

    def _width(self) -> int:
        try:
            return max(1, len(self._live_client().scheduler_info().get("workers", {})))
        except Exception:  # an older or busy scheduler: a safe default
            return 2

    def features(self, articles: Iterable[Article], *, batch_size: int = 256, default_day: int | None = None) -> Iterator[tuple[int, ArticleFeatures]]:
        in_flight: deque = deque()
        limit = 2 * self._width()
        chunks = _chunks(articles, batch_size)

        def submit_next() -> bool:
            item = next(chunks, None)
            if item is None:
                return False
            start, chunk = item
            future = self._live_client().submit(features_task, chunk, self.embedder, self._threads, default_day, pure=False)
            in_flight.append((start, future))
            return True

        while len(in_flight) < limit and submit_next():
            pass
        while in_flight:
            start, future = in_flight.popleft()
            result = future.result()
            submit_next()
            yield from _numbered(start, result)


def get_executor(executor="local", *, scheduler: str | None = None, embedder="minilm"):
    """The executor called ``executor`` (or ``executor`` itself when it is one)."""
    if not isinstance(executor, str):
        return executor
    if executor == "local":
        if scheduler:
            raise NewsfoldError("--scheduler needs --executor dask")
        return LocalExecutor(embedder)
    if executor == "dask":
        return DaskExecutor(embedder, scheduler=scheduler)
    raise NewsfoldError(f"unknown executor {executor!r}; choose 'local' or 'dask'")
