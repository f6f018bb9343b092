"""Which outlet published a source: the name a citation and the story list show.

A documented cascade, first hit wins:

1. the outlet the reader found (page metadata: ``og:site_name``, JSON-LD
   ``publisher``; a JSONL ``outlet`` field; an ``outlet`` header line);
2. the domain of the article's http(s) URL, without ``www.`` (``straitstimes.com``);
3. a "Source: X" line that the clean stage removed from the text (``Source: Reuters``);
4. nothing (``None``): the caller shows the source id instead.

Only reads an :class:`~newsfold.model.Article`; the article is never changed,
so the brief's JSON keeps ``outlet`` exactly as read.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from .model import Article

# "Source: Reuters", "(Source: The Daily Star)", "SOURCE - AFP." — one short name, nothing after it.
_SOURCE_LINE = re.compile(r"^\W*source\s*[:\-–—]\s*(?P<name>\S.*?)[\s.)\]]*$", re.IGNORECASE)
_NOT_ONE_NAME = re.compile(r"[.;!?]\s|[,;/]|\s(?:and|&)\s", re.IGNORECASE)
_WWW = re.compile(r"^www\d*\.")
_MAX_NAME_WORDS = 6


def domain(url: str | None) -> str | None:
    """``https://www.example.co.uk/a/b`` -> ``example.co.uk``; None for a non-http(s) or hostless URL."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed port or bracket
        return None
    if not host or "." not in host:
        return None
    return _WWW.sub("", host.rstrip("."))


def url_outlet(article: Article) -> str | None:
    """The domain of the article's URL (its ``url``, else an http(s) ``origin``)."""
    return domain(article.url) or domain(article.origin)


def source_line_outlet(article: Article) -> str | None:
    """The X of a removed "Source: X" line, when X is one short name (or a URL: its domain)."""
    for span in article.removed:
        if span.reason != "source-line":
            continue
        match = _SOURCE_LINE.match(article.text[span.start : span.end].strip())
        if not match:
            continue
        name = match.group("name").strip()
        if name.lower().startswith(("http://", "https://")):
            return domain(name)
        words = name.split()
        # "Source: agencies and staff reports" is a note and "Source: AFP, Reuters" a list of
        # agencies, not the outlet: a name starts upper-case and is one name, no sentence.
        if len(words) <= _MAX_NAME_WORDS and name[0].isupper() and not _NOT_ONE_NAME.search(name):
            return name
    return None


def outlet_name(article: Article) -> str | None:
    """The outlet to show for ``article`` (see the module's cascade), or None."""
    given = (article.outlet or "").strip()
    return given or url_outlet(article) or source_line_outlet(article)
