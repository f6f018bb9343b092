"""Give every source a publication date.

Reads ``text``, ``removed`` and the ``published`` dates already known (from
metadata or a header); returns, for each source without one, a :class:`Dating`
(the ISO day, how it was found and a note saying so). The pipeline writes it
into ``published``, ``published_from`` and ``notes``. In order:

1. a dateline ("PORTVILLE, March 14 (Wire Service) -"), or a full date that
   dates the article rather than an event: inside a caption, byline, embed or
   header span, or written with its weekday ("Friday, March 14, 2031") -> "text";
2. the date most of the other sources agree on                  -> "story";
3. any other full date in the text (the latest)                 -> "text";
4. ``given`` (``--date``)                                       -> "given".

Dates inside removed spans are used: when a photo was taken is metadata,
not a fact of the story. Plain regular expressions (English month names,
ISO dates) keep this fast and predictable.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..errors import InputError
from ..model import Article
from ..nlp.lexicon import MONTHS, WEEKDAY_NUMBERS


@dataclass(frozen=True)
class Dating:
    """A publication date found for a source that had none."""

    published: str  # YYYY-MM-DD
    published_from: str  # text|story|given
    note: str  # for the brief's notes: where the date came from


# Longest first, so "sept" is tried before "sep" and "tuesday" before "tue".
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = (r"(?:(?P<weekday>" + "|".join(sorted(WEEKDAY_NUMBERS, key=len, reverse=True))
            + r")\b\.?,?\s+(?:the\s+)?)?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

_FULL_DATES = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),  # Tuesday, May 30, 2023
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),  # Tuesday 30 May 2023
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),  # 2023-05-30
]
# "PORTVILLE, May 30 (Wire Service) -", "HARBOURTON, 30 May 2023 (Agency) —":
# a place, a date, the agency, a dash.
_DATELINES = [
    re.compile(rf"^[^\n]{{0,60}}?\b{_MONTH}\s+{_DAY}(?:,\s*(?P<year>\d{{4}}))?\s*\([^()\n]{{1,40}}\)\s*[-–—]", re.IGNORECASE | re.MULTILINE),
    re.compile(rf"^[^\n]{{0,60}}?\b{_DAY}\s+{_MONTH}(?:,?\s*(?P<year>\d{{4}}))?\s*\([^()\n]{{1,40}}\)\s*[-–—]", re.IGNORECASE | re.MULTILINE),
]
_METADATA_REASONS = {"caption", "byline", "embed", "header", "title", "source-line", "dateline"}
# Dates that are themselves guesses do not vote on the story's date.
_GUESSED = ("story", "given")

# One day and where it was read: (ISO day, the words as written).
Found = tuple[str, str]


def date_sources(articles: list[Article], given: str | None = None) -> dict[str, Dating]:
    """Source id -> the date found for each source without ``published`` (see the
    module docstring). Sources no rule can date are left out; articles are not changed."""
    if given is not None:
        _check_given(given)
    undated = [a for a in articles if a.published is None]
    if not undated:
        return {}
    # The dates every later step reads: known ones first, then those found in the text.
    known = {a.id: (a.published, a.published_from) for a in articles if a.published is not None}
    off_topic = {a.id for a in articles if a.off_topic}
    reference = _story_date(known, off_topic)[0] or given
    found: dict[str, Dating] = {}
    weak: dict[str, Found] = {}
    for article in undated:
        strong, body = _dates_in_text(article, reference)
        if strong:
            found[article.id] = _dating(*strong, "text")
            known[article.id] = (strong[0], "text")
        elif body:
            weak[article.id] = body
    story, agreeing, dated = _story_date(known, off_topic)
    for article in undated:
        if article.id in found:
            continue
        if story:
            found[article.id] = _dating(story, f"{agreeing} of {dated} dated sources", "story")
        elif article.id in weak:
            found[article.id] = _dating(*weak[article.id], "text")
        elif given:
            found[article.id] = _dating(given, "--date", "given")
    return found


def _check_given(given: str) -> None:
    try:
        date.fromisoformat(given)
        ok = len(given) == 10
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise InputError(f"--date {given!r} is not a date; use YYYY-MM-DD, e.g. 2031-03-14")


def _dating(day: str, how: str, published_from: str) -> Dating:
    source = {"text": f"read from the text ({how!r})", "story": f"agreed by the other sources ({how})",
              "given": "given with --date"}[published_from]
    return Dating(day, published_from, f"published date {day} {source}")


def _story_date(known: dict[str, tuple[str, str | None]], off_topic: set[str]) -> tuple[str | None, int, int]:
    """The date most dated sources share (ties: the earliest), how many share it, how many are dated.

    ``known``: source id -> (published, published_from). Guessed dates (story,
    given) and off-topic sources do not vote.
    """
    votes = Counter(day for source_id, (day, how) in known.items()
                    if day and how not in _GUESSED and source_id not in off_topic)
    if not votes:
        return None, 0, 0
    top = max(votes.values())
    return min(day for day, count in votes.items() if count == top), top, sum(votes.values())


def _dates_in_text(article: Article, reference: str | None) -> tuple[Found | None, Found | None]:
    """(strong, body): the best dateline/metadata date and the latest other full date."""
    dateline = _dateline(article.text[:600], reference)
    if dateline:
        return dateline, None
    metadata: list[Found] = []
    weekday_dated: list[Found] = []
    body: list[Found] = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(article.text):
            day = _day(match, None)
            if day is None:
                continue
            found = (day, match[0])
            if any(r.start <= match.start() and match.end() <= r.end and r.reason in _METADATA_REASONS
                   for r in article.removed):
                metadata.append(found)
            elif match.groupdict().get("weekday") and _weekday_matches(match, day):
                weekday_dated.append(found)
            else:
                body.append(found)
    strong = max(metadata) if metadata else max(weekday_dated) if weekday_dated else None
    return strong, (max(body) if body else None)


def _dateline(head: str, reference: str | None) -> Found | None:
    """The day of a dateline at the start of the text, with its words."""
    for pattern in _DATELINES:
        match = pattern.search(head)
        if match:
            day = _day(match, reference)
            if day:
                return day, " ".join(match[0].split())
    return None


def _day(match: re.Match[str], reference: str | None) -> str | None:
    """The ISO day a match names; a year-less dateline takes the year nearest ``reference``."""
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    day = int(match["day"])
    if match["year"]:
        years = [int(match["year"])]
    elif reference:
        ref = date.fromisoformat(reference)
        years = sorted((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs(_ordinal(y, month, day) - ref.toordinal()))
    else:
        return None  # a day without a year and nothing to place it: not a date
    try:
        found = date(years[0], month, day)
    except ValueError:
        return None
    return found.isoformat() if 1900 <= found.year <= 2100 else None


def _ordinal(year: int, month: int, day: int) -> int:
    try:
        return date(year, month, day).toordinal()
    except ValueError:  # 29 February in a common year
        return 10**9


def _weekday_matches(match: re.Match[str], day: str) -> bool:
    return WEEKDAY_NUMBERS[match["weekday"].lower()] == date.fromisoformat(day).weekday()
