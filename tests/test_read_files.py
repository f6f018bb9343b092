"""Reading local inputs: headers, JSON/JSONL records, ids, bad input, lazy web/html/feeds."""
from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfold.errors import InputError
from newsfold.model import Article
from newsfold.readers import ReadResult, read_inputs
from newsfold.readers.files import parse_header



def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# -- text files and headers ------------------------------------------------------------


def test_header_block_sets_fields_and_removed_spans_cover_exactly_the_header(tmp_path):
    text = ("date 2031-03-14\nTitle: Harbor bridge shut after crack found\noutlet Harbor Gazette\n"
            "url: https://gazette.example/bridge\n\nThe harbor bridge was closed on Friday.\n")
    path = write(tmp_path, "gazette.txt", text)
    article = read_inputs([str(path)]).articles[0]
    assert article.id == "gazette"
    assert article.text == text
    assert (article.published, article.published_from) == ("2031-03-14", "header")
    assert article.title == "Harbor bridge shut after crack found"
    assert article.outlet == "Harbor Gazette"
    assert article.url == "https://gazette.example/bridge"
    covered = [text[r.start:r.end] for r in article.removed]
    assert covered == ["date 2031-03-14", "Title: Harbor bridge shut after crack found",
                       "outlet Harbor Gazette", "url: https://gazette.example/bridge"]
    assert all(r.reason == "header" for r in article.removed)


def test_date_header_followed_by_the_first_sentence_on_the_same_line(tmp_path):
    text = " DATE: 2031-03-14 The mayor closed the bridge on Friday.\n\nEngineers found a crack.\n"
    article = read_inputs([str(write(tmp_path, "a.txt", text))]).articles[0]
    assert article.text == text
    assert [text[r.start:r.end] for r in article.removed] == ["DATE: 2031-03-14"]
    assert article.published == "2031-03-14"


@pytest.mark.parametrize("text", [
    "Date palms lined the road to the harbor.\n",
    "date 2031-02-30 is not a real day.\n",
    "Title fights return to the arena on Saturday.\n",
    "Author Jane Doe wins the national prize\n\nThe award was given on Friday.\n",
    "Dated 2031-03-14, the letter was signed by the mayor.\n",
])
def test_text_that_only_resembles_a_header_is_not_one(text):
    fields, spans = parse_header(text)
    assert fields == {} and spans == []


def test_text_is_kept_exactly_as_decoded_crlf_and_all(tmp_path):
    text = "date 2031-03-14\r\nFirst line.\r\n\r\nSecond paragraph.\r\n"
    article = read_inputs([str(write(tmp_path, "crlf.txt", text))]).articles[0]
    assert article.text == text
    assert article.text[article.removed[0].start:article.removed[0].end] == "date 2031-03-14"


@pytest.mark.parametrize("text, encoding", [
    ("Le maire a fermé le pont après qu'une fissure a été découverte près du quai.\n" * 3, "cp1252"),
    ("Мэр закрыл мост в пятницу после того, как инженеры обнаружили трещину у причала.\n" * 2, "cp1251"),
])
def test_non_utf8_text_is_detected_and_noted(tmp_path, text, encoding):
    path = write(tmp_path, "legacy.txt", text.encode(encoding))
    article = read_inputs([str(path)]).articles[0]
    assert article.text == text
    assert article.notes == [f"not UTF-8; decoded as {encoding} (detected)"]


# -- JSON and JSONL ---------------------------------------------------------------------


def test_jsonl_records_fields_extra_and_default_ids(tmp_path):
    lines = [
        {"id": "w1", "title": "Bridge shut", "text": "The bridge was shut.", "published": "2031-03-14T09:30:00+02:00",
         "outlet": "Wire", "url": "https://wire.example/1", "lang": "en", "section": "local"},
        {"text": "A second report on the bridge."},
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    first, second = read_inputs([str(path)]).articles
    assert (first.id, first.title, first.outlet, first.url) == ("w1", "Bridge shut", "Wire", "https://wire.example/1")
    assert (first.published, first.published_from) == ("2031-03-14", "metadata")
    assert first.extra == {"lang": "en", "section": "local"}
    assert second.id == "feed-2"
    assert (second.title, second.published, second.outlet, second.url) == (None, None, None, None)


def test_malformed_jsonl_line_is_reported_with_its_line_and_the_rest_is_used(tmp_path):
    content = '{"id": "a", "text": "First report."}\n{"id": "b", "text": \n{"id": "c", "title": "no text"}\n{"id": "d", "text": "Fourth report."}\n'
    path = write(tmp_path, "mixed.jsonl", content)
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["a", "d"]
    assert any(p.startswith(f"{path}:2: not valid JSON") and p.endswith("line skipped") for p in result.problems)
    assert any(p.startswith(f"{path}:3:") and '"text" or "html"' in p for p in result.problems)


def test_bad_published_value_is_a_problem_not_a_crash(tmp_path):
    path = write(tmp_path, "x.jsonl", '{"id": "a", "text": "Report.", "published": "last week"}\n')
    result = read_inputs([str(path)])
    assert result.articles[0].published is None
    assert any(":1: published 'last week'" in p for p in result.problems)


def test_json_file_with_one_record_and_with_a_list(tmp_path):
    one = write(tmp_path, "single.json", json.dumps({"text": "Only report.", "outlet": "Gazette"}))
    many = write(tmp_path, "many.json", json.dumps([{"text": "One."}, {"id": "x", "text": "Two."}]))
    result = read_inputs([str(one), str(many)])
    assert [a.id for a in result.articles] == ["single", "many-1", "x"]
    assert result.articles[0].outlet == "Gazette"


def test_jsonl_html_record_goes_through_article_from_html(tmp_path, monkeypatch):
    calls = []

    def article_from_html(html, *, id, origin=None, url=None, problems=None):
        calls.append((html, id, origin, url))
        return Article(id=id, text="Extracted body.", title="From page", origin=origin, url=url)

    monkeypatch.setitem(sys.modules, "newsfold.readers.html", types.SimpleNamespace(article_from_html=article_from_html))
    path = write(tmp_path, "pages.jsonl", json.dumps({"id": "p1", "html": "<p>x</p>", "title": "From record",
                                                      "url": "https://a.example/p1"}) + "\n")
    article = read_inputs([str(path)]).articles[0]
    assert calls == [("<p>x</p>", "p1", f"{path}:1", "https://a.example/p1")]
    assert (article.text, article.title) == ("Extracted body.", "From record")


# -- stdin, directories, ids --------------------------------------------------------------


def test_stdin_text_gets_id_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"date 2031-03-14\nThe bridge was shut.\n")))
    article = read_inputs(["-"]).articles[0]
    assert (article.id, article.origin, article.published) == ("stdin", "stdin", "2031-03-14")


def test_stdin_jsonl_records(monkeypatch):
    data = b'{"text": "One report."}\n{"text": "Another report."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [a.id for a in read_inputs(["-"]).articles] == ["stdin-1", "stdin-2"]


def test_directory_reads_supported_files_sorted_and_names_the_others(tmp_path):
    write(tmp_path, "b.txt", "Second report about the bridge.")
    write(tmp_path, "a.md", "First report about the bridge.")
    write(tmp_path, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path, ".hidden.txt", "Not read.")
    result = read_inputs([str(tmp_path)])
    assert [a.id for a in result.articles] == ["a", "b"]
    assert any("photo.png" in p and "unsupported" in p for p in result.problems)


def test_colliding_ids_get_suffixes_and_a_note(tmp_path):
    for folder, body in (("one", "Report from one."), ("two", "Report from two."), ("three", "Report from three.")):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "001.txt", body)
    write(tmp_path, "001-2.txt", "A file already named like a suffix.")
    paths = [str(tmp_path / "one"), str(tmp_path / "two"), str(tmp_path / "001-2.txt"), str(tmp_path / "three")]
    articles = read_inputs(paths).articles
    assert [a.id for a in articles] == ["001", "001-3", "001-2", "001-4"]
    assert len({a.id for a in articles}) == 4
    assert any("renamed to '001-3'" in note for note in articles[1].notes)


def test_identical_texts_are_kept_once_with_a_note_and_a_problem(tmp_path):
    a = write(tmp_path, "a.txt", "The bridge was shut on Friday.\n")
    b = write(tmp_path, "b.txt", "date 2031-03-14\nThe bridge  was shut on Friday.")
    result = read_inputs([str(a), str(b)])
    assert [x.id for x in result.articles] == ["a"]
    assert result.articles[0].notes == [f"identical to b ({b}); counted once"]
    assert any(p.startswith(str(b)) and "counted once" in p for p in result.problems)


# -- bad input ----------------------------------------------------------------------------


def test_missing_path_raises_input_error_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_inputs([str(missing)])


def test_empty_binary_and_oversized_files_are_problems(tmp_path):
    good = write(tmp_path, "good.txt", "The bridge was shut on Friday.")
    empty = write(tmp_path, "empty.txt", "  \n\t\n")
    binary = write(tmp_path, "blob.txt", b"\x00\x01\x02binary\x00")
    big = write(tmp_path, "big.txt", "word " * 100)
    result = read_inputs([str(good), str(empty), str(binary), str(big)], max_bytes=300)
    assert [a.id for a in result.articles] == ["good"]
    assert f"{empty}: empty file, skipped" in result.problems
    assert any(p.startswith(str(binary)) and "binary" in p for p in result.problems)
    assert any(p.startswith(str(big)) and "--max-bytes 500" in p for p in result.problems)


def test_every_input_failing_raises_with_the_reasons(tmp_path):
    empty = write(tmp_path, "empty.txt", "")
    with pytest.raises(InputError, match="no readable articles in .*empty.txt.*empty file") as info:
        read_inputs([str(empty)])
    assert info.value.problems == [f"{empty}: empty file, skipped"]


def test_bad_date_option_is_refused():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_inputs(["whatever.txt"], date="14/03/2031")


# -- URLs, HTML and feed files (lazy modules) -------------------------------------------------


def test_url_without_the_web_module_is_a_problem_and_files_still_read(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "newsfold.readers.web", None)  # import fails
    good = write(tmp_path, "good.txt", "The bridge was shut on Friday.")
    result = read_inputs(["https://news.example/a", str(good)])
    assert [a.id for a in result.articles] == ["good"]
    assert any(p.startswith("https://news.example/a: cannot fetch URLs") for p in result.problems)


def test_urls_are_fetched_in_one_call_with_the_options(tmp_path, monkeypatch):
    seen = {}

    def fetch_articles(urls, **options):
        seen.update(urls=urls, **options)
        return ReadResult([Article(id="news-example-a", text="Fetched report.", origin=urls[0])], ["x: refused"])

    from newsfold.readers.web import fill_from_feed_item

    monkeypatch.setitem(sys.modules, "newsfold.readers.web", types.SimpleNamespace(
        fetch_articles=fetch_articles, fill_from_feed_item=fill_from_feed_item))
    good = write(tmp_path, "good.txt", "The bridge was shut on Friday.")
    result = read_inputs(["https://news.example/a", str(good), "http://news.example/b"],
                         allow_private=True, cache_dir="/tmp/c", refresh=True)
    assert seen["urls"] == ["https://news.example/a", "http://news.example/b"]
    assert (seen["allow_private"], seen["refresh"], seen["cache_dir"]) == (True, True, "/tmp/c")
    assert [a.id for a in result.articles] == ["news-example-a", "good"]
    assert "x: refused" in result.problems


def test_html_file_without_the_html_module_is_a_problem(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "newsfold.readers.html", None)
    page = write(tmp_path, "page.html", "<html><body><p>Report.</p></body></html>")
    good = write(tmp_path, "good.txt", "The bridge was shut on Friday.")
    result = read_inputs([str(page), str(good)])
    assert [a.id for a in result.articles] == ["good"]
    assert any(p.startswith(f"{page}: cannot read HTML") for p in result.problems)


def test_feed_file_items_are_fetched_and_fill_missing_fields(tmp_path, monkeypatch):
    item = types.SimpleNamespace(url="https://news.example/item", title="Item title", published="2031-03-14")
    feeds = types.SimpleNamespace(looks_like_feed=lambda data: data.startswith(b"<rss"),
                                  feed_items=lambda data, origin: [item])
    fetched = []

    def fetch_articles(urls, **options):
        fetched.extend(urls)
        return ReadResult([Article(id="item", text="Item body.", origin=urls[0])], [])

    monkeypatch.setitem(sys.modules, "newsfold.readers.feeds", feeds)
    from newsfold.readers.web import fill_from_feed_item

    monkeypatch.setitem(sys.modules, "newsfold.readers.web", types.SimpleNamespace(
        fetch_articles=fetch_articles, fill_from_feed_item=fill_from_feed_item))
    feed = write(tmp_path, "news.rss", "<rss><channel></channel></rss>")
    not_feed = write(tmp_path, "notes.xml", "<notes/>")
    result = read_inputs([str(feed), str(not_feed)])
    article = result.articles[0]
    assert fetched == ["https://news.example/item"]
    assert (article.title, article.published, article.published_from) == ("Item title", "2031-03-14", "metadata")
    assert any(p.startswith(f"{not_feed}: not an RSS or Atom feed") for p in result.problems)


# -- the shared real story ------------------------------------------------------------------


@pytest.mark.shared
def test_kosovo_files_read_with_the_header_of_001(kosovo_dir):
    result = read_inputs([str(kosovo_dir)])
    assert [a.id for a in result.articles] == ["000", "001", "002", "003", "004"]
    assert result.problems == []
    by_id = {a.id: a for a in result.articles}
    raw = (kosovo_dir / "001.txt").read_text(encoding="utf-8")
    article = by_id["001"]
    assert article.text == raw
    assert (article.published, article.published_from) == ("2023-05-30", "header")
    assert [raw[r.start:r.end] for r in article.removed] == ["date 2023-05-30"]
    assert all(by_id[i].published is None for i in ("000", "002", "003", "004"))


# -- property: header spans always index the text they came from -------------------------------

HEADER_BITS = ["date 2031-03-14", "Date: 2031-03-14T10:00:00Z", "title: A title", "outlet Gazette", "url: https://x.example/a",
               "author: Jane Doe", "date 2031-02-30", "The body.", "", " ", "\n", "\r\n", "\t"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HEADER_BITS), st.text(max_size=12)), max_size=8),
       st.lists(st.sampled_from(["\n", " ", "\n\n", "\r\n"]), min_size=8, max_size=8))
def test_header_spans_are_in_bounds_ordered_and_start_with_their_key(bits, separators):
    text = "".join(b + s for b, s in zip(bits, separators))
    fields, spans = parse_header(text)
    assert len(spans) == len(fields)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert text[span.start:span.end].split()[0].rstrip(":").lower() in fields
        previous_end = span.end
    if "date" in fields:
        assert fields["date"] in text


def test_a_record_with_a_title_only_is_kept_only_when_asked(tmp_path):
    from newsfold.readers import read_inputs

    path = tmp_path / "items.jsonl"
    rows = [{"id": "a", "title": "Bridge reopens", "text": "The bridge reopened on Monday."},
            {"id": "t", "title": "Bridge reopens to traffic", "text": ""},
            {"id": "n", "text": ""}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    default = read_inputs([str(path)])
    assert [a.id for a in default.articles] == ["a"]
    assert f'{path}:2: record has no "text" or "html", only a title; skipped' in default.problems
    assert f'{path}:3: record has no "text" or "html"; skipped' in default.problems
    kept = read_inputs([str(path)], keep_title_only=True)
    assert [(a.id, a.title, a.text) for a in kept.articles] == [
        ("a", "Bridge reopens", "The bridge reopened on Monday."), ("t", "Bridge reopens to traffic", "")]


def test_a_record_whose_text_is_html_markup_is_read_as_plain_text(tmp_path):
    record = {"id": "m1", "text": "<p>A ferry ran aground off Calden on Monday.</p><p>Its 41 passengers, "
                                   "Tom &amp; Ann among them, were taken ashore.</p>"}
    plain = {"id": "m2", "text": "Fares rose as costs < revenue for a year; profit > 0 again <br> soon."}
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (record, plain)) + "\n", encoding="utf-8")
    result = read_inputs([str(path)])
    marked, kept = result.articles
    assert marked.text == ("A ferry ran aground off Calden on Monday.\n\n"
                           "Its 41 passengers, Tom & Ann among them, were taken ashore.")
    assert any("HTML tags" in note for note in marked.notes)
    assert kept.text == plain["text"] and kept.notes == []
