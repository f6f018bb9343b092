"""The brief as HTML: one self-contained page.

The view-model (:func:`~newsfold.render.view.brief_view`: badges, citations,
highlighted source segments, display dates) is shared with the web app; the
Jinja2 templates in ``render/templates`` only print it. ``render_html`` wraps
the same partials in a standalone page with inline CSS and JS, a Content
Security Policy that forbids every network request, and every source text
embedded so a citation opens its passage offline.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Brief
from .dates import display_date
from .view import brief_view
from .views import SourceHref, standalone_href

if TYPE_CHECKING:  # jinja2 ships with the web extra; imported on first use
    import jinja2

__all__ = ["TEMPLATES", "SourceHref", "asset", "brief_view", "display_date", "environment", "render_html",
           "standalone_href"]

TEMPLATES = Path(__file__).parent / "templates"



@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment for ``render/templates`` (autoescape on for everything)."""
    try:
        import jinja2
    except ImportError as exc:  # pragma: no cover - jinja2 ships with the web extra
        from ..errors import MissingExtraError

        raise MissingExtraError("jinja2", "web") from exc
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def asset(name: str) -> str:
    """The text of a shared asset (``brief.css``, ``brief.js``), also served by the web app."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def standalone_csp() -> str:
    """The standalone page's policy: exactly its inline stylesheet and script, no network at all,
    so even a page saved from a hostile source cannot phone home. A server sending the page
    sends this policy too (a second, stricter one would block the inline parts)."""
    return (
        "default-src 'none'; img-src data:; "
        f"style-src {_csp_hash(asset('brief.css'))}; script-src {_csp_hash(asset('brief.js'))}; "
        "base-uri 'none'; form-action 'none'"
    )


def render_html(brief: Brief) -> str:
    """One self-contained HTML page for ``brief``: no request to any host, printable."""
    return environment().get_template("standalone.html").render(
        brief=brief_view(brief), css=asset("brief.css"), js=asset("brief.js"), csp=standalone_csp()
    )
