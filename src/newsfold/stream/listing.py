"""The story list as people ask for it: sorted, filtered, one page at a time, with search snippets.

``newsfold stories``, the web app's list and search pages and ``/api/stories``
all pass their rows through :func:`select` with one :class:`StoryQuery`, so a
sort or a filter means the same thing everywhere. Dates are the story's *news*
dates (its articles' publication dates), never the time it was ingested.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import InputError

SORTS = {"recent": "newest news first", "size": "most sources first"}
PER_PAGE_MAX = 500


@dataclass
class StoryRow:
    """One line of the story list (CLI `stories`, web app, JSON API)."""

    id: str
    title: str | None
    sources: int
    first_date: str | None
    last_date: str | None
    disputed: int
    updated: str | None
    outlets: list[str] = field(default_factory=list)  # outlet names (``outlets.outlet_name``), most sources first
    snippet: str | None = None  # search results: the words around the first match

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.snippet is None:
            del out["snippet"]
        return out


@dataclass
class StoryQuery:
    """How to cut the story list. ``since``/``until``: a story is kept when its news
    dates (first to last) reach into that range; ``outlet``: one of its outlets (any case)."""

    sort: str = "recent"
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    page: int = 1
    per_page: int | None = None  # None: everything on one page

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise InputError(f"unknown sort {self.sort!r}; use one of: {', '.join(SORTS)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value:
                setattr(self, name, iso_date(value, name))
        if self.page < 1:
            raise InputError("page must be 1 or more")
        if self.per_page is not None and not 1 <= self.per_page <= PER_PAGE_MAX:
            raise InputError(f"per page must be between 1 and {PER_PAGE_MAX}")
        self.outlet = (self.outlet or "").strip() or None

    @classmethod
    def from_params(cls, params: Mapping[str, str], *, per_page: int | None = None) -> StoryQuery:
        """From URL query parameters (``sort since until outlet page per_page``); empty ones are unset."""

        def number(name: str, default: int | None) -> int | None:
            raw = (params.get(name) or "").strip()
            if not raw:
                return default
            if not raw.isdigit():
                raise InputError(f"{name} must be a whole number, not {raw[:20]!r}")
            return int(raw)

        return cls(
            sort=(params.get("sort") or "recent").strip(),
            since=(params.get("since") or "").strip() or None,
            until=(params.get("until") or "").strip() or None,
            outlet=params.get("outlet"),
            page=number("page", 1) or 1,
            per_page=number("per_page", per_page),
        )

    def params(self, **changes: Any) -> dict[str, str]:
        """This query (with ``changes``) as URL parameters, defaults left out."""
        values = {"sort": self.sort, "since": self.since, "until": self.until, "outlet": self.outlet,
                  "page": self.page, **changes}
        defaults = {"sort": "recent", "page": 1}
        return {k: str(v) for k, v in values.items() if v not in (None, "") and defaults.get(k) != v}

    @property
    def filtered(self) -> bool:
        return bool(self.since or self.until or self.outlet)


@dataclass
class StoryPage:
    """One page of the list: its rows, how many matched in all, and every outlet to filter by."""

    rows: list[StoryRow]
    total: int
    page: int
    pages: int
    outlets: list[str]


def iso_date(value: str, name: str = "date") -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"{name} must be a date like 2031-03-14, not {value[:30]!r}") from None


def _in_range(row: StoryRow, since: str | None, until: str | None) -> bool:
    first, last = row.first_date or row.last_date, row.last_date or row.first_date
    if not first or not last:
        return not (since or until)  # an undated story matches no date range
    return (not since or last[:10] >= since) and (not until or first[:10] <= until)


def _sorted(rows: Iterable[StoryRow], sort: str) -> list[StoryRow]:
    ordered = sorted(rows, key=lambda r: r.id)  # ties read in id order
    if sort == "size":
        return sorted(ordered, key=lambda r: (r.sources, r.last_date or ""), reverse=True)
    return sorted(ordered, key=lambda r: (r.last_date or "", r.first_date or "", r.sources), reverse=True)


def select(rows: Iterable[StoryRow], query: StoryQuery) -> StoryPage:
    """Filter by date range and outlet, sort, and cut one page (the last page when ``page`` is past it)."""
    dated = [r for r in rows if _in_range(r, query.since, query.until)]
    outlets = sorted({o for r in dated for o in r.outlets}, key=str.casefold)
    wanted = query.outlet.casefold() if query.outlet else None
    kept = [r for r in dated if wanted is None or any(o.casefold() == wanted for o in r.outlets)]
    ordered = _sorted(kept, query.sort)
    if query.per_page is None:
        return StoryPage(ordered, len(ordered), 1, 1, outlets)
    pages = max(1, -(-len(ordered) // query.per_page))
    page = min(query.page, pages)
    start = (page - 1) * query.per_page
    return StoryPage(ordered[start : start + query.per_page], len(ordered), page, pages, outlets)


def ranked_outlets(names: Iterable[str | None]) -> list[str]:
    """Distinct outlet names, the one with most articles first (then by name)."""
    counts: dict[str, int] = {}
    for name in names:
        if name:
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n.casefold()))


def search_words(query: str) -> list[str]:
    return [w for w in query.split() if w][:20]


def snippet(text: str, words: list[str], width: int = 200) -> str | None:
    """About ``width`` characters of ``text`` around the first of ``words`` it contains
    (case-insensitive), cut at word boundaries, "…" where cut; None when none occurs."""
    text = " ".join(text.split())
    lowered = text.lower()
    hits = [i for w in words if (i := lowered.find(w.lower())) >= 0]
    if not hits:
        return None
    first = min(hits)
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def marked(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into (part, is a searched word) runs, for highlighting without markup."""
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    runs: list[tuple[str, bool]] = []
    at = 0
    for match in pattern.finditer(text):
        if match.start() > at:
            runs.append((text[at : match.start()], False))
        runs.append((match.group(0), True))
        at = match.end()
    if at < len(text):
        runs.append((text[at:], False))
    return runs
