"""Lines glued to the next sentence in flattened text, known by their shape.

A page flattened onto one line runs its separate lines together: a photo
caption, a video's title or a link to a live page, none with closing
punctuation, sits before the next sentence ("... on Monday. Rescuers at the
pier after the storm The council said ..."). Each rule here takes a piece
that opens a sentence, ends without punctuation where the next sentence
visibly starts (``captions.caption_end``) and has one of these shapes:

- a link to a live page: "Live updates on the harbour fire";
- a video's title: a name, maybe its role, "on" a topic, and no verb
  ("Jane Doe on the harbour fire", "John Roe, Fire Chief, on the rescue");
- a photo caption with no verb of its own: a noun phrase with a place or a
  participle ("Rescuers at the pier after the storm hit the town", "The mayor
  talking to residents in Ostvale"); a verb only after "after", "as", "when", ...

A piece that opens the text is the headline's place and is never taken; a piece
with a quote mark is prose.
"""
from __future__ import annotations

import re

from .captions import STARTERS, opens_quoted_sentence
from .markers import FUNCTION_WORDS, NOT_NAMES, SAYS, VERB_HINT
from .paragraphs import Paragraph, Span

_LIVE_LINK = re.compile(r"(?:Live|Latest)(?:\s+(?:updates?|coverage|blog|reports?))?\s+(?:on|from)\s+\S")
_NAME = r"[A-Z][\w'’.-]*"
# "Jane Doe on the harbour fire", "John Roe, Fire Chief, on the rescue"
_VIDEO_TITLE = re.compile(rf"{_NAME}(?:\s+{_NAME}){{1,3}}(?:,\s+[^,]{{2,50}},)?\s+on\s+(?P<topic>\S+)")
# a caption's head: a noun phrase, then a place, a time or a participle ("Rescuers at", "The mayor talking to")
_CAPTION_HEAD = re.compile(
    r"(?P<head>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\s+(?:at|after|in|on|near|outside|inside|during|following"
    r"|[a-z]{3,}ing\s+(?:to|on|at|in|with|for|from|outside|near|the|a|an|his|her|their))\s")
_SUBORDINATE = re.compile(r"\b(?:after|as|when|where|while|which|who|whose|that|before|because|following)\b")
_HEAD_CONTENT_WORDS = 2  # lower-case words in the head besides function words: "Emergency workers", "The mayor"
_QUOTE_MARK = re.compile(r"[\"“”]|(?:^|\s)[‘']")
_CAPTION_WORDS = (5, 20)
_OPENERS = {"when", "while", "if", "although", "though", "because", "since", "once", "despite", "amid", "upon", "within",
            "without", "throughout", "following", "according", "unlike", "also", "meanwhile", "however", "then", "now"}


def glued_lines(text: str, p: Paragraph, segments: list[tuple[int, int]], *, first: bool) -> list[Span]:
    """Live-page links, video titles and verbless captions glued before the next
    sentence (``first``: the paragraph opens the kept text)."""
    spans: list[Span] = []
    for a, b in segments:
        if first and a == p.start:
            continue
        end = glued_end(text, a, b)
        if end is None:
            continue
        piece = " ".join(text[a:end].split())
        if _QUOTE_MARK.search(piece) or SAYS.search(piece):
            continue
        if _LIVE_LINK.match(piece) and len(piece.split()) <= 12:
            spans.append((a, end, "promo"))
        elif _is_video_title(piece) or is_verbless_caption_piece(piece):
            spans.append((a, end, "caption"))
    return spans


def glued_end(text: str, a: int, b: int, max_words: int = _CAPTION_WORDS[1]) -> int | None:
    """Where an unpunctuated line opening text[a:b] ends, when the next sentence
    visibly starts right after it: a sentence opener before a lower-case word or a
    figure ("... Monday The 42-year-old"), an opening quote mark ('... crash "We'),
    or a name and a speech verb ("... crash Harbour Police said")."""
    words = list(re.finditer(r"\S+", text[a:b]))[:max_words + 4]
    for k, word in enumerate(words[:max_words]):
        w = word.group()
        if k < 2 or k + 2 >= len(words) or not w[-1:].isalnum() or w.lower() in FUNCTION_WORDS:
            if w.endswith((".", "!", "?", ";", ":")):
                return None
            continue
        nxt, after = words[k + 1].group(), words[k + 2].group()
        run = [x.group() for x in words[k + 1:k + 6]]
        names = next((j for j, x in enumerate(run) if not x[:1].isupper()), len(run))
        if (nxt in STARTERS and nxt != "I" and (after[:1].islower() or after[:1].isdigit())
                or opens_quoted_sentence([x.group() for x in words[k + 1:k + 5]])
                # "... ferry crash Harbour Police said": a lower-case word, then the speaker
                or w[:1].islower() and "," not in text[a:a + word.end()] and 1 <= names < len(run)
                and SAYS.fullmatch(run[names].rstrip(",")) and nxt not in NOT_NAMES):
            return a + word.end()
    return None


def _is_video_title(piece: str) -> bool:
    match = _VIDEO_TITLE.match(piece)
    if match is None:
        return False
    topic = match["topic"].strip(",")
    return len(piece.split()) <= 14 and topic not in NOT_NAMES and not topic[:1].isdigit() and not VERB_HINT.search(piece)


def is_verbless_caption_piece(piece: str) -> bool:
    """A photo caption with no verb but in a clause of its own: "Rescuers at the
    pier after the storm hit the town"."""
    head = _CAPTION_HEAD.match(piece + " ")
    if not _CAPTION_WORDS[0] <= len(piece.split()) <= _CAPTION_WORDS[1] or head is None:
        return False
    words = head["head"].split()
    if words[0] in ("The", "A", "An") and len(words) > 1:
        words = words[1:]
    # a noun phrase opens it: not an adverbial ("In his address, ...", "Speaking at ...")
    if words[0].lower() in FUNCTION_WORDS or words[0].lower() in _OPENERS or words[0].endswith("ing"):
        return False
    if sum(w[0].islower() and w not in FUNCTION_WORDS for w in words) > _HEAD_CONTENT_WORDS:
        return False
    return not VERB_HINT.search(_SUBORDINATE.split(piece, maxsplit=1)[0])


def closing_gallery(text: str, p: Paragraph, segments: list[tuple[int, int]]) -> list[Span]:
    """A photo gallery's captions closing the text, flattened into its last
    paragraph: sentences that quote no one and repeat each other's words (each
    slide's caption reuses the gallery's stock phrases: "... after the storm hit
    the town"), one of them a verbless caption. All of them go."""
    run: list[tuple[int, int]] = []
    for a, b in reversed(segments[1:]):
        piece = text[a:b]
        if _QUOTE_MARK.search(piece) or SAYS.search(piece) or len(piece.split()) > _GALLERY_PIECE_WORDS:
            break
        run.insert(0, (a, b))
    grams = [_ngrams(text[a:b]) for a, b in run]
    shared = [any(g & other for j, other in enumerate(grams) if j != i) for i, g in enumerate(grams)]
    while shared and not shared[0]:
        run, shared = run[1:], shared[1:]
    if len(run) < 3 or 3 * sum(shared) < 2 * len(run):
        return []
    if not any(is_verbless_caption_piece(" ".join(text[a:b].rstrip(".").split(",")[0].split())) for a, b in run):
        return []
    return [(run[0][0], p.end, "caption")]


_GALLERY_PIECE_WORDS = 45
_GRAM = 6


def _ngrams(piece: str) -> set[tuple[str, ...]]:
    words = re.sub(r"[^\w\s]", " ", piece.casefold()).split()
    return {tuple(words[i:i + _GRAM]) for i in range(len(words) - _GRAM + 1)}
