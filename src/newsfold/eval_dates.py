"""Date changes of the injection benchmark (``newsfold.eval_inject``): a day
moved by some days, or its month changed, in the style it is written."""
from __future__ import annotations

import calendar

from .nlp.lexicon import MONTH_NAMES, MONTHS_FULL


def moved_day(month: int, day: int, by: int = 3) -> int:
    """``by`` days later (earlier when negative), or the other way where that
    leaves the month (a non-leap year)."""
    moved = day + by
    return moved if 1 <= moved <= calendar.monthrange(2001, month)[1] else day - by


# ``--date-change vary``: a day moved by one of these, or its month changed
DATE_CHANGES = ("three", "vary")
VARIED_SHIFTS: tuple[int | str, ...] = (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, "month")


def changed_month(written: str, month: int, day: int) -> str:
    """The next month in the style written ("Sept" -> "Oct", "March" ->
    "April"), or the one before where the next lacks the day (the 31st of a
    month before a 30-day one)."""
    new = month % 12 + 1 if day <= calendar.monthrange(2001, month % 12 + 1)[1] else (month - 2) % 12 + 1
    name = MONTH_NAMES[new - 1]
    return name if written.lower().rstrip(".") in MONTHS_FULL else name[:3] + written[3:].lstrip("tT")
