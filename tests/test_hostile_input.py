"""Hostile and broken inputs beside good ones: each is reported on one line naming the file
(and line), never a traceback or a hang, and the good inputs of the same run are used."""
from __future__ import annotations

import json
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfold.readers import files, read_inputs
from newsfold.readers.safety import forbidden_reason

GOOD = {"id": "good", "title": "Dam inspected", "text": "Inspectors checked the Varrow dam on Monday.",
        "published": "2031-03-10"}


@pytest.fixture()
def good(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    return path


def _within(seconds: float, read):
    """``read()`` run on a thread; fails (instead of hanging the suite) when it takes longer than ``seconds``."""
    outcome: dict = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("value", read()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still reading after {seconds} s"
    return outcome["value"]


# -- files that are not regular files ------------------------------------------------------------


def test_fifo_without_a_writer_is_reported_not_waited_on(tmp_path, good, monkeypatch):
    monkeypatch.setattr(files, "PIPE_IDLE_SECONDS", 0.5)
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    result = _within(10, lambda: read_inputs([str(fifo), str(good)]))
    assert [a.id for a in result.articles] == ["good"]
    [problem] = result.problems
    assert problem.startswith(f"{fifo}: nothing was written to it") and "skipped" in problem


def test_a_pipe_that_is_written_to_is_read(tmp_path):
    fifo = tmp_path / "piped.txt"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "w", encoding="utf-8") as handle:  # blocks until the reader opens
            handle.write("The ferry resumed service on Tuesday after the storm.")

    threading.Thread(target=write, daemon=True).start()
    result = _within(10, lambda: read_inputs([str(fifo)]))
    assert result.articles[0].text.startswith("The ferry resumed")


def test_dev_zero_stops_at_max_bytes(good):
    result = _within(20, lambda: read_inputs(["/dev/zero", str(good)], max_bytes=10_000))
    assert [a.id for a in result.articles] == ["good"]
    assert result.problems == ["/dev/zero: more than 10,000 bytes (not a regular file); skipped "
                               "(pass --max-bytes to read more)"]


# -- decoding -----------------------------------------------------------------------------------


def test_mostly_utf8_with_four_bad_bytes_is_read_as_utf8_and_reported(tmp_path):
    text = "Café owners in Zürich said the “new rules” start on Monday — about 40 of them. " * 5
    data = text.encode("utf-8")
    data = data[:50] + b"\xff\xfe" + data[50:120] + b"\x80\xc3" + data[120:]
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    result = read_inputs([str(path)])
    [article] = result.articles
    assert "Café owners in Zürich" in article.text and "“new rules”" in article.text  # not mac_iceland
    assert article.text.count("\ufffd") == 4
    [problem] = result.problems
    assert problem.startswith(f"{path}: 4 byte sequence(s) not valid UTF-8")


def test_a_legacy_code_page_is_left_to_detection(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Les élèves de l'école ont fêté la fin de l'année à Genève.".encode("cp1252"))
    result = read_inputs([str(path)])
    assert "\ufffd" not in result.articles[0].text and result.problems == []  # no valid UTF-8 in it: not "damaged"
    assert result.articles[0].notes[0].startswith("not UTF-8; decoded as")


# -- HTML without an article, JSON fields of the wrong type -----------------------------------------

NAVIGATION_PAGE = """<html><head><title>Harbor Gazette - Home</title></head><body>
<div class="menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/about">About us</a></li></ul></div>
<div><a href="/a">Council approves new budget for the harbour district after long debate</a></div>
<div><a href="/b">Ferry timetable changes from next Monday across all routes</a></div>
<div><a href="/c">Local school wins regional science competition for second year</a></div>
<div><a href="/d">Storm warning issued for the coast as winds pick up overnight</a></div>
<p>Copyright 2031 Harbor Gazette. All rights reserved.</p></body></html>"""


def test_html_page_of_links_is_reported_and_skipped(tmp_path, good):
    pytest.importorskip("trafilatura")
    page = tmp_path / "front.html"
    page.write_text(NAVIGATION_PAGE, encoding="utf-8")
    result = read_inputs([str(page), str(good)])
    assert [a.id for a in result.articles] == ["good"]
    [problem] = result.problems
    assert problem.startswith(f"{page}: no article text found in this HTML page")


def test_wrong_typed_fields_are_reported_with_line_and_field(tmp_path):
    lines = [
        GOOD,
        {"id": "t", "title": ["a", "list"], "outlet": 7, "text": "The bridge reopened.", "published": 20310314},
        {"id": "n", "text": ["not", "text"]},
        {"id": 12, "text": "A numbered id is fine.", "author": True},
    ]
    path = tmp_path / "typed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["good", "t", "12"]
    assert result.articles[1].title is None and result.articles[1].outlet is None
    assert result.problems == [
        f'{path}:2: field "title" is a list, not a string; ignored',
        f'{path}:2: field "published" is a number, not a string; ignored',
        f'{path}:2: field "outlet" is a number, not a string; ignored',
        f'{path}:3: record has no "text" or "html" ("text" is a list, not a string); skipped',
        f'{path}:4: field "author" is true/false, not a string; ignored',
    ]


# -- the address guard --------------------------------------------------------------------------


@pytest.mark.parametrize(("address", "reason"), [
    ("2002:7f00:1::1", "loopback"),  # 6to4 around 127.0.0.1
    ("2002:c0a8:101::1", "private"),  # 6to4 around 192.168.1.1
    ("2002:a9fe:a9fe::1", "link-local"),  # 6to4 around the cloud metadata address
    ("64:ff9b::a00:1", "private"),  # NAT64 around 10.0.0.1
    ("fec0::1", "site-local"),
    ("fec0:1:2::3", "site-local"),
])
def test_private_addresses_inside_ipv6_are_refused(address, reason):
    assert forbidden_reason(address) == reason


@pytest.mark.parametrize("address", ["2002:808:808::1", "64:ff9b::808:808", "2606:4700::1111"])
def test_public_addresses_inside_ipv6_are_allowed(address):
    assert forbidden_reason(address) is None


# -- fetching: a server that drips its headers, a page with over-deep JSON-LD ----------------------


def _drip_server(stop: threading.Event) -> int:
    """A server on 127.0.0.1 that sends a status line, then one header line every 0.1 s, for 15 s."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def run():
        conn, _ = listener.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        give_up = time.monotonic() + 15
        while not stop.is_set() and time.monotonic() < give_up:
            try:
                conn.sendall(b"X-Drip: a\r\n")
            except OSError:
                break
            time.sleep(0.1)
        conn.close()
        listener.close()

    threading.Thread(target=run, daemon=True).start()
    return listener.getsockname()[1]


def test_headers_that_drip_in_hit_the_overall_deadline(tmp_path):
    from newsfold.readers.web import fetch_articles

    stop = threading.Event()
    url = f"http://127.0.0.1:{_drip_server(stop)}/slow"
    started = time.monotonic()
    try:
        result = fetch_articles([url], allow_private=True, timeout=0.5, progress=False, cache_dir=tmp_path)
    finally:
        stop.set()
    assert time.monotonic() - started < 5  # the deadline is 3 x 0.5 s; each header line came within 0.1 s
    assert result.articles == []
    assert result.problems == [f"{url}: timed out: the server took longer than 1.5 s in all to send the page "
                               "(a slow or stalling server); try again later"]


class _DeepLdPage(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # http.server's name
        ld = '{"@type": "NewsArticle", "x": ' + "[" * 5_000 + "]" * 5_000 + "}"
        body = ("<html><head><title>School</title>\n"
                f'<script type="application/ld+json">{ld}</script></head><body><article><h1>School</h1><p>'
                + "The council voted on Tuesday to rebuild the flooded Varrow school. " * 4
                + "</p></article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_over_deep_json_ld_in_a_fetched_page_is_reported(tmp_path):
    pytest.importorskip("lxml")
    from newsfold.readers.web import fetch_articles

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _DeepLdPage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/school.html"
    try:
        result = fetch_articles([url], allow_private=True, progress=False, cache_dir=tmp_path)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(result.articles) == 1 and "flooded Varrow school" in result.articles[0].text
    [problem] = result.problems
    assert problem.startswith(f"{url}:2: JSON-LD nested deeper than 64 levels; ignored")
