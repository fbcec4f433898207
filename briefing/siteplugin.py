"""The plugin a build registers into MkDocs, for a site of tens of thousands of pages.

MkDocs renders every page's Markdown to HTML first, then writes every page, and keeps
each page's Markdown and HTML until the build ends; Material's search plugin parses
every page's HTML and keeps its text for the index. For a large archive that is most of
the build's memory, and the pages that gather sentences from the articles would put each
sentence in the index many times. In the order MkDocs runs the events:

1. **page content**: once a page is rendered, its Markdown is let go, and its HTML is
   kept compressed until the page is written (:data:`HTML_LEVEL`);
2. **page context, first**: the HTML is restored; a page whose front matter lists
   ``search_sections`` (:data:`SECTIONS_KEY`: the write stage lists them for the pages
   that gather sentences from the articles) shows the search plugin only its lead (the
   part before its first section) and the sections it lists, by heading id. Each
   sentence is then found once in search, on the article it was written in, and a
   gathering page by its title, lead and listed sections (an actor by every name it is
   written as) instead of by every sentence it repeats (only when a search plugin is on);
3. **page context, last**: the whole HTML is put back for the theme to render, with
   the search attributes taken out as the search plugin takes them out of the pages it
   sees whole (:data:`SEARCH_ATTRIBUTE`), so that the HTML is what it would have been;
4. **post page**: the page's HTML is let go once written.

Links and anchors are checked from what rendering recorded, so nothing after these
events reads what is let go.
"""

from __future__ import annotations

import re
import zlib
from itertools import pairwise

from .write.templating import SECTIONS_KEY

PLUGIN_NAME = "briefing/site-pages"
"""The name :func:`register` adds the plugin under."""
HTML_LEVEL = 1
"""zlib level for HTML held between rendering and writing: the fastest (the pages of
a large archive still compress about four times)."""
SEARCH_PLUGINS = ("search", "material/search")
"""The names the search plugin is configured by."""
SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""Material's search plugin's own pattern for the attributes it removes."""
SECTION_START = re.compile(r"<h2[\s>]")
"""Where a section starts: a second-level heading."""
SECTION_ID = re.compile(r'<h2\b[^>]*?\bid="([^"]*)"')


def searched_html(html: str, sections) -> str:
    """The page's lead (its HTML before the first section) and the ``sections`` whose
    heading has one of those ids, in page order."""
    starts = [found.start() for found in SECTION_START.finditer(html)]
    bounds = pairwise([*starts, len(html)])
    kept = [html[a:b] for a, b in bounds if _section_id(html, a) in sections]
    return html[: starts[0] if starts else len(html)] + "".join(kept)


def _section_id(html: str, start: int) -> str | None:
    """The id of the heading that starts at ``start``."""
    found = SECTION_ID.match(html, start)
    return found.group(1) if found else None


def searched_sections(meta: dict) -> frozenset[str] | None:
    """The sections the page's front matter lists for search; None: the whole page."""
    sections = meta.get(SECTIONS_KEY)
    return frozenset(map(str, sections)) if isinstance(sections, list) else None


def register(mk_config) -> None:
    """Add the plugin to a loaded MkDocs configuration (once)."""
    from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

    class SitePages(BasePlugin):
        def __init__(self, searching: bool) -> None:
            self.searching = searching
            self.held: dict[str, bytes] = {}
            self.whole: dict[str, str] = {}

        @event_priority(-100)
        def on_page_content(self, html, page, **_):
            page.markdown = None
            self.held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), HTML_LEVEL)
            return ""

        @event_priority(100)
        def _restore_for_search(self, context, page, **_):
            held = self.held.pop(page.file.src_uri, None)
            if held is not None:
                page.content = zlib.decompress(held).decode("utf-8")
            sections = searched_sections(page.meta)
            if self.searching and sections is not None and page.content is not None:
                self.whole[page.file.src_uri] = page.content
                page.content = searched_html(page.content, sections)
            return context

        @event_priority(-100)
        def _restore_whole(self, context, page, **_):
            whole = self.whole.pop(page.file.src_uri, None)
            if whole is not None:
                page.content = SEARCH_ATTRIBUTE.sub("", whole)
            return context

        on_page_context = CombinedEvent(_restore_for_search, _restore_whole)

        def on_post_page(self, output, page, **_):
            page.content = None
            return output

    if PLUGIN_NAME not in mk_config.plugins:
        searching = any(name in mk_config.plugins for name in SEARCH_PLUGINS)
        mk_config.plugins[PLUGIN_NAME] = SitePages(searching)
