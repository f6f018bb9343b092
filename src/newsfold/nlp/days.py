"""Days of the month a text names ("Jan 13", "13 January", "Jan. 16"), without
their year: enough to tell whether two reports speak of the same day. Given
the report's date, a past weekday too ("on Sunday", "Thursday afternoon",
"last Friday": the latest such day up to that date)."""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import MONTH_NAMES, MONTHS, WEEKDAY_NAMES

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<day_first>\d{{1,2}})\s+(?P<month_after>{_MONTH})\b\.?"
    rf"|(?P<month_first>{_MONTH})\.?\s+(?P<day_after>\d{{1,2}})\b(?![,.]?\d))",
    re.IGNORECASE,
)

_WEEKDAY = re.compile(rf"\b(?P<before>next|this coming|until|by|from|every)?\s*\b(?P<day>{'|'.join(WEEKDAY_NAMES)})\b")
_FUTURE = re.compile(r"\b(?:will|'ll|is due|are due|plans? to|is set to|are set to|to be held|upcoming)\b")

Day = tuple[int, int]  # (month, day)


def days_named(text: str, published: str | None = None) -> set[Day]:
    """The (month, day) pairs ``text`` writes out; with the report's ISO date,
    also the past weekdays it names (not "next Monday", "until Friday", nor any
    weekday of a sentence that tells of things to come: "she will meet them
    on Monday")."""
    found = _past_weekdays(text, published) if published else set()
    for match in _DAY_MONTH.finditer(text):
        written = match.group("month_after") or match.group("month_first")
        if not written[:1].isupper():
            continue  # "may 5 …" is a verb
        month = MONTHS[written.lower()]
        day = int(match.group("day_first") or match.group("day_after"))
        if _valid(month, day):
            found.add((month, day))
    return found


def _past_weekdays(text: str, published: str) -> set[Day]:
    try:
        date = dt.date.fromisoformat(published[:10])
    except ValueError:
        return set()
    if _FUTURE.search(text):
        return set()
    found = set()
    for match in _WEEKDAY.finditer(text):
        if match.group("before") or _DAY_MONTH.match(text, match.end() + 2, match.end() + 16):
            continue  # "Friday (Jan 24)", "Friday, January 24": the date is written out
        back = (date.weekday() - WEEKDAY_NAMES.index(match.group("day"))) % 7
        day = date - dt.timedelta(days=back)
        found.add((day.month, day.day))
    return found


def without_days(text: str) -> str:
    """``text`` with the days it names blanked out (their numbers are no figures)."""
    return _DAY_MONTH.sub(" ", text)


def days_apart(a: Day, b: Day) -> int:
    """Days between two days of the year, the shorter way round the new year."""
    gap = abs(_ordinal(a) - _ordinal(b))
    return min(gap, 366 - gap)


def day_label(day: Day) -> str:
    """'Jan 13'."""
    return f"{MONTH_NAMES[day[0] - 1][:3]} {day[1]}"


def _valid(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: Feb 29 is a day
    except ValueError:
        return False
    return True


def _ordinal(day: Day) -> int:
    return dt.date(2000, *day).timetuple().tm_yday
