"""Resolving date words against the date a source was published.

The result has the precision the words give: YYYY, YYYY-MM or YYYY-MM-DD.
A source without a publication date resolves only absolute dates.
"""
from __future__ import annotations

from datetime import date, timedelta

from ...nlp.lexicon import MONTHS, WEEKDAYS
from .mentions import NUMBER_WORDS, Mention

_SATURDAY = 5
_OFFSET_DAYS = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}


_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}  # "that year", "the same year": no step
_SOON = 31  # days: a day this far on the other side of publication than its clause looks is another year's


def resolve(mention: Mention, published: date | None, future: bool = False,
            forward: bool = False, nearest: bool = False) -> str | None:
    """The ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of a mention, or None.

    ``future``: the clause's verb is in the future tense. ``forward``: the clause
    looks forward (expectation, plan, "until"), which moves a bare month later
    in the year than publication to its coming occurrence. ``nearest``: the
    clause tells no time ("The deadline is Mar 22", a heading "Iftar (Mar
    22)"): a bare day is its occurrence nearest publication.
    """
    g, kind = mention.groups, mention.kind
    if "ryear" in g:  # "January last year": the year publication gives; "that year": unknown here
        step = _RELATIVE_YEARS.get(" ".join(g["ryear"].lower().split()))
        if published is None or step is None:
            return None
        g = {**g, "year": str(published.year + step)}
    if kind == "year":
        return g["year"]
    if kind == "day":
        return _day(g, published, ahead=True if future or forward else None if nearest else False)
    if kind == "month":
        return _month(g, published, future=future, forward=forward)
    if published is None:
        return None
    mod = " ".join(g.get("mod", "").lower().split())
    if kind == "weekday":
        return _weekday(g["weekday"], mod, published, future=future)
    if kind == "offset":
        return _offset(g, published)
    if kind == "weekend":
        return _weekend(mod, published, future=future)
    if kind == "relative_month":
        first = published.replace(day=1)
        if mod == "last":
            first = (first - timedelta(days=1)).replace(day=1)
        return f"{first.year:04d}-{first.month:02d}"
    if kind == "relative_year":
        return f"{published.year - (1 if mod == 'last' else 0):04d}"
    return None


def _day(g: dict[str, str], published: date | None, *, ahead: bool | None = False) -> str | None:
    """A day of a month: with its year as written, else the occurrence nearest
    publication, unless that lies more than ``_SOON`` days on the wrong side:
    a clause looking ahead then takes the next one, a clause told in the past
    the past one ("closed on May 25" in a January paper is last May's: reports
    look back, but "the vote on Mar 14" in a Mar 10 paper is this week's);
    ``ahead`` None (a clause that tells no time): the nearest."""
    month = int(g["mnum"]) if "mnum" in g else MONTHS[g["month"].lower().rstrip(".")]
    day = int(g["day"])
    if "year" in g:
        return _iso(int(g["year"]), month, day)
    if published is None:
        return None
    candidates = [(y, month, day) for y in (published.year - 1, published.year, published.year + 1)]
    valid = [date(*c) for c in candidates if _iso(*c)]
    if not valid:
        return None
    nearest = min(valid, key=lambda d: abs(d - published))
    later = [d for d in valid if d >= published]
    earlier = [d for d in valid if d <= published]
    if ahead and (published - nearest).days > _SOON and later:
        return later[0].isoformat()
    if ahead is False and (nearest - published).days > _SOON and earlier:
        return earlier[-1].isoformat()
    return nearest.isoformat()


def _month(g: dict[str, str], published: date | None, *, future: bool, forward: bool) -> str | None:
    month = MONTHS[g["month"].lower().rstrip(".")]
    if "year" in g:
        return f"{int(g['year']):04d}-{month:02d}"
    if published is None:
        return None
    cue = (g.get("cue") or "").lower()
    this_year = published.year
    if cue == "last":
        year = this_year if month < published.month else this_year - 1
    elif cue == "next":
        year = this_year if month > published.month else this_year + 1
    elif future or (forward and month > published.month):
        year = this_year if month >= published.month else this_year + 1
    else:  # reports look back: "in December" in a January paper is last year's
        year = this_year if month <= published.month else this_year - 1
    return f"{year:04d}-{month:02d}"


def _weekday(name: str, mod: str, published: date, *, future: bool) -> str:
    """The most recent such weekday on or before publication; the next one for a
    verb in the future or after "next"; strictly earlier after "last"."""
    target = WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    if mod in ("last", "this past", "past"):
        return (published - timedelta(days=back or 7)).isoformat()
    if mod == "next" or (future and mod != "since"):
        ahead = (target - published.weekday()) % 7
        return (published + timedelta(days=ahead or (7 if mod == "next" else 0))).isoformat()
    return (published - timedelta(days=back)).isoformat()


def _offset(g: dict[str, str], published: date) -> str:
    """"yesterday", "today", "three days ago"."""
    word = " ".join(g.get("word", "").lower().split())
    if "n" in g:
        days = -number(g["n"])
    else:
        days = _OFFSET_DAYS.get(word, 0)
    return (published + timedelta(days=days)).isoformat()


def _weekend(mod: str, published: date, *, future: bool) -> str:
    """A weekend is dated by its Saturday: the schema has no week precision."""
    if future and mod in ("this", "at", "on", "over", "during"):
        ahead = (_SATURDAY - published.weekday()) % 7
        return (published + timedelta(days=ahead)).isoformat()
    back = (published.weekday() - _SATURDAY) % 7
    if back == 0 and ("past" in mod or "last" in mod):
        back = 7
    return (published - timedelta(days=back)).isoformat()


def number(word: str) -> int:
    """A count written in digits or words ("3", "three", "a")."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 1)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_published(value: str | None) -> date | None:
    """A source's publication day, or None when it has none (or no valid one)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
