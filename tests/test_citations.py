"""How citations name and link sources, in Markdown and on the HTML chips."""
from __future__ import annotations

from newsfold.model import Article, Brief, Evidence, Fact
from newsfold.render import to_html, to_markdown
from newsfold.render.citations import source_labels


def _brief() -> Brief:
    text = "The Velden ferry ran aground off Marrow Point on Friday."
    sources = [
        Article(id="a1", text=text, outlet="Valley News", url="https://valley.example/ferry"),
        Article(id="a2", text=text, outlet="Coast Wire"),
        Article(id="a3", text=text, outlet="Coast Wire", url="javascript:alert(1)"),
        Article(id="a 4", text=text, url="https://other.example/x"),
    ]
    support = [Evidence(s.id, 0, len(text)) for s in sources]
    fact = Fact(id="F1", text=text, kind="consensus", sources=4, independent_sources=4, support=support)
    return Brief(title="Ferry aground", date="2031-05-02", sources=sources, facts=[fact])


def test_an_outlet_names_its_source_unless_it_gave_several():
    assert source_labels(_brief().sources) == {
        "a1": "Valley News", "a2": "Coast Wire (a2)", "a3": "Coast Wire (a3)", "a 4": "a 4"}


def test_markdown_links_http_originals_once_and_nothing_else():
    markdown = to_markdown(_brief())
    assert "[4 sources: a 4, [Valley News][a1], Coast Wire (a2), Coast Wire (a3)]" in markdown
    assert markdown.rstrip().endswith("[a1]: <https://valley.example/ferry>")
    assert "javascript:" not in markdown and "other.example" not in markdown  # no scheme, no odd id


def test_html_chips_show_the_outlet():
    html = to_html(_brief())
    assert '<span class="cite-id">Valley News</span>' in html
    assert '<span class="cite-id">Coast Wire (a2)</span>' in html
