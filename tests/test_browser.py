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


def test_hovering_a_citation_shows_its_paragraph_outlet_and_day(served, browser) -> None:
    page = _page(browser)
    page.goto(served + "timeline/")
    cite = page.locator("article a[href*='articles/'][href*='#p']").first
    assert cite.get_attribute("title") is None  # the page holds no copy of what it cites
    cite.hover()
    tip = page.locator(".briefing-preview")
    tip.wait_for(state="visible")
    shown = tip.inner_text()
    _shot(page, "citation-tooltip-desktop")
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    cite.focus()  # the keyboard's way in, and out
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    url, anchor = cite.evaluate("a => a.href").split("#")
    page.goto(url)
    paragraph = page.locator(f"#{anchor}").inner_text().removeprefix(f"¶{anchor[1:]}")
    assert shown.startswith("“" + " ".join(paragraph.split()[:6])) and "2024)" in shown


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


PAGES = [
    "",
    "days/2024-11-30/",
    "actors/syrian-army/",
    "places/aleppo/",
    "figures/killed/",
    "events/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_sideways_scroll_on_a_phone(served, browser, path) -> None:
    page = _page(browser, PHONE)
    page.goto(served + path)
    wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1, f"{path or 'home'} scrolls sideways by {wide}px"
    _shot(page, f"{path.strip('/').replace('/', '_') or 'home'}-phone")


def test_a_day_page_leads_with_its_events_and_folds_the_rest(served, browser) -> None:
    page = _page(browser)
    page.goto(served + "days/2024-11-30/")
    folded = page.locator("article details").first
    assert folded.get_attribute("open") is None
    assert not folded.locator("li").first.is_visible()
    folded.locator("summary").click()
    assert folded.locator("li").first.is_visible()
    for path in PAGES[1:5]:
        page.goto(served + path)
        _shot(page, f"{path.strip('/').replace('/', '_')}-desktop")


def test_the_events_table_filters_by_type_and_by_actor(served, browser) -> None:
    page = _page(browser)
    page.goto(served + "events/")
    rows = page.locator("article table tbody tr")
    total = rows.count()
    assert total >= 10
    kind = page.locator("article table thead select").nth(1)  # the Type column
    kind.select_option(label="Battle")
    shown = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(shown) < total
    assert all(r.locator("td").nth(1).inner_text().startswith("Battle") for r in shown)
    kind.select_option(label="all")
    who = (
        page.locator("article table thead tr").nth(1).locator("td").nth(2).locator("select, input")
    )
    actor = next(o for o in who.locator("option").all_inner_texts() if o != "all")
    who.select_option(label=actor)
    shown = [r for r in rows.all() if r.is_visible()]
    assert shown and all(actor in r.locator("td").nth(2).inner_text() for r in shown)
    _shot(page, "events-desktop")


@pytest.fixture(scope="module")
def long_article_site(tmp_path_factory, trained_nlp):
    """A site of one article long enough for its page to fold the rest of its text."""
    root = tmp_path_factory.mktemp("long")
    (root / "seeds").mkdir()
    paragraphs = [
        f"Paragraph {n}: the council met in the town hall on Monday and the mayor said "
        "the budget would be debated again next week, after residents asked for more time "
        "to read the plans for the new bridge over the river."
        for n in range(1, 41)
    ]
    text = "date 2024-11-30 Council debates the bridge again\n\n" + "\n\n".join(paragraphs)
    (root / "seeds" / "long.txt").write_text(text, encoding="utf-8")
    site = build(Config(root=root), nlp=trained_nlp).site_dir
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", site
    server.shutdown()


def test_a_citation_of_a_folded_paragraph_opens_its_fold(long_article_site, browser) -> None:
    base, site = long_article_site
    article = next((site / "articles").glob("*/index.html")).parent.name
    page = _page(browser)
    page.goto(f"{base}articles/{article}/#p38")
    target = page.locator("#p38")
    assert page.locator("details", has=target).get_attribute("open") is not None
    assert target.is_visible() and target.bounding_box()["y"] < DESKTOP["height"]


def _png() -> bytes:
    """A one-pixel grey PNG: every tile the test's tile server serves."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xc0"))
        + chunk(b"IEND", b"")
    )


class _Tiles(_Quiet):
    """Serves the site, and a tile for every /tiles/ address."""

    def do_GET(self) -> None:
        if not self.path.startswith("/tiles/"):
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(_png())


@pytest.fixture(scope="module")
def tiled(tmp_path_factory, trained_nlp):
    """The sample with a tile source on this machine (``map_tiles``)."""
    root = tmp_path_factory.mktemp("tiled")
    shutil.copytree(SAMPLE_SEEDS, root / "seeds")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    config = Config(root=root, map_tiles=base + "tiles/{z}/{x}/{y}.png", map_attribution="Test")
    site = build(config, nlp=trained_nlp).site_dir
    server.RequestHandlerClass = functools.partial(_Tiles, directory=str(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def test_a_configured_tile_source_gives_a_map_to_pan_and_zoom(tiled, browser) -> None:
    page = _page(browser)
    tiles = []
    page.on("request", lambda r: tiles.append(r.url) if "/tiles/" in r.url else None)
    page.goto(tiled)
    box = page.locator(".briefing-tilemap")
    box.scroll_into_view_if_needed()
    markers = box.locator("a.briefing-tilemap-marker")
    assert markers.count() >= 5 and tiles
    _shot(page, "tile-map-desktop")
    first = markers.first.bounding_box()
    box.get_by_role("button", name="Zoom in").click()
    moved = markers.first.bounding_box()
    assert (moved["x"], moved["y"]) != (first["x"], first["y"])
    page.reload()
    box.scroll_into_view_if_needed()
    markers.first.click(force=True)  # markers of near places overlap: any opens a place
    page.wait_for_load_state()
    assert "/places/" in page.url
