"""The web app's HTML pages: story, source, standalone file, assets (the list: ``story_list.py``)."""
from __future__ import annotations

import re
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from ..render import to_html, to_json, to_markdown
from ..render.html import asset, brief_view, standalone_csp
from ..render.views import SourceHref
from .entity_facts import entity_facts
from .site import HERE, site_of
from .story_list import story_href

ASSETS = {
    "brief.css": ("text/css", lambda: asset("brief.css")),
    "brief.js": ("text/javascript", lambda: asset("brief.js")),
    "app.css": ("text/css", lambda: (HERE / "static" / "app.css").read_text(encoding="utf-8")),
    "app.js": ("text/javascript", lambda: (HERE / "static" / "app.js").read_text(encoding="utf-8")),
}


def source_href_for(story_id: str) -> SourceHref:
    """Citations on a story page point at the source page (JS opens the viewer instead)."""

    def href(source_id: str, evidence_id: str | None) -> str:
        base = f"{story_href(story_id)}/sources/{quote(source_id, safe='')}"
        return f"{base}?ev={evidence_id}#selected" if evidence_id else base

    return href


async def story(request: Request) -> Response:
    site = site_of(request)
    story_id = request.path_params["story_id"]
    brief = await run_in_threadpool(site.brief, story_id)
    view = brief_view(brief, source_href_for(story_id))
    return site.page(request, "story.html", {"brief": view, "story_id": story_id, "story_href": story_href(story_id),
                                             "title": view.headline, "entity_facts": entity_facts(brief)})


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


EXPORTS = {"md": (to_markdown, "text/markdown; charset=utf-8"), "json": (to_json, "application/json")}


async def export(request: Request) -> Response:
    """``/stories/{id}/brief.md`` and ``brief.json``: the brief as ``newsfold brief --format`` writes it."""
    story_id = request.path_params["story_id"]
    fmt = request.url.path.rpartition(".")[2]
    brief = await run_in_threadpool(site_of(request).brief, story_id)
    write, media_type = EXPORTS[fmt]
    name = re.sub(r"[^\w.-]+", "-", story_id).strip("-") or "story"
    return Response(write(brief), media_type=media_type,
                    headers={"content-disposition": f'inline; filename="{name}.{fmt}"'})


async def assets(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS:
        raise HTTPException(404, "No such file.")
    media_type, read = ASSETS[name]
    return Response(read(), media_type=media_type, headers={"cache-control": "no-cache"})
