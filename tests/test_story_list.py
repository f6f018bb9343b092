"""The story list as people use it: sort, date range, outlet, pages and search snippets,
the same through ``newsfold stories``, the web pages and ``/api/stories``."""
from __future__ import annotations

import json

import pytest

from newsfold.cli import main
from newsfold.errors import InputError
from newsfold.model import Article
from newsfold.stream.features import compute_features
from newsfold.stream.listing import StoryQuery, StoryRow, select, snippet
from newsfold.stream.store import Store

BASE = "http://127.0.0.1:8000"

# Three stories: a big old one, a small recent one, a middle one; outlets from metadata and from URLs.
ARTICLES = [
    Article(id="b1", title="Harbor bridge closed after ship strike",
            text="A container ship struck the harbor bridge on Monday. The bridge is closed to all traffic.",
            published="2031-03-10", outlet="Valley News"),
    Article(id="b2", title="Harbor bridge stays closed after the ship strike",
            text="The harbor bridge stays closed after a container ship struck a pier.",
            published="2031-03-11", url="https://www.coastwire.example/bridge"),
    Article(id="b3", title="Ship strike shuts the harbor bridge",
            text="Engineers inspect the harbor bridge that a container ship struck.",
            published="2031-03-12", outlet="Evening Post"),
    Article(id="f1", title="Floods sweep Riverside valley villages",
            text="Floods swept the Riverside valley villages overnight and hundreds of families left.",
            published="2031-04-20", outlet="Valley News"),
    Article(id="m1", title="Mill fire destroys warehouse in Eastgate",
            text="A fire destroyed the old mill warehouse in Eastgate; no one was hurt, firefighters said.",
            published="2031-04-02", url="https://eastgate-times.example/fire"),
    Article(id="m2", title="Eastgate mill warehouse burns down",
            text="The old mill warehouse in Eastgate burned down in a fire, firefighters said; nobody was hurt.",
            published="2031-04-03", outlet="Evening Post"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("list") / "news.db"
    with Store(path) as store:
        clusterer = store.load_clusterer()
        pairs = []
        for feats in compute_features(ARTICLES, "hashing"):
            story_id, _ = clusterer.add(feats)
            pairs.append((feats.id, story_id))
        store.commit_batch(ARTICLES, [f"h{a.id}" for a in ARTICLES], pairs, [], clusterer)
    stories = dict(pairs)
    assert len({stories["b1"], stories["b2"], stories["b3"]}) == 1 and stories["m1"] == stories["m2"]
    assert len(set(stories.values())) == 3, "the fixture needs three stories"
    return str(path), {"bridge": stories["b1"], "floods": stories["f1"], "mill": stories["m1"]}


def _cli_json(capsys, *args) -> list[dict]:
    assert main(["stories", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_sorts_by_news_date_or_size(db, capsys):
    path, ids = db
    assert [r["id"] for r in _cli_json(capsys, "--db", path)] == [ids["floods"], ids["mill"], ids["bridge"]]
    assert [r["id"] for r in _cli_json(capsys, "--db", path, "--sort", "size")] == [
        ids["bridge"], ids["mill"], ids["floods"]]


def test_cli_filters_by_date_range_and_outlet(db, capsys):
    path, ids = db
    april = _cli_json(capsys, "--db", path, "--since", "2031-04-01", "--until", "2031-04-10")
    assert [r["id"] for r in april] == [ids["mill"]]
    # an outlet known only from its URL is found by its domain, in any case
    assert [r["id"] for r in _cli_json(capsys, "--db", path, "--outlet", "COASTWIRE.example")] == [ids["bridge"]]
    valley = _cli_json(capsys, "--db", path, "--outlet", "valley news", "--sort", "size")
    assert [r["id"] for r in valley] == [ids["bridge"], ids["floods"]]
    assert set(valley[0]["outlets"]) == {"Valley News", "coastwire.example", "Evening Post"}


def test_cli_pages_and_says_which_page(db, capsys):
    path, ids = db
    assert [r["id"] for r in _cli_json(capsys, "--db", path, "--per-page", "2", "--page", "2")] == [ids["bridge"]]
    assert main(["stories", "--db", path, "--per-page", "2"]) == 0
    out = capsys.readouterr().out
    assert "page 1 of 2 (3 stories); next: --page 2" in out and ids["bridge"] not in out


def test_cli_search_prints_a_snippet_around_the_words(db, capsys):
    path, ids = db
    assert main(["stories", "--db", path, "--search", "FAMILIES riverside"]) == 0
    out = capsys.readouterr().out
    assert ids["floods"] in out and ids["bridge"] not in out
    assert "hundreds of families left" in out
    rows = _cli_json(capsys, "--db", path, "--search", "firefighters")
    assert [r["id"] for r in rows] == [ids["mill"]] and "firefighters said" in rows[0]["snippet"]


def test_bad_list_options_are_one_line_errors(db, capsys):
    path, _ = db
    assert main(["stories", "--db", path, "--page", "0"]) == 2
    assert "page must be 1 or more" in capsys.readouterr().err


def test_select_and_snippet_alone():
    rows = [StoryRow("a", "A", 1, "2031-01-01", "2031-01-05", 0, None, ["X"]),
            StoryRow("b", "B", 4, None, None, 0, None, []),
            StoryRow("c", "C", 2, "2031-02-01", "2031-02-01", 0, None, ["Y", "X"])]
    assert [r.id for r in select(rows, StoryQuery()).rows] == ["c", "a", "b"]  # undated last
    assert [r.id for r in select(rows, StoryQuery(sort="size")).rows] == ["b", "c", "a"]
    assert [r.id for r in select(rows, StoryQuery(since="2031-01-04", until="2031-01-31")).rows] == ["a"]
    page = select(rows, StoryQuery(per_page=2, page=9, outlet="x"))
    assert (page.page, page.pages, page.total, [r.id for r in page.rows]) == (1, 1, 2, ["c", "a"])
    with pytest.raises(InputError):
        StoryQuery(sort="oldest")
    with pytest.raises(InputError):
        StoryQuery.from_params({"since": "last week"})
    long = "word " * 100 + "needle in the haystack " + "word " * 100
    cut = snippet(long, ["NEEDLE"])
    assert "needle in the haystack" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) < 220
    assert snippet("nothing here", ["needle"]) is None


@pytest.fixture(scope="module")
def client(db):
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from newsfold.web.app import create_app

    return TestClient(create_app(db=db[0]), base_url=BASE)


def test_web_list_and_api_agree_with_the_cli(db, client, capsys):
    path, ids = db
    for args, params in ((["--sort", "size"], {"sort": "size"}),
                         (["--outlet", "Evening Post", "--since", "2031-04-01"],
                          {"outlet": "Evening Post", "since": "2031-04-01"})):
        cli = [r["id"] for r in _cli_json(capsys, "--db", path, *args)]
        assert [r["id"] for r in client.get("/api/stories", params=params).json()] == cli
        page = client.get("/", params=params).text
        assert [page.index(f'href="/stories/{i}"') for i in cli] == sorted(page.index(f'href="/stories/{i}"') for i in cli)
        assert all(f'href="/stories/{i}"' not in page for i in set(ids.values()) - set(cli))


def test_web_search_shows_snippets_with_the_words_marked(client):
    page = client.get("/search", params={"q": "families"}).text
    assert page.count('class="story-row"') == 1 and "<mark>families</mark>" in page


def test_web_pages_and_bad_parameters(client):
    first = client.get("/api/stories", params={"per_page": 1})
    assert len(first.json()) == 1 and first.headers["x-total-count"] == "3"
    bad = client.get("/", params={"since": "yesterday"})
    assert bad.status_code == 400 and "since must be a date" in bad.text
