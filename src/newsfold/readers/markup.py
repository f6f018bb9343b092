"""HTML inside other inputs: a record's "text" field holding tags, and a
page's HTML read into an Article through ``readers.html`` (imported only then).

Some feeds and exports put a page's body, tags and all, in a record's text
field ("<p>First paragraph.</p><p>Second…</p>"). Read as plain text, the tags
end in sentences and facts ("</p>."). Such a text is turned into plain text
here: block tags become paragraph breaks, other tags go, entities are
unescaped. It is not a page (no navigation to strip), so this is a light
pass, not ``readers.html``'s main-text extraction.
"""
from __future__ import annotations

import html
import re

from ..errors import NewsfoldError
from ..model import Article

# Closing or self-closing block tags, and line breaks: where a paragraph ends.
_BLOCK = re.compile(r"<\s*(?:/\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article)|br\s*/?|hr\s*/?)\s*>",
                    re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?\s*>")
_SCRIPT = re.compile(r"<\s*(script|style)\b[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BREAKS = re.compile(r"\s*\n\s*(?:\n\s*)+")
_MIN_TAGS = 2


def holds_markup(text: str) -> bool:
    """Whether ``text`` is HTML markup: at least two paragraph-ending tags."""
    return len(_BLOCK.findall(text)) >= _MIN_TAGS


def markup_to_text(text: str) -> str:
    """Plain text of an HTML fragment, one blank line between paragraphs."""
    text = _SCRIPT.sub(" ", text)
    text = _BLOCK.sub("\n\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BREAKS.sub("\n\n", "\n".join(lines)).strip()


def article_from_html_text(html: str, *, id: str, origin: str, url: str | None, problems: list[str]) -> Article | None:
    """HTML -> Article through :mod:`newsfold.readers.html` (imported only when needed)."""
    try:
        from .html import article_from_html
    except ImportError as exc:
        problems.append(f"{origin}: cannot read HTML here ({exc}); skipped")
        return None
    try:
        return article_from_html(html, id=id, origin=origin, url=url, problems=problems)
    except NewsfoldError as exc:
        message = str(exc)
        problems.append(message if message.startswith(origin) else f"{origin}: {message}")
        return None
