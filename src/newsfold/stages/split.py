"""Split an article into sentences with exact character offsets.

Reads ``article.text`` and ``article.removed``; returns ``Sentence`` objects
whose ``text`` is exactly ``article.text[start:end]``. Removed spans (bylines,
captions, headers...) are cut out first, so no sentence overlaps one.

Paragraphs: a blank line always starts a new paragraph; a single newline does
too, unless it looks like a hard wrap (the line does not end a sentence and the
next one starts in lower case).

Sentence boundaries come from pysbd (rule based, handles abbreviations and
quotes). pysbd returns strings, not offsets; its ``char_span`` mode finds them
again with a regex search that can land on an earlier repeat of the same text,
so we map each segment ourselves with a forward-only ``str.find``.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..model import Article, Sentence

_HAS_LETTER = re.compile(r"[^\W\d_]")
_LINE = re.compile(r"[^\n]+")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
# pysbd breaks after some titles ("Maj.-Gen. Aldo Brenner"): a sentence
# ending in one of these, or a piece starting with a hyphen or in lower case,
# is a false break and is glued to its neighbour.
_ENDS_IN_TITLE = re.compile(
    r"(?:^|[\s\-])(?:Maj|Gen|Lt|Col|Adm|Sgt|Capt|Cpl|Brig|Cmdr|Gov|Sen|Rep|Dr|Prof|"
    r"Mr|Mrs|Ms|St|Rev|Hon|Pres)\.$"
)

# pysbd, thrown by a quote running over several sentences, starts the next sentence
# with the closing quote mark: '" The ferry was ...'.
_STRAY_CLOSING_QUOTE = re.compile(r"[\"\u201d]\s+(?=\S)")


_IMPORTING = threading.Lock()


@lru_cache(maxsize=1)
def _segmenter() -> Any:  # a pysbd.Segmenter
    # imported lazily (it compiles many regexes on import), by one thread at a time: pysbd's modules
    # import each other, and a second thread arriving halfway finds one half built ("cannot import
    # name 'Text' from partially initialized module 'pysbd.utils'"), as a web server's fold beside
    # the main thread did under load
    with _IMPORTING:
        import pysbd

        return pysbd.Segmenter(language="en", clean=False)


@lru_cache(maxsize=20_000)
def _segments(chunk: str) -> tuple[str, ...]:
    # Cached by text: wire copies and re-runs repeat the same paragraphs.
    return tuple(_segmenter().segment(chunk))


def _paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every paragraph, in order."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    out: list[tuple[int, int, int]] = []
    index = -1
    previous_end = None
    for start, end in lines:
        if not text[start:end].strip():
            previous_end = None  # a whitespace-only line separates paragraphs
            continue
        hard_wrap = (
            previous_end is not None
            and text.count("\n", previous_end, start) == 1
            and not _ENDS_SENTENCE.search(text[out[-1][0] : previous_end])
            and text[start:end].lstrip()[:1].islower()
        )
        if hard_wrap:
            out[-1] = (out[-1][0], end, index)
        else:
            index += 1
            out.append((start, end, index))
        previous_end = end
    return out


def _kept_pieces(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """Parts of [start, end) that are not inside a removed span."""
    pieces = [(start, end)]
    for removed in sorted(article.removed, key=lambda r: r.start):
        next_pieces = []
        for a, b in pieces:
            if removed.end <= a or removed.start >= b:
                next_pieces.append((a, b))
                continue
            if a < removed.start:
                next_pieces.append((a, removed.start))
            if removed.end < b:
                next_pieces.append((removed.end, b))
        pieces = next_pieces
    return pieces


# A list item's marker ("- ", "• ", "> " of a quoted line) opens no sentence:
# the sentence starts at its first word.
_LIST_MARKER = re.compile(r"(?:[-*\u2022\u2023\u25aa\u25b8\u25ba\u2013\u2014\u00b7>]\s+)+")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    marker = _LIST_MARKER.match(text, start, end)
    if marker and marker.end() < end:
        start = marker.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split(article: Article) -> list[Sentence]:
    """Sentences of ``article`` outside its removed spans, in text order."""
    text = article.text
    sentences: list[Sentence] = []
    for para_start, para_end, paragraph in _paragraphs(text):
        for piece_start, piece_end in _kept_pieces(article, para_start, para_end):
            first_in_piece = len(sentences)
            for start, end in _spans(text, piece_start, piece_end):
                if len(sentences) > first_in_piece and _STRAY_CLOSING_QUOTE.match(text, start, end):
                    # '... this incident.' / '" The ferry ...': the quote mark closes the sentence before
                    previous = sentences[-1]
                    previous.end = start + 1
                    previous.text = text[previous.start : previous.end]
                    start = _strip(text, start + 1, end)[0]
                if len(sentences) > first_in_piece and _false_break(sentences[-1].text, text[start:end]):
                    previous = sentences[-1]
                    previous.end = end
                    previous.text = text[previous.start : end]
                    continue
                sentences.append(
                    Sentence(
                        source=article.id,
                        start=start,
                        end=end,
                        text=text[start:end],
                        paragraph=paragraph,
                        index=len(sentences),
                    )
                )
    return sentences


def _false_break(previous: str, current: str) -> bool:
    return current[0].islower() or current[0] in "-\u2013" or bool(_ENDS_IN_TITLE.search(previous))


def _spans(text: str, piece_start: int, piece_end: int) -> Iterator[tuple[int, int]]:
    """Stripped (start, end) of each pysbd sentence of one kept piece."""
    chunk = text[piece_start:piece_end]
    if not _HAS_LETTER.search(chunk):
        return
    cursor = 0
    for segment in _segments(chunk):
        found = chunk.find(segment, cursor)
        if found < 0:
            # pysbd altered the text (it should not with clean=False): keep
            # the rest of the piece as one sentence rather than guess offsets.
            found, segment = cursor, chunk[cursor:]
        cursor = found + len(segment)
        start, end = _strip(text, piece_start + found, piece_start + cursor)
        if end > start and _HAS_LETTER.search(text[start:end]):
            yield start, end
        if cursor >= len(chunk):
            return
