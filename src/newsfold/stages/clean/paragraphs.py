"""Paragraphs and sentence-like pieces of an article, with exact offsets."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ...model import Removed

END_PUNCT = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")", "…", "»")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")

# Hard-wrapped text breaks its lines at a fixed width, usually 72 to 80 characters.
_MAX_WRAP_WIDTH = 110
# A span to remove: (start, end, reason).
Span = tuple[int, int, str]


@dataclass
class Paragraph:
    start: int
    end: int
    text: str  # whitespace collapsed, for matching
    lines: int


def split_paragraphs(text: str, removed: list[Removed]) -> list[Paragraph]:
    """Paragraphs with exact offsets; text already removed (a header) is blanked first.

    Blocks are separated by blank lines. A hard-wrapped block (most lines break
    mid-sentence, none longer than a wrap width) stays whole; otherwise its
    lines are separate paragraphs (one paragraph a line, as scraped pages
    are), but for a line that runs on into a lower-case one.
    """
    masked = text
    for span in removed:
        masked = masked[: span.start] + " " * (span.end - span.start) + masked[span.end:]
    lines: list[tuple[int, int] | None] = []  # None: a blank line
    pos = 0
    for raw in masked.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append((start, start + len(stripped)))
        else:
            lines.append(None)
        pos += len(raw) + 1
    paragraphs: list[Paragraph] = []
    block: list[tuple[int, int]] = []
    for line in lines + [None]:
        if line is not None:
            block.append(line)
            continue
        if block:
            paragraphs.extend(_split_block(masked, block))
        block = []
    return paragraphs


def _split_block(masked: str, block: list[tuple[int, int]]) -> list[Paragraph]:
    def one(spans: list[tuple[int, int]]) -> Paragraph:
        start, end = spans[0][0], spans[-1][1]
        return Paragraph(start, end, " ".join(masked[start:end].split()), len(spans))

    # Hard-wrapped prose: most lines break mid-sentence. Scraped pages (one
    # paragraph a line) break mid-sentence only at their headings and list
    # items; their lines run to any length, while a wrapped block has no line
    # much longer than its wrap width.
    open_lines = [
        (start, end) for start, end in block[:-1]
        if masked[end - 1: end] not in END_PUNCT and len(masked[start:end].split()) > 8
    ]
    widths = [end - start for start, end in block]
    if len(open_lines) >= 2 and 2 * len(open_lines) >= len(block) - 1 and max(widths) <= _MAX_WRAP_WIDTH:
        return [one(block)]
    # One paragraph a line, except where a line runs on into a lower-case one: a
    # stray hard wrap ("... far less" / "orderly and predictable," he said) joins
    # its two lines, and only them. (A one- or two-word line such as
    # "[[nid:713695]]" runs on into nothing, nor does a headline into a short
    # unpunctuated button such as "share on".)
    groups = [[block[0]]]
    for (start, end), nxt in itertools.pairwise(block):
        runs_on = (masked[end - 1: end] not in END_PUNCT and masked[nxt[0]: nxt[0] + 1].islower()
                   and len(masked[start:end].split()) > 2 and not _button(masked[nxt[0]:nxt[1]]))
        if runs_on:
            groups[-1].append(nxt)
        else:
            groups.append([nxt])
    return [one(group) for group in groups]


def _button(line: str) -> bool:
    """A line of one to three words that ends no sentence: a button or label, not the
    tail of a wrapped sentence."""
    return len(line.split()) <= 3 and not line.rstrip().endswith(END_PUNCT)


# A month's abbreviation before a day ("Nov. 9, 2031") ends no sentence.
_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


def sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence-like pieces of text[start:end], stripped, with exact offsets."""
    out, pos = [], start
    for match in SENTENCE_END.finditer(text, start, end):
        if _MONTH_ABBREVIATION.search(text, max(start, match.start() - 5), match.start()) \
                and text[match.end():match.end() + 1].isdigit():
            continue
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def is_prose(p: Paragraph) -> bool:
    """A paragraph of reporting: a sentence of some length that ends like one."""
    return len(p.text.split()) >= 6 and p.text.endswith((".", "!", "?", '"', "”", "’", "'", ")"))


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
