"""Real-browser tests: Debian's chromium driven by Playwright (no browser download).

Screenshots of the story page and the source view at desktop and phone widths are
written to ``artifacts/screenshots/`` (gitignored) for review.

Run just these: ``pytest -m browser tests/test_browser.py``.
"""
from __future__ import annotations

import json
import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from newsfold.model import Brief
from newsfold.render import to_json
from newsfold.render.html import render_html
sys.path.insert(0, str(Path(__file__).parent))  # the sample brief lives beside this file
from test_render_html import sample_brief

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing; install it with: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _example_or_sample(example_dir: Path) -> Brief:
    """The example story when the pipeline can fold it, else the hand-built brief."""
    try:
        from newsfold.pipeline import fold
        from newsfold.readers import read_inputs

        if example_dir.is_dir():
            return fold(read_inputs([str(example_dir)]).articles)
    except Exception:  # any pipeline gap falls back to the sample
        pass
    return sample_brief()


@pytest.fixture(scope="module")
def story_brief(example_dir) -> Brief:
    return _example_or_sample(example_dir)


@pytest.fixture(scope="module")
def server(story_brief, tmp_path_factory):
    """The app over a folder of two briefs, served by uvicorn on 127.0.0.1."""
    uvicorn = pytest.importorskip("uvicorn")
    from newsfold.web.app import create_app

    folder = tmp_path_factory.mktemp("briefs")
    (folder / "story.json").write_text(to_json(story_brief), encoding="utf-8")
    hostile = sample_brief(hostile=True)
    hostile.title = "Markup in a headline <script>window.__xss=3</script>"
    (folder / "hostile.json").write_text(to_json(hostile), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(path=str(folder)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _page(browser, viewport=DESKTOP):
    context = browser.new_context(viewport=viewport, device_scale_factor=1, java_script_enabled=True)
    page = context.new_page()
    page.requests = []  # every URL the page asks for
    page.on("request", lambda request: page.requests.append(request.url))
    return page


def _assert_local(requests, base: str | None = None):
    allowed = ("file:", "data:", "about:") + ((base + "/",) if base else ())
    outside = [url for url in requests if not url.startswith(allowed)]
    assert not outside, f"requests left the machine: {outside}"


def _open_first_citation(page):
    cite = page.locator("a.cite").first
    evidence_id = cite.get_attribute("data-ev")
    source_id = cite.get_attribute("data-source")
    cite.click()
    viewer = page.locator("dialog#viewer")
    viewer.wait_for(state="visible")
    mark = page.locator(f'.viewer-source[data-source="{source_id}"] mark.ev.is-hl').first
    mark.wait_for(state="visible")
    assert evidence_id in mark.get_attribute("data-ev").split()
    assert mark.is_visible() and mark.evaluate("el => { const r = el.getBoundingClientRect();"
                                               " return r.top >= 0 && r.bottom <= innerHeight; }")
    return mark


def _shoot(page, name: str, full_page: bool = True):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def test_standalone_file_citation_opens_highlighted_passage(browser, story_brief, tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(render_html(story_brief), encoding="utf-8")
    page = _page(browser)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    assert page.locator("h1").inner_text() == (story_brief.title or "Untitled story")
    mark = _open_first_citation(page)
    assert mark.inner_text().strip()
    page.keyboard.press("Escape")
    page.locator("dialog#viewer").wait_for(state="hidden")
    # Keyboard: the first citation is reachable and opens the viewer with Enter.
    page.locator("a.cite").first.focus()
    page.keyboard.press("Enter")
    page.locator("dialog#viewer").wait_for(state="visible")
    _assert_local(page.requests)
    assert not errors, errors  # e.g. a CSP violation of the inline script or style
    page.context.close()


def test_served_app_list_story_source_and_screenshots(browser, server):
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = _page(browser, viewport)
        page.goto(server + "/")
        _shoot(page, f"stories-{label}")
        page.locator('a.story-title[href="/stories/story"]').click()
        page.wait_for_url("**/stories/story")
        page.locator("article.brief").wait_for()
        _shoot(page, f"story-{label}")
        _open_first_citation(page)
        _shoot(page, f"source-viewer-{label}", full_page=False)
        page.keyboard.press("Escape")
        page.locator("dialog#viewer").wait_for(state="hidden")
        # The source page, opened from a citation link's address.
        href = page.locator("a.cite").first.get_attribute("href")
        page.goto(server + href)
        selected = page.locator("mark#selected")
        selected.wait_for(state="visible")
        assert "is-hl" in selected.get_attribute("class")
        assert selected.evaluate("el => { const r = el.getBoundingClientRect();"
                                 " return r.top >= 0 && r.bottom <= innerHeight; }")
        page.evaluate("window.scrollTo(0, 0)")  # a full-page shot with the sticky bar on top
        _shoot(page, f"source-page-{label}")
        _assert_local(page.requests, server)
        page.context.close()


def test_article_markup_stays_text(browser, server, tmp_path):
    page = _page(browser)
    page.goto(server + "/")
    assert page.get_by_text("Markup in a headline <script>", exact=False).first.is_visible()
    page.goto(server + "/stories/hostile")
    assert page.evaluate("window.__xss") is None
    assert page.get_by_text("<script>window.__xss=1</script>", exact=False).first.is_visible()
    page.goto(server + "/stories/hostile/sources/003")
    assert page.evaluate("window.__xss") is None
    assert page.locator("img").count() == 0
    path = tmp_path / "hostile.html"
    path.write_text(render_html(sample_brief(hostile=True)), encoding="utf-8")
    page.goto(path.as_uri())
    assert page.evaluate("window.__xss") is None
    _assert_local(page.requests, server)
    page.context.close()


def test_cross_site_form_post_is_refused(browser, server):
    page = _page(browser)
    # A page from another origin (about:blank → Origin: null) posting to the app.
    page.set_content(f'<form method="post" action="{server}/new" enctype="multipart/form-data">'
                     '<input name="text" value="forged"><input name="csrf_token" value="guess">'
                     '<button>go</button></form>')
    with page.expect_navigation():
        page.click("button")
    assert "Request refused" in page.content()
    # The app's own form works only with its token: tampering is refused too.
    page.goto(server + "/new")
    page.evaluate("document.querySelector('input[name=csrf_token]').value = 'f'.repeat(64)")
    page.fill("#text", "A short report.")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "Request refused" in page.content()
    page.context.close()


def test_chromium_wrapper_is_the_debian_one():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing")
    assert shutil.which("chromium") is not None


def test_the_new_story_form_submits_in_chromium_and_opens_the_brief(browser, server):
    """A person pastes a report into the app's own form and gets its brief."""
    page = _page(browser)
    page.goto(server + "/new")
    page.fill("#text", "date 2031-05-02\n\nThe Velden ferry ran aground off Marrow Point on Friday, "
                       "the port authority said. All 41 passengers were brought ashore by lifeboat crews.")
    with page.expect_navigation():
        page.click("button[type=submit]")
    content = page.content()
    assert "Request refused" not in content
    assert "ran aground off Marrow Point" in content
    _assert_local(page.requests, server)
    page.context.close()


def test_served_standalone_file_runs_its_inline_css_and_js(browser, server):
    page = _page(browser)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(server + "/stories/story/brief.html")
    # The inline stylesheet applied (the dialog is hidden by it) and the inline script opens citations.
    assert page.locator("dialog#viewer").is_hidden()
    _open_first_citation(page)
    _assert_local(page.requests, server)
    assert not errors, errors  # a CSP violation of the inline script or style is a console error
    page.context.close()


def _rows(page) -> list[str]:
    return [href.rsplit("/", 1)[1] for href in page.eval_on_selector_all(
        "a.story-title", "els => els.map(e => e.getAttribute('href'))")]


def test_story_list_sorts_filters_and_searches_in_chromium(browser, server):
    """A reader sorts the list by size, filters it by an outlet and searches it."""
    import json
    import urllib.request

    def api(query: str) -> list[dict]:
        with urllib.request.urlopen(server + "/api/stories" + query) as response:  # the test server on 127.0.0.1
            return json.load(response)

    page = _page(browser)
    page.goto(server + "/")
    with page.expect_navigation():
        page.get_by_role("link", name="Most sources").click()
    assert "sort=size" in page.url
    assert _rows(page) == [r["id"] for r in api("?sort=size")]
    counts = [int(t.split()[0]) for t in page.locator(".story-meta span:first-child").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and len(counts) == len(api("")) >= 2

    stories = api("")
    only = next((o, r["id"]) for r in stories for o in r["outlets"]
                if sum(o in s["outlets"] for s in stories) == 1)
    page.select_option("#outlet", only[0])
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    assert _rows(page) == [only[1]] and "sort=size" in page.url  # the sort is kept
    with page.expect_navigation():
        page.get_by_role("link", name="Clear filters").click()
    assert len(_rows(page)) == len(stories)

    word = next(w for w in api("")[0]["title"].split() if len(w) > 4 and w.isalpha())
    page.fill("#q", word)
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert api("")[0]["id"] in _rows(page)
    mark = page.locator(".snippet mark").first
    assert mark.is_visible() and mark.inner_text().lower() == word.lower()
    _assert_local(page.requests, server)
    page.context.close()


def test_copy_link_exports_and_section_links_on_the_story_page(browser, server):
    import json

    page = _page(browser)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + "/stories/story")
    fact = page.locator("li.fact[id]").first
    fact_id = fact.get_attribute("id")
    fact.locator("button.copy-link").click()
    page.wait_for_function("() => document.querySelector('button.copy-link').textContent === 'Copied'")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/stories/story#{fact_id}"

    for label, check in (("Markdown", lambda text: text.startswith("# ")),
                         ("JSON", lambda text: json.loads(text)["schema"] == "newsfold.brief/1"),
                         ("HTML", lambda text: "<article class=\"brief\">" in text)):
        with page.expect_download() as info:
            page.locator(".exports").get_by_role("link", name=label).click()
        assert check(Path(info.value.path()).read_text(encoding="utf-8")), label

    # Disputes come before the agreed facts, and a section link does not hide its heading under the bar.
    order = page.eval_on_selector_all(".brief > section", "els => els.map(e => e.id)")
    assert order.index("disputed") < order.index("established")
    page.locator('.toc a[href="#sources"]').click()
    page.wait_for_function("() => location.hash === '#sources'")
    bar_bottom = page.evaluate("document.querySelector('.site-bar').getBoundingClientRect().bottom")
    heading_top = page.evaluate("document.getElementById('h-sources').getBoundingClientRect().top")
    assert heading_top >= bar_bottom
    _assert_local(page.requests, server)
    page.context.close()


def test_entity_pills_filter_the_facts_that_mention_them(browser, server):
    page = _page(browser)
    page.goto(server + "/stories/story")
    mapping = json.loads(page.locator("#entity-facts").text_content())
    pills = page.locator(".entity.is-filter")
    assert pills.count() == len(mapping) > 0
    plain = page.locator(".entity:not(.is-filter)")
    assert all(plain.nth(i).get_attribute("role") is None for i in range(plain.count()))  # not clickable-looking
    pill = pills.first
    name = pill.locator(".entity-name").inner_text()
    pill.click()
    visible = page.eval_on_selector_all("li.fact[id]", "els => els.filter(e => !e.hidden).map(e => e.id)")
    assert sorted(visible) == sorted(mapping[name])  # page order: the summary first
    assert pill.get_attribute("aria-pressed") == "true"
    status = page.locator("#entity-filter-status")
    assert status.is_visible() and name in status.inner_text()
    status.get_by_role("button", name="Show all facts").click()
    assert page.eval_on_selector_all("li.fact[id]", "els => els.filter(e => e.hidden).length") == 0
    assert not status.is_visible()
    page.context.close()


def test_dark_mode_and_phone_width(browser, server):
    context = browser.new_context(viewport=PHONE, color_scheme="dark")
    page = context.new_page()
    for path in ("/", "/stories/story", "/search?q=bridge", "/new"):
        page.goto(server + path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(c) for c in background[background.index("(") + 1 : -1].split(",")[:3]]
        assert sum(channels) < 150, (path, background)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    _shoot(page, "story-list-dark-phone")
    context.close()
