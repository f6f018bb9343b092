"""Errors as pages (or as ``{"error": ...}`` under ``/api/``), never as a traceback."""
from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .site import site_of

TITLES = {400: "That request could not be used", 403: "Request refused", 404: "Not found",
          405: "Not allowed", 413: "Too large"}


def _error(request: Request, title: str, status: int, detail: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": detail}, status_code=status)
    context = {"title": title, "status": status, "detail": detail}
    return site_of(request).page(request, "error.html", context, status_code=status)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _error(request, TITLES.get(exc.status_code, "Error"), exc.status_code, exc.detail)


async def newsfold_error(request: Request, exc: Exception) -> Response:
    return _error(request, "That could not be done", 400, str(exc))


async def server_error(request: Request, exc: Exception) -> Response:
    detail = "Something went wrong on this server. The terminal running newsfold serve has the details."
    return _error(request, "Server error", 500, detail)
