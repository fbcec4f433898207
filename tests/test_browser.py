"""The built sample site in a real browser: Debian's Chromium, driven by Playwright for
Python through ``executable_path`` (never a downloaded browser). ``.ci/run`` installs
Chromium when it is missing; elsewhere these tests are skipped without it.

Screenshots of the pages a reader opens first are saved, at desktop and phone width,
under ``test-artifacts/screenshots`` (or ``$BRIEFING_ARTIFACTS``)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from briefing.config import Config
from briefing.pipeline import build

from .conftest import ROOT, SAMPLE_SEEDS

pytestmark = [pytest.mark.model, pytest.mark.e2e, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(os.environ.get("BRIEFING_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the test output is for failures
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory, trained_nlp):
    """The sample built, served over http on 127.0.0.1; yields its base address."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(SAMPLE_SEEDS, root / "seeds")
    site = build(Config(root=root), nlp=trained_nlp).site_dir
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _page(browser, viewport=DESKTOP):
    page = browser.new_page(viewport=viewport)
    page.set_default_timeout(10_000)
    return page


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_front_page_loads_cleanly_and_asks_nothing_of_another_host(served, browser) -> None:
    page = _page(browser)
    errors, elsewhere = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            elsewhere.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None
        ),
    )
    page.goto(served)
    page.wait_for_load_state("networkidle")
    assert errors == [] and elsewhere == []
    headings = page.locator("article h2").all_inner_texts()
    assert headings[0].startswith("Latest") and "Key days" in headings
    _shot(page, "home-desktop")


def test_a_citation_lands_on_its_highlighted_paragraph(served, browser) -> None:
    page = _page(browser)
    page.goto(served + "days/")
    page.locator("article li a").first.click()  # the first day
    page.wait_for_load_state()
    cite = page.locator("article li a[href*='articles/'][href*='#p']").first
    target = cite.get_attribute("href").split("#")[1]
    cite.click()
    page.wait_for_url(f"**#{target}")
    outline = page.evaluate(
        "id => getComputedStyle(document.getElementById(id)).outlineStyle", target
    )
    assert outline not in ("", "none")
    _shot(page, "citation-target-desktop")


def test_hovering_a_citation_shows_its_sentence_outlet_and_day(served, browser) -> None:
    page = _page(browser)
    page.goto(served + "timeline/")
    cite = page.locator("article a[href*='articles/'][href*='#p']").first
    title = cite.get_attribute("title")
    assert title and "”" in title and "2024" in title
    cite.hover()
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(state="visible")
    assert tip.inner_text()[:40] == title[:40]
    _shot(page, "citation-tooltip-desktop")


def test_the_map_draws_every_event_place_and_its_markers_open_place_pages(served, browser) -> None:
    page = _page(browser)
    page.goto(served)
    svg = page.locator("article figure svg").first
    svg.scroll_into_view_if_needed()
    assert svg.bounding_box()["width"] > 300
    markers = svg.locator("a")
    assert markers.count() >= 5
    _shot(page, "map-desktop")
    markers.last.locator("circle").click()  # the biggest, drawn last
    page.wait_for_load_state()
    assert "/places/" in page.url and page.locator("article h1").inner_text()


def test_search_finds_an_actor_by_an_alias(served, browser) -> None:
    page = _page(browser)
    page.goto(served)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Saraqeb")
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible")
    assert "Saraqib" in page.locator(".md-search-result").inner_text()


@pytest.mark.parametrize("path", ["", "days/2024-11-30/", "actors/syrian-army/", "places/aleppo/"])
def test_pages_have_no_sideways_scroll_on_a_phone(served, browser, path) -> None:
    page = _page(browser, PHONE)
    page.goto(served + path)
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1, f"{path or 'home'} scrolls sideways by {wide}px"
    _shot(page, f"{path.strip('/').replace('/', '_') or 'home'}-phone")
