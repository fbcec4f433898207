"""The quotes pages: the speakers the sources name, then, a page for each month, the
quotes no entity is the speaker of (a page holding every article's would grow with the
story past what a browser shows)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..records import Article, Briefing, ResolvedQuote
from . import pagedata
from .links import SECTION, TOP
from .templating import Pages, Renderer

QUOTES_PER_SPEAKER = 2
"""Quotes of each speaker the quotes page shows; all of them are on the speaker's page."""
SPEAKERS_SHOWN = 5
"""Speakers the quotes page shows with their first quotes (the most quoted first); the
others it names, each linking their page."""
UNDATED_MONTH = "undated"
"""The month, and quotes page, of the articles of no known date."""


@dataclass(frozen=True)
class QuoteMonth:
    """The unattributed quotes of the articles of one month, for its page."""

    month: str
    """``YYYY-MM``, or :data:`UNDATED_MONTH`."""
    articles: list[tuple[Article, list[ResolvedQuote]]]
    """Each article's unattributed quotes, in paragraph order."""

    @property
    def quote_count(self) -> int:
        return sum(len(found) for _, found in self.articles)


def unattributed_by_month(
    quotes: Sequence[ResolvedQuote], articles: Mapping[str, Article]
) -> list[QuoteMonth]:
    """:func:`.pagedata.unattributed`, by the month its articles were published (the
    months in order, then the undated), each month's articles in the order they were
    published."""
    months: dict[str, list[tuple[Article, list[ResolvedQuote]]]] = defaultdict(list)
    for article_id, found in pagedata.unattributed(quotes):
        article = articles[article_id]
        months[pagedata.iso_month(article.published) or UNDATED_MONTH].append((article, found))
    return [
        QuoteMonth(month, sorted(items, key=lambda item: (item[0].published or "", item[0].id)))
        for month, items in sorted(months.items(), key=lambda kv: (kv[0] == UNDATED_MONTH, kv[0]))
    ]


def quotes_page(briefing: Briefing, r: Renderer) -> Pages:
    """Quotes by speaker (entities), then the others by month, a page each."""
    months = unattributed_by_month(briefing.quotes, r.site.articles)
    copies = pagedata.copies(briefing.quotes)
    context = {
        "speakers": pagedata.speakers(briefing.quotes),
        "months": months,
        "copies": copies,
        "lead": QUOTES_PER_SPEAKER,
        "lead_speakers": SPEAKERS_SHOWN,
        "undated": UNDATED_MONTH,
    }
    yield "quotes.md", r.page("quotes.md.j2", TOP, context, page="quotes")
    for month in months:
        yield (
            f"quotes/{month.month}.md",
            r.page("quotes_month.md.j2", SECTION, {**context, "month": month}, page="quotes"),
        )
