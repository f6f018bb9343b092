"""Hostile input past the readers: copies under two records, old and read-only stores, the web
app's source ids and CSP, and Markdown output of sources that carry markup or control characters."""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

from newsfold.model import Article, Brief, Evidence, Fact
from newsfold.stream.ingest import IngestOptions, ingest
from newsfold.stream.store import Store

TEXT = ("The roof of the Orvell glass museum collapsed overnight under heavy snow; curator Mira Halden "
        "said the chandelier collection was damaged and the museum will stay shut.")


def sources_only(articles, date=None) -> Brief:
    return Brief(title=None, date=None, sources=list(articles))


def options() -> IngestOptions:
    return IngestOptions(embedder="hashing", quiet=True, fold=sources_only, batch_size=2)


def _records(path, records) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


# -- one article in two records of a dataset ------------------------------------------------------


def test_one_text_in_two_labelled_records_is_stored_twice_one_a_copy(tmp_path):
    base = {"title": "Roof collapses", "text": TEXT, "outlet": "Orvell Post", "url": "https://orvell.example/roof",
            "published": "2031-03-14"}
    records = [{**base, "id": "story-11-054", "story": "11", "labels": [0, 1]},
               {**base, "id": "story-205-000", "story": "205", "labels": [1, 1]},
               {**base, "id": "story-11-054", "story": "11", "labels": [0, 1]}]  # the first line again
    path = _records(tmp_path / "labelled.jsonl", records)
    db = tmp_path / "n.db"
    report = ingest([path], str(db), options())
    assert (report.read, report.new, report.copies, report.duplicates) == (3, 2, 1, 1)
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT id, copy_of FROM articles"))
        extra = json.loads(con.execute("SELECT extra FROM articles WHERE id = 'story-205-000'").fetchone()[0])
    assert rows == {"story-11-054": None, "story-205-000": "story-11-054"}
    assert extra == {"story": "205", "labels": [1, 1]}  # the copy keeps its own fields
    again = ingest([path], str(db), options())
    assert (again.new, again.copies, again.duplicates) == (0, 0, 3)


def test_a_store_of_the_previous_schema_is_rehashed_so_a_rerun_changes_nothing(tmp_path):
    records = [{"id": f"r{n}", "title": f"Report {n}", "text": f"{TEXT} Filed {n}.", "published": "2031-03-14"}
               for n in range(3)] + [{"id": "undated", "text": "A report without a date about the museum roof."}]
    path = _records(tmp_path / "r.jsonl", records)
    db = tmp_path / "old.db"
    assert ingest([path], str(db), options()).new == 4
    with sqlite3.connect(db) as con:  # as schema 2 left it: another identity in content_hash
        con.execute("UPDATE articles SET content_hash = 'schema-2-' || id")
        con.execute("PRAGMA user_version = 2")
    again = ingest([path], str(db), options())
    assert (again.new, again.duplicates) == (0, 4)
    with Store(db, readonly=True) as store:
        assert store.counts()["articles"] == 4


# -- a store on a read-only filesystem ---------------------------------------------------------------


def test_a_store_on_a_read_only_filesystem_can_be_listed(tmp_path):
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("needs unshare and mount to make a read-only filesystem")
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _records(tmp_path / "r.jsonl", [{"id": "a", "title": "Museum roof collapses", "text": TEXT,
                                            "published": "2031-03-14"}])
    assert ingest([path], str(folder / "n.db"), options()).new == 1
    script = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} || exit 77; "
              f"touch {folder}/probe 2>/dev/null && exit 78; "
              f"{sys.executable} -m newsfold.cli stories --db {folder}/n.db")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if done.returncode in (1, 77, 78) and "Museum" not in done.stdout and "newsfold" not in done.stderr:
        pytest.skip(f"cannot mount a read-only filesystem here ({done.stderr.strip()[:200]})")
    assert done.returncode == 0, done.stderr
    assert "Museum roof collapses" in done.stdout and "Traceback" not in done.stderr


# -- the web app: a source id with "/", the standalone page's CSP ------------------------------------


@pytest.fixture()
def slash_folder(tmp_path):
    article = Article(id="feeds/harbor", text="The bridge closed on Monday.", published="2031-03-14")
    brief = Brief(title="Harbor", date="2031-03-14", sources=[article],
                  facts=[Fact(id="F1", text="The bridge closed on Monday.", kind="unique", sources=1,
                              independent_sources=1, support=[Evidence("feeds/harbor", 0, 28)])])
    from newsfold.render import to_json

    (tmp_path / "harbor.json").write_text(to_json(brief), encoding="utf-8")
    return tmp_path


def test_a_source_id_with_a_slash_has_a_page(slash_folder):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from newsfold.web.app import create_app

    client = TestClient(create_app(path=str(slash_folder)), base_url="http://127.0.0.1")
    story = client.get("/stories/harbor")
    assert story.status_code == 200 and "/stories/harbor/sources/feeds%2Fharbor" in story.text
    page = client.get("/stories/harbor/sources/feeds%2Fharbor")
    assert page.status_code == 200 and "The bridge closed on Monday." in page.text
    assert client.get("/stories/harbor/sources/feeds%2Fnone").status_code == 404


def test_the_served_standalone_page_allows_its_own_inline_css_and_js(slash_folder):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from newsfold.render.html import standalone_csp
    from newsfold.web.app import create_app

    client = TestClient(create_app(path=str(slash_folder)), base_url="http://127.0.0.1")
    response = client.get("/stories/harbor/brief.html")
    policies = response.headers.get_list("content-security-policy")
    assert len(policies) == 1 and policies[0].startswith(standalone_csp())
    assert "'unsafe-inline'" not in policies[0] and "frame-ancestors 'none'" in policies[0]
    assert response.headers["x-frame-options"] == "DENY"
    assert client.get("/stories/harbor").headers["content-security-policy"].startswith("default-src 'none'; style-src 'self'")


# -- Markdown output of hostile sources ----------------------------------------------------------------


def test_markdown_escapes_source_markup_and_drops_control_characters():
    from newsfold.render import to_markdown

    evil_id = "evil\x1b[31m\u202e"
    article = Article(id=evil_id, text="<img src=x onerror=alert(1)> The bridge closed.",
                      title="<script>alert(1)</script> Bridge", outlet="Post <b>", published="2031-03-14")
    fact = Fact(id="F1", text="<img src=x onerror=alert(1)> The bridge closed.", kind="unique", sources=1,
                independent_sources=1, support=[Evidence(evil_id, 0, 47)])
    markdown = to_markdown(Brief(title="<iframe src=//x>", date="2031-03-14", sources=[article], facts=[fact]))
    assert not re.search(r"(?<!\\)<", markdown)  # every "<" from a source is escaped: no tag survives
    assert "\\<script>alert(1)\\</script> Bridge" in markdown
    assert not any(ch in markdown for ch in "\x1b\u202e")
    assert "| evil[31m |" in markdown and "[1 source: Post \\<b>]" in markdown  # the table and a citation


def test_two_identical_pastes_in_the_form_are_two_sources_one_a_copy(slash_folder, tmp_path):
    from newsfold.web.stories import FileStories

    pastes = []
    for n in (1, 2):
        pastes.append(tmp_path / f"pasted-{n:03d}.txt")
        pastes[-1].write_text(TEXT, encoding="utf-8")
    stories = FileStories(slash_folder, {"embedder": "hashing"})
    added = stories.add([str(p) for p in pastes], date="2031-03-14")
    sources = stories.brief(added.story_id).sources
    assert sorted(a.id for a in sources) == ["pasted-001", "pasted-002"]
    assert [a.copy_of for a in sources if a.copy_of] in (["pasted-001"], ["pasted-002"])
