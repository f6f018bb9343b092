"""Ingest: idempotent, resumable after a kill, bad input reported, briefs only for touched stories."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, replace

import pytest

from newsfold.errors import StoreError
from newsfold.model import Article, Brief, Conflict
from newsfold.stream import ingest as ingest_module
from newsfold.stream.ingest import IngestOptions, ingest
from newsfold.stream.store import Store

TOPICS = [
    ("Harbor bridge closed after cracks found", "Engineers closed the Harbor Bridge after inspectors found cracks in a steel girder. Mayor Alice Brandt said traffic would go through the tunnel."),
    ("Floods sweep Riverside valley", "Heavy rain flooded the Riverside valley and the Civil Defence Force evacuated hundreds of residents near Lake Marren."),
    ("Greenfield election goes to a runoff", "No candidate won a majority in the Greenfield mayoral election; Tom Okafor and Lena Voss advance, the Electoral Commission said."),
]


def corpus(n_per_topic=4) -> list[Article]:
    out = []
    for t, (title, body) in enumerate(TOPICS):
        for n in range(n_per_topic):
            out.append(Article(id=f"t{t}-{n}", title=f"{title}, report {n}", text=f"{body} Outlet {n} adds details {n}.", published=f"2031-03-{10 + n:02d}"))
    return out


@dataclass
class Read:
    articles: list
    problems: list = field(default_factory=list)


def reader(articles, problems=()):
    def read_inputs(inputs):
        return Read([replace(a, notes=list(a.notes)) for a in articles], list(problems))
    return read_inputs


def fake_brief(articles):
    """A brief with no NLP: the sources, and one conflict per three of them."""
    conflicts = [Conflict(f"K{n + 1}", "number", "count", []) for n in range(len(articles) // 3)]
    return Brief(title=None, date=None, sources=list(articles), conflicts=conflicts)


def make_fold(calls):
    def fold(articles, date=None):
        calls.append(sorted(a.id for a in articles))
        return fake_brief(articles)
    return fold


def run(db, articles, calls=None, **kw):
    options = IngestOptions(embedder="hashing", quiet=True, read_inputs=reader(articles, kw.pop("problems", ())),
                            fold=make_fold(calls if calls is not None else []), **kw)
    return ingest(["x.jsonl"], str(db), options)


def dump(db) -> dict:
    con = sqlite3.connect(db)
    out = {}
    for table, columns in [
        ("articles", "id, content_hash, title, text, published, seq"),
        ("assignments", "article_id, story_id"),
        ("stories", "id, title, sources, first_date, last_date, disputed"),
        ("briefs", "story_id, json"),
        ("pending_briefs", "story_id"),
        ("cluster_stories", "*"),
        ("cluster_terms", "*"),
        ("meta", "*"),
    ]:
        out[table] = con.execute(f"SELECT {columns} FROM {table} ORDER BY 1").fetchall()
    con.close()
    return out


def test_ingest_groups_and_builds_briefs(tmp_path):
    db = tmp_path / "news.db"
    calls = []
    report = run(db, corpus(), calls)
    assert (report.read, report.new, report.duplicates) == (12, 12, 0)
    with Store(db) as store:
        stories = store.list_stories()
        assert sorted(s.sources for s in stories) == [4, 4, 4]
        for s in stories:
            assert len(json.loads(store.get_brief_json(s.id))["sources"]) == 4
            assert s.disputed == 1
        assert store.pending_briefs() == []
    assert report.stories_touched == 3 and report.briefs_rebuilt >= 3


def test_second_ingest_changes_nothing(tmp_path):
    db = tmp_path / "news.db"
    run(db, corpus())
    before = dump(db)
    calls = []
    report = run(db, corpus(), calls)
    assert (report.new, report.duplicates, report.briefs_rebuilt) == (0, 12, 0)
    assert calls == []
    assert dump(db) == before


def test_only_touched_stories_are_rebuilt(tmp_path):
    db = tmp_path / "news.db"
    articles = corpus()
    run(db, articles)
    calls = []
    extra = Article(id="t1-new", title=TOPICS[1][0] + ", more", text=TOPICS[1][1] + " New evacuations.", published="2031-03-14")
    report = run(db, articles + [extra], calls)
    assert report.new == 1 and report.stories_touched == 1
    assert len(calls) == 1 and "t1-new" in calls[0] and "t1-0" in calls[0]


def test_killed_ingest_resumes_to_the_same_state(tmp_path, monkeypatch):
    articles = corpus(6)
    whole = tmp_path / "whole.db"
    run(whole, articles, batch_size=5)

    killed = tmp_path / "killed.db"
    real_commit = ingest_module._commit
    count = {"n": 0}

    def dying_commit(*args):
        count["n"] += 1
        if count["n"] == 3:
            raise KeyboardInterrupt  # the process dies inside the third batch
        return real_commit(*args)

    monkeypatch.setattr(ingest_module, "_commit", dying_commit)
    with pytest.raises(KeyboardInterrupt):
        run(killed, articles, batch_size=5)
    monkeypatch.setattr(ingest_module, "_commit", real_commit)
    assert len(dump(killed)["articles"]) == 10  # two batches committed, the third not at all
    run(killed, articles, batch_size=5)
    assert dump(killed) == dump(whole)


def test_kill_during_brief_rebuild_is_repaired(tmp_path):
    articles = corpus()
    whole = tmp_path / "whole.db"
    run(whole, articles)
    db = tmp_path / "news.db"

    def failing_fold(articles, date=None):
        raise RuntimeError("model crashed")

    options = IngestOptions(embedder="hashing", quiet=True, read_inputs=reader(articles), fold=failing_fold)
    report = ingest(["x"], str(db), options)
    assert len(report.brief_failures) == 3
    assert len(dump(db)["pending_briefs"]) == 3
    run(db, articles)
    assert dump(db) == dump(whole)


def test_bad_input_is_reported_and_the_rest_ingested(tmp_path):
    db = tmp_path / "news.db"
    good = corpus(2)
    bad = [
        Article(id="", title="No id here", text="An article that came without an id at all.", published="2031-03-10"),
        Article(id="t0-0", title="Same id, other text", text="A different article that reuses an id.", published="2031-03-10"),
        Article(id="nodate", title="No date", text="An article without a date.", published=None),
        Article(id="empty", title=None, text="   ", published="2031-03-10"),
        Article(id="title-only", title="Title only", text="   ", published="2031-03-10"),  # clustered by its title
        replace(good[1], id="copy-of-t0-1"),  # same content, other id: a duplicate
    ]
    report = run(db, good + bad, problems=["x.jsonl:7: not JSON"])
    assert report.problems == ["x.jsonl:7: not JSON"]
    assert report.skipped == [("empty", "empty text and no title")]
    assert report.duplicates == 1
    assert report.new == len(good) + 4
    with Store(db) as store:
        ids = {a.id for s in store.list_stories() for a in store.get_articles(s.id)}
        undated = [a for s in store.list_stories() for a in store.get_articles(s.id) if a.id == "nodate"][0]
    assert "t0-0" in ids and "t0-0~2" in ids and "title-only" in ids
    assert any(i.startswith("h") and len(i) == 13 for i in ids)
    assert undated.published is not None and undated.notes
    flagged = "\n".join(report.flagged)
    assert "t0-0~2" in flagged and "no id" in flagged and "nodate" in flagged


def test_newer_database_is_refused(tmp_path):
    db = tmp_path / "news.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        run(db, corpus(1))


def test_each_touched_story_is_folded_once_per_batch(tmp_path):
    # Four articles of each story in one batch: one fold per story, not one per article.
    calls = []
    report = run(tmp_path / "news.db", corpus(), calls)
    assert len(calls) == 3 == len({tuple(c) for c in calls})
    assert set(report.phases) == {"read", "vet", "cluster", "store", "briefs"}
    assert all(seconds >= 0 for seconds in report.phases.values())
    assert report.summary().splitlines()[-1].startswith("time: read ")
    assert set(report.to_dict()["seconds"]) == set(report.phases)


def test_each_touched_story_is_folded_once_per_run(tmp_path):
    # Batches of three, each holding one article of every story (publication
    # order): still one fold per story, with all four of its articles.
    calls = []
    report = run(tmp_path / "news.db", corpus(), calls, batch_size=3)
    assert sorted(calls) == [[f"t{t}-{n}" for n in range(4)] for t in range(3)]
    assert report.briefs_rebuilt == 3


def test_a_long_input_rebuilds_briefs_on_the_way(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "BRIEFS_EVERY", 6)
    calls = []
    run(tmp_path / "news.db", corpus(), calls, batch_size=3)
    # After six articles (two of each story), then again at the end of the input.
    assert sorted(calls[:3]) == [[f"t{t}-{n}" for n in range(2)] for t in range(3)]
    assert sorted(calls[3:]) == [[f"t{t}-{n}" for n in range(4)] for t in range(3)]


def test_progress_bar_names_its_phase_and_gives_an_eta():
    import io

    from newsfold.progress import TerminalProgress

    out = io.StringIO()
    bar = TerminalProgress("ingest", stream=out, enabled=True)
    bar.phase("ingest: clustering", 10)
    bar._last = 0.0  # redraw now, whatever the clock says
    bar(5, 10)
    assert "ingest: clustering" in out.getvalue().splitlines()[-1].split("\r")[-1]
    assert "5/10" in out.getvalue() and "eta " in out.getvalue()
    bar.phase("ingest: briefs", 4, 1)
    bar.phase("ingest: clustering", 10)  # back: the phase's own count again
    assert (bar._done, bar._total) == (5, 10)


def test_stored_state_is_a_fixpoint_of_the_second_pass(tmp_path):
    # The second pass runs inside each batch's transaction: what is stored
    # has nothing left for it to merge, so rerunning it (or the ingest) changes nothing.
    db = tmp_path / "news.db"
    run(db, corpus(6), batch_size=5)
    with Store(db) as store:
        clusterer = store.load_clusterer()
        assert clusterer.consolidate(also=list(clusterer.stories)) == []
        assert clusterer.state().stories == []  # nothing changed, nothing to save
    before = dump(db)
    run(db, corpus(6), batch_size=5)
    assert dump(db) == before


def test_a_title_only_article_is_clustered_and_left_out_of_the_brief(tmp_path):
    db = tmp_path / "news.db"
    title_only = Article(id="t0-title", title=TOPICS[0][0] + ", engineers say", text="", published="2031-03-11")
    empty = Article(id="nothing", title=None, text="  ", published="2031-03-11")
    report = run(db, corpus() + [title_only, empty])
    assert report.skipped == [("nothing", "empty text and no title")]
    with Store(db) as store:
        story = store.story_of("t0-title")
        assert story is not None and story == store.story_of("t0-0")
        assert "t0-title" in [a.id for a in store.get_articles(story)]
        sources = [s["id"] for s in json.loads(store.get_brief_json(story))["sources"]]
        assert "t0-title" not in sources and "t0-0" in sources
        assert store.pending_briefs() == []


def test_a_story_of_title_only_articles_gets_an_empty_brief(tmp_path):
    db = tmp_path / "news.db"
    calls: list = []
    run(db, [Article(id="only", title="Lighthouse keeper retires after forty years", text="", published="2031-03-11")], calls)
    assert calls == []  # nothing to fold
    with Store(db) as store:
        story = store.story_of("only")
        assert story is not None and json.loads(store.get_brief_json(story))["sources"] == []
        assert store.pending_briefs() == []
