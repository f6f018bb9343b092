"""A story given as a mix of a feed URL, saved HTML pages and text files folds
into the same brief as the same reports given as clean text (issue: read the
real web). The feed is served from 127.0.0.1 only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")
pytest.importorskip("httpx")

import newsfold
from newsfold.readers import read_inputs

from .helpers import assert_brief_rules, assert_evidence_round_trips
from .test_web import server  # noqa: F401  (the local 127.0.0.1 server fixture)

WEB = Path(__file__).parent / "data" / "web"


@pytest.fixture()
def mixed(server, tmp_path):  # noqa: F811
    blog = read_inputs([str(WEB / "harbourlight-blog.html")]).articles[0]
    text_file = tmp_path / "harbourlight-notes.txt"
    text_file.write_text(f"date {blog.published}\n{blog.text}", encoding="utf-8")
    inputs = [f"{server}/feed.rss", str(WEB / "coastline-wire.html"), str(WEB / "bay-news-live.html"), str(text_file)]
    result = read_inputs(inputs, allow_private=True, cache_dir=tmp_path / "cache", progress=False)
    return result, tmp_path


def test_mixed_inputs_read_with_dates_from_metadata(mixed):
    result, _ = mixed
    assert result.problems == []
    assert len(result.articles) == 5  # two feed items, two pages, one text file
    assert all(a.published for a in result.articles)
    assert {a.published_from for a in result.articles} <= {"metadata", "header"}


def test_mixed_story_brief_equals_the_clean_text_brief(mixed):
    result, tmp_path = mixed
    html_brief = newsfold.fold(result.articles)
    assert_evidence_round_trips(html_brief)
    assert_brief_rules(html_brief)
    # The same reports as clean text files with a date header.
    folder = tmp_path / "as-text"
    folder.mkdir()
    for article in result.articles:
        # The text file read above already carries its header: one header each, not a second one
        # that would stay in the text as a stray line and make the two stories differ.
        header = "" if article.text.startswith(f"date {article.published}") else f"date {article.published}\n"
        (folder / f"{article.id}.txt").write_text(header + article.text, encoding="utf-8")
    text_brief = newsfold.fold(newsfold.read(str(folder)))
    assert [f.text for f in html_brief.facts if f.kind == "consensus"] == \
        [f.text for f in text_brief.facts if f.kind == "consensus"]
    assert any(f.kind == "consensus" for f in html_brief.facts)


def test_page_boilerplate_never_reaches_a_fact(mixed):
    result, _ = mixed
    brief = newsfold.fold(result.articles)
    texts = {a.id: a.text for a in brief.sources}
    cited = " ".join(texts[e.source][e.start:e.end] for f in brief.facts for e in f.support).casefold()
    for expected in WEB.glob("*.expected.json"):
        for boilerplate in json.loads(expected.read_text(encoding="utf-8"))["drop"]:
            assert boilerplate.casefold() not in cited, boilerplate
