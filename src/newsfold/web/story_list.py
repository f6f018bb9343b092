"""The story list and search pages: sort, date range, outlet, pages, snippets.

Both pages read the same URL parameters as ``/api/stories`` and cut the rows
with ``stream.listing.select``, as ``newsfold stories`` does; every control is
a plain link or a GET form, so a list view is a URL one can share.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..stream.listing import SORTS, StoryPage, StoryQuery, marked, search_words, select
from .site import site_of

PER_PAGE = 20
SORT_LABELS = {"recent": "Newest", "size": "Most sources"}


def story_href(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def story_rows(rows: list[Any], words: list[str] | None = None) -> list[dict[str, Any]]:
    """Story list rows (``StoryRow``) as the list template prints them."""
    return [
        {
            "id": r.id,
            "href": story_href(r.id),
            "title": r.title or "Untitled story",
            "sources": f"{r.sources} source" + ("" if r.sources == 1 else "s"),
            "dates": " – ".join(dict.fromkeys(d for d in (r.first_date, r.last_date) if d)),
            "outlets": ", ".join(r.outlets[:3]) + (f" +{len(r.outlets) - 3}" if len(r.outlets) > 3 else ""),
            "disputed": r.disputed,
            # One source cannot disagree with itself: no "no disputes" badge to reassure.
            "single_source": r.sources < 2,
            "snippet": marked(r.snippet, words or []) if r.snippet else None,
        }
        for r in rows
    ]


def _href(path: str, params: dict[str, str]) -> str:
    return path + ("?" + urlencode(params) if params else "")


def _controls(path: str, text: str, query: StoryQuery, page: StoryPage) -> dict[str, Any]:
    """Sort links, pager links and the filter form's values, each keeping the rest of the view."""
    keep = {"q": text} if text else {}

    def href(**changes: Any) -> str:
        return _href(path, {**keep, **query.params(**changes)})

    return {
        "sorts": [{"label": SORT_LABELS[name], "title": SORTS[name], "href": href(sort=name, page=1),
                   "current": name == query.sort} for name in SORTS],
        "filters": {"since": query.since or "", "until": query.until or "", "outlet": query.outlet or "",
                    "sort": query.sort, "q": text},
        "filtered": query.filtered,
        "clear_href": _href(path, {**keep, **({"sort": query.sort} if query.sort != "recent" else {})}),
        "outlets": page.outlets,
        "pager": {
            "page": page.page, "pages": page.pages,
            "prev": href(page=page.page - 1) if page.page > 1 else None,
            "next": href(page=page.page + 1) if page.page < page.pages else None,
        },
        "total": page.total,
        "action": path,
    }


async def _list_page(request: Request, text: str) -> Response:
    site = site_of(request)
    query = StoryQuery.from_params(request.query_params, per_page=PER_PAGE)
    searching = request.url.path == "/search"
    if searching:
        rows = await run_in_threadpool(site.backend.search, text) if text else []
    else:
        rows = await run_in_threadpool(site.backend.list)
    page = select(rows, query)
    heading = (f"Results for “{text}”" if text else "Search") if searching else "Stories"
    context = {"stories": story_rows(page.rows, search_words(text)), "heading": heading, "query": text,
               "searched": searching, "message": request.query_params.get("message", "")[:300],
               "sort_label": SORTS[query.sort], **_controls(request.url.path, text, query, page)}
    return site.page(request, "index.html", context)


async def index(request: Request) -> Response:
    return await _list_page(request, "")


async def search(request: Request) -> Response:
    return await _list_page(request, request.query_params.get("q", "").strip()[:200])
