"""RSS and Atom feeds: detection and items."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("feedparser")

from newsfold.errors import InputError
from newsfold.readers.feeds import feed_items, looks_like_feed

WEB = Path(__file__).parent / "data" / "web"


def feed(name: str) -> bytes:
    return (WEB / name).read_bytes().replace(b"http://BASE", b"https://coast.example")


@pytest.mark.parametrize("data, expected", [
    (b'<?xml version="1.0"?>\n<?xml-stylesheet href="a.xsl"?>\n<rss version="2.0"><channel/></rss>', True),
    (b'\xef\xbb\xbf  <feed xmlns="http://www.w3.org/2005/Atom"></feed>', True),
    (b'<?xml version="1.0"?><!-- hi --><rdf:RDF xmlns:rdf="x"></rdf:RDF>', True),
    (b"<!DOCTYPE html><html><body>rss feed</body></html>", False),
    (b"Plain text that mentions <rss> later", False),
    (b"", False),
])
def test_looks_like_feed(data, expected):
    assert looks_like_feed(data) is expected


def test_saved_feeds_look_like_feeds_and_pages_do_not():
    assert looks_like_feed(feed("feed.rss")) and looks_like_feed(feed("feed.atom"))
    assert not looks_like_feed((WEB / "kestrel-courier.html").read_bytes())


def test_rss_items():
    items = feed_items(feed("feed.rss"), "https://coast.example/feed.rss")
    assert [i.url for i in items] == ["https://coast.example/kestrel-courier.html",
                                      "https://coast.example/short-update.html"]
    assert items[0].title == "Freighter aground off Kestrel Bay, twelve crew lifted to safety"
    assert items[0].published == "2031-03-14"
    # 22:40 at -05:00 is already the 21st in UTC; the outlet published it on the 20th.
    assert items[1].published == "2031-03-20"
    assert items[1].summary == "Surveyors cleared the ship to leave harbour."


def test_atom_items():
    items = feed_items(feed("feed.atom"), "https://coast.example/feed.atom")
    assert [i.url for i in items] == ["https://coast.example/coastline-wire.html",
                                      "https://coast.example/bay-news-live.html"]
    assert [i.published for i in items] == ["2031-03-15", "2031-03-16"]
    assert items[1].title == "Aldera Star refloated"


def test_relative_links_resolve_against_the_feed():
    data = b"""<rss version="2.0"><channel><title>t</title>
      <item><title>a</title><link>/news/a.html</link></item>
      <item><title>no link</title></item></channel></rss>"""
    items = feed_items(data, "https://coast.example/feeds/all.rss")
    assert [i.url for i in items] == ["https://coast.example/news/a.html"]
    assert items[0].published is None


def test_garbage_is_an_input_error_naming_the_origin():
    with pytest.raises(InputError, match=r"^feeds/x\.rss: not a readable RSS or Atom feed"):
        feed_items(b"\x00\x01 not xml at all", "feeds/x.rss")
