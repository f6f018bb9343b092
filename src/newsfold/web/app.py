"""``newsfold serve``: a local web app over a store, a folder of articles or a brief.

Pages: story list (``/``), search (``/search``), story (``/stories/{id}``), source
(``/stories/{id}/sources/{source}``), new story form (``/new``); the standalone
HTML file (``/stories/{id}/brief.html``); and a JSON API that mirrors the CLI
(``/api/stories`` = ``newsfold stories --format json``, ``/api/stories/{id}/brief``
= ``newsfold brief --db … --story ID --format json``).

Story pages use the same view-model (``render.html.brief_view``) and the same
template partials as the standalone file. Binds 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import quote

from ..errors import NewsfoldError
from ..render.html import TEMPLATES as BRIEF_TEMPLATES
from ..render.html import asset, brief_view
from .security import (
    CSRF_FIELD,
    BodyTooLarge,
    SecurityHeaders,
    csrf_ok,
    csrf_token,
    read_capped,
    set_csrf_cookie,
)
from .stories import open_stories

HERE = Path(__file__).parent
MAX_BODY_BYTES = 20 * 1024 * 1024  # the whole form, files included
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_FILES = 50
MAX_URLS = 50
UPLOAD_SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
ASSETS = {
    "brief.css": ("text/css", lambda: asset("brief.css")),
    "brief.js": ("text/javascript", lambda: asset("brief.js")),
    "app.css": ("text/css", lambda: (HERE / "static" / "app.css").read_text(encoding="utf-8")),
}
PASTE_SEPARATOR = re.compile(r"^\s*-{3,}\s*$", re.MULTILINE)


def _missing_web_extra(exc: ImportError):
    from ..errors import MissingExtraError

    return MissingExtraError(exc.name or "starlette", "web")


def story_href(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def source_href_for(story_id: str):
    """Citations on a story page point at the source page (JS opens the viewer instead)."""

    def href(source_id: str, evidence_id: str | None) -> str:
        base = f"{story_href(story_id)}/sources/{quote(source_id, safe='')}"
        return f"{base}?ev={evidence_id}#selected" if evidence_id else base

    return href


def _story_rows(rows) -> list[dict]:
    return [
        {
            "id": r.id,
            "href": story_href(r.id),
            "title": r.title or "Untitled story",
            "sources": f"{r.sources} source" + ("" if r.sources == 1 else "s"),
            "dates": " – ".join(dict.fromkeys(d for d in (r.first_date, r.last_date) if d)),
            "updated": (r.updated or "").replace("T", " ").rstrip("Z")[:16],
            "disputed": r.disputed,
        }
        for r in rows
    ]


def create_app(db=None, path=None, *, stories=None):
    """The Starlette app over a store (``db``) or files (``path``); ``stories`` injects a backend."""
    try:
        import jinja2
        from starlette.applications import Starlette
        from starlette.exceptions import HTTPException
        from starlette.middleware import Middleware
        from starlette.responses import JSONResponse, RedirectResponse, Response
        from starlette.routing import Route
        from starlette.concurrency import run_in_threadpool
        from starlette.templating import Jinja2Templates
    except ImportError as exc:  # pragma: no cover
        raise _missing_web_extra(exc) from exc

    backend = stories if stories is not None else open_stories(db=db, path=path)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader(str(HERE / "templates")),
            jinja2.FileSystemLoader(str(BRIEF_TEMPLATES)),
        ]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates = Jinja2Templates(env=env)

    def page(request, name: str, context: dict, status_code: int = 200):
        token, fresh = csrf_token(request)
        context = {"backend": backend.label, "csrf_field": CSRF_FIELD, "csrf_token": token,
                   "query": "", **context}
        response = templates.TemplateResponse(request, name, context, status_code=status_code)
        if fresh:
            set_csrf_cookie(response, token)
        return response

    def load_brief(story_id: str):
        brief = backend.brief(story_id)
        if brief is None:
            raise HTTPException(404, f"There is no story “{story_id}”.")
        return brief

    async def index(request):
        rows = await run_in_threadpool(backend.list)
        return page(request, "index.html", {"stories": _story_rows(rows), "heading": "Stories",
                                            "message": request.query_params.get("message", "")})

    async def search(request):
        query = request.query_params.get("q", "").strip()[:200]
        rows = await run_in_threadpool(backend.search, query) if query else []
        heading = f"Results for “{query}”" if query else "Search"
        return page(request, "index.html", {"stories": _story_rows(rows), "heading": heading,
                                            "query": query, "searched": bool(query), "message": ""})

    async def story(request):
        story_id = request.path_params["story_id"]
        brief = await run_in_threadpool(load_brief, story_id)
        view = brief_view(brief, source_href_for(story_id))
        return page(request, "story.html", {"brief": view, "story_id": story_id,
                                            "story_href": story_href(story_id), "title": view.headline})

    async def source(request):
        story_id = request.path_params["story_id"]
        source_id = request.path_params["source_id"]
        brief = await run_in_threadpool(load_brief, story_id)
        selected = request.query_params.get("ev")
        view = brief_view(brief, source_href_for(story_id), selected=(source_id, selected) if selected else None)
        match = next((s for s in view.all_sources if s.id == source_id), None)
        if match is None:
            raise HTTPException(404, f"Story “{story_id}” has no source “{source_id}”.")
        return page(request, "source.html", {"brief": view, "source": match, "story_href": story_href(story_id),
                                             "title": f"{match.label} · {view.headline}"})

    async def standalone(request):
        brief = await run_in_threadpool(load_brief, request.path_params["story_id"])
        return Response(brief.to_html(), media_type="text/html; charset=utf-8")

    async def new_form(request):
        return page(request, "new.html", {"title": "New story", "error": "", "problems": []})

    async def new_submit(request):
        try:
            request = await read_capped(request, MAX_BODY_BYTES)
        except BodyTooLarge:
            raise HTTPException(413, f"The upload is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB in all.")
        form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=MAX_FILE_BYTES)
        if not csrf_ok(request, form.get(CSRF_FIELD)):
            raise HTTPException(403, "This form did not come from this page (cross-site request refused). "
                                     "Reload the page and submit again.")
        with tempfile.TemporaryDirectory(prefix="newsfold-web-") as tmp:
            inputs = await _form_inputs(form, Path(tmp))
            if not inputs:
                return page(request, "new.html", {"title": "New story", "problems": [],
                                                  "error": "Paste some text, choose files or give URLs."},
                            status_code=400)
            date = (form.get("date") or "").strip() or None
            if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                return page(request, "new.html", {"title": "New story", "problems": [],
                                                  "error": "The date must look like 2031-03-14."}, status_code=400)
            try:
                added = await run_in_threadpool(backend.add, inputs, date)
            except NewsfoldError as exc:
                return page(request, "new.html", {"title": "New story", "error": str(exc), "problems": []},
                            status_code=400)
        if added.story_id:
            return RedirectResponse(story_href(added.story_id), status_code=303)
        return RedirectResponse("/?message=" + quote(added.message), status_code=303)

    async def api_stories(request):
        query = request.query_params.get("q")
        since = request.query_params.get("since")
        rows = await run_in_threadpool(backend.search, query) if query else await run_in_threadpool(backend.list, since)
        return JSONResponse([r.to_dict() for r in rows])

    async def api_brief(request):
        story_id = request.path_params["story_id"]
        text = await run_in_threadpool(backend.brief_json, story_id)
        if text is None:
            raise HTTPException(404, f"There is no story “{story_id}”.")
        return Response(text, media_type="application/json")

    async def assets(request):
        name = request.path_params["name"]
        if name not in ASSETS:
            raise HTTPException(404, "No such file.")
        media_type, read = ASSETS[name]
        return Response(read(), media_type=media_type, headers={"cache-control": "no-cache"})

    async def http_error(request, exc):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        titles = {400: "That request could not be used", 403: "Request refused", 404: "Not found",
                  405: "Not allowed", 413: "Too large"}
        return page(request, "error.html", {"title": titles.get(exc.status_code, "Error"),
                                            "status": exc.status_code, "detail": exc.detail},
                    status_code=exc.status_code)

    async def newsfold_error(request, exc):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=400)
        return page(request, "error.html", {"title": "That could not be done", "status": 400,
                                            "detail": str(exc)}, status_code=400)

    async def server_error(request, exc):
        detail = "Something went wrong on this server. The terminal running newsfold serve has the details."
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": detail}, status_code=500)
        return page(request, "error.html", {"title": "Server error", "status": 500, "detail": detail},
                    status_code=500)

    routes = [
        Route("/", index),
        Route("/search", search),
        Route("/new", new_form, methods=["GET"]),
        Route("/new", new_submit, methods=["POST"]),
        Route("/stories/{story_id}", story),
        Route("/stories/{story_id}/brief.html", standalone),
        Route("/stories/{story_id}/sources/{source_id}", source),
        Route("/api/stories", api_stories),
        Route("/api/stories/{story_id}/brief", api_brief),
        Route("/assets/{name}", assets),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: http_error, NewsfoldError: newsfold_error, 500: server_error},
    )
    app.state.stories = backend
    return app


async def _form_inputs(form, folder: Path) -> list[str]:
    """Paths and URLs to read: pasted text (``---`` lines separate articles), files, URLs."""
    from starlette.exceptions import HTTPException

    inputs: list[str] = []
    pasted = (form.get("text") or "").strip()
    if pasted:
        for n, part in enumerate(p.strip() for p in PASTE_SEPARATOR.split(pasted)):
            if part:
                file = folder / f"pasted-{n + 1:03d}.txt"
                file.write_text(part + "\n", encoding="utf-8")
                inputs.append(str(file))
    for n, upload in enumerate(form.getlist("files")):
        if isinstance(upload, str) or not upload.filename:
            continue
        name = Path(upload.filename).name
        suffix = Path(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise HTTPException(400, f"{name}: unsupported file type; use {', '.join(sorted(UPLOAD_SUFFIXES))}.")
        data = await upload.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise HTTPException(413, f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.")
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip(".-") or f"upload-{n + 1}"
        file = folder / f"{stem}{suffix}"
        if file.exists():
            file = folder / f"{stem}-{n + 1}{suffix}"
        file.write_bytes(data)
        inputs.append(str(file))
    urls = [u.strip() for u in (form.get("urls") or "").splitlines() if u.strip()]
    if len(urls) > MAX_URLS:
        raise HTTPException(400, f"At most {MAX_URLS} URLs at a time.")
    for url in urls:
        if not url.lower().startswith(("http://", "https://")):
            raise HTTPException(400, f"{url[:80]}: only http(s) URLs can be fetched.")
        inputs.append(url)
    return inputs


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def serve(target=None, host: str = "127.0.0.1", port: int = 8000, *, db=None, path=None) -> None:
    """Run the app with uvicorn. ``target`` is a store (``.db``/SQLite file) or a PATH."""
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover
        raise _missing_web_extra(exc) from exc
    if target is not None and db is None and path is None:
        candidate = Path(target)
        if candidate.suffix == ".db" or (candidate.is_file() and _looks_like_sqlite(candidate)):
            db = target
        else:
            path = target
    app = create_app(db=db, path=path)
    print(f"newsfold: serving {app.state.stories.label} on http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
