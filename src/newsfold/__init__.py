"""newsfold: fold many news reports of one story into one cited brief.

    import newsfold
    articles = newsfold.read("story/")          # files, folders, "-", URLs
    brief = newsfold.fold(articles)             # -> Brief
    print(newsfold.to_markdown(brief))          # or to_json, to_html, to_dict

Heavy dependencies (spaCy, onnxruntime, trafilatura, dask) load on first use,
and so do the renderers: ``import newsfold`` stays fast.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from .errors import InputError, NewsfoldError
from .model import Article, Brief

if TYPE_CHECKING:  # imported on first use, see __getattr__
    from .pipeline import Timings
    from .render import to_dict, to_html, to_json, to_markdown

__version__ = "0.1.0"
__all__ = [
    "Article",
    "Brief",
    "InputError",
    "NewsfoldError",
    "ReadWarning",
    "__version__",
    "fold",
    "load",
    "read",
    "schema",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
]

_RENDERERS = frozenset({"to_dict", "to_html", "to_json", "to_markdown"})


class ReadWarning(UserWarning):
    """An input was skipped or repaired while reading (the message says which and why)."""


class ReadOptions(TypedDict, total=False):
    """The keyword options of :func:`read`: those of :func:`newsfold.readers.read_inputs`."""

    date: str | None
    max_bytes: int
    allow_private: bool
    refresh: bool
    cache_dir: str | Path | None
    progress: bool | None
    keep_identical: bool


class FoldOptions(TypedDict, total=False):
    """The keyword options of :func:`fold`: those of :func:`newsfold.pipeline.fold`."""

    embedder: str
    timings: Timings | None


def read(*inputs: str | os.PathLike[str] | list[str] | tuple[str, ...], **options: Unpack[ReadOptions]) -> list[Article]:
    """Read files, folders, ``-`` (stdin) or URLs into articles.

    Pass inputs as arguments or as one list. Inputs that cannot be used are
    skipped with a :class:`ReadWarning` naming the file (and line); the rest
    are returned. Options are those of :func:`newsfold.readers.read_inputs`
    (``date``, ``max_bytes``, ``allow_private``...).
    """
    from .readers import read_inputs

    paths = list(inputs[0]) if len(inputs) == 1 and isinstance(inputs[0], (list, tuple)) else list(inputs)
    result = read_inputs([str(p) for p in paths], **options)
    for problem in result.problems:
        warnings.warn(problem, ReadWarning, stacklevel=2)
    return result.articles


def fold(
    articles: Iterable[Article | Mapping[str, Any] | str],
    date: str | None = None,
    **options: Unpack[FoldOptions],
) -> Brief:
    """Fold the articles of one story into a cited :class:`Brief`.

    ``articles``: :class:`Article` objects (from :func:`read`), dicts with the
    JSONL fields (``text`` or ``html``, ``id``, ``title``, ``published``,
    ``outlet``, ``url``) or plain strings, one article each. An item that is
    none of these raises :class:`InputError`. See :func:`newsfold.pipeline.fold`.
    """
    from .pipeline import fold as _fold
    from .readers.items import articles_from_items

    found, problems = articles_from_items(articles)
    for problem in problems:
        warnings.warn(problem, ReadWarning, stacklevel=2)
    return _fold(found, date=date, **options)


def load(path: str | os.PathLike[str]) -> Brief:
    """A brief saved as JSON (``newsfold brief --format json -o brief.json``), as a :class:`Brief`."""
    from .render.json_out import brief_from_json

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", where=str(path)) from None
    try:
        return brief_from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a newsfold brief JSON ({exc}); write one with newsfold brief --format json",
                         where=str(path)) from None


def schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of the brief JSON, ``newsfold.brief/1``, as a new dict.

    Every brief that :func:`newsfold.to_json` writes validates against it, e.g.
    ``jsonschema.validate(json.loads(text), newsfold.schema())``.
    """
    import json
    from importlib.resources import files

    text = files(__package__).joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


SCHEMA_FILE = "newsfold.brief-1.json"  # in the package's schemas/ folder, shipped as package data


def __getattr__(name: str) -> Any:
    # The renderers load on first use: `newsfold.to_markdown(brief)`.
    if name in _RENDERERS:
        from . import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
