"""The web app's HTML pages: story list, search, story, source, standalone file, assets."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..render import to_html
from ..render.html import asset, brief_view, standalone_csp
from ..render.views import SourceHref
from .site import HERE, site_of

ASSETS = {
    "brief.css": ("text/css", lambda: asset("brief.css")),
    "brief.js": ("text/javascript", lambda: asset("brief.js")),
    "app.css": ("text/css", lambda: (HERE / "static" / "app.css").read_text(encoding="utf-8")),
}


def story_href(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def source_href_for(story_id: str) -> SourceHref:
    """Citations on a story page point at the source page (JS opens the viewer instead)."""

    def href(source_id: str, evidence_id: str | None) -> str:
        base = f"{story_href(story_id)}/sources/{quote(source_id, safe='')}"
        return f"{base}?ev={evidence_id}#selected" if evidence_id else base

    return href


def story_rows(rows: list[Any]) -> list[dict[str, Any]]:
    """Story list rows (``StoryRow``) as the list template prints them."""
    return [
        {
            "id": r.id,
            "href": story_href(r.id),
            "title": r.title or "Untitled story",
            "sources": f"{r.sources} source" + ("" if r.sources == 1 else "s"),
            "dates": " – ".join(dict.fromkeys(d for d in (r.first_date, r.last_date) if d)),
            "updated": (r.updated or "").replace("T", " ").rstrip("Z")[:16],
            "disputed": r.disputed,
            # One source cannot disagree with itself: no "no disputes" badge to reassure.
            "single_source": r.sources < 2,
        }
        for r in rows
    ]


async def index(request: Request) -> Response:
    site = site_of(request)
    rows = await run_in_threadpool(site.backend.list)
    return site.page(request, "index.html", {"stories": story_rows(rows), "heading": "Stories",
                                             "message": request.query_params.get("message", "")})


async def search(request: Request) -> Response:
    site = site_of(request)
    query = request.query_params.get("q", "").strip()[:200]
    rows = await run_in_threadpool(site.backend.search, query) if query else []
    heading = f"Results for “{query}”" if query else "Search"
    return site.page(request, "index.html", {"stories": story_rows(rows), "heading": heading,
                                             "query": query, "searched": bool(query), "message": ""})


async def story(request: Request) -> Response:
    site = site_of(request)
    story_id = request.path_params["story_id"]
    brief = await run_in_threadpool(site.brief, story_id)
    view = brief_view(brief, source_href_for(story_id))
    return site.page(request, "story.html", {"brief": view, "story_id": story_id,
                                             "story_href": story_href(story_id), "title": view.headline})


async def source(request: Request) -> Response:
    site = site_of(request)
    story_id = request.path_params["story_id"]
    source_id = request.path_params["source_id"]
    brief = await run_in_threadpool(site.brief, story_id)
    selected = request.query_params.get("ev")
    view = brief_view(brief, source_href_for(story_id), selected=(source_id, selected) if selected else None)
    match = next((s for s in view.all_sources if s.id == source_id), None)
    if match is None:
        raise HTTPException(404, f"Story “{story_id}” has no source “{source_id}”.")
    return site.page(request, "source.html", {"brief": view, "source": match, "story_href": story_href(story_id),
                                              "title": f"{match.label} · {view.headline}"})


async def standalone(request: Request) -> Response:
    brief = await run_in_threadpool(site_of(request).brief, request.path_params["story_id"])
    # The app's own policy allows no inline style or script; this page is built of them, hash-pinned.
    return Response(to_html(brief), media_type="text/html; charset=utf-8",
                    headers={"content-security-policy": standalone_csp() + "; frame-ancestors 'none'"})


async def assets(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS:
        raise HTTPException(404, "No such file.")
    media_type, read = ASSETS[name]
    return Response(read(), media_type=media_type, headers={"cache-control": "no-cache"})
