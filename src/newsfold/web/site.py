"""What every route of the web app shares: the stories backend and the page renderer.

``create_app`` puts one :class:`Site` on ``app.state.site``; a route finds it
with :func:`site_of`. Pages use the web app's templates first, then the brief's
own partials (``render/templates``), so a story page and the standalone file
print the same view-model the same way.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from ..model import Brief
from ..render.html import TEMPLATES as BRIEF_TEMPLATES
from .security import CSRF_FIELD, csrf_token, set_csrf_cookie

HERE = Path(__file__).parent


class Site:
    """The stories backend (a store or files) and the pages printed over it."""

    def __init__(self, backend: Any):
        self.backend = backend
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader([
                jinja2.FileSystemLoader(str(HERE / "templates")),
                jinja2.FileSystemLoader(str(BRIEF_TEMPLATES)),
            ]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates = Jinja2Templates(env=env)

    def page(self, request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
        """A template rendered with what every page needs (backend label, CSRF token, search box)."""
        token, fresh = csrf_token(request)
        context = {"backend": self.backend.label, "csrf_field": CSRF_FIELD, "csrf_token": token,
                   "query": "", **context}
        response = self.templates.TemplateResponse(request, name, context, status_code=status_code)
        if fresh:
            set_csrf_cookie(response, token)
        return response

    def brief(self, story_id: str) -> Brief:
        """The story's brief, or a 404 naming the story."""
        brief = self.backend.brief(story_id)
        if brief is None:
            raise HTTPException(404, f"There is no story “{story_id}”.")
        return brief


def site_of(request: Request) -> Site:
    site: Site = request.app.state.site
    return site
