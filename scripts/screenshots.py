"""Screenshots of the web app for the README: python scripts/screenshots.py [OUT_DIR]

Serves the shipped example story (``newsfold serve examples/harbor-bridge/`` on
127.0.0.1, a free port) and drives Debian's chromium through Playwright: the
story list, the brief page and the evidence viewer (the first citation opened),
each at desktop width (1280 px) and phone width (390 px). Shots are of the
viewport, not the whole page, so each PNG stays small. Writes to
docs/screenshots/ by default; rerun it after a change to the pages.
"""
from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(port: int) -> subprocess.Popen:
    """``newsfold serve`` of the example story, once it answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "newsfold.cli", "serve", str(ROOT / "examples" / "harbor-bridge"),
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 180  # the first fold of the story loads the models
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"newsfold serve exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("newsfold serve did not answer within 180 s")


def _shoot_pages(browser, base: str, out: Path, label: str, viewport: dict) -> list[Path]:
    context = browser.new_context(viewport=viewport, device_scale_factor=1)
    page = context.new_page()
    shots = []

    def shoot(name: str) -> None:
        path = out / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=False)
        shots.append(path)

    page.goto(base + "/")
    page.locator("a.story-title").first.wait_for()
    shoot("stories")
    page.locator("a.story-title").first.click()
    page.locator("article.brief").wait_for()
    shoot("brief")
    page.locator("a.cite").first.click()
    page.locator("dialog#viewer mark.ev.is-hl").first.wait_for(state="visible")
    shoot("evidence-viewer")
    context.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"), help="folder for the PNGs")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    server = _serve(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, viewport in VIEWPORTS.items():
                for path in _shoot_pages(browser, f"http://127.0.0.1:{port}", out, label, viewport):
                    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                          f"{path.stat().st_size / 1000:.0f} kB")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
