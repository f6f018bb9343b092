"""The story store's tables, as a list of migrations (schema version = ``PRAGMA user_version``).

A new version appends one entry; a store written by an older newsfold is
upgraded by running the entries it lacks, each in its own transaction.
"""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # version 1
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        published_from TEXT,
        outlet TEXT,
        url TEXT,
        origin TEXT,
        author TEXT,
        extra TEXT NOT NULL DEFAULT '{}',
        notes TEXT NOT NULL DEFAULT '[]',
        seq INTEGER NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        sources INTEGER NOT NULL DEFAULT 0,
        first_date TEXT,
        last_date TEXT,
        disputed INTEGER NOT NULL DEFAULT 0,
        updated TEXT
    );
    CREATE INDEX stories_last_date ON stories(last_date);
    CREATE TABLE assignments (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL
    );
    CREATE INDEX assignments_story ON assignments(story_id);
    CREATE TABLE briefs (
        story_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        updated TEXT
    );
    CREATE TABLE pending_briefs (story_id TEXT PRIMARY KEY);
    CREATE TABLE cluster_stories (
        id TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        vector_sum BLOB NOT NULL,
        terms TEXT NOT NULL,
        names TEXT NOT NULL,
        first_day INTEGER NOT NULL,
        last_day INTEGER NOT NULL,
        merged_into TEXT
    );
    CREATE INDEX cluster_stories_last_day ON cluster_stories(last_day);
    CREATE TABLE cluster_terms (term INTEGER PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # version 2: copies (same text, another outlet or URL) are stored and point at their original;
    # content_hash becomes the identity of identity.content_hash, recomputed by Store._migrate
    """
    ALTER TABLE articles ADD COLUMN text_hash TEXT;
    ALTER TABLE articles ADD COLUMN copy_of TEXT;
    CREATE INDEX articles_text_hash ON articles(text_hash);
    """,
    # version 3: the identity also covers the date, author and the record's other fields (one text
    # in two records with their own labels is an article and its copy); content_hash recomputed by Store._migrate
    """
    -- no table changes
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
