"""The command line as a user meets it: outputs, exit codes, clear errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsfold.cli import main

from .helpers import assert_valid_json_brief


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_brief_markdown_to_stdout(example_dir, capsys):
    code, out, err = run(["brief", str(example_dir)], capsys)
    assert code == 0
    assert out.startswith("# ")
    assert "## Sources" in out and "## Key facts" in out
    assert "Traceback" not in err


def test_brief_json_to_file_validates(example_dir, tmp_path, capsys):
    target = tmp_path / "brief.json"
    code, out, _ = run(["brief", str(example_dir), "--format", "json", "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert_valid_json_brief(json.loads(target.read_text(encoding="utf-8")))


def test_stdin_and_a_file(example_dir, capsys, monkeypatch):
    import io

    text = (example_dir / "evening-post.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
    code, out, _ = run(["brief", "-", str(example_dir / "calden-daily.txt"), "--format", "json"], capsys)
    assert code == 0
    ids = [s["id"] for s in json.loads(out)["sources"]]
    assert ids == ["stdin", "calden-daily"]


def test_missing_path_exits_2_with_a_clear_message(capsys, tmp_path):
    code, out, err = run(["brief", str(tmp_path / "nope.txt")], capsys)
    assert code == 2
    assert "nope.txt" in err and "Traceback" not in err


def test_broken_jsonl_line_is_reported_and_the_rest_used(tmp_path, capsys, example_dir):
    good = [json.dumps({"id": f"s{i}", "text": (example_dir / name).read_text(encoding="utf-8")})
            for i, name in enumerate(["calden-daily.txt", "evening-post.txt"])]
    feed = tmp_path / "story.jsonl"
    feed.write_text(good[0] + "\n{not json\n" + good[1] + "\n", encoding="utf-8")
    code, out, err = run(["brief", str(feed), "--format", "json"], capsys)
    assert code == 0
    assert "story.jsonl:2" in err
    assert [s["id"] for s in json.loads(out)["sources"]] == ["s0", "s1"]


def test_empty_and_binary_files_are_reported_and_skipped(tmp_path, capsys, example_dir):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "real.txt").write_text((example_dir / "calden-daily.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(["brief", str(tmp_path), "--format", "json"], capsys)
    assert code == 0
    assert "empty.txt" in err and "blob.txt" in err
    assert [s["id"] for s in json.loads(out)["sources"]] == ["real"]


def test_bad_date_is_a_usage_error(example_dir, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["brief", str(example_dir), "--date", "yesterday"])
    assert exit_info.value.code == 2
    assert "2031-03-14" in capsys.readouterr().err


def test_summarize_respects_the_word_budget(example_dir, capsys):
    code, out, _ = run(["summarize", str(example_dir), "--words", "40"], capsys)
    assert code == 0
    assert 10 <= len(out.split()) <= 40


def test_summarize_offers_no_embedder_it_would_ignore(example_dir, capsys):
    # A summary ranks sentences lexically; an --embedder choice would silently do nothing.
    with pytest.raises(SystemExit) as exit_info:
        main(["summarize", str(example_dir), "--embedder", "hashing"])
    assert exit_info.value.code == 2
    assert "--embedder" in capsys.readouterr().err


def test_console_script_runs_cold(example_dir, tmp_path):
    """The installed entry point, in a fresh process, as a new user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "newsfold.cli", "brief", str(example_dir), "-o", str(tmp_path / "b.html")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "b.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")


def test_cluster_writes_one_line_per_article_copies_included(tmp_path, capsys):
    rows = [
        {"id": "a1", "title": "Fire at harbour warehouse", "text": "A fire broke out at the harbour warehouse on Monday.", "published": "2031-03-10"},
        {"id": "a2", "title": "Fire at harbour warehouse", "text": "A fire broke out at the harbour warehouse on Monday.", "published": "2031-03-10"},
        {"id": "b1", "title": "Council approves new budget", "text": "The city council approved the budget for next year.", "published": "2031-03-10"},
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    target = tmp_path / "assignments.jsonl"
    code, out, err = run(["cluster", str(source), "-o", str(target), "--embedder", "hashing", "--quiet"], capsys)
    assert code == 0 and "Traceback" not in err
    story = {r["id"]: r["story"] for r in map(json.loads, target.read_text(encoding="utf-8").splitlines())}
    assert set(story) == {"a1", "a2", "b1"}
    assert story["a1"] == story["a2"] != story["b1"]


def test_cluster_places_a_record_with_a_title_only(tmp_path, capsys):
    body = "A fire broke out at the harbour warehouse on Monday; firefighters from three stations fought it."
    rows = [
        {"id": "a1", "title": "Fire at harbour warehouse", "text": body, "published": "2031-03-10"},
        {"id": "a2", "title": "Harbour warehouse fire: three stations called", "text": body + " Nobody was hurt.", "published": "2031-03-10"},
        {"id": "b1", "title": "Council approves new budget", "text": "The city council approved the budget for next year.", "published": "2031-03-10"},
        {"id": "t1", "title": "Harbour warehouse fire fought by three stations", "text": "", "published": "2031-03-10"},
    ]
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    target = tmp_path / "assignments.jsonl"
    code, out, err = run(["cluster", str(source), "-o", str(target), "--embedder", "hashing", "--quiet"], capsys)
    assert code == 0 and "skipped" not in err
    story = {r["id"]: r["story"] for r in map(json.loads, target.read_text(encoding="utf-8").splitlines())}
    assert set(story) == {"a1", "a2", "b1", "t1"}
    assert story["t1"] == story["a1"] != story["b1"]


def test_output_format_comes_from_the_option_else_the_extension():
    from newsfold.model import Brief
    from newsfold.render import FORMATS, format_for_path, render

    assert FORMATS == ("md", "json", "html")
    assert [format_for_path(p) for p in ("b.json", "b.HTM", "b.html", "b.md", "b.txt", None)] == [
        "json", "html", "html", "md", "md", "md"]
    assert render(Brief(title="T", date=None, sources=[]), "md").startswith("# T\n")
    with pytest.raises(ValueError, match="unknown format"):
        render(Brief(title="T", date=None, sources=[]), "pdf")


def test_an_output_extension_nothing_writes_is_an_error_not_markdown(example_dir, tmp_path, capsys):
    out = tmp_path / "brief.pdf"
    assert main(["brief", str(example_dir), "-o", str(out), "--quiet"]) == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "brief.pdf" in err and ".html" in err and "--format" in err
    # An explicit --format still writes any name the user chose.
    assert main(["brief", str(example_dir), "-o", str(out), "--format", "json", "--quiet"]) == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith("{")


def test_a_missing_store_exits_2_like_a_missing_file(tmp_path, capsys):
    missing = tmp_path / "nothing.db"
    assert main(["stories", "--db", str(missing)]) == 2
    assert main(["brief", "--db", str(missing), "--story", "s0001"]) == 2
    err = capsys.readouterr().err
    assert "no such database" in err and "newsfold ingest" in err
    assert not missing.exists()


def test_serve_on_a_busy_port_says_so_and_exits_2(example_dir, capsys):
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["serve", str(example_dir), "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"127.0.0.1:{port}" in err and "--port" in err and "Traceback" not in err


def _subparsers():
    import argparse

    from newsfold.cli import build_parser

    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return parser, action
    raise AssertionError("no commands")


def test_every_command_and_option_has_help_and_every_command_examples():
    """As sqlite-utils checks its CLI: nothing a user can type is undocumented in --help."""
    parser, commands = _subparsers()
    missing = [a.dest for a in parser._actions if not a.help]
    listed = {c.dest: c.help for c in commands._choices_actions}
    for name, sub in commands.choices.items():
        if not listed.get(name):
            missing.append(name)
        missing += [f"{name} {a.option_strings or a.dest}" for a in sub._actions if not a.help]
        help_text = sub.format_help()
        if f"examples:\n  newsfold {name} " not in help_text:
            missing.append(f"{name}: no example")
    assert missing == []


def test_a_mistyped_command_or_choice_gets_a_did_you_mean(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["breif", "x.txt"])
    assert exit_info.value.code == 2
    assert "did you mean 'brief'?" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["stories", "--db", "x.db", "--sort", "sizes"])
    assert "did you mean 'size'?" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["zzzzzz"])
    assert "did you mean" not in capsys.readouterr().err


def test_format_markdown_is_md_and_o_says_what_it_wrote_unless_quiet(example_dir, tmp_path, capsys):
    target = tmp_path / "brief.txt"
    code, out, err = run(["brief", str(example_dir), "--format", "markdown", "-o", str(target),
                          "--embedder", "hashing"], capsys)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert f"wrote Markdown brief to {target} (" in err and "kB)" in err
    code, out, err = run(["brief", str(example_dir), "--format", "MARKDOWN", "-o", str(target), "-q",
                          "--embedder", "hashing"], capsys)
    assert code == 0 and out == "" and err == ""


def _story_with_an_empty_file(tmp_path, example_dir):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    for name in ("calden-daily.txt", "evening-post.txt"):
        (tmp_path / name).write_text((example_dir / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_a_warning_goes_through_logging_with_the_one_prefix(tmp_path, capsys, example_dir, caplog):
    import logging

    story = _story_with_an_empty_file(tmp_path, example_dir)
    newsfold_logger = logging.getLogger("newsfold")
    newsfold_logger.addHandler(caplog.handler)  # the CLI's logger does not propagate to the root
    try:
        code, _, err = run(["brief", str(story), "--format", "json", "--embedder", "hashing"], capsys)
    finally:
        newsfold_logger.removeHandler(caplog.handler)
    assert code == 0
    warned = [line for line in err.splitlines() if "empty.txt" in line]
    assert warned and all(line.startswith(f"newsfold: warning: {story / 'empty.txt'}") for line in warned)
    records = [r for r in caplog.records if r.name == "newsfold" and "empty.txt" in r.getMessage()]
    assert records and all(r.levelno == logging.WARNING for r in records)


def test_quiet_silences_reader_warnings_and_progress_lines(tmp_path, capsys, example_dir, monkeypatch):
    story = _story_with_an_empty_file(tmp_path, example_dir)
    target = tmp_path / "brief.json"
    args = ["brief", str(story), "-o", str(target), "--embedder", "hashing"]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # progress lines are drawn on a terminal only
    code, out, err = run(args, capsys)
    assert code == 0 and out == ""
    assert "newsfold: warning: " in err and "empty.txt" in err
    assert "newsfold: folding 2 sources" in err and f"newsfold: wrote JSON brief to {target}" in err
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run([*args, "-q"], capsys)
    assert code == 0 and out == "" and err == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "newsfold.brief/1"
    # An error still gets through -q, with the same prefix.
    code, _, err = run(["brief", str(tmp_path / "nope.txt"), "-q"], capsys)
    assert code == 2 and err.startswith("newsfold: error: ")


def test_eval_cluster_names_a_missing_unreadable_or_non_utf8_file(tmp_path, capsys):
    # A user's typo or a folder given for the gold file gets the usual one-line
    # error and exit status 2, never a traceback.
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes(json.dumps({"id": "a", "text": "x", "story": "s"}).encode() + b"\n\xe9t\xe9\n")
    assert main(["eval-cluster", str(tmp_path / "gold.jsonl")]) == 2
    assert main(["eval-cluster", str(tmp_path)]) == 2
    assert main(["eval-cluster", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "gold.jsonl: no such file" in err
    assert "is a folder" in err
    assert "latin1.jsonl:2: not UTF-8" in err
    assert "Traceback" not in err
