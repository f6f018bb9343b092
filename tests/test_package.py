"""What `pip install .` ships: the brief's JSON Schema, py.typed and every data file the code reads."""
from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import newsfold

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "newsfold"


def test_schema_is_the_brief_schema_and_a_fresh_dict_each_time():
    schema = newsfold.schema()
    assert schema["$id"] == "newsfold.brief/1"
    assert schema["properties"]["schema"] == {"const": "newsfold.brief/1"}
    assert {"sources", "facts", "conflicts", "quotes", "entities", "timeline"} <= set(schema["required"])
    schema["required"].clear()  # a caller's change never reaches the next caller
    assert newsfold.schema()["required"]


def test_schema_rejects_a_brief_without_its_sources():
    import jsonschema
    import pytest

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema": "newsfold.brief/1", "story": {"title": None, "date": None}}, newsfold.schema())


def test_every_data_file_of_the_package_is_declared_package_data():
    """setuptools ships only the .py files unless a pattern names the rest (the schema, py.typed, templates)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["newsfold"]
    data = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts]
    assert "py.typed" in data and "schemas/newsfold.brief-1.json" in data
    undeclared = [name for name in data if not any(fnmatch(name, pattern) for pattern in patterns)]
    assert not undeclared, f"add these to [tool.setuptools.package-data] in pyproject.toml: {undeclared}"
