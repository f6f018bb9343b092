"""``newsfold serve``: a local web app over a store, a folder of articles or a brief.

Pages: story list (``/``), search (``/search``), story (``/stories/{id}``), source
(``/stories/{id}/sources/{source}``), new story form (``/new``); the standalone
HTML file (``/stories/{id}/brief.html``); and a JSON API that mirrors the CLI
(``/api/stories`` = ``newsfold stories --format json``, ``/api/stories/{id}/brief``
= ``newsfold brief --db … --story ID --format json``).

Story pages use the same view-model (``render.html.brief_view``) and the same
template partials as the standalone file. Binds 127.0.0.1 unless told otherwise.

Routes live by job: ``pages.py`` (HTML pages), ``forms.py`` (the new-story
form), ``api.py`` (JSON), ``error_pages.py``; ``site.py`` holds what they share.
"""
from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingExtraError, NewsfoldError
from .stories import open_stories


def _missing_web_extra(exc: ImportError) -> MissingExtraError:
    return MissingExtraError(exc.name or "starlette", "web")


def create_app(
    db: str | None = None, path: str | None = None, *, stories: Any = None, host: str = "127.0.0.1"
) -> Any:
    """The Starlette app over a store (``db``) or files (``path``); ``stories`` injects a backend.

    ``host`` is the address the server listens on: requests must name it (or,
    on loopback, ``localhost``/``127.0.0.1``/``[::1]``) in their Host header.
    """
    try:
        from starlette.applications import Starlette
        from starlette.exceptions import HTTPException
        from starlette.middleware import Middleware
        from starlette.routing import Route

        from . import api, error_pages, forms, pages, story_list
        from .security import HostCheck, SecurityHeaders, allowed_hosts
        from .site import Site
    except ImportError as exc:  # pragma: no cover
        raise _missing_web_extra(exc) from exc

    backend = stories if stories is not None else open_stories(db=db, path=path)
    routes = [
        Route("/", story_list.index),
        Route("/search", story_list.search),
        Route("/new", forms.new_form, methods=["GET"]),
        Route("/new", forms.new_submit, methods=["POST"]),
        Route("/stories/{story_id}", pages.story),
        Route("/stories/{story_id}/brief.html", pages.standalone),
        Route("/stories/{story_id}/brief.md", pages.export),
        Route("/stories/{story_id}/brief.json", pages.export),
        Route("/stories/{story_id}/sources/{source_id:path}", pages.source),  # ids may hold "/"
        Route("/api/stories", api.api_stories),
        Route("/api/stories/{story_id}/brief", api.api_brief),
        Route("/assets/{name}", pages.assets),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(HostCheck, hosts=allowed_hosts(host))],
        exception_handlers={
            HTTPException: error_pages.http_error,
            NewsfoldError: error_pages.newsfold_error,
            500: error_pages.server_error,
        },
    )
    app.state.site = Site(backend)
    app.state.stories = backend
    return app


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def serve(
    target: str | None = None, host: str = "127.0.0.1", port: int = 8000, *, db: str | None = None,
    path: str | None = None,
) -> None:
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
    _check_port_free(host, port)
    app = create_app(db=db, path=path, host=host)
    print(f"newsfold: serving {app.state.stories.label} on http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _check_port_free(host: str, port: int) -> None:
    """Fail with a clear message, before the app loads, when another server holds the port."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise InputError(f"cannot listen on {host}:{port} ({exc.strerror}); stop the other server "
                             f"or pick another port: --port {port + 1}") from None
