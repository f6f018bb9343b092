"""Page: one article's text and parse, with where its quotes, tokens,
paragraphs and sentences lie (each found once, then bisected)."""
from __future__ import annotations

import bisect
import re
from typing import Any

from ...model import Article
from ...nlp.lexicon import TITLE_ABBREVIATIONS
from ...nlp.text import plain
from .marks import CLOSERS, quote_spans

WINDOW_CHARS = 300  # how far an attribution clause may reach from the quote


class Page:
    """Read-only indices over one article: built once, asked many times."""

    def __init__(self, article: Article, doc: Any):
        self.article = article
        self.text = article.text
        self.doc = doc
        # marks are paired with removed text blanked out: a caption run into a
        # quote ("…part of. Ana Ruiz celebrates (Getty) “Every guy…") does not
        # break the reopening of a flattened paragraph; offsets stay the text's
        self.spans = quote_spans(_blanked(self.text, article))
        self._span_starts = [start for start, _ in self.spans]
        self._span_ends = dict(self.spans)
        self._token_starts = [t.idx for t in doc]
        self._paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        self.ents = list(doc.ents)  # Doc.ents builds new spans on every access: read it once
        self._removed = _merged(sorted((r.start, r.end) for r in article.removed))
        self._removed_starts = [start for start, _ in self._removed]

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quote (marks included)."""
        # spans are sorted and disjoint: only the last one opening before offset can hold it
        index = bisect.bisect_left(self._span_starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]

    def removed(self, offset: int) -> bool:
        """Whether ``offset`` lies in text the cleaning removed (a caption, a byline)."""
        index = bisect.bisect_right(self._removed_starts, offset) - 1  # spans are merged: one can hold it
        return index >= 0 and offset < self._removed[index][1]

    def line_between(self, first: int, second: int) -> bool:
        """Whether a line break lies between two offsets (in either order): a
        subject on another line belongs to another paragraph's clause."""
        return "\n" in self.text[min(first, second):max(first, second)]

    def tokens(self, start: int, end: int) -> Any:
        """The doc's tokens that start in [start, end)."""
        first = bisect.bisect_left(self._token_starts, start)
        last = bisect.bisect_left(self._token_starts, end)
        return self.doc[first:last]

    def window_tokens(self, start: int, end: int) -> list[Any]:
        """The tokens of [start, end) outside quotes, quote marks left out."""
        return [t for t in self.tokens(start, end)
                if not self.in_quote(t.idx) and t.text not in CLOSERS and not self.removed(t.idx)]

    def paragraphs_back(self, offset: int, count: int) -> int:
        """Where the paragraph ``count`` paragraphs before the one holding ``offset`` starts."""
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return self._paragraph_starts[max(0, index - count)]

    def sentence_end(self, offset: int) -> int:
        """The end of the sentence running from ``offset``, stepping over quotes."""
        limit = min(len(self.text), offset + WINDOW_CHARS)
        j = offset
        while j < limit:
            char = self.text[j]
            if char == "\n":
                return j
            at = self._span_ends.get(j)
            if at is not None:
                j = at + 1
                continue
            if char in ".!?" and (j + 1 >= len(self.text) or self.text[j + 1].isspace()) \
                    and not abbreviation_before(self.text, j):
                return j + 1
            j += 1
        return limit

    def sentence_start(self, offset: int) -> int:
        """The start of the sentence that ``offset`` ends, stepping over earlier quotes."""
        limit = max(0, offset - WINDOW_CHARS)
        j = offset - 1
        while j > limit:
            char = self.text[j]
            if char == "\n":
                return j + 1
            if char in ".!?" and self.text[j + 1:j + 2].isspace() and not abbreviation_before(self.text, j):
                rest = self.text[j + 1:offset].lstrip()
                if rest[:1].isupper() or rest[:1] in CLOSERS:
                    return j + 1
            if char in "”»’\"":
                # step over a whole earlier quote
                for start, end in self.spans:
                    if end == j:
                        j = start
                        break
            j -= 1
        return limit


def _blanked(text: str, article: Article) -> str:
    """``text`` with its removed spans as spaces (same length, same offsets)."""
    if not article.removed:
        return text
    chars = list(text)
    for span in article.removed:
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


def abbreviation_before(text: str, period: int) -> bool:
    """'Gen.', 'B.', 'U.S.' : a period that does not end the sentence."""
    k = period
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".-"):
        k -= 1
    word = text[k:period]
    words = word.replace(".", " ").replace("-", " ").split()
    last = words[-1] if words else ""
    return len(last) == 1 or plain(last) in TITLE_ABBREVIATIONS


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (start, end) spans with overlapping ones joined: disjoint, for bisecting."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
