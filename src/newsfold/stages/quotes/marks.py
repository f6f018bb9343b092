"""Quote marks: balanced quote spans in a text, and the quoted words as shown.

Every quote style (“…”, "…", ‘…’, '…', «…», „…“) is scanned with a small
state machine. A quote may run over paragraph breaks when the next paragraph
reopens it (the newspaper convention) or the closing mark comes later; on a
page whose paragraphs were flattened into one line the reopening mark stands
right after the sentence that ends the paragraph before (". 'Please…").
The straight single mark is also the apostrophe: inside a word ("it's") or
after the s of a plural possessive ("the victims' families") it is no mark. An opening mark
that meets another opening mark before its closing one is unbalanced and
dropped; so is a quote that runs to the end of the text or past
``MAX_QUOTE_CHARS``. Quotes inside quotes stay part of the outer one.
"""
from __future__ import annotations

import re

from ...nlp.lexicon import COMMON_STOPWORDS
from ...nlp.text import plain

MAX_QUOTE_CHARS = 1500  # longer "quotes" are unbalanced marks, not speech
MAX_QUOTE_PARAGRAPHS = 4
MIN_WORDS = 3  # shorter quotes ("precedent", "at risk") are scare quotes and fragments

# opening mark -> closing marks it accepts
CLOSERS = {
    "“": "”\"",
    "\"": "\"”",
    "„": "“”",
    "«": "»",
    "‹": "›",
    "‘": "’",
    "‚": "‘’",
    "'": "'",
}
_OPEN_AFTER = set(" \t\n\r([{—–-/:;,") | {""}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(open mark index, close mark index) of every balanced quote in ``text``.

    Unbalanced openings, quotes running to the end of the text and overlong
    spans are dropped; nested quotes stay inside the outer span.
    """
    spans = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char in CLOSERS and _opens(text, i):
            close = _find_close(text, i)
            if close is not None and any(c.isalnum() for c in text[i + 1:close]):
                spans.append((i, close))
                i = close + 1
                continue
        i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not after or after.isspace():
        return False
    if text[i] == "'" and not after.isalnum():
        return False
    if text[i] in "\"‘‚'":
        # straight and single marks double as closers and apostrophes
        return before in _OPEN_AFTER or before in "“«„"
    return True


def _closes(text: str, j: int, opener: str) -> bool:
    char = text[j]
    if char not in CLOSERS[opener]:
        return False
    before = text[j - 1] if j > 0 else ""
    after = text[j + 1] if j + 1 < len(text) else ""
    if char in "’‘'" and before.isalnum() and after.isalpha():
        return False  # an apostrophe: "Valdoria’s"
    if char == "'" and (before.isspace() or before == "s" and after == " " and text[j + 2:j + 3].islower()):
        return False  # an opening mark, or a plural possessive: "the victims' families"
    # a straight mark after a space and before a word opens the next quote
    return not (char == "\"" and opener == "\"" and (not before or before.isspace())
                and after and not after.isspace())


def _find_close(text: str, i: int) -> int | None:
    opener = text[i]
    paragraphs = 0
    limit = min(len(text), i + MAX_QUOTE_CHARS)
    j = i + 1
    while j < limit:
        char = text[j]
        if char == "\n" and (j + 1 < len(text) and text[j + 1] == "\n" or _paragraph_starts_at(text, j + 1)):
            paragraphs += 1
            if paragraphs > MAX_QUOTE_PARAGRAPHS:
                return None
        if _closes(text, j, opener) and j > i + 1:
            return j
        # A second opening mark: the newspaper convention reopens the quote
        # at each new paragraph; anywhere else ours is unbalanced.
        if char == opener and _opens(text, j) and not at_paragraph_start(text, j) \
                and not _after_sentence(text, j):
            return None
        if char == opener and at_paragraph_start(text, j):
            limit = min(len(text), j + MAX_QUOTE_CHARS)  # a reopened paragraph: each may be as long as one quote
        j += 1
    return None


def _after_sentence(text: str, j: int) -> bool:
    """A mark right after a finished sentence: a flattened paragraph break."""
    k = j - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    return k < j - 1 and k >= 0 and text[k] in ".!?"


def _paragraph_starts_at(text: str, j: int) -> bool:
    return j < len(text) and text[j] not in " \t"


def at_paragraph_start(text: str, j: int) -> bool:
    """Whether only spaces stand between the last line break (or the start) and ``j``."""
    k = j - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def inner(text: str, open_index: int, close_index: int) -> tuple[int, int]:
    """The quoted words' span: inside the marks, without edge spaces and trailing ,;:"""
    start, end = open_index + 1, close_index
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def display(text: str) -> str:
    """Quote text for reading: paragraph re-openings and runs of space collapsed."""
    text = re.sub(r"\s*\n\s*[“\"„«‘']?", " ", text)
    text = re.sub(r"([.!?]) +[“\"„«‘'](?=\w)", r"\1 ", text)
    return " ".join(text.split())


def is_quoted_name(text: str) -> bool:
    """A name in quote marks (‘Harbor Watchers of Calden’ page, the “Quiet
    Rides” campaign): every word capitalised but the small joining words, no
    sentence punctuation. Such marks quote a name, not somebody's words."""
    if re.search(r"[.!?,;:]", text):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    return len(words) >= 2 and words[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in COMMON_STOPWORDS for w in words)


def normalised(text: str) -> str:
    """Accent-free lower-case words only: the form wordings are compared in."""
    return " ".join(re.sub(r"[^\w]+", " ", plain(text)).split())
