"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

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
def example_dir() -> Path:
    return EXAMPLES / "harbor-bridge"
