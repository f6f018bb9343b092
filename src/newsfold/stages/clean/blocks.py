"""Block rules: page parts recognised by the shape of a run of lines, not by
their words.

- a letter's signature: after the last paragraph of prose, three or more
  short capitalised lines with no digit, colon or closing punctuation (names,
  titles, organisations);
- listed headlines: two or more headlines in a row (title case, seven words
  or more, no closing full stop) between paragraphs, where no subheading
  stands twice; one alone when its function words are capitalised too;
- a sign-up box closing the page: a newsletter heading, up to three short
  lines selling it, and its button ("subscribe now"), with nothing kept
  after it;
- empty field labels after the reporting ("- Location :", "First Published:"):
  a page template's fields whose values the scraper lost;
- linked headlines listed as bullets inside the text: two or more dashed
  lines that end no sentence, between paragraphs of prose, none of them
  sharing more than one content word with the rest of the article (a list
  of the story's own points repeats its words);
- lines left among the page parts closing the text: after the last paragraph
  of prose, a run of lines that end no sentence ("HAVE YOU HEARD?", linked
  headlines, an annex heading) with removed lines before it and after it (or
  the page's end);
- a label that closes the page with the lines under it: a question in
  capitals ("HAVE YOU HEARD?") or a pointer ("Please refer:", "Useful
  links:") followed only by lines that end no sentence ("What we know:" above
  the story's points is no such label);
- a table of contents: "Jump to:" ("Contents", "In this article") and the
  short lines under it, and each later line that repeats one of them (the
  section headings it links to).
"""
from __future__ import annotations

import re

from ...nlp.lexicon import STOPWORDS
from .markers import FUNCTION_WORDS
from .paragraphs import END_PUNCT, Paragraph, is_prose

_SIGNATURE_LINE_WORDS = 8
_MIN_SIGNATURE_LINES = 3
_LISTED_HEADLINE_WORDS = (7, 20)
_EMPTY_LABEL = re.compile(r"^(?:[-–•*]\s*)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:$")
_SIGNUP_CUE = re.compile(r"\b(?:newsletters?|subscri\w+|sign\s+up|inbox)\b", re.IGNORECASE)
_SIGNUP_LINES, _SIGNUP_LINE_WORDS = 3, 40
_TAIL_LINE_WORDS = 30
_STATEMENT_END = re.compile(r"[.!…][\"”’')\]]*$")
# "Open: Monday to Sunday": a detail of the story (a venue's hours), not a page part
# ("ANNEX: Items seized", its label in capitals, heads a page part)
_LABEL_VALUE = re.compile(r"^(?![A-Z'’ -]+:)[\w'’ -]{1,30}:\s+\S")
_SENTENCE_CLOSE = re.compile(r"[.!?…][\"”’')\]]*$")


def mark_blocks(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    """Mark a closing signature ("byline"), listed headlines and a closing
    sign-up box ("promo"), empty field labels closing the page
    ("navigation") and lines left among the closing page parts ("promo") in ``reasons``."""
    _mark_signature(paragraphs, reasons)
    _mark_listed_headlines(paragraphs, reasons)
    _mark_signup_box(paragraphs, reasons)
    _mark_empty_labels(paragraphs, reasons)
    _mark_foreign_bullets(paragraphs, reasons)
    _mark_tail_lines(paragraphs, reasons)
    _mark_closing_list(paragraphs, reasons)
    _mark_contents(paragraphs, reasons)


def _signature_line(p: Paragraph) -> bool:
    words = p.text.split()
    return (p.lines == 1 and len(words) <= _SIGNATURE_LINE_WORDS and not p.text.endswith(END_PUNCT)
            and not any(c.isdigit() or c in ":|@" for c in p.text)
            and all(w[0].isupper() or w.lower() in FUNCTION_WORDS for w in words))


def _mark_signature(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    last_prose = max((i for i, p in enumerate(paragraphs) if reasons[i] is None and is_prose(p)), default=-1)
    if last_prose < 0:
        return
    tail = [i for i in range(last_prose + 1, len(paragraphs))
            if reasons[i] in (None, "subheading") and any(c.isalpha() for c in paragraphs[i].text)]
    if len(tail) >= _MIN_SIGNATURE_LINES and all(_signature_line(paragraphs[i]) for i in tail):
        for i in tail:
            reasons[i] = "byline"


def _listed_headline(p: Paragraph) -> bool:
    words = [w for w in p.text.split() if any(c.isalpha() for c in w)]
    low, high = _LISTED_HEADLINE_WORDS
    if p.lines != 1 or not low <= len(words) <= high or p.text.endswith((".", "!", '"', "”")) or "|" in p.text:
        return False
    content = [w for w in words if w.lower().strip(",:;'‘’") not in FUNCTION_WORDS]
    return bool(content) and sum(w[0].isupper() or w[0].isdigit() for w in content) >= 0.8 * len(content)


def _mark_listed_headlines(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and reasons[j] is None and _listed_headline(paragraphs[j]):
            j += 1
        if (j - i >= 2 or j - i == 1 and _headline_case(paragraphs[i])) and i > 0 and is_prose(paragraphs[i - 1]):
            for k in range(i, j):
                reasons[k] = "promo"
        i = max(j, i + 1)


def _headline_case(p: Paragraph) -> bool:
    """Every word capitalised, its function words too ("Harbour Ferries Could
    Stop By March As Council Cuts Funding"): a linked headline, never prose."""
    small = [w for w in p.text.split() if w.lower().strip(",:;'‘’") in FUNCTION_WORDS]
    return len(small) >= 2 and all(w[0].isupper() for w in small)


def _mark_signup_box(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    for i, p in enumerate(paragraphs):
        if reasons[i] not in ("promo", "subheading") or not _SIGNUP_CUE.search(p.text):
            continue
        j = i + 1
        while j < len(paragraphs) and reasons[j] is None and len(paragraphs[j].text.split()) <= _SIGNUP_LINE_WORDS:
            j += 1
        closed = j < len(paragraphs) and reasons[j] == "promo" and all(r is not None for r in reasons[j:])
        if closed and 0 < j - i - 1 <= _SIGNUP_LINES:
            for k in range(i + 1, j):
                reasons[k] = "promo"


def _mark_empty_labels(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    last_prose = max((i for i, p in enumerate(paragraphs) if reasons[i] is None and is_prose(p)), default=-1)
    if last_prose < 0:
        return
    empty = [reasons[i] is None and paragraphs[i].lines == 1 and bool(_EMPTY_LABEL.match(paragraphs[i].text))
             for i in range(len(paragraphs))]
    # A label is empty when no value follows it: the page ends, or another empty label
    # or a removed line comes next ("Please refer:" above a list is a label with values).
    for i in range(len(paragraphs) - 1, last_prose, -1):
        if empty[i] and (i + 1 == len(paragraphs) or reasons[i + 1] is not None):
            reasons[i] = "navigation"


def _unfinished_line(p: Paragraph) -> bool:
    """One line that ends no sentence: a heading, a link's title, a question to the reader."""
    return p.lines == 1 and len(p.text.split()) <= _TAIL_LINE_WORDS and not p.text.endswith(",") \
        and not _STATEMENT_END.search(p.text) and not _LABEL_VALUE.match(p.text)


def _mark_tail_lines(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    # (a line closing on a quote mark alone, "... ‘state of politics’", ends no sentence)
    last_prose = max((i for i, p in enumerate(paragraphs) if reasons[i] is None and is_prose(p)
                      and _SENTENCE_CLOSE.search(p.text)), default=-1)
    if last_prose < 0:
        return
    i = last_prose + 1
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and reasons[j] is None and _unfinished_line(paragraphs[j]):
            j += 1
        # a run of such lines, removed lines on both sides (or the page's end after it)
        if j > i and reasons[i - 1] is not None and (j == len(paragraphs) or reasons[j] is not None):
            for k in range(i, j):
                reasons[k] = "promo"
        i = j + 1


# "HAVE YOU HEARD?", "Please refer:", "Useful links:" (not "WHAT WE KNOW:" above the story's points)
_CLOSING_LABEL = re.compile(
    r"^(?:(?=[^a-z]*[A-Z]{2})[A-Z0-9 '’,-]{2,40}[?!]"
    r"|(?i:(?:please\s+)?(?:refer(?:\s+to)?|see\s+also|downloads?|attachments?|resources|(?:related|useful)\s+links?)\s*:?))$"
)
_CONTENTS = re.compile(r"^(?:jump\s+to|(?:table\s+of\s+)?contents|in\s+this\s+(?:article|story|guide)|on\s+this\s+page)\s*:?$",
                       re.IGNORECASE)
_CONTENTS_LINE_WORDS = 12


def _mark_closing_list(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    for i, p in enumerate(paragraphs):
        if reasons[i] is not None or p.lines != 1 or not _CLOSING_LABEL.match(p.text):
            continue
        rest = [k for k in range(i + 1, len(paragraphs)) if reasons[k] is None]
        if rest and all(_unfinished_line(paragraphs[k]) for k in rest):
            for k in [i, *rest]:
                reasons[k] = "promo"
            return


def _mark_contents(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    for i, p in enumerate(paragraphs):
        if reasons[i] is not None or not _CONTENTS.match(p.text):
            continue
        j = i + 1
        while j < len(paragraphs) and paragraphs[j].lines == 1 and not _SENTENCE_CLOSE.search(paragraphs[j].text) \
                and len(paragraphs[j].text.split()) <= _CONTENTS_LINE_WORDS:
            j += 1
        if j - i < 3:
            continue
        entries = {paragraphs[k].text.casefold() for k in range(i + 1, j)}
        for k in range(i, j):
            reasons[k] = "navigation"
        for k in range(j, len(paragraphs)):
            if reasons[k] is None and paragraphs[k].text.casefold() in entries:
                reasons[k] = "subheading"
        return


_BULLET = re.compile(r"^[-–—•*]\s+\S")
_CONTENT_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _CONTENT_WORD.findall(text) if w.lower() not in FUNCTION_WORDS | STOPWORDS}


def _mark_foreign_bullets(paragraphs: list[Paragraph], reasons: list[str | None]) -> None:
    i = 1
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and reasons[j] is None and _BULLET.match(paragraphs[j].text) \
                and paragraphs[j].lines == 1 and 4 <= len(paragraphs[j].text.split()) <= _LISTED_HEADLINE_WORDS[1] \
                and not paragraphs[j].text.endswith(END_PUNCT):
            j += 1
        between = j - i >= 2 and j < len(paragraphs) and is_prose(paragraphs[i - 1]) \
            and not paragraphs[i - 1].text.endswith(":") and is_prose(paragraphs[j])
        if between:
            rest = set().union(*(_content_words(p.text) for k, p in enumerate(paragraphs)
                                 if reasons[k] is None and not i <= k < j))
            if all(len(_content_words(paragraphs[k].text) & rest) <= 1 for k in range(i, j)):
                for k in range(i, j):
                    reasons[k] = "promo"
        i = max(j, i + 1)
