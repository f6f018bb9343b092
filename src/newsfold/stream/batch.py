"""The SQL of one ingest batch: new articles, merges, and the story rows they change.

Each function runs inside the caller's transaction (``Store.commit_batch``),
so a batch is stored whole or not at all.
"""
from __future__ import annotations

import json
import sqlite3

from ..model import Article
from ..nlp.text import headline
from .identity import text_hash


def insert_articles(db: sqlite3.Connection, articles: list[Article], hashes: list[str]) -> None:
    """Append ``articles`` (with their content hashes) after the last stored one."""
    seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    db.executemany(
        "INSERT INTO articles (id, content_hash, title, text, published, published_from, outlet, url, "
        "origin, author, extra, notes, seq, text_hash, copy_of) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                a.id, h, a.title, a.text, a.published, a.published_from, a.outlet, a.url, a.origin,
                a.author, json.dumps(a.extra, ensure_ascii=False, default=str),
                json.dumps(a.notes, ensure_ascii=False), seq + n + 1, text_hash(a), a.copy_of,
            )
            for n, (a, h) in enumerate(zip(articles, hashes))
        ],
    )


def apply_merges(db: sqlite3.Connection, touched: set[str], merges: list[tuple[str, str]]) -> set[str]:
    """Move each absorbed story's articles to its survivor and delete its rows.

    Returns ``touched`` with every absorbed story replaced by the story it ended in.
    """
    touched = set(touched)
    for absorbed, survivor in merges:
        db.execute("UPDATE assignments SET story_id = ? WHERE story_id = ?", (survivor, absorbed))
        db.execute("DELETE FROM stories WHERE id = ?", (absorbed,))
        db.execute("DELETE FROM briefs WHERE story_id = ?", (absorbed,))
        db.execute("DELETE FROM pending_briefs WHERE story_id = ?", (absorbed,))
        touched.discard(absorbed)
        touched.add(survivor)
    return {final_story(story_id, merges) for story_id in touched}


def final_story(story_id: str, merges: list[tuple[str, str]]) -> str:
    """Where ``story_id`` ended after ``merges`` (in order)."""
    for absorbed, survivor in merges:
        if absorbed == story_id:
            story_id = survivor
    return story_id


def refresh_stories(db: sqlite3.Connection, story_ids: set[str], now: str) -> None:
    """Recount each story's row (title, sources, dates) and mark its brief pending."""
    for story_id in sorted(story_ids):
        row = db.execute(
            "SELECT COUNT(*), MIN(a.published), MAX(a.published) FROM assignments s "
            "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?",
            (story_id,),
        ).fetchone()
        titles = db.execute(
            "SELECT a.title FROM assignments s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? AND a.title IS NOT NULL ORDER BY a.published, a.seq",
            (story_id,),
        )
        title = next((found for (written,) in titles if (found := headline(written))), None)
        db.execute(
            "INSERT INTO stories (id, title, sources, first_date, last_date, updated) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET title=excluded.title, sources=excluded.sources, "
            "first_date=excluded.first_date, last_date=excluded.last_date, updated=excluded.updated",
            (story_id, title, row[0], row[1], row[2], now),
        )
        db.execute("INSERT OR IGNORE INTO pending_briefs (story_id) VALUES (?)", (story_id,))
