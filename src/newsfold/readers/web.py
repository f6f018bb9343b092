"""Fetch URLs safely and read them into Articles; a feed URL stands for its items.

What a fetch does, in order, for every URL (and every redirect hop):

1. a cached copy is used unless ``refresh`` (feeds are refetched after
   ``FEED_MAX_AGE`` seconds so new items show up), and only if the URL and
   the URL it redirected to pass the address check of step 2 in this run;
2. only http/https; the host must not resolve to a loopback, private,
   link-local, multicast or reserved address unless ``allow_private``
   (checked before each request and again when the socket opens, see
   :mod:`newsfold.readers.safety`);
3. redirects are followed by hand, at most ``MAX_REDIRECTS``, each re-checked;
4. the content type must be a page, a feed or plain text;
5. the body is streamed and capped at ``max_bytes`` both as received and as
   decompressed (we ask for gzip only and inflate it ourselves with a bound, so a
   gzip bomb stops at the cap), with connect/read timeouts and an overall deadline;
6. bytes are decoded with the charset from the header, a BOM, ``<meta charset>``,
   else detection.

Every failure becomes one line in ``problems`` ("URL: what happened; what to do")
and the other URLs go on. Pages are parsed by :mod:`newsfold.readers.html`, never run.
"""
from __future__ import annotations

import codecs
import re
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import FetchError, InputError, MissingExtraError
from ..model import Article
from ..progress import TerminalProgress
from .cache import Page, PageCache
from .feeds import FeedItem, feed_items, looks_like_feed
from .result import ReadResult
from .deadline import deadline_backend, fetch_deadline
from .safety import check_url, guarded_backend

USER_AGENT = "newsfold/0.1 (+https://github.com/newsfold/newsfold)"
MAX_REDIRECTS = 5
FEED_MAX_AGE = 15 * 60
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
          "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8")
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml")
TEXT_TYPES = ("text/plain",)


def fetch_articles(
    urls: list[str],
    *,
    allow_private: bool = False,
    refresh: bool = False,
    cache_dir: str | Path | None = None,
    progress: bool | None = None,
    timeout: float = 10.0,
    max_bytes: int = 5_000_000,
    concurrency: int = 4,
    transport=None,
):
    """Fetch ``urls`` and read each into an Article; a feed URL expands to its items.

    Returns ``ReadResult(articles, problems)``: articles in the order of
    ``urls`` (feed items in feed order), one-line problems for what failed.
    ``progress`` draws a bar on stderr (default: when stderr is a terminal).
    ``transport`` replaces the network (an ``httpx`` transport, for tests); the
    address check before each request still runs unless ``allow_private``.
    """
    fetcher = Fetcher(allow_private=allow_private, refresh=refresh, cache_dir=cache_dir,
                      timeout=timeout, max_bytes=max_bytes, transport=transport)
    bar = TerminalProgress("fetching", enabled=progress)
    ids = SourceIds()
    articles: list[Article] = []
    problems: list[str] = []
    with fetcher, ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        for url, outcome in _fetch_all(pool, fetcher, urls, bar):
            if isinstance(outcome, str):
                problems.append(outcome)
            elif looks_like_feed(outcome.body):
                _read_feed(pool, fetcher, outcome, ids, bar, articles, problems)
            else:
                # _collect calls the reader at once; the defaults bind this iteration's values anyway.
                _collect(url, lambda page=outcome, url=url: article_from_page(page, id=ids.new(url), problems=problems),
                         articles, problems)
    bar.close()
    return ReadResult(articles=articles, problems=problems)


def _read_feed(pool, fetcher, feed: Page, ids, bar, articles, problems) -> None:
    try:
        items = feed_items(feed.body, feed.final_url)  # relative links resolve where the feed ended up
    except InputError as exc:
        problems.append(str(exc))
        return
    if not items:
        problems.append(f"{feed.url}: the feed lists no items with links")
    by_url = {item.url: item for item in items}
    for url, outcome in _fetch_all(pool, fetcher, list(by_url), bar):
        if isinstance(outcome, str):
            problems.append(f"{outcome} (item of feed {feed.url})")
        else:
            _collect(url, lambda page=outcome, url=url, item=by_url[url]:
                     fill_from_feed_item(article_from_page(page, id=ids.new(url), problems=problems), item, feed.url),
                     articles, problems)


def fill_from_feed_item(article: Article, item: FeedItem, feed_url: str) -> Article:
    """Fill what the page lacks from the feed entry that linked to it.

    The item's title also replaces a title that was only guessed from the page
    (``extra["title_from"] == "page"``); the item's date counts as metadata.
    """
    if item.title and (not article.title or article.extra.get("title_from") == "page"):
        article.title = item.title
    if not article.published and item.published:
        article.published, article.published_from = item.published, "metadata"
    article.extra["feed"] = feed_url
    return article


def _collect(url, read, articles, problems) -> None:
    try:
        articles.append(read())
    except InputError as exc:
        message = str(exc)
        problems.append(message if message.startswith(url) else f"{url}: {message}")


def _fetch_all(pool, fetcher, urls, bar):
    """(url, Page or problem line) for each url, in order, fetched concurrently."""
    bar.add(len(urls))

    def one(url):
        try:
            return url, fetcher.get(url)
        except FetchError as exc:
            return url, f"{url}: {exc}"
        finally:
            bar.advance()

    return list(pool.map(one, urls))


# -- fetching --------------------------------------------------------------------


class Fetcher:
    """One httpx client, the cache and the limits; :meth:`get` is thread-safe."""

    def __init__(self, *, allow_private, refresh, cache_dir, timeout, max_bytes, transport):
        try:
            import httpx
        except ImportError:  # pragma: no cover - depends on the install
            raise MissingExtraError("httpx", "web") from None
        self.httpx = httpx
        self.allow_private = allow_private
        self.refresh = refresh
        self.cache = PageCache(cache_dir)
        self.timeout = timeout
        self.max_bytes = max_bytes
        if transport is None:
            transport = httpx.HTTPTransport()
            pool = getattr(transport, "_pool", None)
            if hasattr(pool, "_network_backend"):
                backend = pool._network_backend if allow_private else guarded_backend()
                pool._network_backend = deadline_backend(backend)
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,  # a proxy from the environment would bypass the address check
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip"},
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.client.close()

    def get(self, url: str) -> Page:
        """The page at ``url`` from the cache or the network; FetchError says why not."""
        if not self.refresh:
            # A page cached by a run with allow_private is served only if this run may fetch it too.
            check_url(url, allow_private=self.allow_private)
            cached = self.cache.load(url)
            if cached and cached.final_url != url:
                check_url(cached.final_url, allow_private=self.allow_private)
            if cached and not (looks_like_feed(cached.body) and time.time() - cached.fetched_at > FEED_MAX_AGE):
                return cached
        page = self._download(url)
        self.cache.store(page)
        return page

    def _download(self, url: str) -> Page:
        httpx = self.httpx
        current = url
        deadline = time.monotonic() + 3 * self.timeout
        try:
            with fetch_deadline(deadline):
                for _hop in range(MAX_REDIRECTS + 1):
                    check_url(current, allow_private=self.allow_private)
                    with self.client.stream("GET", current) as response:
                        if response.is_redirect:
                            location = response.headers.get("location")
                            if not location:
                                raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
                            current = str(response.url.join(location))
                            continue
                        if response.status_code >= 400:
                            raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                        content_type = response.headers.get("content-type", "")
                        _check_content_type(content_type)
                        body = self._read_body(response, deadline)
                        return Page(url=url, final_url=str(response.url), status=response.status_code,
                                    content_type=content_type, body=body, fetched_at=time.time())
                raise FetchError(f"refused: more than {MAX_REDIRECTS} redirects")
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline:
                raise FetchError(self._late) from None
            what = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for the server"
            raise FetchError(f"timed out {what} after {self.timeout:g} s; try again later") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect ({exc}); check the address") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL ({exc})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch ({type(exc).__name__}: {exc})") from None

    @property
    def _late(self) -> str:
        return (f"timed out: the server took longer than {3 * self.timeout:g} s in all to send the page "
                "(a slow or stalling server); try again later")

    def _read_body(self, response, deadline: float) -> bytes:
        """The body, decompressed, refused once either size passes ``max_bytes``."""
        limit = self.max_bytes
        too_big = f"refused: larger than {limit:,} bytes; raise --max-bytes to allow"
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_big)
        inflate = _decompressor(response.headers.get("content-encoding", ""))
        body = bytearray()
        received = 0
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > limit:
                raise FetchError(too_big)
            if inflate is not None:
                # max_length bounds the output of this one call: a tiny chunk of a
                # gzip bomb cannot expand to gigabytes before we look at it.
                chunk = inflate.decompress(chunk, limit - len(body) + 1)
            body += chunk
            if len(body) > limit:
                raise FetchError(f"refused: decompresses to more than {limit:,} bytes (a compression bomb?)"
                                 if inflate is not None else too_big)
            if time.monotonic() > deadline:
                raise FetchError(self._late)
        if inflate is not None:
            body += inflate.flush()
        return bytes(body)


def _decompressor(content_encoding: str):
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise FetchError(f"refused: unsupported content encoding {encoding!r}")


def _check_content_type(content_type: str) -> None:
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in PAGE_TYPES + FEED_TYPES + TEXT_TYPES:
        raise FetchError(f"refused: content type {media} is not a web page, feed or plain text")


# -- reading a fetched page --------------------------------------------------------


def article_from_page(page: Page, *, id: str, problems: list[str] | None = None) -> Article:
    """A fetched HTML or plain-text page -> Article (origin: the URL asked for).

    What the page reader ignored (JSON-LD nested too deep) goes to ``problems``."""
    text = decode_body(page.body, page.content_type)
    media = page.content_type.split(";", 1)[0].strip().lower()
    if media in TEXT_TYPES:
        if not text.strip():
            raise InputError("the page is empty", page.url)
        return Article(id=id, text=text, origin=page.url, url=page.final_url)
    from .html import article_from_html

    return article_from_html(text, id=id, origin=page.url, url=page.final_url, problems=problems)


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def decode_body(body: bytes, content_type: str = "") -> str:
    """Bytes -> str: charset from the header, else a BOM, else ``<meta>``/XML declaration, else detection."""
    for candidate in _charsets(body, content_type):
        try:
            codec = codecs.lookup(candidate).name
        except LookupError:
            continue
        return body.decode(codec, errors="replace").lstrip("\ufeff")
    return body.decode("utf-8", errors="replace")


def _charsets(body: bytes, content_type: str):
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    if match:
        yield match[1]
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            yield name
    declared = _META_CHARSET.search(body[:4096])
    if declared:
        yield (declared[1] or declared[2]).decode("ascii")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:200_000]).best()
        if best is not None:
            yield best.encoding
    except ImportError:  # pragma: no cover
        pass


# -- ids, progress, result ---------------------------------------------------------


class SourceIds:
    """Short unique source ids from URLs: host + last path segment, at most 40 characters."""

    MAX = 40

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.lock = threading.Lock()

    def new(self, url: str) -> str:
        base = url_slug(url, self.MAX)
        with self.lock:
            slug, n = base, 1
            while slug in self.taken:
                n += 1
                slug = f"{base[: self.MAX - len(str(n)) - 1]}-{n}"
            self.taken.add(slug)
            return slug


def url_slug(url: str, limit: int = 40) -> str:
    """'https://www.harbor-gazette.example/news/bridge-shut.html' -> 'harbor-gazette-example-bridge-shut'."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", segments[-1], flags=re.IGNORECASE) if segments else ""
    if not last and parts.query:
        last = parts.query
    slug = re.sub(r"[^a-z0-9]+", "-", f"{host} {last}".lower()).strip("-")
    return slug[:limit].rstrip("-") or "page"


