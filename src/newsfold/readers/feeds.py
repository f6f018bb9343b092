"""RSS and Atom feeds: tell a feed from a page, and list its items.

A feed given as a file or URL stands for the articles it links to; the reader
fetches each item's page and uses the item's title and date when the page has
none. Parsing is ``feedparser``'s; it never fetches anything here because it is
always handed bytes, not a URL.
"""
from __future__ import annotations

import email.utils
import re
import time
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

from ..errors import InputError, MissingExtraError

# The root element of a feed, after an optional XML declaration, comments,
# processing instructions (stylesheets) and a doctype.
_FEED_ROOT = re.compile(
    rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w.-]+:)?(rss|feed|rdf:RDF|RDF)\b",
    re.DOTALL | re.IGNORECASE,
)


@dataclass
class FeedItem:
    """One entry of a feed: where the article is and what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    summary: str | None = None


def looks_like_feed(data: bytes) -> bool:
    """True when ``data`` starts like an RSS, RDF or Atom document (BOM and whitespace allowed)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_FEED_ROOT.match(head))


def feed_items(data: bytes, origin: str) -> list[FeedItem]:
    """The items of the feed in ``data``, in feed order, links made absolute against ``origin``.

    Items without a link are skipped (there is nothing to read). Raises
    InputError naming ``origin`` when the bytes are not a feed at all.
    """
    try:
        import feedparser
    except ImportError:  # pragma: no cover - depends on the install
        raise MissingExtraError("feedparser", "web") from None

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries and not parsed.get("version"):
        raise InputError(f"not a readable RSS or Atom feed ({parsed.get('bozo_exception')})", origin)
    base = parsed.feed.get("link") or origin
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or _first_alternate(entry)
        if not link:
            continue
        items.append(
            FeedItem(
                url=urljoin(base if "://" in base else origin, link),
                title=(entry.get("title") or "").strip() or None,
                published=_item_date(entry),
                summary=(entry.get("summary") or "").strip() or None,
            )
        )
    return items


def _first_alternate(entry) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _item_date(entry) -> str | None:
    """The item's publication date as YYYY-MM-DD, in the publisher's own time zone.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a late
    evening story to the next day; so the date as written is read first (RFC 822
    for RSS, ISO 8601 for Atom) and the UTC value is the fallback.
    """
    for key in ("published", "updated", "dc_date"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
