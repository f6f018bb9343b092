"""Where the web app's stories come from: a store (``--db``) or plain files.

Both backends answer the same four questions (list, brief, search, add), so the
routes in ``app.py`` never ask which one they serve.

- ``StoreStories`` reads a ``newsfold.stream.store.Store``; new stories are
  ingested into it and the store decides which story they join.
- ``FileStories`` serves a path without a store: a brief ``.json`` file, a folder
  of brief ``.json`` files (one story each), or article files / a folder of them
  (read and folded into one story on first use). Stories started from the form
  are kept in memory for the life of the process.
"""
from __future__ import annotations

import builtins
import json
import re
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import SCHEMA, Brief
from ..render import to_json
from ..render.json_out import brief_from_dict, brief_from_json
from ..outlets import outlet_name
from ..stream.listing import StoryRow, ranked_outlets, search_words, snippet

if TYPE_CHECKING:
    from ..stream.ingest import IngestOptions


@dataclass
class Added:
    """What starting a story did: the story to open, or a message for the list page."""

    story_id: str | None
    message: str
    problems: list[str]


def summarize_brief(story_id: str, brief: Brief, updated: str | None) -> StoryRow:
    dates = sorted(a.published for a in brief.sources if a.published)
    return StoryRow(
        id=story_id,
        title=brief.title,
        sources=len(brief.sources),
        first_date=dates[0] if dates else brief.date,
        last_date=dates[-1] if dates else brief.date,
        disputed=len(brief.conflicts),
        updated=updated,
        outlets=ranked_outlets(outlet_name(a) for a in brief.sources),
    )


def _stamp(moment: datetime) -> str:
    # Microseconds keep "newest first" exact for stories made within one second.
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _now() -> str:
    return _stamp(datetime.now(UTC))


def _newest_first(rows: list[StoryRow]) -> list[StoryRow]:
    return sorted(rows, key=lambda r: (r.updated or "", r.last_date or "", r.id), reverse=True)


class StoreStories:
    """Stories from a SQLite store built by ``newsfold ingest``.

    Each call opens its own read-only connection: requests run on a thread
    pool and a sqlite3 connection belongs to the thread that made it.
    """

    kind = "store"

    def __init__(self, db: str | Path, ingest_options: IngestOptions | None = None):
        from ..stream.store import Store

        self.db = str(db)
        # How the form's articles are ingested (embedder, fold); tests inject small fakes.
        self.ingest_options = ingest_options
        self._store_class = Store
        with self._open():  # fail now, with the store's own message, if it cannot be read
            pass
        self.label = Path(self.db).name

    def _open(self):
        return self._store_class(self.db, readonly=True)

    def list(self, since: str | None = None) -> list[StoryRow]:
        with self._open() as store:
            return _newest_first(store.list_stories(since=since))

    def brief_json(self, story_id: str) -> str | None:
        with self._open() as store:
            return store.get_brief_json(story_id)

    def brief(self, story_id: str) -> Brief | None:
        text = self.brief_json(story_id)
        return brief_from_json(text) if text else None

    def search(self, query: str) -> builtins.list[StoryRow]:
        with self._open() as store:
            return store.search(query)

    def add(self, inputs: builtins.list[str], date: str | None = None) -> Added:
        """Ingest into the store; clustering decides which story each article joins.

        When the new articles all land in one story, that story opens;
        otherwise the list page says what happened. ``date`` dates the
        articles that carry none (else the ingest date).
        """
        from ..stream.ingest import IngestOptions, ingest

        options = replace(self.ingest_options or IngestOptions(), quiet=True, default_date=date)
        report = ingest(inputs, self.db, options)
        message = report.summary().splitlines()[0]
        if report.new == 0:
            message = f"Nothing new: {message}"
        story_id = report.stories[0] if report.new and len(report.stories) == 1 else None
        return Added(story_id, message, list(report.problems))


def _is_brief_json(path: Path) -> bool:
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    return bool(re.search(r'"schema"\s*:\s*"' + re.escape(SCHEMA) + '"', head))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "story"


class FileStories:
    """Stories from files, without a store. Folding happens once, on first use."""

    kind = "files"

    def __init__(self, path: str | Path, fold_options: dict | None = None):
        self.path = Path(path)
        if not self.path.exists():
            raise InputError("no such file or folder; give a brief .json, article files or a folder", str(path))
        self.label = self.path.name
        self.fold_options = fold_options or {}
        self._lock = threading.Lock()
        self._briefs: dict[str, tuple[Brief, str]] | None = None
        self._added = 0

    def _load(self) -> dict[str, tuple[Brief, str]]:
        with self._lock:
            if self._briefs is None:
                self._briefs = self._read_path()
            return self._briefs

    def _read_path(self) -> dict[str, tuple[Brief, str]]:
        path = self.path
        briefs: dict[str, tuple[Brief, str]] = {}
        brief_files = (
            [path] if _is_brief_json(path)
            else sorted(p for p in path.glob("*.json") if _is_brief_json(p)) if path.is_dir()
            else []
        )
        if brief_files:
            for file in brief_files:
                updated = _stamp(datetime.fromtimestamp(file.stat().st_mtime, UTC))
                data = json.loads(file.read_text(encoding="utf-8"))
                briefs[slug(file.stem)] = (brief_from_dict(data), updated)
            return briefs
        brief, _problems = fold_inputs([str(path)], **self.fold_options)
        briefs[slug(path.stem if path.is_file() else path.name)] = (brief, _now())
        return briefs

    def list(self, since: str | None = None) -> list[StoryRow]:
        rows = [summarize_brief(sid, b, updated) for sid, (b, updated) in self._load().items()]
        if since:
            rows = [r for r in rows if (r.last_date or "") >= since]
        return _newest_first(rows)

    def brief(self, story_id: str) -> Brief | None:
        entry = self._load().get(story_id)
        return entry[0] if entry else None

    def brief_json(self, story_id: str) -> str | None:
        brief = self.brief(story_id)
        return to_json(brief) if brief else None

    def search(self, query: str) -> builtins.list[StoryRow]:
        """Stories whose title, facts, entities or sources contain every word (any case),
        each with a snippet of its first source that has the first word found."""
        words = [w.lower() for w in search_words(query)]
        hits = []
        for sid, (brief, updated) in self._load().items():
            haystack = " ".join(
                [brief.title or ""] + [f.text for f in brief.facts]
                + [e.name for e in brief.entities] + [a.title or "" for a in brief.sources]
                + [a.text for a in brief.sources]
            ).lower()
            if words and all(w in haystack for w in words):
                row = summarize_brief(sid, brief, updated)
                texts = [a.text for a in brief.sources] + [f.text for f in brief.facts] + [brief.title or ""]
                row.snippet = next((found for text in texts if (found := snippet(text, words))), None)
                hits.append(row)
        return _newest_first(hits)

    def add(self, inputs: builtins.list[str], date: str | None = None) -> Added:
        # Each paste is a source: two identical pastes are a source and its copy, as in the store.
        brief, problems = fold_inputs(inputs, date=date, keep_identical=True, **self.fold_options)
        briefs = self._load()
        with self._lock:
            self._added += 1
            story_id = f"{slug(brief.title or 'story')}-{self._added}"
            briefs[story_id] = (brief, _now())
        return Added(story_id, f"Folded {len(brief.sources)} sources.", problems)


def fold_inputs(
    inputs: list[str], date: str | None = None, keep_identical: bool = False, **options
) -> tuple[Brief, list[str]]:
    """read + fold, as ``newsfold brief`` does. Raises InputError when nothing can be read."""
    from ..pipeline import fold
    from ..readers import read_inputs

    result = read_inputs(inputs, date=date, keep_identical=keep_identical)
    if not result.articles:
        detail = "; ".join(result.problems) if result.problems else "no article text found"
        raise InputError(f"nothing to fold: {detail}")
    brief = fold(result.articles, date=date, **options)
    return brief, list(result.problems)


def open_stories(db: str | Path | None = None, path: str | Path | None = None) -> StoreStories | FileStories:
    if bool(db) == bool(path):
        raise InputError("give either a store (--db) or a PATH (a brief .json, article files or a folder)")
    if db:
        return StoreStories(db)
    assert path is not None  # exactly one of the two was given
    return FileStories(path)
