"""The web app through Starlette's test client: pages, API, errors, CSRF, caps."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient

from newsfold.render import to_json
from newsfold.web import app as webapp
from newsfold.web import forms
from newsfold.web.app import create_app
from newsfold.web.stories import Added, FileStories, summarize_brief
sys.path.insert(0, str(Path(__file__).parent))  # the sample brief lives beside this file
from test_render_html import sample_brief

BASE = "http://127.0.0.1:8000"  # the app answers only to the host it is bound to


@pytest.fixture()
def briefs_dir(tmp_path):
    (tmp_path / "harbor.json").write_text(to_json(sample_brief()), encoding="utf-8")
    (tmp_path / "hostile.json").write_text(to_json(sample_brief(hostile=True)), encoding="utf-8")
    return tmp_path


@pytest.fixture()
def client(briefs_dir):
    return TestClient(create_app(path=str(briefs_dir)), base_url=BASE)


class RecordingStories(FileStories):
    """Files backend whose ``add`` records its inputs instead of folding."""

    def __init__(self, path):
        super().__init__(path)
        self.calls = []

    def add(self, inputs, date=None):
        self.calls.append((list(inputs), date, [Path(p).read_text() if not p.startswith("http") else p for p in inputs]))
        return Added("harbor", "ok", [])


def _token(client) -> str:
    page = client.get("/new")
    return re.search(r'name="csrf_token" value="([0-9a-f]+)"', page.text).group(1)


def test_story_list_and_pages(client):
    home = client.get("/")
    assert home.status_code == 200
    assert home.text.count('class="story-row"') == 2
    assert "1 disputed" in home.text and "3 sources" in home.text
    story = client.get("/stories/harbor")
    assert story.status_code == 200
    assert "2 independent sources · 3 reports" in story.text
    assert 'href="/stories/harbor/sources/001?ev=e1#selected"' in story.text
    source = client.get("/stories/harbor/sources/001", params={"ev": "e1"})
    assert source.status_code == 200
    assert re.search(r'<mark class="ev is-hl" data-ev="[^"]*\be1\b[^"]*" id="selected">The Harbor Bridge closed', source.text)
    assert 'data-reason="byline"' in source.text


def test_security_headers_and_local_assets(client):
    page = client.get("/stories/harbor")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert ref.startswith(("/", "#", "https://example.org/a")), ref
    assert client.get("/assets/brief.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/assets/../app.py").status_code == 404


def test_article_markup_is_escaped(client):
    for url in ("/stories/hostile", "/stories/hostile/sources/003", "/stories/hostile/brief.html"):
        text = client.get(url).text
        assert "<script>window.__xss" not in text and "<img src=x" not in text
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in text
        assert 'href="javascript:' not in text


def test_search(client):
    hits = client.get("/search", params={"q": "cracked cable"})
    assert hits.text.count('class="story-row"') == 2
    assert client.get("/search", params={"q": "volcano"}).text.count('class="story-row"') == 0
    assert [r["id"] for r in client.get("/api/stories", params={"q": "fifteen"}).json()] == ["hostile", "harbor"] or \
        sorted(r["id"] for r in client.get("/api/stories", params={"q": "fifteen"}).json()) == ["harbor", "hostile"]


def test_api_mirrors_cli(client):
    rows = client.get("/api/stories").json()
    assert {r["id"] for r in rows} == {"harbor", "hostile"}
    assert set(rows[0]) == {"id", "title", "sources", "first_date", "last_date", "disputed", "updated", "outlets"}
    brief = client.get("/api/stories/harbor/brief")
    assert brief.headers["content-type"].startswith("application/json")
    assert json.loads(brief.text)["schema"] == "newsfold.brief/1"
    missing = client.get("/api/stories/nope/brief")
    assert missing.status_code == 404 and "nope" in missing.json()["error"]


def test_error_pages(client):
    page = client.get("/stories/nope")
    assert page.status_code == 404 and "There is no story" in page.text and "<h1>Not found</h1>" in page.text
    assert client.get("/stories/harbor/sources/999").status_code == 404


def test_form_posts_need_token_and_same_origin(briefs_dir):
    stories = RecordingStories(briefs_dir)
    client = TestClient(create_app(stories=stories), base_url=BASE)
    token = _token(client)
    form = {"text": "First report.\n---\nSecond report.", "csrf_token": token}

    assert client.post("/new", data={"text": "x"}).status_code == 403  # no token
    assert client.post("/new", data={"text": "x", "csrf_token": "0" * 64}).status_code == 403  # wrong token
    refused = client.post("/new", data=form, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403 and "cross-site" in refused.text
    assert client.post("/new", data=form, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert stories.calls == []

    ok = client.post("/new", data=form, headers={"Origin": BASE}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/stories/harbor"
    inputs, date, texts = stories.calls[0]
    assert texts == ["First report.\n", "Second report.\n"] and date is None


def test_uploads_urls_and_caps(briefs_dir, monkeypatch):
    stories = RecordingStories(briefs_dir)
    client = TestClient(create_app(stories=stories), base_url=BASE)
    token = _token(client)
    files = [("files", ("a report.txt", b"Report one.", "text/plain")), ("files", ("b.md", b"Report two.", "text/markdown"))]
    ok = client.post("/new", data={"csrf_token": token, "urls": "https://example.org/x\n", "date": "2031-03-14"},
                     files=files, follow_redirects=False)
    assert ok.status_code == 303
    inputs, date, texts = stories.calls[-1]
    assert texts == ["Report one.", "Report two.", "https://example.org/x"] and date == "2031-03-14"

    bad_type = client.post("/new", data={"csrf_token": token}, files=[("files", ("x.exe", b"MZ", "application/octet-stream"))])
    assert bad_type.status_code == 400 and "unsupported file type" in bad_type.text
    assert client.post("/new", data={"csrf_token": token, "urls": "file:///etc/passwd"}).status_code == 400
    empty = client.post("/new", data={"csrf_token": token})
    assert empty.status_code == 400 and "Paste some text" in empty.text

    monkeypatch.setattr(forms, "MAX_BODY_BYTES", 1000)
    client = TestClient(create_app(stories=stories), base_url=BASE)
    token = _token(client)
    big = client.post("/new", data={"csrf_token": token, "text": "x" * 5000})
    assert big.status_code == 413 and "larger than" in big.text


def test_add_in_files_mode_folds_and_lists(briefs_dir, monkeypatch):
    from newsfold.web import stories as stories_module

    def fake_fold(inputs, date=None, **options):
        return sample_brief(), []

    monkeypatch.setattr(stories_module, "fold_inputs", fake_fold)
    backend = FileStories(briefs_dir)
    added = backend.add(["x.txt"])
    assert added.story_id == "harbor-bridge-closed-after-cable-crack-1"
    assert backend.list()[0].id == added.story_id  # newest first
    assert summarize_brief("s", sample_brief(), None).last_date == "2031-03-15"


def test_serve_binds_localhost_by_default():
    import inspect

    assert inspect.signature(webapp.serve).parameters["host"].default == "127.0.0.1"


@pytest.fixture()
def store_client(tmp_path, example_dir):
    """The app over a store that holds the ingested example story."""
    if not example_dir.is_dir():
        pytest.skip("examples/harbor-bridge is not there yet")
    ingest_module = pytest.importorskip("newsfold.stream.ingest")
    db = tmp_path / "news.db"
    ingest_module.ingest([str(example_dir)], str(db), ingest_module.IngestOptions(quiet=True))
    return TestClient(create_app(db=str(db)), base_url=BASE)


@pytest.mark.slow
def test_serves_a_store(store_client):
    client = store_client
    rows = client.get("/api/stories").json()
    assert rows and all(set(r) == {"id", "title", "sources", "first_date", "last_date", "disputed", "updated", "outlets"} for r in rows)
    story_id = rows[0]["id"]
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200 and 'class="cite"' in page.text
    assert json.loads(client.get(f"/api/stories/{story_id}/brief").text)["schema"] == "newsfold.brief/1"


@pytest.mark.slow
@pytest.mark.shared
def test_serves_the_shared_kosovo_folder(kosovo_dir):
    client = TestClient(create_app(path=str(kosovo_dir)), base_url=BASE)
    rows = client.get("/api/stories").json()
    assert len(rows) == 1 and rows[0]["sources"] == 5
    page = client.get(f"/stories/{rows[0]['id']}")
    assert page.status_code == 200 and "copy of" in page.text


@pytest.mark.slow
def test_form_on_a_store_opens_the_story_it_made(store_client):
    """Pasted reports go through ``ingest``; when they form one story, it opens."""
    client = store_client
    before = {r["id"] for r in client.get("/api/stories").json()}
    text = ("Storm floods the Riverside valley villages; hundreds of families leave their homes.\n---\n"
            "Hundreds of families leave Riverside valley villages as the storm floods them.")
    made = client.post("/new", data={"text": text, "date": "2031-04-02", "csrf_token": _token(client)},
                       headers={"Origin": BASE}, follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"].startswith("/stories/")
    story_id = made.headers["location"].rsplit("/", 1)[1]
    assert story_id not in before
    row = next(r for r in client.get("/api/stories").json() if r["id"] == story_id)
    assert row["sources"] == 2 and row["first_date"] == "2031-04-02"
    assert "Riverside" in client.get(made.headers["location"]).text

    again = client.post("/new", data={"text": text, "csrf_token": _token(client)},
                        headers={"Origin": BASE}, follow_redirects=False)
    assert again.status_code == 303 and "Nothing%20new" in again.headers["location"]


def test_a_one_source_story_gets_no_no_disputes_badge(tmp_path):
    single = sample_brief()
    single.sources, single.conflicts = single.sources[:1], []
    (tmp_path / "single.json").write_text(to_json(single), encoding="utf-8")
    agreed = sample_brief()
    agreed.conflicts = []
    (tmp_path / "agreed.json").write_text(to_json(agreed), encoding="utf-8")
    home = TestClient(create_app(path=str(tmp_path)), base_url=BASE).get("/").text
    rows = {m.group(1): m.group(0) for m in re.finditer(r'href="/stories/(\w+)".*?</li>', home, re.S)}
    assert set(rows) == {"single", "agreed"}
    assert "no disputes" in rows["agreed"] and "single source" not in rows["agreed"]
    assert "no disputes" not in rows.get("single", "") and "single source" in rows.get("single", "")


def test_story_exports_markdown_and_json_beside_html(client):
    page = client.get("/stories/harbor").text
    for fmt in ("html", "md", "json"):
        assert f'href="/stories/harbor/brief.{fmt}" download' in page
    markdown = client.get("/stories/harbor/brief.md")
    assert markdown.headers["content-type"].startswith("text/markdown") and markdown.text.startswith("# ")
    assert 'filename="harbor.md"' in markdown.headers["content-disposition"]
    data = client.get("/stories/harbor/brief.json")
    assert data.json()["schema"] == "newsfold.brief/1"
    assert client.get("/stories/nope/brief.md").status_code == 404


def test_entity_facts_match_names_and_aliases_in_facts_and_their_passages():
    from newsfold.model import Article, Brief, Entity, Evidence, Fact
    from newsfold.web.entity_facts import entity_facts

    text = "Mayor Elena Sørby closed the bridge. The Coast Guard towed the ship. Sorbyville is far away."
    source = Article(id="a", text=text)
    facts = [Fact("F1", "The bridge was closed.", "unique", 1, 1, [Evidence("a", 0, 36)]),
             Fact("F2", "The coast guard towed the ship.", "unique", 1, 1, [Evidence("a", 37, 68)]),
             Fact("F3", "Sorbyville is far away.", "unique", 1, 1, [Evidence("a", 69, len(text))])]
    entities = [Entity("Elena Sorby", "PERSON", aliases=["Elena Sørby", "Sorby"], sources=["a"], mentions=1),
                Entity("Coast Guard", "ORG", aliases=[], sources=["a"], mentions=1),
                Entity("Nowhere", "GPE", aliases=[], sources=["a"], mentions=1)]
    brief = Brief(title="t", date=None, sources=[source], facts=facts, entities=entities)
    # accents and case ignored; whole words only ("Sorbyville" is not "Sorby"); unmentioned entities left out
    assert entity_facts(brief) == {"Elena Sorby": ["F1"], "Coast Guard": ["F2"]}
