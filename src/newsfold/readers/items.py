"""Python objects handed to ``newsfold.fold`` -> articles.

The API takes what a developer has at hand: :class:`Article` objects, dicts
with the JSONL fields (``id``, ``title``, ``text`` or ``html``, ``published``,
``outlet``, ``url``) or plain strings (one article's text each; a leading
``date 2031-03-14`` line dates it, as in a .txt file). Anything else is an
:class:`InputError` naming the item.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import InputError
from ..model import Article
from .files import article_from_record, article_from_text

ORIGIN = "<python>"


def articles_from_items(items: Iterable[Any]) -> tuple[list[Article], list[str]]:
    """Every item as an Article (ids ``001``, ``002``... where the item gives
    none), and the problems that did not stop an item (a bad date, ignored)."""
    if isinstance(items, str | bytes | Mapping | Article):
        raise InputError("fold takes a list of articles; wrap a single one in a list: fold([article])")
    articles: list[Article] = []
    problems: list[str] = []
    for number, item in enumerate(items, start=1):
        default_id, where = f"{number:03d}", f"item {number}"
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, Mapping):
            found: list[str] = []
            article = article_from_record(dict(item), default_id=default_id, origin=ORIGIN, where=where,
                                          problems=found)
            if article is None:
                raise InputError("; ".join(p.removesuffix("; skipped") for p in found))
            problems.extend(found)
            articles.append(article)
        elif isinstance(item, str):
            if not item.strip():
                raise InputError(f"{where}: empty text; drop it or give the article's text")
            articles.append(article_from_text(item, id=default_id, origin=ORIGIN))
        else:
            raise InputError(f"{where}: {type(item).__name__} is not an article; pass Article objects, "
                             "dicts with the JSONL fields (text, title, published, outlet, url) or strings")
    return articles, problems
