"""Read local files and stdin into Articles: .txt/.md, .json, .jsonl, and the
bytes of .html and feed files for :mod:`newsfold.readers.html` / ``feeds``.

Text is decoded once and never changed afterwards, because every offset in a
brief indexes it. Header lines at the top of a text file (``date 2031-03-14``,
``title: ...``) set fields and become a ``Removed(reason="header")`` span;
they are not cut out.

Readers append one-line problems ("file:LINE: what; what happens") to the
``problems`` list they are given and return the articles they could read. A
file that cannot be used at all raises :class:`Unreadable` with that line.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import select
import stat
import sys
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..model import Article, Removed
from . import jsondata
from .markup import article_from_html_text, holds_markup, markup_to_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

# Record fields with a place in Article; everything else goes to Article.extra.
RECORD_FIELDS = ("id", "title", "text", "html", "published", "outlet", "url", "author")


class Unreadable(Exception):
    """A whole input cannot be used; the message is the problem line to show."""


# -- bytes and text ------------------------------------------------------------------


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` (a regular file before reading it).

    A FIFO, a socket or a device (``/dev/zero``, a named pipe, ``<(command)``)
    has no size to check, so at most ``max_bytes + 1`` bytes are read from it,
    and it is refused when nothing writes to it for ``PIPE_IDLE_SECONDS``.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return _read_stream(path, max_bytes)
        if info.st_size > max_bytes:
            raise Unreadable(
                f"{path}: {info.st_size:,} bytes is over the {max_bytes:,}-byte limit; skipped "
                f"(pass --max-bytes {info.st_size} to read it)"
            )
        with path.open("rb") as handle:  # the file may have grown since stat()
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise Unreadable(f"{path}: cannot read it ({exc.strerror or exc}); skipped") from None
    if len(data) > max_bytes:
        raise Unreadable(f"{path}: over the {max_bytes:,}-byte limit; skipped (pass --max-bytes to read more)")
    return data


PIPE_IDLE_SECONDS = 10.0


def _read_stream(path: Path, max_bytes: int) -> bytes:
    """Up to ``max_bytes`` from a pipe or device, never blocking longer than ``PIPE_IDLE_SECONDS`` at a time.

    Opened non-blocking, because opening a FIFO that no process writes to
    blocks forever; then each wait for data is bounded by ``select.poll``.
    """
    if stat.S_ISDIR(path.stat().st_mode):
        raise Unreadable(f"{path}: a directory, not a file; skipped")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            if not poller.poll(PIPE_IDLE_SECONDS * 1000):
                what = "nothing was written to it" if not size else "no more data came"
                raise Unreadable(f"{path}: {what} for {PIPE_IDLE_SECONDS:g} s (a pipe or FIFO with no "
                                 "writer?); skipped. Write the data to a regular file and pass that")
            try:
                chunk = os.read(fd, min(1 << 16, max_bytes + 1 - size))
            except BlockingIOError:
                continue
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > max_bytes:
        raise Unreadable(f"{path}: more than {max_bytes:,} bytes (not a regular file); skipped "
                         "(pass --max-bytes to read more)")
    return b"".join(chunks)


def decode(data: bytes, where: str) -> tuple[str, str | None]:
    """Bytes -> (text, note). UTF-8 first; a UTF-16 BOM; else charset detection.

    The note says which encoding was guessed, so a reader can check odd
    characters. NUL bytes mean a binary file (text never contains them).
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "decoded as UTF-16 (byte-order mark)"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise Unreadable(f"{where}: binary file (contains NUL bytes), not text; skipped")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data, where)
    if mostly_utf8 is not None:
        return mostly_utf8
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise Unreadable(f"{where}: not text in any known encoding (binary file?); skipped")
    encoding = best.encoding
    # Short Western texts fit several code pages equally well; Windows-1252 is
    # by far the most common legacy encoding of news text, so it wins a tie.
    if any("cp1252" in m.could_be_from_charset for m in matches
           if (m.chaos, m.coherence) == (best.chaos, best.coherence)):
        encoding = "cp1252"
    return data.decode(encoding, errors="replace"), f"not UTF-8; decoded as {encoding} (detected)"


INVALID_UTF8 = "not valid UTF-8"


def _mostly_utf8(data: bytes, where: str) -> tuple[str, str] | None:
    """UTF-8 text with a few broken bytes (a bad paste, a truncated character) -> (text, warning).

    Valid multi-byte UTF-8 sequences almost never occur by chance in a legacy
    code page, so a file that has more of them than invalid sequences is UTF-8
    with damage: decoding the whole file in another code page, as detection
    would, garbles every good character to save a few bad ones. The invalid
    bytes become U+FFFD. None when the file does not look like UTF-8.
    """
    text = data.decode("utf-8-sig", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - text.count("\ufffd")
    if invalid <= 0 or multibyte < invalid:
        return None
    return text, (f"{where}: {invalid} byte sequence(s) {INVALID_UTF8}, replaced with \ufffd; "
                  "the rest is read as UTF-8 (re-save the file as UTF-8 to fix it)")


def decode_reporting(data: bytes, where: str, problems: list[str]) -> tuple[str, str | None]:
    """:func:`decode`, with damaged UTF-8 also reported as a problem line (the text is still read)."""
    text, note = decode(data, where)
    if note and INVALID_UTF8 in note:
        problems.append(note)
    return text, note


def _decoded(path: Path, max_bytes: int, problems: list[str]) -> tuple[str, str | None]:
    text, note = decode_reporting(read_bytes(path, max_bytes), str(path), problems)
    if not text.strip():
        raise Unreadable(f"{path}: empty file, skipped")
    return text, note


# -- text files and their header ---------------------------------------------------------

_HEADER_KEY = re.compile(r"[ \t]*(?P<key>date|title|outlet|url|author)\b(?P<colon>[ \t]*:)?[ \t]*", re.I)
# A date header is only the date token: in some files the body goes on after it on the same line.
_HEADER_DATE = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)")
_LINE_END = re.compile(r"[^\r\n]*")


def _line_at(text: str, pos: int) -> re.Match[str]:
    """The rest of the line from ``pos`` (``_LINE_END`` matches everywhere, if only the empty string)."""
    line = _LINE_END.match(text, pos)
    assert line is not None
    return line


def parse_header(text: str) -> tuple[dict[str, str], list[Removed]]:
    """Leading ``key value`` lines (date, title, outlet, url, author) -> fields and spans.

    Stops at the first line that is not a header. Without a colon, a title,
    outlet or author line counts only after another header line and when it
    looks like a label (short, no final full stop), so a first line such as
    "Author Jane Doe wins prize" stays text.
    """
    fields: dict[str, str] = {}
    spans: list[Removed] = []
    pos = len(text) - len(text.lstrip())
    while pos < len(text):
        match = _HEADER_KEY.match(text, pos)
        if not match or match["key"].lower() in fields:
            break
        key, value_at = match["key"].lower(), match.end()
        if key == "date":
            day = _HEADER_DATE.match(text, value_at)
            if not day or _iso_day(day["day"]) is None:
                break
            fields["date"] = day["day"]
            spans.append(Removed(match.start("key"), day.end(), "header"))
            rest = _line_at(text, day.end())
            if rest[0].strip():  # the body starts on this line
                break
            pos = rest.end()
        else:
            line = _line_at(text, value_at)
            value = line[0].strip()
            if not _header_value_ok(key, value, colon=bool(match["colon"]), in_block=bool(spans)):
                break
            fields[key] = value
            spans.append(Removed(match.start("key"), value_at + len(line[0].rstrip()), "header"))
            pos = line.end()
        pos += len(text[pos:]) - len(text[pos:].lstrip())
    return fields, spans


def _header_value_ok(key: str, value: str, *, colon: bool, in_block: bool) -> bool:
    if not value:
        return False
    if key == "url":
        return bool(re.match(r"https?://\S+$", value))
    if colon:
        return True
    # "Author Jane Doe wins prize" may be a headline: without a colon, only a line
    # inside a header block that another header line opened counts.
    return in_block and len(value.split()) <= 12 and not value.endswith((".", "!", "?", ",", ";"))


def article_from_text(text: str, *, id: str, origin: str | None) -> Article:
    """A plain text (or Markdown) source; its header, if any, sets fields."""
    fields, spans = parse_header(text)
    article = Article(id=id, text=text, origin=origin, removed=spans)
    article.title = fields.get("title")
    article.outlet = fields.get("outlet")
    article.url = fields.get("url")
    article.author = fields.get("author")
    if "date" in fields:
        article.published, article.published_from = fields["date"], "header"
    return article


def read_text_file(path: Path, max_bytes: int, problems: list[str]) -> list[Article]:
    text, note = _decoded(path, max_bytes, problems)
    article = article_from_text(text, id=path.stem, origin=str(path))
    _add_note(article, note)
    return [article]


# -- JSON records ----------------------------------------------------------------------


def read_json_file(path: Path, max_bytes: int, problems: list[str]) -> list[Article]:
    """One record, or a list of records (ids default to ``<stem>`` / ``<stem>-<n>``)."""
    text, note = _decoded(path, max_bytes, problems)
    return records_from_json(text, stem=path.stem, origin=str(path), problems=problems, note=note)


def read_jsonl_file(path: Path, max_bytes: int, problems: list[str]) -> list[Article]:
    """One record a line (ids default to ``<stem>-<line number>``); bad lines are skipped."""
    text, note = _decoded(path, max_bytes, problems)
    return records_from_jsonl(text, stem=path.stem, origin=str(path), problems=problems, note=note)


def records_from_json(text: str, *, stem: str, origin: str, problems: list[str], note=None) -> list[Article]:
    try:
        data = jsondata.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"{origin}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); file skipped") from None
    if isinstance(data, dict):
        records = [(data, stem, origin)]
    elif isinstance(data, list):
        records = [(record, f"{stem}-{n}", f"{origin}: record {n}") for n, record in enumerate(data, 1)]
    else:
        raise Unreadable(f"{origin}: JSON must be an object or a list of objects; file skipped")
    articles = []
    for record, default_id, where in records:
        article = article_from_record(record, default_id=default_id, origin=origin, where=where, problems=problems, title_only=True)
        if article is not None:
            _add_note(article, note)
            articles.append(article)
    return articles


def records_from_jsonl(text: str, *, stem: str, origin: str, problems: list[str], note=None) -> list[Article]:
    articles = []
    # Split on "\n" only: JSON strings may hold U+2028, which str.splitlines() would break on.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = jsondata.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg}, column {exc.colno}); line skipped")
            continue
        article = article_from_record(record, default_id=f"{stem}-{number}", origin=where, where=where, problems=problems, title_only=True)
        if article is not None:
            _add_note(article, note)
            articles.append(article)
    return articles


def article_from_record(
    record, *, default_id: str, origin: str, where: str, problems: list[str], title_only: bool = False
) -> Article | None:
    """An Article JSON record -> Article; ``None`` (and a problem line) when unusable. With ``title_only``, a
    record with a title but no text has empty text (``read_inputs`` keeps it for clustering only)."""
    if not isinstance(record, dict):
        problems.append(f"{where}: not a JSON object; skipped")
        return None
    wrong = _wrong_types(record)
    for name, kind in wrong.items():
        if name not in ("text", "html"):
            problems.append(f'{where}: field "{name}" is {kind}, not a string; ignored')
    record = {k: v for k, v in record.items() if k not in wrong}
    text, html = record.get("text"), record.get("html")
    marked_up = isinstance(text, str) and holds_markup(text)
    if marked_up:
        text = markup_to_text(text)
    source_id = default_id if record.get("id") in (None, "") else str(record["id"])
    url = _string(record.get("url"))
    if isinstance(text, str) and text.strip():
        article = Article(id=source_id, text=text, origin=origin)
        if marked_up:
            article.notes.append("its text held HTML tags; they were removed and its paragraphs kept")
    elif isinstance(html, str) and html.strip():
        from_html = article_from_html_text(html, id=source_id, origin=origin, url=url, problems=problems)
        if from_html is None:
            return None
        article = from_html
    elif title_only and not {"text", "html"} & wrong.keys() and _string(record.get("title")):
        article = Article(id=source_id, text="", origin=origin)
    else:
        why = "; ".join(f'"{name}" is {kind}, not a string' for name, kind in wrong.items() if name in ("text", "html"))
        problems.append(f'{where}: record has no "text" or "html"{f" ({why})" if why else ""}; skipped')
        return None
    # The record's own fields win over what was found in its HTML.
    for name in ("title", "outlet", "url", "author"):
        value = _string(record.get(name))
        if value:
            setattr(article, name, value)
    if record.get("published") not in (None, ""):
        day = _iso_day(record["published"])
        if day:
            article.published, article.published_from = day, "metadata"
        else:
            problems.append(f"{where}: published {record['published']!r} is not an ISO date; ignored")
    article.extra.update({k: v for k, v in record.items() if k not in RECORD_FIELDS})
    return article


# -- stdin -----------------------------------------------------------------------------


def read_stdin(max_bytes: int, problems: list[str]) -> list[Article]:
    """``-``: plain text (id ``stdin``), or JSON / JSONL records when it starts with ``{`` or ``[``."""
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read().encode("utf-8")
    if len(data) > max_bytes:
        raise Unreadable(f"stdin: more than {max_bytes:,} bytes; skipped (pass --max-bytes to read more)")
    text, note = decode_reporting(data, "stdin", problems)
    if not text.strip():
        raise Unreadable("stdin: empty input, skipped")
    if text.lstrip().startswith(("{", "[")):
        try:
            jsondata.loads(text)
            return records_from_json(text, stem="stdin", origin="stdin", problems=problems, note=note)
        except json.JSONDecodeError as exc:
            if text.lstrip().startswith("{"):  # JSONL: each line is read, or reported and skipped, on its own
                return records_from_jsonl(text, stem="stdin", origin="stdin", problems=problems, note=note)
            if isinstance(exc, jsondata.TooDeep):
                raise Unreadable(f"stdin:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); skipped") from None
        # "[" that is not JSON is text that happens to start with a bracket.
    article = article_from_text(text, id="stdin", origin="stdin")
    _add_note(article, note)
    return [article]


# -- small helpers ---------------------------------------------------------------------


def _iso_day(value) -> str | None:
    """An ISO date or datetime (or an RFC 2822 date, as feeds write) -> 'YYYY-MM-DD'."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        datetime.fromisoformat(value)
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


_JSON_KINDS = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}


def _wrong_types(record: dict) -> dict[str, str]:
    """Article fields whose value is not a string (an id may be a number; null means missing) -> what it is."""
    wrong = {}
    for name in RECORD_FIELDS:
        value = record.get(name)
        if value is None or isinstance(value, str):
            continue
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            continue
        wrong[name] = _JSON_KINDS.get(type(value), type(value).__name__)
    return wrong


def _string(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _add_note(article: Article, note: str | None) -> None:
    if note:
        article.notes.append(note)
