"""Templates: turning page data into Markdown pages.

1. :func:`environment` sets up Jinja2 so that every value a template prints is escaped
   (article text is untrusted) unless it was built here as :class:`Markup`.
2. :class:`Renderer` renders one page: its template, with the links of the page's
   depth and the line macros of ``lines.md.j2`` (the wording of an event, a quote, a
   figure ...) bound to them, under YAML front matter holding the title the template
   sets (``page_title``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound
from markupsafe import Markup

from ..dates import MONTH_NAMES, long_date
from ..errors import OutputError
from ..records import Briefing
from ..textutil import (
    counted,
    escape_inline,
    figure_phrase,
    fold,
    guard_line_start,
    squash_spaces,
    strip_controls,
)
from .links import Links, Site
from .maps import Tiles

Pages = Iterator[tuple[str, str | bytes]]
"""(path below the site root, file content), one file at a time: a large archive's
pages, several times its articles' size, are written as they are rendered instead of
all being held at once."""

SECTIONS_KEY = "search_sections"
"""The front matter key listing the sections (heading ids) search indexes besides a
page's lead; a page without it is indexed whole (:mod:`briefing.siteplugin` reads it)."""
NAMES_SECTION = "names"
"""The heading id of an entity page's section listing every name it is written as."""
SEARCHED_SECTIONS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("home", "timeline", "events", "days", "day", "quotes"), ()),
    **dict.fromkeys(("actors", "places", "figures", "articles"), ()),
    **dict.fromkeys(("actor", "place"), (NAMES_SECTION,)),
}
"""The page families that gather sentences written in the articles, each with the
sections search indexes besides the page's title and lead: each sentence is then found
on its article, and an entity by every name it is written as
(:mod:`briefing.siteplugin`)."""
LINES_TEMPLATE = "lines.md.j2"
"""Macros for one record's line, shared by the pages."""
LINE_MACROS = (
    "statement",
    "event",
    "speaker",
    "quote_line",
    "claim_source",
    "claim_line",
    "series_line",
    "new_since",
    "month_name",
)
"""The macros of :data:`LINES_TEMPLATE` the page templates call."""


def _escape(value: Any) -> str:
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # numbers are ours, and a leading digit must not be escaped
    return guard_line_start(escape_inline(str(value)))


def long_month(iso_month: str) -> str:
    """``2024-12`` → ``December 2024``."""
    return f"{MONTH_NAMES[int(iso_month[5:7]) - 1].capitalize()} {iso_month[:4]}"


def environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=False,
        finalize=_escape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # one build reads each template once, not once a page
    )
    env.globals.update(
        inline=lambda text: Markup(escape_inline(str(text))),
        long_date=long_date,
        long_month=long_month,
        fold=fold,
        squash=squash_spaces,
        counted=lambda n, noun: Markup(counted(n, noun)),
        figure_phrase=lambda value, label: Markup(escape_inline(figure_phrase(value, label))),
    )
    env.filters["guard_line_start"] = guard_line_start
    return env


def front_matter(body: str, title: str, **meta: Any) -> str:
    """A Markdown page with YAML front matter.

    MkDocs prints the page title into ``<title>`` without escaping, so the title is
    given here, HTML-escaped and without control characters (a bidirectional override
    in ``<title>`` would reorder the browser's tab), instead of letting MkDocs take it
    from the heading.
    """
    post = frontmatter.Post(body, title=html.escape(strip_controls(squash_spaces(title))), **meta)
    return frontmatter.dumps(post, sort_keys=True) + "\n"


def _markup(macro: Callable[..., str]) -> Callable[..., Markup]:
    return lambda *args, **kwargs: Markup(macro(*args, **kwargs))


@dataclass(frozen=True)
class Renderer:
    """Renders the pages of one briefing."""

    env: Environment
    """The Jinja2 environment over the templates folder."""
    templates: Path
    """The templates folder, for error messages."""
    site: Site
    """The briefing's look-ups."""
    unit_topics: frozenset[str]
    """Figure topics whose value keeps its unit ("10 km")."""
    title: str
    """The site title, in every page's context."""
    tiles: Tiles | None = None
    """The tile source of an interactive map, when the user configured one."""

    @classmethod
    def of(cls, briefing: Briefing, templates: Path, tiles: Tiles | None = None) -> Renderer:
        units = frozenset(t.key for t in briefing.figure_topics if t.unit)
        site = Site.of(briefing)
        return cls(environment(templates), templates, site, units, briefing.title, tiles)

    def _template(self, name: str) -> Any:
        try:
            return self.env.get_template(name)
        except TemplateNotFound as exc:
            raise OutputError(f"template {exc.name} not found", self.templates) from exc

    def static(self, name: str) -> str:
        """A file of the templates folder copied as it is (a stylesheet)."""
        path = self.templates / name
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot read {name}: {exc.strerror or exc}", path) from exc

    def page(self, template: str, rel: str, context: dict[str, Any], **meta: Any) -> str:
        """A page ``rel`` below the site root: front matter (the title the template
        sets as ``page_title``, and ``meta``), then the Markdown the template renders."""
        links = Links(self.site, rel)
        lines = self._template(LINES_TEMPLATE).make_module(
            {"links": links, "unit_topics": self.unit_topics}
        )
        page = self._template(template).make_module(
            {
                "title": self.title,
                "rel": rel,
                **links.functions(),
                **{name: _markup(getattr(lines, name)) for name in LINE_MACROS},
                **context,
            }
        )
        title = getattr(page, "page_title", None)
        if not isinstance(title, str):
            raise OutputError(f"template {template} sets no page_title", self.templates)
        if meta.get("page") in SEARCHED_SECTIONS:
            meta = {**meta, SECTIONS_KEY: list(SEARCHED_SECTIONS[meta["page"]])}
        return front_matter(str(page), title=title, **meta)
