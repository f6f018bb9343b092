"""Fetching URLs safely, through a local server on 127.0.0.1 (allowed explicitly)."""
from __future__ import annotations

import contextlib
import gzip
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("trafilatura")

from newsfold.errors import FetchError  # noqa: E402
from newsfold.readers import web  # noqa: E402
from newsfold.readers.cache import default_cache_dir  # noqa: E402
from newsfold.readers.safety import check_url, forbidden_reason, guarded_backend  # noqa: E402
from newsfold.readers.web import SourceIds, decode_body, fetch_articles, url_slug  # noqa: E402

WEB = Path(__file__).parent / "data" / "web"
PAGE = (WEB / "kestrel-courier.html").read_bytes()
BOMB = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # ~20 KB on the wire


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    agents: list = []

    def log_message(self, *args):
        pass

    def send(self, status=200, body=b"", content_type="text/html", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        if not any(name == "Content-Length" for name, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # http.server's name
        # a client that gives up on purpose (timeout, size cap) is no error
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.route(self.path)

    def route(self, path):
        self.hits[path] += 1
        self.agents.append(self.headers.get("User-Agent"))
        base = f"http://127.0.0.1:{self.server.server_port}".encode()
        if path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            target = f"/redirect/{left - 1}" if left else "/kestrel-courier.html"
            return self.send(302, content_type=None, headers=[("Location", target)])
        if path == "/feed.rss":
            return self.send(body=(WEB / "feed.rss").read_bytes().replace(b"http://BASE", base),
                             content_type="application/rss+xml")
        if path == "/feed.atom":
            return self.send(body=(WEB / "feed.atom").read_bytes().replace(b"http://BASE", base),
                             content_type="application/atom+xml; charset=utf-8")
        if path == "/feed-broken.rss":
            body = (b'<rss version="2.0"><channel><title>t</title>'
                    b'<item><title>Gone</title><link>BASE/gone.html</link></item>'
                    b'<item><title>Here</title><link>BASE/coastline-wire.html</link></item></channel></rss>')
            return self.send(body=body.replace(b"BASE", base), content_type="text/xml")
        if path == "/big":
            return self.send(body=PAGE * 10)
        if path == "/big-undeclared":
            # No Content-Length: the cap must hold while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(PAGE * 10)
            return None
        if path == "/bomb":
            return self.send(body=BOMB, headers=[("Content-Encoding", "gzip")])
        if path == "/gzipped":
            return self.send(body=gzip.compress(PAGE), headers=[("Content-Encoding", "gzip")])
        if path == "/report.pdf":
            return self.send(body=b"%PDF-1.7", content_type="application/pdf")
        if path == "/slow":
            time.sleep(2)
            return self.send(body=PAGE)
        if path == "/plain.txt":
            return self.send(body="Harbour café reopens.\n\nSecond paragraph.".encode(),
                             content_type="text/plain; charset=utf-8")
        name = path.lstrip("/")
        if name and (WEB / name).is_file() and name.endswith(".html"):
            return self.send(body=(WEB / name).read_bytes())  # no charset: read from <meta>
        return self.send(404, b"not here")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def fetch(tmp_path):
    """fetch_articles for the local server: private addresses allowed, a fresh cache."""
    def run(urls, **options):
        options = {"allow_private": True, "cache_dir": tmp_path / "cache", "progress": False, **options}
        return fetch_articles(urls, **options)
    return run


def test_fetches_and_reads_pages(server, fetch):
    result = fetch([f"{server}/kestrel-courier.html", f"{server}/harbourlight-blog.html"])
    assert result.problems == []
    courier, blog = result.articles
    assert courier.id == "127-0-0-1-kestrel-courier"
    assert courier.origin == courier.url == f"{server}/kestrel-courier.html"
    assert courier.published == "2031-03-14" and courier.published_from == "metadata"
    assert courier.outlet == "The Kestrel Courier"
    assert "I run the café" in blog.text  # charset from <meta>, none in the header
    assert Handler.agents[-1] == web.USER_AGENT


def test_private_address_refused_by_default(server, tmp_path):
    url = f"{server}/kestrel-courier.html"
    result = fetch_articles([url], cache_dir=tmp_path, progress=False)
    assert result.articles == []
    assert result.problems == [
        f"{url}: refused: resolves to loopback address 127.0.0.1; pass --allow-private to allow"
    ]


def test_private_literal_message():
    with pytest.raises(FetchError) as info:
        check_url("https://10.0.0.1/y")
    assert str(info.value) == "refused: resolves to private address 10.0.0.1; pass --allow-private to allow"


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.4", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("224.0.0.251", "multicast"),
    ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"), ("::ffff:10.0.0.1", "private"),
    ("100.64.0.1", "non-global"), ("93.184.216.34", None), ("2606:4700::1111", None),
])
def test_forbidden_reason(address, reason):
    assert forbidden_reason(address) == reason


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)"])
def test_only_http_and_https(url, fetch):
    result = fetch([url])
    assert result.problems == [f"{url}: refused: only http and https URLs are fetched, not "
                               f"'{url.split(':')[0]}'"]


def test_connect_time_guard_refuses_private_addresses():
    # The second line of defence: the socket itself is only opened to vetted addresses.
    with pytest.raises(FetchError, match="loopback address 127.0.0.1"):
        guarded_backend().connect_tcp("localhost", 80)


def test_connect_time_guard_is_installed_in_the_default_transport(server, tmp_path, monkeypatch):
    monkeypatch.setattr(web, "check_url", lambda url, allow_private: None)  # skip the first line
    url = f"{server}/kestrel-courier.html"
    result = fetch_articles([url], cache_dir=tmp_path, progress=False)
    assert result.problems == [
        f"{url}: refused: resolves to loopback address 127.0.0.1; pass --allow-private to allow"
    ]


def test_redirect_to_private_address_is_rechecked(tmp_path):
    def handler(request):
        if request.url.host == "93.184.216.34":
            return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})
        raise AssertionError("the private address must not be contacted")

    url = "http://93.184.216.34/story"
    result = fetch_articles([url], cache_dir=tmp_path, progress=False, transport=httpx.MockTransport(handler))
    assert result.problems == [
        f"{url}: refused: resolves to loopback address 127.0.0.1; pass --allow-private to allow"
    ]


def test_redirects_followed_up_to_five(server, fetch):
    result = fetch([f"{server}/redirect/4"])  # 5 redirects in all
    assert result.problems == []
    assert result.articles[0].url == f"{server}/kestrel-courier.html"
    assert result.articles[0].origin == f"{server}/redirect/4"


def test_too_many_redirects(server, fetch):
    url = f"{server}/redirect/5"
    assert fetch([url]).problems == [f"{url}: refused: more than 5 redirects"]


@pytest.mark.parametrize("path", ["/big", "/big-undeclared"])
def test_too_big(server, fetch, path):
    url = server + path
    result = fetch([url], max_bytes=len(PAGE) * 5)
    assert result.problems == [f"{url}: refused: larger than {len(PAGE) * 5:,} bytes; raise --max-bytes to allow"]


def test_gzip_bomb_refused(server, fetch):
    url = f"{server}/bomb"
    result = fetch([url], max_bytes=1_000_000)
    assert result.problems == [f"{url}: refused: decompresses to more than 1,000,000 bytes (a compression bomb?)"]


def test_gzip_page_is_read(server, fetch):
    result = fetch([f"{server}/gzipped"])
    assert result.problems == [] and "Mallow Shoal" in result.articles[0].text


def test_wrong_content_type(server, fetch):
    url = f"{server}/report.pdf"
    assert fetch([url]).problems == [f"{url}: refused: content type application/pdf is not a web page, feed or plain text"]


def test_timeout(server, fetch):
    url = f"{server}/slow"
    started = time.monotonic()
    result = fetch([url], timeout=0.5)
    assert time.monotonic() - started < 1.9
    assert result.problems == [f"{url}: timed out waiting for the server after 0.5 s; try again later"]


def test_not_found(server, fetch):
    url = f"{server}/gone.html"
    assert fetch([url]).problems == [f"{url}: HTTP 404 Not Found"]


def test_plain_text_is_kept_as_is(server, fetch):
    article = fetch([f"{server}/plain.txt"]).articles[0]
    assert article.text == "Harbour café reopens.\n\nSecond paragraph."
    assert article.id == "127-0-0-1-plain-txt"


def test_one_bad_url_does_not_stop_the_others(server, fetch):
    urls = [f"{server}/coastline-wire.html", f"{server}/gone.html", f"{server}/bay-news-live.html"]
    result = fetch(urls, concurrency=3)
    assert [a.origin for a in result.articles] == [urls[0], urls[2]]
    assert len(result.problems) == 1 and result.problems[0].startswith(urls[1])


def test_cache_hit_avoids_a_second_request_and_refresh_refetches(server, fetch):
    url = f"{server}/bay-news-live.html"
    before = Handler.hits["/bay-news-live.html"]
    first = fetch([url])
    second = fetch([url])
    assert Handler.hits["/bay-news-live.html"] == before + 1
    assert first.articles[0].text == second.articles[0].text
    assert second.articles[0].url == url
    fetch([url], refresh=True)
    assert Handler.hits["/bay-news-live.html"] == before + 2


def test_default_cache_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSFOLD_CACHE", str(tmp_path / "pages"))
    assert default_cache_dir() == tmp_path / "pages"
    monkeypatch.delenv("NEWSFOLD_CACHE")
    assert default_cache_dir() == Path.home() / ".cache" / "newsfold" / "pages"


def test_rss_feed_expands_to_items(server, fetch):
    result = fetch([f"{server}/feed.rss"])
    assert result.problems == []
    courier, update = result.articles
    assert courier.title == "Freighter aground off Kestrel Bay, twelve crew lifted to safety"
    assert courier.published == "2031-03-14"
    # The page has only <title>Update</title> and no date: the feed item's are used.
    assert update.title == "Aldera Star cleared to sail after repairs"
    assert (update.published, update.published_from) == ("2031-03-20", "metadata")
    assert update.extra["feed"] == f"{server}/feed.rss"


def test_atom_feed_expands_to_items(server, fetch):
    result = fetch([f"{server}/feed.atom"])
    assert [a.outlet for a in result.articles] == ["Coastline Wire", "BayNews 24"]
    assert result.articles[1].published == "2031-03-16"  # the page's own metadata wins


def test_broken_feed_item_is_a_problem_and_the_rest_goes_on(server, fetch):
    feed = f"{server}/feed-broken.rss"
    result = fetch([feed])
    assert [a.outlet for a in result.articles] == ["Coastline Wire"]
    assert result.problems == [f"{server}/gone.html: HTTP 404 Not Found (item of feed {feed})"]


def test_feeds_are_refetched_when_stale_but_pages_are_not(server, fetch, monkeypatch):
    monkeypatch.setattr(web, "FEED_MAX_AGE", -1)
    before = Counter(Handler.hits)
    fetch([f"{server}/feed.atom"])
    fetch([f"{server}/feed.atom"])
    assert Handler.hits["/feed.atom"] - before["/feed.atom"] == 2
    assert Handler.hits["/coastline-wire.html"] - before["/coastline-wire.html"] == 1


def test_progress_bar_on_stderr(server, fetch, capsys):
    fetch([f"{server}/kestrel-courier.html"], progress=True)
    err = capsys.readouterr().err
    assert "fetching [" in err and "1/1" in err and err.endswith("\n")


@pytest.mark.parametrize("url, slug", [
    ("https://www.harbor-gazette.example/news/2031/03/14/bridge-shut.html", "harbor-gazette-example-bridge-shut"),
    ("https://news.example/", "news-example"),
    ("https://news.example/story?id=123", "news-example-story"),
    ("https://news.example/?id=123", "news-example-id-123"),
    ("https://a-very-long-host-name.example/an-extremely-long-headline-slug-for-a-story",
     "a-very-long-host-name-example-an-extreme"),
])
def test_url_slug(url, slug):
    assert url_slug(url) == slug
    assert len(slug) <= 40


def test_source_ids_are_unique():
    ids = SourceIds()
    assert [ids.new("https://x.example/a") for _ in range(3)] == ["x-example-a", "x-example-a-2", "x-example-a-3"]


@pytest.mark.parametrize("body, content_type, expected", [
    ("café".encode("cp1252"), "text/html; charset=windows-1252", "café"),
    ('<meta charset="iso-8859-1"><p>café'.encode("latin-1"), "text/html", '<meta charset="iso-8859-1"><p>café'),
    ("\ufeffcafé".encode("utf-8"), "", "café"),
    ("café".encode(), "text/html; charset=bogus", "café"),
])
def test_decode_body(body, content_type, expected):
    assert decode_body(body, content_type) == expected
