"""JSON from untrusted input, with a cap on nesting.

``json.loads`` recurses once per level, so a few thousand ``[`` raise
``RecursionError`` (a traceback that stops the whole run), and a few hundred
break code that walks or re-encodes the data later. :func:`loads` refuses
anything nested deeper than :data:`MAX_DEPTH` with :class:`TooDeep`, a
``json.JSONDecodeError`` whose line and column point at the first level too
deep, so every reader reports it as it reports any other malformed JSON.
"""
from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64  # articles need a handful of levels; JSON-LD graphs a dozen
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class TooDeep(json.JSONDecodeError):
    pass


def loads(text: str) -> Any:
    """``json.loads`` that raises :class:`TooDeep` instead of recursing past :data:`MAX_DEPTH`."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise _too_deep(text) from None
    if _depth(data) > MAX_DEPTH:
        raise _too_deep(text)
    return data


def _depth(data: Any) -> int:
    """How deeply ``data`` nests (iteratively: the data may be as deep as the parser allowed)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
            stack.extend((item, depth + 1) for item in value)
    return deepest


def _too_deep(text: str) -> TooDeep:
    position, depth = 0, 0
    for token in _TOKENS.finditer(text):
        kind = token.group()
        if kind in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                position = token.start()
                break
        elif kind in "]}":
            depth -= 1
    return TooDeep(f"nested deeper than {MAX_DEPTH} levels", text, position)
