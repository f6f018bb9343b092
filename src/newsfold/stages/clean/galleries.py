"""Photo galleries flattened into the text: a gallery repeats its size.

Two forms, each a class of page part rather than one site's wording:

- numbered slides, "1/19 The old lighthouse at dusk … Getty 2/19 …": three
  or more counters over one total, in order. The whole run goes, from the
  start of the sentence piece holding the first counter (the gallery's
  heading, "UK news in pictures 19 show all") to the credit closing the last
  slide's caption;
- credited slides, "Lumo Images 22 A ferry is towed into port … CPA 22 A
  map of …": one number (the gallery's size) after a credit, three times or
  more, each opening a caption. Each credit, its number and its caption go;
- counted slides, "… its triangles 4 An image of the old bar … Alamy 4 This
  graphic shows …": the size alone before each caption, three to size
  times, two or more in a row with no sentence between. Each count and its
  caption go.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .captions import AGENCY, caption_end
from .paragraphs import Paragraph, Span, sentence_pieces

_MIN_SLIDES = 3
_COUNTER = re.compile(r"(?<![\w/])(\d{1,3})/(\d{1,3})\s+(?=[A-Z])")
# a credit of capitalised words ("Lumo Images", "CPA:Calden Photo Agency", "NWS:Northern Wire Service")
_CREDITED = re.compile(r"((?:[A-Z][\w'’&-]*(?::[A-Z][\w'’&-]*)?\s+(?:(?:and|of)\s+)?){1,4})(\d{1,3})\s+(?=[A-Z])")
_CLOSING_CREDIT = re.compile(rf"\s{AGENCY}\b")
# a bare count after a caption's last word: "… its distinctive triangles 4 An image of …"
_COUNT = re.compile(r"(?<=[\w.!?\"”’] )(\d{1,2})\s+(?=[A-Z]|\d+[a-z]{1,3}\b)")
_MAX_CAPTION_WORDS = 60


def gallery_spans(text: str, p: Paragraph) -> list[Span]:
    """The galleries of one paragraph (see the module docstring)."""
    return _numbered_slides(text, p) + _credited_slides(text, p) + _counted_slides(text, p)


def _counted_slides(text: str, p: Paragraph) -> list[Span]:
    """Counted slides: the gallery's size N alone before each caption, three
    to N times in the paragraph. Counts with no sentence end between them are
    one run: each caption up to the next count goes; a run's last caption only
    to where a new sentence plainly starts, else just its count."""
    by_size: dict[str, list[re.Match]] = defaultdict(list)
    for match in _COUNT.finditer(text, p.start, p.end):
        by_size[match.group(1)].append(match)
    spans: list[Span] = []
    for size, matches in by_size.items():
        if not _MIN_SLIDES <= len(matches) <= int(size) or int(size) > 30:
            continue
        runs: list[list[re.Match]] = [[matches[0]]]
        for match in matches[1:]:
            gap = text[runs[-1][-1].end():match.start()]
            if len(gap) > 300 or re.search(r"[.!?][\"”’']?\s", gap):
                runs.append([match])  # prose between: a new run
            else:
                runs[-1].append(match)
        if max(len(run) for run in runs) < 2:
            continue  # counts scattered through prose: numbers, not a gallery
        for run in runs:
            for match, following in zip(run, run[1:]):
                spans.append((match.start(), following.start(), "caption"))
            last = run[-1]
            found = caption_end(text, last.end(), p.end, max_words=_MAX_CAPTION_WORDS)
            spans.append((last.start(), found[0] if found and not found[1] else last.end(), "caption"))
    return spans


def _numbered_slides(text: str, p: Paragraph) -> list[Span]:
    by_total: dict[str, list[re.Match]] = defaultdict(list)
    for match in _COUNTER.finditer(text, p.start, p.end):
        by_total[match.group(2)].append(match)
    spans: list[Span] = []
    for total, matches in by_total.items():
        numbers = [int(m.group(1)) for m in matches]
        if len(matches) < _MIN_SLIDES or numbers != sorted(numbers) or max(numbers) > int(total):
            continue
        first, last = matches[0], matches[-1]
        start = max((a for a, _ in sentence_pieces(text, p.start, p.end) if a <= first.start()), default=first.start())
        closing = _CLOSING_CREDIT.search(text, last.end(), min(p.end, last.end() + 600))
        end = closing.end() if closing else last.end()
        spans.append((start, end, "caption"))
    return spans


def _credited_slides(text: str, p: Paragraph) -> list[Span]:
    by_size: dict[str, list[re.Match]] = defaultdict(list)
    for match in _CREDITED.finditer(text, p.start, p.end):
        by_size[match.group(2)].append(match)
    spans: list[Span] = []
    for size, matches in by_size.items():
        if len(matches) < _MIN_SLIDES or int(size) < _MIN_SLIDES:
            continue
        for match in matches:
            found = caption_end(text, match.end(), p.end, max_words=_MAX_CAPTION_WORDS)
            spans.append((match.start(), found[0] if found else match.end(), "caption"))
    return spans
