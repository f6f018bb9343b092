"""Concurrency and hostile input: two writers on one store, nested JSON, the Host header."""
from __future__ import annotations

import json
import multiprocessing
import re
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsfold.model import Brief
from newsfold.stream.ingest import IngestOptions, ingest

# Two files about unrelated, invented events: no story may hold articles of both.
TOPICS = {
    "a": [
        ("Glass museum roof collapses in Orvell", "The roof of the Orvell glass museum collapsed overnight under heavy snow; "
         "curator Mira Halden said the chandelier collection was damaged and the museum will stay shut."),
        ("Dunmere ferry crews strike over pay", "Ferry crews in Dunmere walked out over pay; boats to Kestrel Island "
         "stay docked, commuters queue for buses, and the Mariners Guild wants wages raised."),
        ("Beetle outbreak kills Tamsk pine forest", "Bark beetles have killed a third of the pine forest around Tamsk, "
         "forester Ivo Rannik said, and loggers are felling infested trunks to slow the swarm."),
    ],
    "b": [
        ("Quasar chess final ends in a draw", "The Quasar Cup chess final between grandmasters Ola Brecht and Sanjay Ruel "
         "ended in a draw after ninety moves, so a rapid tiebreak will decide the title on Sunday."),
        ("Velmar dairy recalls blue cheese", "Velmar Dairy recalled its blue cheese after listeria turned up in samples, "
         "and the food safety agency told shoppers to return every wheel bought this month."),
        ("Zephyr satellite reaches orbit", "The Zephyr weather satellite reached orbit aboard a Corvid rocket launched "
         "from the Nalu spaceport, mission director Peta Osei told reporters after separation."),
    ],
}
PER_TOPIC = 6


def write_inputs(folder: Path) -> dict[str, Path]:
    """One JSONL file per group; ids say the file and the topic (``a1-3``: file a, topic 1, report 3)."""
    files = {}
    for group, topics in TOPICS.items():
        lines = []
        for t, (title, body) in enumerate(topics):
            for n in range(PER_TOPIC):
                sentences = body.split("; ")  # each report tells the event in its own order
                text = "; ".join(sentences[n % len(sentences):] + sentences[: n % len(sentences)])
                lines.append(json.dumps({
                    "id": f"{group}{t}-{n}", "title": title, "text": f"{text} Filed {n + 1}.",
                    "published": f"2031-03-{10 + n:02d}",
                }))
        files[group] = folder / f"{group}.jsonl"
        files[group].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return files


def sources_only(articles, date=None) -> Brief:
    """A brief without NLP, so the test is about the store, not the pipeline."""
    return Brief(title=None, date=None, sources=list(articles))


def options(**kw) -> IngestOptions:
    return IngestOptions(embedder="hashing", quiet=True, fold=sources_only, batch_size=2, **kw)


def _ingest_after(barrier, path: str, db: str) -> None:
    barrier.wait(timeout=60)  # both processes are imported and ready: start together
    ingest([path], db, options())


def stories_of(db: Path) -> tuple[set[frozenset[str]], dict[str, int]]:
    con = sqlite3.connect(db)
    groups: dict[str, set[str]] = {}
    for article_id, story_id in con.execute("SELECT article_id, story_id FROM assignments"):
        groups.setdefault(story_id, set()).add(article_id)
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "stories", "briefs")}
    counts["documents"] = int(con.execute("SELECT value FROM meta WHERE key = 'documents'").fetchone()[0])
    counts["pending"] = con.execute("SELECT COUNT(*) FROM pending_briefs").fetchone()[0]
    con.close()
    return {frozenset(ids) for ids in groups.values()}, counts


def assert_unmixed(stories: set[frozenset[str]]) -> None:
    for ids in stories:
        assert len({i[:2] for i in ids}) == 1, f"a story mixes unrelated articles: {sorted(ids)}"


def test_two_ingest_processes_on_one_store_match_a_serial_run(tmp_path):
    files = write_inputs(tmp_path)
    serial = tmp_path / "serial.db"
    for path in files.values():
        ingest([str(path)], str(serial), options())
    serial_stories, serial_counts = stories_of(serial)
    assert_unmixed(serial_stories)

    shared = tmp_path / "shared.db"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    workers = [context.Process(target=_ingest_after, args=(barrier, str(path), str(shared))) for path in files.values()]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [w.exitcode for w in workers] == [0, 0]
    stories, counts = stories_of(shared)
    assert_unmixed(stories)
    total = len(TOPICS) * 3 * PER_TOPIC
    assert counts["articles"] == counts["documents"] == total  # each article stored, and counted, once
    assert counts == serial_counts and counts["pending"] == 0
    assert stories == serial_stories


def test_two_web_posts_at_once_are_both_kept_apart(tmp_path):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from newsfold.readers import read_inputs
    from newsfold.web.app import create_app
    from newsfold.web.stories import StoreStories

    db = tmp_path / "news.db"
    ingest([str(write_inputs(tmp_path)["a"])], str(db), options())
    # Both posts read their paste, then wait for each other: they vet and commit at the same time.
    barrier = threading.Barrier(2)

    def read_then_wait(inputs):
        result = read_inputs(inputs)
        barrier.wait(timeout=30)
        return result

    app = create_app(stories=StoreStories(db, options(read_inputs=read_then_wait)), host="127.0.0.1")
    base = "http://127.0.0.1:8000"
    pastes = [TOPICS["b"][0][1], TOPICS["b"][1][1]]
    results: list = [None, None]

    def post(n: int) -> None:
        client = TestClient(app, base_url=base)
        token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', client.get("/new").text).group(1)
        results[n] = client.post("/new", data={"text": pastes[n], "csrf_token": token, "date": "2031-03-12"},
                                 headers={"Origin": base}, follow_redirects=False)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [r.status_code for r in results] == [303, 303], [r.text[:300] for r in results]
    con = sqlite3.connect(db)
    pasted = dict(con.execute("SELECT id, text FROM articles WHERE id LIKE 'pasted-%'").fetchall())
    story_of = dict(con.execute("SELECT article_id, story_id FROM assignments").fetchall())
    con.close()
    assert sorted(pasted) == ["pasted-001", "pasted-001~2"]
    assert sorted(t.strip() for t in pasted.values()) == sorted(pastes)
    assert story_of["pasted-001"] != story_of["pasted-001~2"]
    assert not {story_of["pasted-001"], story_of["pasted-001~2"]} & {s for a, s in story_of.items() if a[0] == "a"}


# -- the Host header (DNS rebinding) ------------------------------------------------------


@pytest.fixture()
def brief_folder(tmp_path):
    from newsfold.model import Article
    from newsfold.render import to_json

    brief = Brief(title="Harbor", date="2031-03-14",
                  sources=[Article(id="s1", text="The bridge closed.", published="2031-03-14")])
    (tmp_path / "harbor.json").write_text(to_json(brief), encoding="utf-8")
    return tmp_path


def _get(app, host: str, path: str = "/api/stories"):
    from starlette.testclient import TestClient

    return TestClient(app, base_url=f"http://{host}").get(path)


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_loopback_server_answers_to_loopback_names(brief_folder, host):
    pytest.importorskip("starlette")
    from newsfold.web.app import create_app

    assert _get(create_app(path=str(brief_folder)), host).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil"])
def test_rebound_name_is_refused(brief_folder, host):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from newsfold.web.app import create_app

    app = create_app(path=str(brief_folder))
    for response in (_get(app, host), _get(app, host, "/")):
        assert response.status_code == 400 and response.text.startswith("Invalid host")
    # A rebinding page's own Origin matches its own Host; the post must still be refused.
    client = TestClient(app, base_url=f"http://{host}")
    posted = client.post("/new", data={"text": "x"}, headers={"Origin": f"http://{host}"})
    assert posted.status_code == 400 and "Invalid host" in posted.text


def test_named_and_wildcard_binds(brief_folder):
    pytest.importorskip("starlette")
    from newsfold.web.app import create_app

    named = create_app(path=str(brief_folder), host="news.lan")
    assert _get(named, "news.lan:8000").status_code == 200
    assert _get(named, "localhost:8000").status_code == 400  # not bound to loopback
    everywhere = create_app(path=str(brief_folder), host="0.0.0.0")
    assert _get(everywhere, "192.168.1.20:8000").status_code == 200  # an address cannot be rebound
    assert _get(everywhere, "localhost").status_code == 200
    assert _get(everywhere, "evil.example").status_code == 400


# -- deeply nested JSON ---------------------------------------------------------------------

DEEP = "[" * 50_000 + "]" * 50_000  # far past Python's recursion limit
GOOD = {"id": "good", "title": "Dam inspected", "text": "Inspectors checked the Varrow dam on Monday.",
        "published": "2031-03-10"}


def _read(inputs):
    from newsfold.readers import read_inputs

    return read_inputs([str(i) for i in inputs])


def _one_line(problems: list[str], where: str) -> str:
    [problem] = [p for p in problems if "nested deeper" in p]
    assert "\n" not in problem and problem.startswith(where), problem
    return problem


def test_nested_json_file_is_skipped_and_the_rest_read(tmp_path):
    (tmp_path / "deep.json").write_text('{"text": "x",\n "n": ' + DEEP + "}", encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    result = _read([tmp_path / "deep.json", tmp_path / "good.json"])
    assert [a.id for a in result.articles] == ["good"]
    assert "file skipped" in _one_line(result.problems, f"{tmp_path / 'deep.json'}:2:")


def test_nested_jsonl_line_is_skipped_and_the_other_lines_read(tmp_path):
    lines = [json.dumps(GOOD), '{"text": "y", "n": ' + DEEP + "}", json.dumps({**GOOD, "id": "third", "text": "More."})]
    (tmp_path / "mix.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _read([tmp_path / "mix.jsonl"])
    assert [a.id for a in result.articles] == ["good", "third"]
    assert "line skipped" in _one_line(result.problems, f"{tmp_path / 'mix.jsonl'}:2:")


def test_moderately_nested_json_is_refused_before_it_reaches_later_code(tmp_path):
    nested = "[" * 500 + "]" * 500  # parses, but re-encoding or walking it would not be safe
    (tmp_path / "mix.jsonl").write_text(json.dumps(GOOD) + '\n{"text": "y", "n": ' + nested + "}\n", encoding="utf-8")
    result = _read([tmp_path / "mix.jsonl"])
    assert [a.id for a in result.articles] == ["good"]
    _one_line(result.problems, f"{tmp_path / 'mix.jsonl'}:2:")


def test_nested_json_on_stdin(monkeypatch, tmp_path):
    import io
    import sys

    (tmp_path / "good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DEEP.encode())))
    result = _read(["-", tmp_path / "good.json"])
    assert [a.id for a in result.articles] == ["good"]
    _one_line(result.problems, "stdin:1:")


def test_nested_json_ld_is_ignored_and_the_page_read(tmp_path):
    pytest.importorskip("lxml")
    body = "<p>" + "The council voted on Tuesday to rebuild the flooded Varrow school. " * 4 + "</p>"
    ld = '{"@type": "NewsArticle", "mainEntity": ' + '{"mainEntity": ' * 20_000 + "{}" + "}" * 20_000 + "}"
    page = (f'<html><head><title>School</title>\n<script type="application/ld+json">{ld}</script></head>'
            f"<body><article><h1>School rebuilt</h1>{body}</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    result = _read([tmp_path / "page.html", tmp_path / "good.json"])
    assert sorted(a.id for a in result.articles) == ["good", "page"]
    assert "ignored" in _one_line(result.problems, f"{tmp_path / 'page.html'}:2:")


def test_nested_json_from_the_cli_is_a_warning_not_a_traceback(tmp_path):
    import subprocess
    import sys

    (tmp_path / "deep.json").write_text('{"text": "x", "n": ' + DEEP + "}", encoding="utf-8")
    (tmp_path / "good.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newsfold.cli", "ingest", str(tmp_path / "deep.json"), str(tmp_path / "good.jsonl"),
         "--db", str(tmp_path / "n.db"), "--embedder", "hashing", "-q"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr
    assert "deep.json:1: not valid JSON (nested deeper" in done.stderr
    con = sqlite3.connect(tmp_path / "n.db")
    assert [r[0] for r in con.execute("SELECT id FROM articles")] == ["good"]
    con.close()


# -- the same text from two outlets is two sources, one a copy ----------------------------------


def test_same_text_from_another_outlet_is_kept_as_a_copy_and_a_rerun_changes_nothing(tmp_path):
    text = TOPICS["a"][0][1]
    records = [
        {"id": "wire-1", "title": "Roof collapses", "text": text, "outlet": "Orvell Post",
         "url": "https://orvell.example/roof", "published": "2031-03-14"},
        {"id": "syndicated-1", "title": "Roof collapses", "text": text, "outlet": "Dunmere Daily",
         "url": "https://dunmere.example/roof", "published": "2031-03-15"},
        {"id": "wire-1", "title": "Roof collapses", "text": text, "outlet": "Orvell Post",  # the same line twice
         "url": "https://orvell.example/roof", "published": "2031-03-14"},
    ]
    path = tmp_path / "copies.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "copies.db"

    report = ingest([str(path)], str(db), options())
    assert (report.read, report.new, report.copies, report.duplicates) == (3, 2, 1, 1)
    assert "new 2, copies 1, duplicates 1" in report.summary()
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT a.id, a.copy_of FROM articles a"))
        stories = dict(con.execute("SELECT article_id, story_id FROM assignments"))
    assert rows == {"wire-1": None, "syndicated-1": "wire-1"}
    assert stories["syndicated-1"] == stories["wire-1"]

    again = ingest([str(path)], str(db), options())
    assert (again.new, again.copies, again.duplicates) == (0, 0, 3)
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


# -- the page cache applies the address check of a fetch ----------------------------------------


class _Page(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # http.server's name
        body = (f"<html><head><title>Roof collapses</title></head><body><article><p>{TOPICS['a'][0][1]}</p>"
                "</article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_page_cached_with_allow_private_is_refused_later_without_it(tmp_path):
    from newsfold.readers.web import fetch_articles

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/roof.html"
    try:
        allowed = fetch_articles([url], allow_private=True, cache_dir=tmp_path, progress=False)
        assert len(allowed.articles) == 1 and list(tmp_path.rglob("*.body"))  # fetched and cached
        refused = fetch_articles([url], cache_dir=tmp_path, progress=False)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert refused.articles == []
    assert refused.problems == [f"{url}: refused: resolves to loopback address 127.0.0.1; pass --allow-private to allow"]
    cached_again = fetch_articles([url], allow_private=True, cache_dir=tmp_path, progress=False)  # server gone
    assert len(cached_again.articles) == 1
