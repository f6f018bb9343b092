"""Days of the month a text names ("Jan 13", "13 January", "Jan. 16"), without
their year: enough to tell whether two reports speak of the same day."""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import MONTH_NAMES, MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<day_first>\d{{1,2}})\s+(?P<month_after>{_MONTH})\b\.?"
    rf"|(?P<month_first>{_MONTH})\.?\s+(?P<day_after>\d{{1,2}})\b(?![,.]?\d))",
    re.IGNORECASE,
)

Day = tuple[int, int]  # (month, day)


def days_named(text: str) -> set[Day]:
    """The (month, day) pairs ``text`` writes out."""
    found = set()
    for match in _DAY_MONTH.finditer(text):
        written = match.group("month_after") or match.group("month_first")
        if not written[:1].isupper():
            continue  # "may 5 …" is a verb
        month = MONTHS[written.lower()]
        day = int(match.group("day_first") or match.group("day_after"))
        if _valid(month, day):
            found.add((month, day))
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
