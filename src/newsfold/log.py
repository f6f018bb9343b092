"""The command line's messages on stderr, through :mod:`logging`: one prefix, one switch.

Everything newsfold tells a user besides its output goes to the ``newsfold``
logger: warnings (an input skipped or repaired) as ``newsfold: warning: …``,
progress and "wrote" lines as ``newsfold: …``, errors as ``newsfold: error: …``.
The CLI calls :func:`setup` once per run; ``-q`` lets only errors through.
A program that embeds newsfold and never calls :func:`setup` configures the
``newsfold`` logger as it likes (the Python API reports read problems as
``newsfold.ReadWarning`` instead).
"""
from __future__ import annotations

import logging
import sys

LOGGER = logging.getLogger("newsfold")


class _Stderr(logging.Handler):
    """Writes to whatever ``sys.stderr`` is when a message comes (a redirect or a
    test's capture made after setup still gets it), one message a line."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:  # a closed pipe must not turn a warning into a traceback
            self.handleError(record)


class _Prefixed(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            return f"newsfold: error: {message}"
        if record.levelno >= logging.WARNING:
            return f"newsfold: warning: {message}"
        return f"newsfold: {message}"


def setup(quiet: bool = False) -> logging.Logger:
    """Route the ``newsfold`` logger to stderr with the prefix; ``quiet``: errors only."""
    if not any(isinstance(handler, _Stderr) for handler in LOGGER.handlers):
        handler = _Stderr()
        handler.setFormatter(_Prefixed())
        LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.ERROR if quiet else logging.INFO)
    LOGGER.propagate = False  # the CLI owns stderr: no second copy through a root handler
    return LOGGER
