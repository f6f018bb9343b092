"""What makes two stored articles the same article, and what makes one a copy of another.

The same article read twice (an ingest rerun, a line repeated in a file) has
the same :func:`content_hash` and is stored once. An article with the same
text but anything else of its own (another outlet, URL, date, author, or
other fields of its record, such as a dataset's labels) is a *copy*: it shares
the :func:`text_hash` of its original, is stored with ``copy_of`` set and joins
the original's story, so a brief counts it once while what it adds is kept.

The id is not part of the identity: readers derive ids from line numbers and
file names, which change when a file is edited or renamed, and a rerun must
still find what it stored.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date

from ..model import Article


def content_hash(article: Article) -> str:
    """The article's identity: every field it was read with except its id, exactly."""
    parts = (article.title or "", article.text, article.outlet or "", article.url or "", _day(article.published),
             article.author or "", json.dumps(article.extra, sort_keys=True, ensure_ascii=False, default=str))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def text_hash(article: Article) -> str:
    """The article's words, spacing aside: equal for an article and its copies."""
    return hashlib.sha256(" ".join(article.text.split()).encode()).hexdigest()


def _day(published: str | None) -> str:
    """The publication day as ingest stores it (``YYYY-MM-DD``); '' when missing or not a date."""
    try:
        return date.fromisoformat((published or "")[:10]).isoformat()
    except ValueError:
        return ""
