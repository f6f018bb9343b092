"""The JSON API, mirroring the CLI: ``/api/stories`` = ``newsfold stories --format json``,
``/api/stories/{id}/brief`` = ``newsfold brief --db … --story ID --format json``."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .site import site_of


async def api_stories(request: Request) -> Response:
    backend = site_of(request).backend
    query = request.query_params.get("q")
    since = request.query_params.get("since")
    rows = await run_in_threadpool(backend.search, query) if query else await run_in_threadpool(backend.list, since)
    return JSONResponse([r.to_dict() for r in rows])


async def api_brief(request: Request) -> Response:
    story_id = request.path_params["story_id"]
    text = await run_in_threadpool(site_of(request).backend.brief_json, story_id)
    if text is None:
        raise HTTPException(404, f"There is no story “{story_id}”.")
    return Response(text, media_type="application/json")
