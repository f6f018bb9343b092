"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsfold.context import StoryContext

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not present")
    return data


@pytest.fixture(scope="session")
def kosovo_dir(shared_data) -> Path:
    story = shared_data / "kosovo-2023-05-30"
    if not story.is_dir():
        pytest.skip("the shared Kosovo story is not present")
    return story


@pytest.fixture(scope="session")
def kosovo_story(kosovo_dir) -> StoryContext:
    """The shared Kosovo story as ``fold`` prepares it for the analysis stages: read,
    cleaned, dated, split, copies and off-topic sources marked, parsed.

    Built once for the whole session and shared by many modules: read it, never
    change it (use ``dataclasses.replace`` for a context with more or other parts).
    """
    from newsfold.pipeline import prepare
    from newsfold.readers import read_inputs

    read = read_inputs([str(kosovo_dir)])
    assert not read.problems, read.problems
    return prepare(read.articles)  # the reading half of fold, as fold runs it


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLES / "harbor-bridge"
