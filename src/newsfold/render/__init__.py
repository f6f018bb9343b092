"""Renderers, chosen by format name: Markdown for people, JSON for programs, HTML for browsers.

The model knows nothing of its renderings; these free functions take a
:class:`~newsfold.model.Brief` and return text (or, for ``to_dict``, the JSON
document as Python data). The CLI, the web app, the stream and the Python API
all render through here, and ``render(brief, "md"|"json"|"html")`` is what the
CLI's ``--format`` picks from.

Each renderer's module is imported on first use, so ``import newsfold`` stays fast.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Brief

__all__ = ["DEFAULT_FORMAT", "EXTENSIONS", "FORMATS", "format_for_path", "render",
           "to_dict", "to_html", "to_json", "to_markdown"]


def to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as the JSON document (schema ``newsfold.brief/1``), as Python data."""
    from .json_out import brief_to_dict

    return brief_to_dict(brief)


def to_json(brief: Brief, indent: int | None = 2) -> str:
    """The brief as JSON text (schema ``newsfold.brief/1``), ending with a newline."""
    from .json_out import render_json

    return render_json(brief, indent=indent)


def to_markdown(brief: Brief) -> str:
    """The brief as Markdown, every claim cited by source id."""
    from .markdown import render_markdown

    return render_markdown(brief)


def to_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page (no network request, source texts embedded)."""
    from .html import render_html

    return render_html(brief)


RENDERERS: dict[str, Callable[[Brief], str]] = {"md": to_markdown, "json": to_json, "html": to_html}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
DEFAULT_FORMAT = "md"
# File extension (lower case, no dot) -> format; no extension (or stdout) gets DEFAULT_FORMAT.
EXTENSIONS: dict[str, str] = {"md": "md", "markdown": "md", "txt": "md", "json": "json", "html": "html", "htm": "html"}


def render(brief: Brief, fmt: str) -> str:
    """The brief in format ``fmt``, one of :data:`FORMATS`."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None
    return renderer(brief)


def format_for_path(path: str | None) -> str:
    """The format an output file's extension asks for (``brief.html`` -> ``html``);
    Markdown for stdout or a name without extension. Another extension
    (``brief.pdf``) is an :class:`InputError`: nothing would write a PDF."""
    suffix = Path(path).suffix.lower().lstrip(".") if path and path != "-" else ""
    if not suffix:
        return DEFAULT_FORMAT
    if suffix not in EXTENSIONS:
        known = ", ".join(f".{ext}" for ext in EXTENSIONS)
        raise InputError(f"cannot write a .{suffix} file; name it {known} or pass --format {'|'.join(FORMATS)}",
                         where=path)
    return EXTENSIONS[suffix]
