"""What makes two stored articles the same article, and what makes one a copy of another.

The same article read twice (an ingest rerun, a line repeated in a file) has
the same :func:`content_hash` and is stored once. Another outlet's (or URL's)
article with the same text is a *copy*: it shares the :func:`text_hash` of its
original, is stored with ``copy_of`` set and joins the original's story, so a
brief counts it once while its outlet, URL and date are kept.
"""
from __future__ import annotations

import hashlib

from ..model import Article


def content_hash(article: Article) -> str:
    """The article's identity: title, text, outlet and URL, exactly (ids may be renamed on the way in)."""
    parts = (article.title or "", article.text, article.outlet or "", article.url or "")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def text_hash(article: Article) -> str:
    """The article's words, spacing aside: equal for an article and its copies."""
    return hashlib.sha256(" ".join(article.text.split()).encode()).hexdigest()
