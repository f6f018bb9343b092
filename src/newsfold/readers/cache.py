"""A cache of fetched pages on disk, so a rerun does not fetch again.

Layout: ``<cache_dir>/<sha256(url)[:2]>/<sha256(url)>.body`` holds the body as
received (decompressed) and ``.json`` beside it the URL, final URL after
redirects, status, content type and fetch time. The default directory is
``$NEWSFOLD_CACHE`` or ``~/.cache/newsfold/pages``. Entries are written to a
temporary name and renamed, so an interrupted run never leaves half an entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Page:
    """One fetched response body with what is needed to read it again."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # the Content-Type header, parameters included
    body: bytes
    fetched_at: float = 0.0
    from_cache: bool = False


def default_cache_dir() -> Path:
    """``$NEWSFOLD_CACHE`` or ``~/.cache/newsfold/pages``."""
    env = os.environ.get("NEWSFOLD_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "newsfold" / "pages"


class PageCache:
    """Reads and writes :class:`Page` entries keyed by URL."""

    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory).expanduser() if directory else default_cache_dir()

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.directory / key[:2]
        return folder / f"{key}.body", folder / f"{key}.json"

    def load(self, url: str, *, max_age: float | None = None) -> Page | None:
        """The cached page for ``url``, or None when absent, unreadable or older than ``max_age`` seconds."""
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text("utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if max_age is not None and time.time() - meta.get("fetched_at", 0) > max_age:
            return None
        meta.pop("body", None)
        return Page(**{**meta, "body": body, "from_cache": True})

    def store(self, page: Page) -> None:
        """Save ``page``; a cache that cannot be written is skipped silently (fetching still worked)."""
        body_path, meta_path = self._paths(page.url)
        meta = asdict(page)
        del meta["body"], meta["from_cache"]
        try:
            body_path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(body_path, page.body)
            _write_atomic(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError:
            pass


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
