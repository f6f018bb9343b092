"""HTML pages -> Articles: main text, boilerplate kept out, metadata, the fallback cascade."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

from newsfold.errors import InputError
from newsfold.readers import html as html_mod
from newsfold.readers.html import article_from_html, normalize_date, page_metadata
from newsfold.readers.web import decode_body

WEB = Path(__file__).parent / "data" / "web"
EXPECTED = sorted(WEB.glob("*.expected.json"))
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_extraction.py"


def load_eval():
    spec = importlib.util.spec_from_file_location("eval_extraction", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_page(name: str):
    page = WEB / name
    return article_from_html(decode_body(page.read_bytes()), id=page.stem, origin=str(page))


def test_there_are_enough_saved_pages():
    assert len(EXPECTED) >= 4


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_page_keeps_article_and_drops_boilerplate(expected_path):
    expected = json.loads(expected_path.read_text("utf-8"))
    article = read_page(expected["page"])
    text = " ".join(article.text.split())
    for paragraph in expected["keep"]:
        assert paragraph in text
    for boilerplate in expected["drop"]:
        assert boilerplate.casefold() not in text.casefold()
    for key, value in expected["metadata"].items():
        assert getattr(article, key) == value, key
    assert article.published_from == ("metadata" if article.published else None)


def test_paragraphs_are_separated_by_blank_lines_and_text_is_unmarked():
    article = read_page("kestrel-courier.html")
    assert "\n\n" in article.text
    assert "<" not in article.text and "dataLayer" not in article.text
    assert article.extra["extraction"] == "trafilatura-precision"


def test_declared_charset_is_honoured():
    article = read_page("harbourlight-blog.html")  # windows-1252, declared in <meta>
    assert "I run the café" in article.text
    assert "six o’clock" in article.text


# Measured on tests/data/web (scripts/eval_extraction.py): recall 1.000,
# boilerplate kept out 1.000, metadata 1.00; the lxml baseline alone: 1.000 / 1.000.
def test_extraction_quality_floor():
    result = load_eval().evaluate(WEB)
    assert result["recall"] >= 0.95
    assert result["min_page_recall"] >= 0.9
    assert result["boilerplate_out"] == 1.0
    assert result["metadata"] == 1.0


def test_baseline_fallback_quality_floor():
    result = load_eval().evaluate(WEB, baseline=True)
    assert result["recall"] >= 0.95
    assert result["boilerplate_out"] >= 0.95


def test_cascade_falls_back_to_baseline_when_trafilatura_finds_nothing(monkeypatch):
    monkeypatch.setattr(html_mod, "_trafilatura", lambda tree, url, options: None)
    article = read_page("coastline-wire.html")
    assert article.extra["extraction"] == "baseline"
    assert "Salvage crews on Saturday began pumping ballast" in article.text
    assert "Most read" not in article.text
    assert article.published == "2031-03-15"  # metadata does not depend on trafilatura


ARTICLE_BODY = "".join(f"<p>Paragraph {n} of the report says the ferry resumed service at noon.</p>" for n in range(6))


@pytest.mark.parametrize("baseline_only", [False, True])
def test_article_body_with_a_boilerplate_word_in_its_class_survives(monkeypatch, baseline_only):
    if baseline_only:
        monkeypatch.setattr(html_mod, "_trafilatura", lambda tree, url, options: None)
    page = (f'<html><body><div class="article-body has-comments">{ARTICLE_BODY}</div>'
            '<div class="comments"><p>First! Great read, thanks.</p></div></body></html>')
    text = article_from_html(page, id="x").text
    assert "Paragraph 5 of the report" in text and "First!" not in text


def test_short_page_uses_longest_result():
    page = "<html><body><article><p>Ship refloated at dawn, the harbour office said.</p></article></body></html>"
    article = article_from_html(page, id="short")
    assert article.text == "Ship refloated at dawn, the harbour office said."


@pytest.mark.parametrize("page", [
    "",
    "<html><head><script>document.write('x')</script></head><body></body></html>",
])
def test_page_without_text_is_an_input_error(page):
    with pytest.raises(InputError, match="empty|no article text") as info:
        article_from_html(page, id="x", origin="pages/x.html")
    assert str(info.value).startswith("pages/x.html: ")


def test_xml_declaration_is_accepted():
    page = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>' + "Word " * 60 + "</p></body></html>"
    assert article_from_html(page, id="x").text.startswith("Word Word")


def tree(markup: str):
    from lxml import html

    return html.document_fromstring(markup)


def test_jsonld_list_graph_and_main_entity():
    graph = """<script type="application/ld+json">{"@graph": [{"@type": "WebPage",
        "mainEntity": {"@type": "NewsArticle", "headline": "Deep", "datePublished": "2031-01-02",
        "author": "https://x.example/a", "publisher": {"name": "Outlet"}}}]}</script>"""
    meta = page_metadata(tree(f"<html><head>{graph}</head><body><p>x</p></body></html>"))
    assert meta == {"title": "Deep", "published": "2031-01-02", "outlet": "Outlet"}


def test_broken_jsonld_falls_back_to_meta_tags():
    markup = """<html><head><script type="application/ld+json">{not json</script>
      <meta property="og:title" content="From OG"><meta name="author" content="A. Writer">
      <meta name="dc.date" content="20310405"><meta property="og:site_name" content="Site">
      </head><body><p>x</p></body></html>"""
    meta = page_metadata(tree(markup))
    assert meta["title"] == "From OG" and meta["author"] == "A. Writer"
    assert meta["published"] == "2031-04-05" and meta["outlet"] == "Site"


@pytest.mark.parametrize("value, expected", [
    ("2031-03-14T23:30:00-05:00", "2031-03-14"),  # the date as the outlet wrote it
    ("2031-03-14", "2031-03-14"),
    ("March 14, 2031", "2031-03-14"),
    ("14 March 2031 09:12", "2031-03-14"),
    ("2031-02-30", None),
    ("yesterday", None),
    ("", None),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected
