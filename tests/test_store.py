"""The SQLite store: schema versions, transactions, reading back."""
from __future__ import annotations

import os
import sqlite3

import pytest

from newsfold.errors import StoreError
from newsfold.model import Article
from newsfold.stream.features import compute_features
from newsfold.stream.store import SCHEMA_VERSION, Store


def commit(store: Store, articles: list[Article]):
    clusterer = store.load_clusterer()
    pairs = []
    for feats in compute_features(articles, "hashing"):
        story_id, merges = clusterer.add(feats)
        assert not merges
        pairs.append((feats.id, story_id))
    hashes = [f"h{a.id}" for a in articles]
    return store.commit_batch(articles, hashes, pairs, [], clusterer), pairs


ARTICLES = [
    Article(id="a", title="Harbor bridge closed", text="Cracks closed the harbor bridge girder.", published="2031-03-10"),
    Article(id="b", title="Harbor bridge stays closed", text="The harbor bridge girder cracks keep it closed.", published="2031-03-11"),
    Article(id="c", title="Valley floods", text="Floods swept the Riverside valley villages.", published="2031-03-12"),
]


def test_new_store_has_current_schema_and_wal(tmp_path):
    path = tmp_path / "news.db"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "news.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer newsfold"):
        Store(path)


def test_commit_and_read_back(tmp_path):
    with Store(tmp_path / "news.db") as store:
        touched, pairs = commit(store, ARTICLES)
        story = dict(pairs)
        assert story["a"] == story["b"] != story["c"]
        assert touched == {story["a"], story["c"]}
        rows = {r.id: r for r in store.list_stories()}
        assert rows[story["a"]].sources == 2
        assert rows[story["a"]].first_date == "2031-03-10" and rows[story["a"]].last_date == "2031-03-11"
        assert rows[story["a"]].title == "Harbor bridge closed"
        assert [a.id for a in store.get_articles(story["a"])] == ["a", "b"]
        assert [r.id for r in store.list_stories(since="2031-03-12")] == [story["c"]]
        assert [r.id for r in store.search("riverside FLOODS")] == [story["c"]]
        assert store.search("nothing-like-this") == []
        assert store.get_brief_json(story["a"]) is None
        assert store.pending_briefs() == sorted(touched)
        store.save_brief(story["a"], '{"x": 1}', disputed=2)
        assert store.get_brief_json(story["a"]) == '{"x": 1}'
        assert store.get_story(story["a"]).disputed == 2
        assert story["a"] not in store.pending_briefs()


def test_clusterer_state_survives_reopening(tmp_path):
    path = tmp_path / "news.db"
    with Store(path) as store:
        commit(store, ARTICLES[:2])
    with Store(path) as store:
        clusterer = store.load_clusterer()
        assert clusterer.documents == 2 and clusterer.next_number == 2
        assert list(clusterer.stories) == ["s0001"]
        assert clusterer.stories["s0001"].size == 2


def test_failed_batch_leaves_nothing(tmp_path):
    with Store(tmp_path / "news.db") as store:
        commit(store, ARTICLES[:1])
        before = store.counts()
        with pytest.raises(StoreError):
            commit(store, ARTICLES[:1])  # same id again: the whole batch rolls back
        assert store.counts() == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_gives_clear_error(tmp_path):
    path = tmp_path / "news.db"
    with Store(path) as store:
        commit(store, ARTICLES[:1])
    os.chmod(path, 0o444)
    try:
        with pytest.raises(StoreError, match="read-only|cannot open"), Store(path) as store:
            commit(store, ARTICLES[1:])
    finally:
        os.chmod(path, 0o644)


def test_full_disk_keeps_no_half_written_batch(tmp_path):
    """SQLite reports a full disk as SQLITE_FULL; ``max_page_count`` makes the
    file hit that limit on any machine, so the real error path runs."""
    big = [
        Article(id=f"big{i}", title=f"Long report {i}", text="word " * 20000, published="2031-03-13")
        for i in range(4)
    ]
    with Store(tmp_path / "news.db") as store:
        commit(store, ARTICLES[:1])
        before = store.counts()
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreError, match="disk is full.*nothing of the failed batch was kept"):
            commit(store, big)
        assert store.counts() == before
        assert [a.id for a in store.get_articles(store.list_stories()[0].id)] == ["a"]


def test_write_refused_by_a_read_only_database_is_explained(tmp_path):
    """As root, file permissions do not stop writes; ``query_only`` makes
    SQLite refuse them the way a read-only file or mount does."""
    with Store(tmp_path / "news.db") as store:
        commit(store, ARTICLES[:1])
        before = store.counts()
        store._db.execute("PRAGMA query_only = 1")
        with pytest.raises(StoreError, match="read-only"):
            commit(store, ARTICLES[1:])
        store._db.execute("PRAGMA query_only = 0")
        assert store.counts() == before


def test_readonly_open_of_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)


def test_readonly_reader(tmp_path):
    path = tmp_path / "news.db"
    with Store(path) as store:
        commit(store, ARTICLES)
    with Store(path, readonly=True) as reader:
        assert len(reader.list_stories()) == 2
