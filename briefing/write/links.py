"""Links and citations, as one page writes them.

1. :class:`Site` holds the look-ups every page shares (articles, entities, days).
2. :class:`Links` writes links from one page: it knows how far the page is from the
   site root, so no caller passes a relative path. Every name and title it prints is
   escaped; what it returns is :class:`Markup`, printed as is by the templates.

A citation carries no copy of what it cites: the site's script shows its preview on
hover or focus, read from the cited article's page (its paragraph and its
:meth:`Links.source_line`). A page citing a paragraph a hundred times holds it zero
times, and a page does not change when a paragraph it cites does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..dates import long_date, short_date
from ..records import Article, Briefing, Citation, Entity
from ..textutil import escape_html, escape_inline, escape_markdown, guard_line_start

_SAFE_URL = re.compile(r"^https?://[^\s()<>\"'\\]+$")
TOP = ""
"""The way to the site root from a page at the top (index, timeline, quotes ...)."""
SECTION = "../"
"""The way to the site root from a page in a section folder (days/, actors/ ...)."""
SUBSECTION = "../../"
"""The way to the site root from a page in a folder of a section (an entity's months)."""


@dataclass(frozen=True)
class Site:
    """Look-ups over one briefing, shared by every page."""

    articles: Mapping[str, Article]
    """Article id → article."""
    entities: Mapping[str, Entity]
    """Entity id → entity."""
    days: frozenset[str]
    """ISO days that have a day page."""
    labels: Mapping[str, str]
    """Article id → how a citation names it, the same on every page and unique."""

    @classmethod
    def of(cls, briefing: Briefing) -> Site:
        articles = briefing.corpus.articles
        return cls(
            articles={a.id: a for a in articles},
            entities={e.id: e for e in briefing.entities},
            days=frozenset(d.date for d in briefing.days),
            labels=source_labels(articles),
        )

    def source_label(self, article_id: str) -> str:
        """How a citation names its article (:func:`source_labels`)."""
        return self.labels[article_id]


NO_OUTLET = "Source"
"""How a citation names an article with no outlet."""


def source_labels(articles: Iterable[Article]) -> dict[str, str]:
    """Each article's citation label: its outlet ("AFP"); with the day when the outlet
    has several articles ("AFP 29 Nov"), and a letter when those share a day too ("AFP
    29 Nov b"). An article with no outlet is a "Source"."""
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: a.id):
        by_outlet[article.outlet or NO_OUTLET].append(article)
    labels: dict[str, str] = {}
    for outlet, members in by_outlet.items():
        by_day: dict[str, list[Article]] = defaultdict(list)
        for article in members:
            day = short_date(article.published) if article.published else "undated"
            by_day[f"{outlet} {day}" if len(members) > 1 else outlet].append(article)
        for label, same in by_day.items():
            for n, article in enumerate(same):
                labels[article.id] = f"{label} {_letter(n)}" if len(same) > 1 else label
    return labels


def _letter(n: int) -> str:
    """a, b, … z, then aa, ab …: the n-th of several articles of one outlet and day."""
    return _letter(n // 26 - 1) + chr(97 + n % 26) if n >= 26 else chr(97 + n)


@dataclass(frozen=True)
class Links:
    """Links as written on one page."""

    site: Site
    """The briefing's look-ups."""
    rel: str
    """The way up from the page to the site root: :data:`TOP`, :data:`SECTION` or
    :data:`SUBSECTION`."""

    def entity_href(self, entity_id: str) -> str:
        entity = self.site.entities[entity_id]
        return f"{self.rel}{entity.group}s/{entity.id}.md"

    def entity_month_href(self, entity_id: str, month: str) -> str:
        """The page of one month of an entity's days (``month`` a safe file name)."""
        entity = self.site.entities[entity_id]
        return f"{self.rel}{entity.group}s/{entity.id}/{month}.md"

    def entity_link(self, entity_id: str) -> Markup:
        name = escape_markdown(self.site.entities[entity_id].name)
        return Markup(f"[{name}]({self.entity_href(entity_id)})")

    def day_href(self, iso: str) -> str:
        return f"{self.rel}days/{iso}.md"

    def day_link(self, iso: str) -> Markup:
        """A link to the day's page; the day written out when it has none (a figure
        dated to a day no sentence naming an entity is about)."""
        if iso not in self.site.days:
            return Markup(long_date(iso))
        return Markup(f"[{long_date(iso)}]({self.day_href(iso)})")

    def article_link(self, article_id: str) -> Markup:
        article = self.site.articles[article_id]
        return Markup(f"[{escape_markdown(article.title)}]({self.rel}articles/{article.id}.md)")

    def cite(self, citation: Citation, label: str | None = None) -> Markup:
        """``[Outlet ¶n]`` linking the paragraph's anchor on the article page; ``label``
        in place of the outlet's label ("" for none: ``[¶n]``)."""
        written = self.site.source_label(citation.article_id) if label is None else label
        shown = f"{escape_inline(written)} " if written else ""
        href = f"{self.rel}articles/{citation.article_id}.md#p{citation.paragraph}"
        return Markup(f"[\\[{shown}¶{citation.paragraph}\\]]({href})")

    def source_line(self, article_id: str) -> Markup:
        """The outlet and the day a citation's preview names after the paragraph ("AFP,
        Friday 29 November 2024"), as the article page's line for it: hidden, kept out
        of search, and escaped as HTML, since Markdown leaves an HTML block as written."""
        article = self.site.articles[article_id]
        day = long_date(article.published) if article.published else "date unknown"
        line = escape_html(f"{article.outlet or 'outlet unknown'}, {day}")
        return Markup(f'<div class="briefing-source" hidden data-search-exclude>{line}</div>')

    def cites(self, citations: tuple[Citation, ...]) -> Markup:
        return Markup(" ".join(self.cite(c) for c in citations))

    def cites_by_outlet(self, citations: tuple[Citation, ...]) -> Markup:
        """Citations grouped by outlet, in order of first citation: "**AFP** [29 Nov
        ¶7] [30 Nov ¶2]; **AP** [¶4]", each label without the outlet it is under."""
        groups: dict[str, list[Citation]] = defaultdict(list)
        for c in citations:
            groups[self.site.articles[c.article_id].outlet or NO_OUTLET].append(c)
        parts = []
        for outlet, members in groups.items():
            cited = []
            for c in members:
                rest = self.site.source_label(c.article_id).removeprefix(outlet).strip()
                cited.append(self.cite(c, rest))
            parts.append(f"**{escape_inline(outlet)}** {' '.join(cited)}")
        return Markup("; ".join(parts))

    def linked(
        self, text: str, spans: tuple[tuple[int, int, str], ...], current: str | None = None
    ) -> Markup:
        """Escape ``text`` and link each span to its entity page (bold for ``current``)."""
        out: list[str] = []
        cursor = 0
        for start, end, entity_id in sorted(spans):
            if start < cursor or entity_id not in self.site.entities:
                continue
            out.append(escape_inline(text[cursor:start]))
            name = escape_inline(text[start:end])
            if entity_id == current:
                out.append(f"**{name}**")
            else:
                out.append(f"[{name}]({self.entity_href(entity_id)})")
            cursor = end
        out.append(escape_inline(text[cursor:]))
        return Markup(guard_line_start("".join(out).strip()))

    def safe_url(self, url: str | None) -> Markup | None:
        """A link to an http(s) address, its target percent-encoded, or None."""
        if url and _SAFE_URL.match(url):
            target = quote(url, safe=":/?#@!$&'+,;=%~-._")
            return Markup(f"[{escape_markdown(url)}]({target})")
        return None

    def functions(self) -> dict[str, Callable[..., Any]]:
        """What templates call to link, by name."""
        return {
            "entity_link": self.entity_link,
            "entity_href": self.entity_href,
            "entity_month_href": self.entity_month_href,
            "day_link": self.day_link,
            "day_href": self.day_href,
            "article_link": self.article_link,
            "cite": self.cite,
            "source_line": self.source_line,
            "cites": self.cites,
            "cites_by_outlet": self.cites_by_outlet,
            "linked": self.linked,
            "safe_url": self.safe_url,
        }
