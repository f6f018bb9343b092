"""Finding date words: regexes for absolute and relative dates, and the checks
that keep a bare year or month only where it is a date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ...nlp.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, UNIT_WORDS, WEEKDAY_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# "a day after", "two days ago": the article counts as one; numbers up to ten.
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, **{word: n for word, n in UNIT_WORDS.items() if 1 <= n <= 10}}

_MONTH_FULL = "|".join(MONTH_NAMES)
# Abbreviations in calendar order, "Sept" before "Sep".
_MONTH_SHORT = "|".join(short.capitalize() for short in sorted(
    MONTH_ABBREVIATIONS, key=lambda short: (MONTH_ABBREVIATIONS[short], -len(short))))
_MONTH = rf"(?P<month>{_MONTH_FULL}|(?:{_MONTH_SHORT})\.?)"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAY_NAMES) + ")"
_MOD = r"(?P<mod>(?i:(?:earlier|later|late|early)\s+on|on|last|this\s+past|past|this|next|since|by|until))"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
# A year as written, or told relative to publication ("Oct 15 last year") or
# to a year the text gave before ("Oct 15 that year": not resolved alone).
_YEAR = r"(?:,?\s+(?P<year>\d{4})|\s+(?P<ryear>(?i:last|next|this|that|the\s+same))\s+year\b)?"
_NUM = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + ")"

# (kind, pattern); overlapping matches: the longest wins, then the earlier kind.
PATTERNS = [
    ("day", re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("day", re.compile(rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b{_YEAR}")),
    ("day", re.compile(rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY},?\s+{_DAY}\s+{_MONTH}(?!\w){_YEAR}")),
    # "Monday (Feb 3)": the weekday glosses its date, one mention, not two.
    ("day", re.compile(rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY}\s+\(\s*{_MONTH}\s+{_DAY}\b{_YEAR}\s*\)")),
    ("day", re.compile(rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY}\s+\(\s*{_DAY}\s+{_MONTH}(?!\w){_YEAR}\s*\)")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,.]?\d){_YEAR}")),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w){_YEAR}")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<ryear>(?i:last|next|this|that|the\s+same))\s+year\b")),
    ("weekday", re.compile(
        rf"(?:\b{_MOD}\s+)?\b{_WEEKDAY}(?:\s+(?i:morning|afternoon|evening|night))?(?:['’]s\b)?")),
    ("offset", re.compile(r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight"
                          r"|tomorrow|this\s+(?:morning|afternoon|evening)))\b(?:['’]s\b)?")),
    ("offset", re.compile(rf"\b{_NUM}\s+days?\s+ago\b", re.IGNORECASE)),
    ("weekend", re.compile(r"\b(?P<mod>(?i:over|during|at|on|(?:over\s+|during\s+)?(?:the\s+)?"
                           r"(?:past|last)|this))\s+(?i:the\s+)?(?i:weekend)\b")),
    ("relative_month", re.compile(r"\b(?i:(?P<mod>last|earlier\s+this|this)\s+month)\b")),
    ("relative_year", re.compile(r"\b(?i:(?P<mod>last|earlier\s+this|this)\s+year)\b")),
    ("day_after", re.compile(rf"\b(?i:{_NUM}\s+days?\s+(?P<dir>after|before))\b")),
    ("month", re.compile(rf"(?:\b(?P<cue>(?i:in|since|until|till|by|during|from|early|late|mid"
                         rf"|last|next|this|of|through|before|after|the))[\s-]+)?"
                         rf"\b(?P<month>{_MONTH_FULL})\b(?!\s+\d)")),
    # not a group of a phone number or code ("1800 555 0199"), a range, a share or a decade
    ("year", re.compile(r"(?:\b(?P<cue>(?i:in|since))\s+)?(?<![\d$€£¥.,/-])(?<!\d[ \t])\b(?P<year>1[5-9]\d\d|20\d\d)\b"
                        r"(?![-–/]\d|%|,\d|\.\d|s\b|['’]s|[ \t]\d{3,4}\b)")),
]
# Two days of one month joined ("Jan 6 and 7", "6-7 January"): the match
# above takes the day written beside the month; these give the other one.
_JOIN = r"\s*(?:and|&|to|-|–)\s*"
_PARTNER_AFTER = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?{_JOIN}(?P<partner>\d{{1,2}})"
                            rf"(?:st|nd|rd|th)?\b(?![,.]?\d){_YEAR}")
_PARTNER_BEFORE = re.compile(rf"(?<![\d.,])\b(?P<partner>\d{{1,2}})(?:st|nd|rd|th)?{_JOIN}\d{{1,2}}(?:st|nd|rd|th)?"
                             rf"\s+(?:of\s+)?{_MONTH}(?!\w){_YEAR}")
YEAR_CUES = {"in", "since", "until", "till", "by", "from", "during", "of", "before", "after",
             "between", "through", "around", "circa", "the", "a", "its", "their", "his", "her",
             "this", "that", "'s", "’s", "s", "early", "late", "mid"}
# Cue words that belong to the event, not to the date ("after April elections").
EVENT_CUES = {"after", "before", "the", "of", "from", "through", "till", "until", "since", "by",
              "during"}
# A dateline: a place at the start of a paragraph, a comma, the date, then an
# agency in brackets and/or a dash ("PORT CALDEN, March 11 (Coastline Press) -").
_DATELINE_BEFORE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}"
                              r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})?,[ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,60}\)[ \t]*(?:[-—–:]+[ \t]*)?|[-—–]+[ \t]+)")


@dataclass
class Mention:
    """Date words found in a text; ``date`` is set once resolved."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]
    date: str | None = None


def find_date_words(text: str) -> list[Mention]:
    """Every date-like match in ``text``, overlaps resolved (longest, then earliest kind)."""
    found = []
    for priority, (kind, pattern) in enumerate(PATTERNS):
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            start = match.start()
            if kind == "month" and groups.get("cue", "").lower() in EVENT_CUES:
                start = match.start("month")
            found.append((-(match.end() - start), priority,
                          Mention(start, match.end(), kind, groups)))
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    taken: list[Mention] = []
    for _, _, mention in [*found, *((0, 0, m) for m in _partner_days(text))]:
        if all(mention.end <= t.start or t.end <= mention.start for t in taken):
            taken.append(mention)
    return sorted(taken, key=lambda m: m.start)


def _partner_days(text: str) -> list[Mention]:
    """The day joined to a dated one without its own month: the "7" of "Jan 6
    and 7", the "6" of "6-7 January 2025" (with the year written there)."""
    partners = []
    for pattern in (_PARTNER_AFTER, _PARTNER_BEFORE):
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None and k != "partner"}
            partners.append(Mention(match.start("partner"), match.end("partner"), "day",
                                    {**groups, "day": match.group("partner")}))
    return partners


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; an unclosed quote ends with its paragraph
    (a stray mark must not swallow the rest of the article; a quote running on
    into the next paragraph opens it again)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if char == "\n" and opened is not None and _ends_paragraph(text, i):
            spans.append((opened, i))
            opened = None
        elif char == "“" or (char == '"' and opened is None):
            opened = i if opened is None else opened
        elif char in "”\"" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


_HARD_WRAP = re.compile(r"[^.!?:;\"”’)\]\s][ \t]*\n[ \t]*[a-z]")


def _ends_paragraph(text: str, newline: int) -> bool:
    """Whether the newline at ``newline`` ends a paragraph: a blank line or the
    end always does, a single newline too unless it looks like a hard wrap
    (the line does not end a sentence and the next starts in lower case), as
    the sentence splitter reads paragraphs."""
    if text[newline + 1:newline + 2] in ("\n", ""):
        return True
    return not _HARD_WRAP.match(text, max(0, newline - 1))


# a capitalised word right before, on the same line: "USA Today", "Harbour Today"
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w&'’-]*[ \t]+$")


def in_a_name(text: str, mention: Mention) -> bool:
    """Whether a "today"/"tonight" written with capitals is a name's word (a
    paper, a programme: "USA TODAY", "told Harbour Today"), not a day: in capitals
    throughout, or capitalised after a capitalised word of the same line."""
    word = text[mention.start:mention.end]
    if "word" not in mention.groups or word.islower():
        return False
    return word.isupper() or bool(_NAME_WORD_BEFORE.search(text, max(0, mention.start - 40), mention.start))


def looks_like_date(mention: Mention, doc: Doc, published: date | None) -> bool:
    """Bare years and months need a cue; a capitalised "today" in a name is
    none (``in_a_name``); everything else the pattern already vouches for."""
    if in_a_name(doc.text, mention):
        return False
    if mention.kind == "month" and "year" not in mention.groups and "ryear" not in mention.groups:
        if mention.groups.get("cue"):
            return True
        token = token_at(doc, mention.start)
        return mention.groups["month"] != "May" and token is not None and token.ent_type_ == "DATE"
    if mention.kind != "year":
        return True
    year = int(mention.groups["year"])
    if published and year > published.year + 30:
        return False
    if mention.groups.get("cue"):
        return True
    token = token_at(doc, mention.end - 4)
    if token is None:
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.tag_ in ("NNS", "NNPS"):
        return False  # "2000 troops"
    if token.ent_type_ == "DATE":
        return True
    preceding = doc[token.i - 1].lower_ if token.i > 0 else ""
    if preceding in YEAR_CUES:
        return True
    return following is not None and following.tag_ in ("NN", "NNP", "JJ")  # "2013 deal"


def token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def dateline_end(text: str, mention: Mention) -> int | None:
    """Where the dateline that ``mention`` dates ends, or None when it is no dateline."""
    paragraph = text.rfind("\n", 0, mention.start) + 1
    if not _DATELINE_BEFORE.fullmatch(text, paragraph, mention.start):
        return None
    after = _DATELINE_AFTER.match(text, mention.end)
    return after.end() if after else None
