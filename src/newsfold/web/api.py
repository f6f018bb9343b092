"""The JSON API, mirroring the CLI: ``/api/stories`` = ``newsfold stories --format json``,
``/api/stories/{id}/brief`` = ``newsfold brief --db … --story ID --format json``."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..stream.listing import StoryQuery, select
from .site import site_of


async def api_stories(request: Request) -> Response:
    """The list as ``newsfold stories --format json`` prints it, with the same options as URL
    parameters (``q sort since until outlet page per_page``); ``X-Total-Count``: rows before paging."""
    backend = site_of(request).backend
    text = (request.query_params.get("q") or "").strip()[:200]
    query = StoryQuery.from_params(request.query_params)
    rows = await run_in_threadpool(backend.search, text) if text else await run_in_threadpool(backend.list)
    page = select(rows, query)
    return JSONResponse([r.to_dict() for r in page.rows], headers={"X-Total-Count": str(page.total)})


async def api_brief(request: Request) -> Response:
    story_id = request.path_params["story_id"]
    text = await run_in_threadpool(site_of(request).backend.brief_json, story_id)
    if text is None:
        raise HTTPException(404, f"There is no story “{story_id}”.")
    return Response(text, media_type="application/json")
