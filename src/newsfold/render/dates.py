"""Dates as the HTML brief prints them."""
from __future__ import annotations

from ..nlp.lexicon import MONTH_NAMES


def display_date(value: str | None) -> str | None:
    """``2031-03-14`` → ``14 March 2031``; ``2031-03`` → ``March 2031``; else as given."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value
