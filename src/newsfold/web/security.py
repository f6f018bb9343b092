"""Cross-site request protection, the Host check, response headers and body size caps.

Every request must name this server in its ``Host`` header (:class:`HostCheck`):
otherwise a page on another domain that rebinds its name to 127.0.0.1 could
read the API and post stories, since its Origin would match its own Host.

A form POST is accepted only when (1) its ``Origin`` header, if any, is this
server's own origin and the browser does not flag it ``Sec-Fetch-Site:
cross-site``, and (2) its ``csrf_token`` field equals the ``newsfold_csrf``
cookie (double submit: another site can neither read the cookie nor set it).
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket

from starlette.requests import Request
from starlette.responses import PlainTextResponse

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


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
WILDCARDS = {"0.0.0.0", "[::]"}  # listening on every interface


class BodyTooLarge(Exception):
    pass


def allowed_hosts(bound: str) -> set[str]:
    """The ``Host`` names a server bound to ``bound`` answers to.

    A DNS-rebinding page reaches the server under the attacker's own name, so
    a request is served only under the name it was started on, plus the
    loopback names when it listens on loopback. Listening on every interface,
    it also answers to the machine's host name and to any IP address.
    """
    name = bound.strip().lower()
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"  # an IPv6 address, as a Host header writes it
    hosts = {name}
    if _is_loopback(name) or name in WILDCARDS:
        hosts.update(LOOPBACK_NAMES)
    if name in WILDCARDS:
        hosts.add(socket.gethostname().lower())
    return hosts


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return name == "localhost"


def host_name(header: str) -> str:
    """``Host`` without its port: ``example.org:8000`` -> ``example.org``, ``[::1]:8000`` -> ``[::1]``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.split(":", 1)[0]


class HostCheck:
    """ASGI middleware: a request whose ``Host`` is not one of ``hosts`` gets a plain 400 "Invalid host"."""

    def __init__(self, app, hosts: set[str]):
        self.app = app
        self.hosts = hosts
        # Listening on every interface, the server is reached by any of its
        # addresses; an address is no rebinding risk (only a name can be rebound).
        self.any_address = bool(hosts & WILDCARDS)

    def allows(self, host: str) -> bool:
        return host in self.hosts or (self.any_address and _is_ip(host))

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket"):
            headers = dict(scope.get("headers") or [])
            host = host_name(headers.get(b"host", b"").decode("latin-1"))
            if not self.allows(host):
                response = PlainTextResponse(
                    "Invalid host: this server answers only to " + ", ".join(sorted(self.hosts)) + ".\n", 400
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


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
