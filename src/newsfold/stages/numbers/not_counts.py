"""Numbers that are not counts: names ("XR-7"), dates ("May 30"), times, years.

spaCy's DATE label is not trusted ("Between 10 and 20 cars" comes out as a
date); dates are told by month names, clock words and the year rule instead.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...nlp.lexicon import MONTHS, SCALE_WORDS
from .inflection import singular
from .reading import CURRENCY_DIGITS, DIGIT_RANGE, DIGITS_SCALED, VAGUE, short_scale, word_value
from .vocabulary import EVENTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTH_WORDS = frozenset(MONTHS)  # "may" too: a month only when capitalised
_CLOCK = {"a.m.", "p.m.", "am", "pm", "o'clock", "gmt", "utc", "cet", "est"}


def is_identifier(doc: Doc, first: int, last: int) -> bool:
    """Numbers that name rather than count: "XR-7", "Resolution 4410", "COVID-19"."""
    text = doc[last].text
    # a scale written short, split from its amount ("S$3.2" "m"), is part of the number
    scale_token = last > first and not doc[last - 1].whitespace_ and short_scale(text) is not None
    if any(c.isalpha() for c in text) and not DIGITS_SCALED.match(text) and not CURRENCY_DIGITS.match(text) \
            and word_value(text) is None and not scale_token \
            and text.lower() not in SCALE_WORDS and text.lower() not in VAGUE and text.lower() != "dozen":
        return True
    if first > 0:
        before = doc[first - 1]
        if before.text in ("-", "#", "/") and not before.whitespace_:
            return True
        if before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN") and not before.is_sent_start \
                and before.lower_ not in EVENTS and doc[last].dep_ != "nummod" \
                and doc[first].text[:1].isdigit():
            return True
    # "10:30", "5/6"
    return last + 1 < len(doc) and doc[last + 1].text in (":", "/") and not doc[last].whitespace_


def is_score(doc: Doc, last: int) -> bool:
    """"an 8-7 victory", "ran out 9-3 victors": two numbers joined by a dash,
    the second no larger (a range rises: "50-60"), are a score, not a count."""
    text = doc[last].text
    joined = DIGIT_RANGE.match(text)
    if joined:
        return float(joined.group(2).replace(",", "")) <= float(joined.group(1).replace(",", ""))
    if last + 2 >= len(doc) or doc[last + 1].text not in ("-", "–") or doc[last].whitespace_ \
            or doc[last + 1].whitespace_ or not doc[last + 2].text.isdigit() or not text.replace(",", "").isdigit():
        return False
    return int(doc[last + 2].text) <= int(text.replace(",", ""))


def is_date(doc: Doc, first: int, last: int) -> bool:
    """"May 30", "30 May", "May 30, 2023", "5 p.m."."""
    def month(j: int) -> bool:
        return 0 <= j < len(doc) and doc[j].lower_ in _MONTH_WORDS and doc[j].text[:1].isupper()
    if month(first - 1) or month(last + 1):
        return True
    if first >= 2 and doc[first - 1].text == "," and month(first - 3):
        return True  # the year of "May 30, 2023"
    return last + 1 < len(doc) and doc[last + 1].lower_ in _CLOCK


def looks_like_year(text: str, value: float, head_token: Token | None) -> bool:
    """Four bare digits from 1000 to 2100 are a year ("the 1998 charter")
    unless they count a plural noun ("1998 soldiers")."""
    if not (len(text) == 4 and text.isdigit() and 1000 <= value <= 2100):
        return False
    plural = head_token is not None and singular(head_token.text) != head_token.text.lower()
    return not plural
