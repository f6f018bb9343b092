"""The exception tree. Every message says what went wrong and what to do."""
from __future__ import annotations


class NewsfoldError(Exception):
    """Base of every error newsfold raises on purpose."""

    exit_code = 1


class InputError(NewsfoldError):
    """An input path, URL or record cannot be used.

    ``where`` names the file (and line) so the user can fix it.
    """

    exit_code = 2

    def __init__(self, message: str, where: str | None = None):
        self.where = where
        self.problems: list[str] = []  # every problem line, when nothing at all could be read
        super().__init__(f"{where}: {message}" if where else message)


class MissingExtraError(NewsfoldError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str):
        super().__init__(
            f"{package} is not installed; run: pip install 'newsfold[{extra}]'"
        )


class FetchError(InputError):
    """A URL could not be fetched or was refused."""


class StoreError(NewsfoldError):
    """The SQLite store cannot be opened or written."""


class StoreNotFound(InputError, StoreError):
    """The store named with ``--db`` does not exist (exit 2, as for a missing file)."""


class ModelError(NewsfoldError):
    """A model (embedder, spaCy pipeline) cannot be loaded."""
