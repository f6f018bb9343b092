"""Cross-site request protection, response headers and body size caps.

A form POST is accepted only when (1) its ``Origin`` header, if any, is this
server's own origin and the browser does not flag it ``Sec-Fetch-Site:
cross-site``, and (2) its ``csrf_token`` field equals the ``newsfold_csrf``
cookie (double submit: another site can neither read the cookie nor set it).
"""
from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request

CSRF_COOKIE = "newsfold_csrf"
CSRF_FIELD = "csrf_token"

# The app serves its own CSS/JS only; nothing may load from elsewhere.
CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer makes Chromium post forms with Origin: null
    (b"x-frame-options", b"DENY"),
]


class BodyTooLarge(Exception):
    pass


class SecurityHeaders:
    """ASGI middleware that adds :data:`HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def csrf_token(request: Request) -> tuple[str, bool]:
    """The token for forms on this page, and whether the cookie must be set."""
    token = request.cookies.get(CSRF_COOKIE, "")
    if len(token) >= 32 and token.isalnum():
        return token, False
    return secrets.token_hex(32), True


def set_csrf_cookie(response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def same_origin(request: Request) -> bool:
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    return origin in (f"{request.url.scheme}://{host}",)


def csrf_ok(request: Request, submitted: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted:
        return False
    return hmac.compare_digest(cookie, submitted) and same_origin(request)


async def read_capped(request: Request, limit: int) -> Request:
    """Read the body (at most ``limit`` bytes) and return a request that replays it."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    body = b"".join(chunks)
    sent = False

    async def replay():
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, replay)
