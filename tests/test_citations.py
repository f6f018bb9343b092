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
        "a1": "Valley News", "a2": "Coast Wire (a2)", "a3": "Coast Wire (a3)", "a 4": "other.example"}


def test_markdown_links_http_originals_once_and_nothing_else():
    markdown = to_markdown(_brief())
    assert "[4 sources: other.example, [Valley News][a1], Coast Wire (a2), Coast Wire (a3)]" in markdown
    assert markdown.rstrip().endswith("[a1]: <https://valley.example/ferry>")
    # no other scheme is linked, and an id that is no reference label gets no link (only its name)
    assert "javascript:" not in markdown and "https://other.example" not in markdown


def test_html_chips_show_the_outlet():
    html = to_html(_brief())
    assert '<span class="cite-id">Valley News</span>' in html
    assert '<span class="cite-id">Coast Wire (a2)</span>' in html


def test_the_outlet_comes_from_metadata_else_the_domain_else_a_source_line():
    from newsfold.model import Removed
    from newsfold.outlets import outlet_name

    text = "Source: Coast Wire\nThe ferry ran aground."
    source_line = [Removed(0, len("Source: Coast Wire"), "source-line")]
    assert outlet_name(Article(id="a", text=text, outlet="Valley News", url="https://www.valley.example/x",
                               removed=source_line)) == "Valley News"
    assert outlet_name(Article(id="b", text=text, url="https://www.straitstimes.com/asia/x",
                               removed=source_line)) == "straitstimes.com"
    assert outlet_name(Article(id="c", text=text, origin="https://news.example.org:8080/p")) == "news.example.org"
    assert outlet_name(Article(id="d", text=text, removed=source_line)) == "Coast Wire"
    assert outlet_name(Article(id="e", text=text)) is None  # the line was not removed as a source line
    assert outlet_name(Article(id="f", text=text, origin="/home/me/story.txt", url="javascript:x")) is None
    note = "Source: agencies and staff reports. Edited for length.\nText."
    assert outlet_name(Article(id="g", text=note, removed=[Removed(0, note.index("\n"), "source-line")])) is None
    listed = "Source: AFP, Reuters.\nText.\nSource: Valley Herald"
    spans = [Removed(0, listed.index("\n"), "source-line"), Removed(listed.rindex("\n") + 1, len(listed), "source-line")]
    assert outlet_name(Article(id="i", text=listed, removed=spans)) == "Valley Herald"  # a list of agencies is no name
    link = "Source: https://www.wire.example/item/9\nText."
    assert outlet_name(Article(id="h", text=link, removed=[Removed(0, link.index("\n"), "source-line")])) == "wire.example"


def test_the_dispute_table_names_sources_as_their_chips_do():
    from newsfold.model import Conflict, ConflictValue
    from newsfold.render.html import brief_view

    brief = _brief()
    text = brief.sources[0].text
    brief.conflicts = [Conflict(id="K1", kind="place", topic="where", values=[
        ConflictValue("Marrow Point", [Evidence("a2", 0, len(text)), Evidence("a3", 0, len(text))]),
        ConflictValue("elsewhere", [Evidence("a 4", 0, len(text))]),
    ])]
    view = brief_view(brief)
    assert [v.sources_text for v in view.conflicts[0].values] == ["Coast Wire (a2), Coast Wire (a3)", "other.example"]
    assert [[c.label for c in v.cites] for v in view.conflicts[0].values] == [
        ["Coast Wire (a2)", "Coast Wire (a3)"], ["other.example"]]


def test_a_copy_cited_without_its_original_stands_for_it():
    text = "The Velden ferry ran aground off Marrow Point on Friday."
    sources = [Article(id="wire", text=text, outlet="Coast Wire"),
               Article(id="reprint", text=text, outlet="Valley News", copy_of="wire"),
               Article(id="radio", text=text, outlet="Bay FM")]

    def cited(*ids: str) -> str:
        support = [Evidence(i, 0, len(text)) for i in ids]
        fact = Fact(id="F1", text=text, kind="consensus", sources=len(ids), independent_sources=2, support=support)
        return to_markdown(Brief(title="Ferry aground", date="2031-05-02", sources=sources, facts=[fact]))

    # two independent sources, both named: the copy stands for the wire it reprints
    assert "[2 sources: Bay FM, Valley News]" in cited("reprint", "radio")
    assert "[2 sources: Bay FM, Coast Wire; copy: Valley News]" in cited("wire", "reprint", "radio")
