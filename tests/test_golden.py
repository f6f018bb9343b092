"""Golden files for the example story's Markdown and JSON.

After a reviewed change in output, update them with one command:

    NEWSFOLD_UPDATE_GOLDEN=1 pytest tests/test_golden.py     (or: make golden)
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import newsfold

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NEWSFOLD_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def brief(example_dir):
    return newsfold.fold(newsfold.read(str(example_dir)))


@pytest.mark.parametrize("name,render", [("brief.md", "to_markdown"), ("brief.json", "to_json")])
def test_example_matches_golden(brief, name, render, example_dir):
    rendered = getattr(newsfold, render)(brief)
    # Origins are paths on this machine; make them repo-relative for the golden file.
    rendered = rendered.replace(str(example_dir.parent.parent) + os.sep, "")
    golden = GOLDEN / name
    if UPDATE or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{golden} did not exist; wrote it: review and commit it")
    assert rendered == golden.read_text(encoding="utf-8"), (
        f"{name} differs from {golden}; if the change is intended run: make golden"
    )
