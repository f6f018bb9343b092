"""Read inputs (paths, directories, ``-``, URLs, feeds) into Articles.

:func:`read_inputs` is the one entry point. Local text, JSON and JSONL files
and stdin are read by :mod:`.files`; HTML files by :mod:`.html`; URLs, feed
files and their items by :mod:`.web` and :mod:`.feeds`. Those three are
imported only when an input needs them, so a missing extra costs one problem
line for that input, not the whole run.

Every input that cannot be used becomes a one-line problem naming the file
(and line) and what happened; nothing is dropped silently. Only a missing path,
a bad ``date`` or a run with no readable article at all raises InputError.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from functools import partial
from pathlib import Path
from typing import Any

from ..errors import InputError, NewsfoldError
from ..model import Article
from . import files, markup
from .result import ReadResult

Problems = list[str]


def read_inputs(
    inputs: list[str],
    *,
    date: str | None = None,
    max_bytes: int = 5_000_000,
    allow_private: bool = False,
    refresh: bool = False,
    cache_dir: str | Path | None = None,
    progress: bool | None = None,
    keep_identical: bool = False,
    keep_title_only: bool = False,
) -> ReadResult:
    """Read every input into Articles with unique ids.

    ``date`` (YYYY-MM-DD) is only checked here, so a typo fails before any
    fetching; the dating stage applies it to sources it cannot date otherwise.
    URLs are fetched together, in one call, at the place of the first URL.
    Articles with the same text count once (a report read twice), unless
    ``keep_identical`` (clustering assigns every article, copies included).
    ``progress`` is for fetching: None draws a bar on a terminal, False none.
    A JSON record with a title but no text is kept (with empty text) only
    with ``keep_title_only`` (clustering can place it by its title; a brief
    has nothing to cite in it); otherwise it is a problem line.
    """
    if not inputs:
        raise InputError("no inputs given; pass files, directories, URLs or - for stdin")
    if date is not None:
        _check_date(date)
    web_options: dict[str, Any] = {"allow_private": allow_private, "refresh": refresh, "cache_dir": cache_dir,
                                   "progress": progress, "max_bytes": max_bytes}
    problems: Problems = []
    articles = _read_all([str(item) for item in inputs], max_bytes, web_options, problems)
    if not keep_title_only:
        articles = _drop_title_only(articles, problems)
    if not keep_identical:
        articles = _drop_identical(articles, problems)
    _make_ids_unique(articles)
    if not articles:
        raise _nothing_read(inputs, problems)
    return ReadResult(articles, problems)


def _read_all(inputs: list[str], max_bytes: int, web_options: dict[str, Any], problems: Problems) -> list[Article]:
    """Every input's articles, in input order; all URLs are fetched at the place of the first."""
    chunks: list[list[Article]] = []
    urls: list[str] = []
    url_chunk: list[Article] = []
    for item in inputs:
        if item.lower().startswith(("http://", "https://")):
            if not urls:
                chunks.append(url_chunk)
            urls.append(item)
        elif item == "-":
            chunks.append(_guarded(lambda: files.read_stdin(max_bytes, problems), problems))
        else:
            path = Path(item)
            if not path.exists():
                raise InputError("no such file or directory; check the path", where=item)
            paths = _directory_files(path, problems) if path.is_dir() else [path]
            for one in paths:
                chunks.append(_guarded(partial(_read_path, one, max_bytes, web_options, problems), problems))
    if urls:
        url_chunk.extend(_fetch(urls, web_options, problems, where=None))
    return [a for chunk in chunks for a in chunk]


def _drop_title_only(articles: list[Article], problems: Problems) -> list[Article]:
    kept = []
    for article in articles:
        if article.text:
            kept.append(article)
        else:
            problems.append(f'{article.origin}: record has no "text" or "html", only a title; skipped')
    return kept


def _nothing_read(inputs: list[str], problems: Problems) -> InputError:
    names = ", ".join(map(str, inputs[:5])) + (f" and {len(inputs) - 5} more" if len(inputs) > 5 else "")
    shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
    error = InputError(f"no readable articles in {names}" + (f" ({shown})" if shown else ""))
    error.problems = problems
    return error


def _check_date(value: str) -> None:
    try:
        Date.fromisoformat(str(value))
        ok = len(str(value)) == 10
    except ValueError:
        ok = False
    if not ok:
        raise InputError(f"--date {value!r} is not a date; use YYYY-MM-DD, e.g. 2031-03-14")


def _guarded(read: Callable[[], list[Article]], problems: Problems) -> list[Article]:
    """Run one reader; an unusable input becomes its problem line."""
    try:
        return read()
    except files.Unreadable as exc:
        problems.append(str(exc))
        return []


def _directory_files(folder: Path, problems: list[str]) -> list[Path]:
    """Supported files directly in ``folder``, sorted; the others are named in one problem line."""
    entries = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    used = [p for p in entries if p.suffix.lower() in files.SUPPORTED_SUFFIXES]
    unused = [p.name for p in entries if p not in used]
    if unused:
        listed = ", ".join(unused[:5]) + (", …" if len(unused) > 5 else "")
        problems.append(f"{folder}: {len(unused)} file(s) of unsupported type skipped ({listed})")
    if not used:
        problems.append(f"{folder}: no .txt, .md, .json, .jsonl, .html or feed files in this directory")
    return used


def _read_path(path: Path, max_bytes: int, web_options: dict[str, Any], problems: list[str]) -> list[Article]:
    """One file, by its suffix; an unknown suffix named on purpose is read as plain text."""
    suffix = path.suffix.lower()
    if suffix in files.JSON_SUFFIXES:
        return files.read_json_file(path, max_bytes, problems)
    if suffix in files.JSONL_SUFFIXES:
        return files.read_jsonl_file(path, max_bytes, problems)
    if suffix in files.HTML_SUFFIXES:
        html, note = files.decode_reporting(files.read_bytes(path, max_bytes), str(path), problems)
        article = markup.article_from_html_text(html, id=path.stem, origin=str(path), url=None, problems=problems)
        if article is not None and note:
            article.notes.append(note)
        return [article] if article is not None else []
    if suffix in files.FEED_SUFFIXES:
        return _read_feed_file(path, max_bytes, web_options, problems)
    return files.read_text_file(path, max_bytes, problems)


def _read_feed_file(path: Path, max_bytes: int, web_options: dict[str, Any], problems: list[str]) -> list[Article]:
    """A saved RSS/Atom file: its items' pages are fetched; the feed fills missing titles and dates."""
    data = files.read_bytes(path, max_bytes)
    try:
        from .feeds import feed_items, looks_like_feed
    except ImportError as exc:
        problems.append(f"{path}: cannot read feeds here ({exc}); skipped")
        return []
    if not looks_like_feed(data):
        problems.append(f"{path}: not an RSS or Atom feed; skipped")
        return []
    try:
        items = feed_items(data, str(path))
    except NewsfoldError as exc:
        problems.append(str(exc))
        return []
    by_url = {item.url: item for item in items if getattr(item, "url", None)}
    if not by_url:
        problems.append(f"{path}: the feed lists no items with links")
        return []
    from .web import fill_from_feed_item

    articles = _fetch(list(by_url), web_options, problems, where=str(path))
    for article in articles:
        item = by_url.get(article.origin or "") or by_url.get(article.url or "")
        if item is not None:
            fill_from_feed_item(article, item, str(path))
    return articles


def _fetch(urls: list[str], web_options: dict[str, Any], problems: list[str], where: str | None) -> list[Article]:
    """URLs -> Articles through :mod:`.web`; without it, one problem line per URL."""
    try:
        from .web import fetch_articles
    except ImportError as exc:
        suffix = f" (item of {where})" if where else ""
        problems.extend(f"{url}: cannot fetch URLs here ({exc}); skipped{suffix}" for url in urls)
        return []
    try:
        result = fetch_articles(urls, **web_options)
    except NewsfoldError as exc:
        problems.append(f"{where or ', '.join(urls)}: {exc}")
        return []
    problems.extend(result.problems)
    return list(result.articles)


def _drop_identical(articles: list[Article], problems: list[str]) -> list[Article]:
    """Keep one source per text (headers and spacing aside): the same report read twice counts once."""
    kept: dict[str, Article] = {}
    for article in articles:
        key = " ".join(_without_header(article).split())
        first = kept.setdefault(key, article)
        if first is not article:
            first.notes.append(f"identical to {article.id} ({article.origin}); counted once")
            problems.append(f"{article.origin or article.id}: same text as {first.origin or first.id}; counted once")
    return list(kept.values())


def _without_header(article: Article) -> str:
    text = article.text
    for span in sorted((r for r in article.removed if r.reason == "header"), key=lambda r: -r.start):
        text = text[: span.start] + text[span.end:]
    return text


def _make_ids_unique(articles: list[Article]) -> None:
    """First use of an id keeps it; later ones get ``-2``, ``-3``... never taking an id in use."""
    taken = {a.id for a in articles}
    seen: set[str] = set()
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            continue
        n = 2
        while f"{article.id}-{n}" in taken:
            n += 1
        new_id = f"{article.id}-{n}"
        article.notes.append(f"id {article.id!r} was already used by another source; renamed to {new_id!r}")
        article.id = new_id
        taken.add(new_id)
        seen.add(new_id)


__all__ = ["ReadResult", "read_inputs"]
