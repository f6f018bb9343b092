"""Give every source a publication date.

Reads ``text``, ``removed`` and the ``published`` dates already known (from
metadata or a header); fills ``published`` (YYYY-MM-DD) and ``published_from``
for the sources without one, and says how in ``article.notes``. In order:

1. a dateline ("KYIV, May 30 (Reuters) -"), or a full date that dates the
   article rather than an event: inside a caption, byline, embed or header
   span, or written with its weekday ("Tuesday, May 30, 2023")  -> "text";
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
from datetime import date

from ..errors import InputError
from ..model import Article

_MONTHS = {name: n for n, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], 1) for name in names}
_WEEKDAYS = {name: n for n, names in enumerate(
    [("mon", "monday"), ("tue", "tues", "tuesday"), ("wed", "wednesday"), ("thu", "thur", "thurs", "thursday"),
     ("fri", "friday"), ("sat", "saturday"), ("sun", "sunday")]) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?,?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

_FULL_DATES = [
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}})\b", re.I),  # Tuesday, May 30, 2023
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),  # Tuesday 30 May 2023
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),  # 2023-05-30
]
# "KYIV, May 30 (Reuters) -", "LONDON, 30 May 2023 (AFP) —": a place, a date, the agency, a dash.
_DATELINES = [
    re.compile(rf"^[^\n]{{0,60}}?\b{_MONTH}\s+{_DAY}(?:,\s*(?P<year>\d{{4}}))?\s*\([^()\n]{{1,40}}\)\s*[-–—]", re.I | re.M),
    re.compile(rf"^[^\n]{{0,60}}?\b{_DAY}\s+{_MONTH}(?:,?\s*(?P<year>\d{{4}}))?\s*\([^()\n]{{1,40}}\)\s*[-–—]", re.I | re.M),
]
_METADATA_REASONS = {"caption", "byline", "embed", "header", "title", "source-line", "dateline"}


def date_sources(articles: list[Article], given: str | None = None) -> None:
    """Fill ``published`` and ``published_from`` where missing (see the module docstring)."""
    if given is not None:
        _check_given(given)
    undated = [a for a in articles if a.published is None]
    if not undated:
        return
    reference = _story_date(articles)[0] or given
    weak: dict[str, tuple[str, str]] = {}
    for article in undated:
        strong, body = _dates_in_text(article, reference)
        if strong:
            _set(article, *strong, "text")
        elif body:
            weak[article.id] = body
    story, agreeing, dated = _story_date(articles)
    for article in undated:
        if article.published is not None:
            continue
        if story:
            _set(article, story, f"{agreeing} of {dated} dated sources", "story")
        elif article.id in weak:
            _set(article, *weak[article.id], "text")
        elif given:
            _set(article, given, "--date", "given")


def _check_given(given: str) -> None:
    try:
        date.fromisoformat(given)
        ok = len(given) == 10
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise InputError(f"--date {given!r} is not a date; use YYYY-MM-DD, e.g. 2031-03-14")


def _set(article: Article, day: str, how: str, published_from: str) -> None:
    article.published, article.published_from = day, published_from
    source = {"text": f"read from the text ({how!r})", "story": f"agreed by the other sources ({how})",
              "given": "given with --date"}[published_from]
    article.notes.append(f"published date {day} {source}")


def _story_date(articles: list[Article]) -> tuple[str | None, int, int]:
    """The date most dated sources share (ties: the earliest), how many share it, how many are dated.

    Dates that are themselves guesses (story, given) and off-topic sources do not vote.
    """
    votes = Counter(a.published for a in articles
                    if a.published and a.published_from not in ("story", "given") and not a.off_topic)
    if not votes:
        return None, 0, 0
    top = max(votes.values())
    return min(day for day, count in votes.items() if count == top), top, sum(votes.values())


def _dates_in_text(article: Article, reference: str | None) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """(strong, body): the best dateline/metadata date and the latest other full date, as (ISO day, as written)."""
    head = article.text[:600]
    for pattern in _DATELINES:
        match = pattern.search(head)
        if match:
            day = _day(match, reference)
            if day:
                return (day, " ".join(match[0].split())), None
    metadata, weekday_dated, body = [], [], []
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


def _day(match: re.Match, reference: str | None) -> str | None:
    """The ISO day a match names; a year-less dateline takes the year nearest ``reference``."""
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
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
    except (TypeError, ValueError):
        return None
    return found.isoformat() if 1900 <= found.year <= 2100 else None


def _ordinal(year: int, month: int, day: int) -> int:
    try:
        return date(year, month, day).toordinal()
    except ValueError:  # 29 February in a common year
        return 10**9


def _weekday_matches(match: re.Match, day: str) -> bool:
    return _WEEKDAYS[match["weekday"].lower()] == date.fromisoformat(day).weekday()
