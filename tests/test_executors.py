"""Executors: the local one and a real two-process Dask cluster give the same features and stories."""
from __future__ import annotations

import logging
import pickle

import numpy as np
import pytest

from newsfold.model import Article
from newsfold.stream.cluster import cluster_articles
from newsfold.stream.executors import LocalExecutor

PLACES = ["Harbor City", "Lake Marren", "Greenfield", "North Ridge", "Port Alden", "Stonebridge"]
PEOPLE = ["Alice Brandt", "Tom Okafor", "Lena Voss", "Ravi Menon", "Ines Costa", "Jonas Berg"]
BODIES = [
    ("bridge closed after cracks found in a girder", "Engineers closed the bridge after inspectors found cracks; traffic goes through the tunnel."),
    ("floods force hundreds from their homes", "Heavy rain flooded the valley and rescue boats reached villages as the river burst its banks."),
    ("mayoral election goes to a runoff", "No candidate won a majority and the two leading candidates advance to a second round."),
    ("factory fire sends smoke over the town", "Firefighters fought a blaze at a paint factory overnight and residents were told to keep windows shut."),
]


def invented_stream(per_story: int = 5) -> list[Article]:
    """Invented reports: several stories, each told by several outlets with many names."""
    articles = []
    for s, (headline, body) in enumerate(BODIES):
        for n in range(per_story):
            place, person = PLACES[(s + n) % len(PLACES)], PEOPLE[(s * 2 + n) % len(PEOPLE)]
            # Many names per story (the entity sets whose order matters), its own for each story.
            names = " ".join(f"{p.split()[-1]} {q.split()[0]} met {q} at the {p} Hall."
                             for p, q in zip(PLACES[s:] + PLACES[:s], PEOPLE[:3], strict=False))
            articles.append(Article(
                id=f"st{s}-{n}",
                title=f"{PLACES[s]} {headline} ({['update', 'latest', 'report', 'live', 'more'][n % 5]})",
                text=f"{body} {person} of {place} said the {PLACES[s]} authority would report on Friday. {names}",
                published=f"2031-04-{3 * s + n + 1:02d}",
            ))
    return articles


def _same_features(a, b) -> bool:
    return (a.id == b.id and a.day == b.day and np.array_equal(a.vector, b.vector)
            and list(a.terms.items()) == list(b.terms.items()) and list(a.entities) == list(b.entities))


def test_features_iterate_entities_in_an_order_that_survives_pickling():
    # Dask returns features pickled. The clusterer sums name weights in the
    # entity set's iteration order, so that order must not depend on the trip.
    with LocalExecutor("hashing") as run:
        features = [f for _, f in run.features(invented_stream(), batch_size=4)]
    assert all(len(f.entities) > 8 for f in features)
    from newsfold.stream.executors import _canonical

    for feats in features:
        travelled = _canonical(pickle.loads(pickle.dumps(feats)))
        assert _same_features(feats, travelled)


@pytest.mark.slow
def test_two_process_local_cluster_matches_the_local_executor():
    distributed = pytest.importorskip("distributed")
    from newsfold.stream.executors import DaskExecutor

    articles = invented_stream()
    local = cluster_articles(articles, embedder="hashing", batch_size=4)
    assert len({story for _, story in local}) >= 3  # a stream with several stories, not one blob
    with LocalExecutor("hashing") as run:
        local_features = list(run.features(articles, batch_size=4))
    cluster = distributed.LocalCluster(processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None,
                                       silence_logs=logging.ERROR)
    with cluster, DaskExecutor("hashing", scheduler=cluster.scheduler_address) as executor:
        remote_features = list(executor.features(articles, batch_size=4))
        remote = cluster_articles(articles, embedder="hashing", executor=executor, batch_size=4)
        assert len(executor._live_client().scheduler_info()["workers"]) == 2
    assert remote == local
    assert [i for i, _ in remote_features] == list(range(len(articles)))
    assert all(_same_features(a, b) for (_, a), (_, b) in zip(local_features, remote_features, strict=True))


@pytest.mark.slow
def test_dask_executor_held_open_survives_cluster_articles():
    # cluster_articles enters the executor it is given; that must neither start
    # a second LocalCluster nor close the caller's client on the way out.
    pytest.importorskip("distributed")
    from newsfold.stream.executors import DaskExecutor

    articles = invented_stream(per_story=2)
    with DaskExecutor("hashing", workers=1) as executor:
        cluster = executor._cluster
        first = cluster_articles(articles, embedder="hashing", executor=executor, batch_size=4)
        assert executor._cluster is cluster
        again = cluster_articles(articles, embedder="hashing", executor=executor, batch_size=4)
        assert executor._live_client().status == "running"
    assert first == again == cluster_articles(articles, embedder="hashing", batch_size=4)
    assert executor._client is None and executor._cluster is None
