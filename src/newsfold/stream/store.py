"""The story store: one SQLite file (WAL; one writer, many readers).

Tables (``schema.py``; version in ``PRAGMA user_version``, upgraded by ``MIGRATIONS``):

- ``articles``: every article once, keyed by id, with a unique content hash
  (``identity.py``); a copy (same text hash, another outlet, URL, date or record fields) names its
  original in ``copy_of``; a read-only store on a read-only filesystem is opened ``immutable``;
- ``assignments``: article id -> story id;
- ``stories``: one row per live story (title, counts, dates, disputed count);
- ``briefs``: the brief JSON of each story; ``pending_briefs`` lists stories
  whose brief is stale (written in the same transaction as the articles, so a
  killed run rebuilds them next time);
- ``cluster_stories``, ``cluster_terms``, ``meta``: the clusterer's state
  (centroids, term weights, document frequencies, counters), so an ingest
  resumes exactly where the last committed batch ended.

Every batch is one transaction: articles, assignments, cluster state and
story rows commit together or not at all; it begins with ``BEGIN IMMEDIATE``,
so concurrent ingests take turns (waiting up to 30 s for the lock) and each
assigns its batch against the state the other committed (the SQL of a batch is in
``batch.py``, that of the clusterer's state in ``cluster_tables.py``). SQLite errors (read-only file, full
disk, a locked or corrupt database) surface as :class:`StoreError`.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Self

from ..errors import StoreError, StoreNotFound
from ..model import Article
from ..outlets import outlet_name
from .batch import apply_merges, insert_articles, refresh_stories
from .cluster import Clusterer, Params
from .cluster_tables import load_cluster_state, save_cluster_state
from .identity import content_hash, text_hash
from .listing import StoryRow, ranked_outlets, search_words, snippet
from .schema import MIGRATIONS, SCHEMA_VERSION


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Store:
    """A story store at ``path`` (created when missing unless ``readonly``)."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if not Path(self.path).exists():
                    raise StoreNotFound(f"no such database; create it with `newsfold ingest FILE --db {self.path}`",
                                        where=self.path)
                self._db, version = _open_readonly(Path(self.path).resolve())
            else:
                self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
            self._db.row_factory = sqlite3.Row
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer newsfold (schema {version}, this one reads up to "
                    f"{SCHEMA_VERSION}); upgrade newsfold: pip install -U newsfold"
                )
            if not readonly:
                self._use_wal()
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._migrate(version)
            elif version < SCHEMA_VERSION:
                raise StoreError(f"{self.path} has an older schema ({version}); run `newsfold ingest` once to upgrade it")
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _use_wal(self) -> None:
        """Switch to WAL. Two processes creating one store at once can deadlock on the
        switch (both read, both want the file alone), and SQLite then answers "locked"
        at once instead of waiting: retry for up to the lock timeout."""
        for attempt in range(300):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or attempt == 299:
                    raise
                time.sleep(0.1)

    def _migrate(self, version: int) -> None:
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                # Another process may have created the tables while this one waited for the lock.
                if self._db.execute("PRAGMA user_version").fetchone()[0] > number:
                    continue
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                if number >= 1:
                    self._rehash()
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _rehash(self) -> None:
        """Versions 2 and 3: stored articles get the identity and text hashes of :mod:`.identity`,
        so a rerun over a store written by an older newsfold still finds what it stored.

        A date that ingest gave (``published_from = "given"``) was not the article's own."""
        rows = self._db.execute("SELECT * FROM articles").fetchall()
        for row in rows:
            article = _article(row)
            if article.published_from == "given":
                article.published = None
            self._db.execute("UPDATE articles SET content_hash = ?, text_hash = ? WHERE id = ?",
                             (content_hash(article), text_hash(article), row["id"]))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits or nothing does."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                # SQLite rolls back by itself on some errors (a full disk);
                # a second ROLLBACK would then hide the real error.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StoreError(_explain(self.path, exc)) from exc

    def _query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(_explain(self.path, exc)) from exc

    # -- reading (CLI, web) ----------------------------------------------
    def list_stories(self, since: str | None = None) -> list[StoryRow]:
        """Live stories, most recent first, each with its outlets; ``since``: last article on or after that date.
        Sorting, filtering and pages for people: ``listing.select``."""
        sql = "SELECT * FROM stories"
        params: tuple = ()
        if since:
            sql += " WHERE last_date >= ?"
            params = (since,)
        sql += " ORDER BY last_date DESC, sources DESC, id"
        return self._with_outlets([_story_row(r) for r in self._query(sql, params)])

    def _with_outlets(self, rows: list[StoryRow]) -> list[StoryRow]:
        """Fill each row's ``outlets``: metadata outlet, else the URL's domain (``outlets.outlet_name``)."""
        names: dict[str, list[str | None]] = {}
        for r in self._query("SELECT s.story_id, a.id, a.outlet, a.url, a.origin FROM assignments s "
                             "JOIN articles a ON a.id = s.article_id"):
            article = Article(id=r["id"], text="", outlet=r["outlet"], url=r["url"], origin=r["origin"])
            names.setdefault(r["story_id"], []).append(outlet_name(article))
        for row in rows:
            row.outlets = ranked_outlets(names.get(row.id, []))
        return rows

    def get_story(self, story_id: str) -> StoryRow | None:
        rows = self._query("SELECT * FROM stories WHERE id = ?", (story_id,))
        return _story_row(rows[0]) if rows else None

    def get_brief_json(self, story_id: str) -> str | None:
        rows = self._query("SELECT json FROM briefs WHERE story_id = ?", (story_id,))
        return rows[0]["json"] if rows else None

    def get_articles(self, story_id: str) -> list[Article]:
        rows = self._query(
            "SELECT a.* FROM articles a JOIN assignments s ON s.article_id = a.id "
            "WHERE s.story_id = ? ORDER BY a.published, a.seq",
            (story_id,),
        )
        return [_article(r) for r in rows]

    def search(self, query: str) -> list[StoryRow]:
        """Stories whose title or articles contain every word of ``query`` (any case), each with a
        snippet of its first such article (by date) around the first word found."""
        words = search_words(query)
        if not words:
            return []
        clause = " AND ".join("(a.title LIKE ? ESCAPE '\\' OR a.text LIKE ? ESCAPE '\\')" for _ in words)
        params: list[str] = []
        for word in words:
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [pattern, pattern]
        snippets: dict[str, str | None] = {}
        for hit in self._query(
            "SELECT s.story_id, a.title, a.text FROM assignments s JOIN articles a ON a.id = s.article_id "
            f"WHERE {clause} ORDER BY a.published, a.seq", params,
        ):
            if snippets.get(hit["story_id"]) is None:
                snippets[hit["story_id"]] = snippet(hit["text"], words) or snippet(hit["title"] or "", words)
        rows = [_story_row(r) for r in self._query(
            f"SELECT * FROM stories WHERE id IN ({','.join('?' * len(snippets))}) "
            "ORDER BY last_date DESC, sources DESC, id", list(snippets))] if snippets else []
        for row in rows:
            row.snippet = snippets[row.id]
        return self._with_outlets(rows)

    def counts(self) -> dict[str, int]:
        return {
            table: self._query(f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("articles", "stories", "assignments", "briefs", "pending_briefs")
        }

    # -- ingest side -----------------------------------------------------
    def known_hashes(self, hashes: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(hashes), 500):
            part = hashes[start : start + 500]
            rows = self._query(
                f"SELECT content_hash FROM articles WHERE content_hash IN ({','.join('?' * len(part))})", part
            )
            found.update(r[0] for r in rows)
        return found

    def known_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = self._query(f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(part))})", part)
            found.update(r[0] for r in rows)
        return found

    def originals(self, text_hashes: list[str]) -> dict[str, str]:
        """text hash -> the id of the first stored article (not itself a copy) with that text."""
        found: dict[str, str] = {}
        for start in range(0, len(text_hashes), 500):
            part = text_hashes[start : start + 500]
            rows = self._query(
                f"SELECT text_hash, id FROM articles WHERE copy_of IS NULL AND text_hash IN ({','.join('?' * len(part))}) "
                "ORDER BY seq", part)
            for digest, article_id in rows:
                found.setdefault(digest, article_id)
        return found

    def story_of(self, article_id: str) -> str | None:
        """The live story ``article_id`` is assigned to, or None when it is not stored."""
        rows = self._query("SELECT story_id FROM assignments WHERE article_id = ?", (article_id,))
        return self.live_story(rows[0][0]) if rows else None

    def load_clusterer(self, params: Params | None = None) -> Clusterer:
        """The clusterer as the last committed batch left it."""
        state = load_cluster_state(self._query, (params or Params()).window_days)
        return Clusterer.from_state(state, params)

    def documents(self) -> int:
        """How many articles the stored clusterer has seen: it grows with every committed batch,
        so a writer whose clusterer counts fewer has missed another writer's batches."""
        rows = self._query("SELECT value FROM meta WHERE key = 'documents'")
        return int(rows[0][0]) if rows else 0

    def live_story(self, story_id: str) -> str:
        """The story ``story_id`` is part of now (it may have been merged since, by any writer)."""
        for _ in range(10_000):  # a merge chain is finite; the bound only guards a corrupt table
            rows = self._query("SELECT merged_into FROM cluster_stories WHERE id = ?", (story_id,))
            if not rows or rows[0][0] is None:
                break
            story_id = rows[0][0]
        return story_id

    def commit_batch(
        self,
        articles: list[Article],
        hashes: list[str],
        assignments: list[tuple[str, str]],
        merges: list[tuple[str, str]],
        clusterer: Clusterer,
    ) -> set[str]:
        """Write one batch atomically: articles, assignments, merges, cluster state, story rows.

        Returns the live stories it touched (merges followed); their briefs are marked pending.
        """
        with self.transaction():
            touched = self.write_batch(articles, hashes, assignments, merges, clusterer)
        clusterer.clear_changes()
        return touched

    def write_batch(
        self,
        articles: list[Article],
        hashes: list[str],
        assignments: list[tuple[str, str]],
        merges: list[tuple[str, str]],
        clusterer: Clusterer,
    ) -> set[str]:
        """:meth:`commit_batch` inside the caller's :meth:`transaction` (which also assigned the batch)."""
        db = self._db
        insert_articles(db, articles, hashes)
        db.executemany("INSERT INTO assignments (article_id, story_id) VALUES (?, ?)", assignments)
        touched = apply_merges(db, {story_id for _, story_id in assignments}, merges)
        save_cluster_state(db, clusterer.state())
        refresh_stories(db, touched, _now())
        return touched

    def pending_briefs(self) -> list[str]:
        return [r[0] for r in self._query("SELECT story_id FROM pending_briefs ORDER BY story_id")]

    def save_brief(self, story_id: str, brief_json: str, disputed: int, article_ids: list[str] | None = None) -> bool:
        """Store a rebuilt brief and clear its pending mark (one transaction).

        With ``article_ids`` (those the brief was folded from), nothing is saved
        and False returned when the story holds other articles by now: another
        writer changed it meanwhile, left it pending, and rebuilds it.
        """
        now = _now()
        with self.transaction() as db:
            if article_ids is not None:
                current = db.execute("SELECT article_id FROM assignments WHERE story_id = ?", (story_id,)).fetchall()
                if sorted(r[0] for r in current) != sorted(article_ids):
                    return False
            db.execute(
                "INSERT OR REPLACE INTO briefs (story_id, json, updated) VALUES (?, ?, ?)", (story_id, brief_json, now)
            )
            db.execute("UPDATE stories SET disputed = ?, updated = ? WHERE id = ?", (disputed, now, story_id))
            db.execute("DELETE FROM pending_briefs WHERE story_id = ?", (story_id,))
        return True


def _open_readonly(path: Path) -> tuple[sqlite3.Connection, int]:
    """A read-only connection and the schema version.

    Reading a WAL store still writes its ``-shm`` index beside it, which fails
    on a read-only filesystem (a mounted snapshot, a CD, a read-only volume).
    There nothing can write the store either, so it is opened ``immutable``:
    no locks, no ``-shm``. Elsewhere ``immutable`` would be wrong, as a running
    ingest may change the store under the reader.
    """
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    try:
        return db, db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK) and not _read_only_filesystem(path):
            raise
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, isolation_level=None)
    return db, db.execute("PRAGMA user_version").fetchone()[0]


def _read_only_filesystem(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _story_row(row: sqlite3.Row) -> StoryRow:
    return StoryRow(
        id=row["id"], title=row["title"], sources=row["sources"], first_date=row["first_date"],
        last_date=row["last_date"], disputed=row["disputed"], updated=row["updated"],
    )


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], text=row["text"], title=row["title"], outlet=row["outlet"], published=row["published"],
        published_from=row["published_from"], origin=row["origin"], url=row["url"], author=row["author"],
        extra=json.loads(row["extra"]), notes=json.loads(row["notes"]), copy_of=row["copy_of"],
    )


def _explain(path: str, exc: sqlite3.Error) -> str:
    message = str(exc)
    lowered = message.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return f"{path}: the database is read-only ({message}); check the file's and its folder's permissions"
    if "full" in lowered:
        return f"{path}: the disk is full ({message}); free space and rerun: nothing of the failed batch was kept"
    if "locked" in lowered or "busy" in lowered:
        return f"{path}: the database is locked by another writer ({message}); wait for it to finish and rerun"
    if "not a database" in lowered or "malformed" in lowered:
        return f"{path}: not a newsfold database or corrupt ({message})"
    if "unable to open" in lowered:
        return f"{path}: cannot open the database ({message}); check that the folder exists and is writable"
    return f"{path}: database error: {message}"


def today() -> str:
    return date.today().isoformat()
