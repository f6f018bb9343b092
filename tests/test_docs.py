"""Docs that cannot drift: every CLI command and option is in the README, and
the README's example commands run."""
from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from newsfold.cli import build_parser, main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def test_every_command_and_option_is_documented():
    missing = []
    for name, sub in _commands():
        if f"newsfold {name}" not in README:
            missing.append(f"newsfold {name}")
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help" and option not in README:
                    missing.append(f"newsfold {name} {option}")
    assert not missing, f"not in README.md: {missing}"


def test_quick_start_has_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in section.splitlines()[1:] if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]


def _readme_brief_commands():
    for line in README.splitlines():
        line = line.strip()
        if line.startswith(("newsfold brief examples/", "newsfold summarize examples/")):
            yield line.split("  #")[0].strip()


@pytest.mark.parametrize("command", list(_readme_brief_commands()))
def test_readme_example_commands_run(command, tmp_path, monkeypatch, capsys):
    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(repo)
    args = shlex.split(command)[1:]
    args = [str(tmp_path / Path(a).name) if re.search(r"\.(json|html|md)$", a) and not Path(a).exists() else a
            for a in args]
    assert main(args) == 0


def test_readme_excerpt_is_real_output():
    """The README's excerpt of the example brief is what the tool prints (tests/golden/brief.md)."""
    golden = (Path(__file__).parent / "golden" / "brief.md").read_text(encoding="utf-8")
    excerpt = README.split("```markdown\n", 1)[1].split("```", 1)[0]
    missing = [line for line in excerpt.splitlines() if line.strip() and line not in golden]
    assert not missing, f"README excerpt lines not in the golden brief: {missing}"


def test_readme_python_api_example_runs(monkeypatch, capsys):
    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(repo)
    code = README.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("# ") and "consensus" in out


def test_readme_screenshots_exist_and_stay_small():
    """The README's images are committed PNGs (scripts/screenshots.py makes them), each under 300 kB."""
    root = Path(__file__).resolve().parent.parent
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", README)
    shown = {Path(image).name.rsplit("-", 1)[0] for image in images}
    assert {"stories", "brief", "evidence-viewer"} <= shown
    assert {Path(image).stem.rsplit("-", 1)[1] for image in images} == {"desktop", "phone"}
    for image in images:
        data = (root / image).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), image
        assert len(data) < 300_000, f"{image}: {len(data)} bytes; rerun scripts/screenshots.py"
