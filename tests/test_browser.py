"""Real-browser tests: Debian's chromium driven by Playwright (no browser download).

Screenshots of the story page and the source view at desktop and phone widths are
written to ``artifacts/screenshots/`` (gitignored) for review.

Run just these: ``pytest -m browser tests/test_browser.py``.
"""
from __future__ import annotations

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
