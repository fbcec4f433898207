"""The pages, one generator per page family, each yielding (path, page).

:func:`render` runs them in the order the site lists them: 1. home, 2. actors and
places (an index each, one page per entity and, for one named on too many days, one
per month of its days), 3. days (their index, the timeline and one page per day),
4. events (a table), 5. articles (their index and one page each), 6. quotes (and a
page per month of the unattributed ones), 7. figures (one page per topic and their
index), 8. sources, 9. downloads, 10. review, 11. about, 12. the site's stylesheet and
script; then the exports (``briefing.json`` and its schema, the CSV tables and the
GeoJSON places).
The wording is in the templates; these functions choose what each page lists.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

from markupsafe import Markup

from ..records import Article, Briefing, Entity, Event, FigureClaim, ResolvedQuote
from . import pagedata
from .charts import Point, bar_chart, series_chart
from .export import export_json, json_text
from .links import SECTION, SUBSECTION, TOP
from .maps import Marker, Tiles, place_map, tile_map
from .pagedata import Topic, by_weight
from .quotepages import quotes_page
from .schema import EXPORT_SCHEMA
from .tables import tables
from .templating import Pages, Renderer

EXPORT_PATH = "data/briefing.json"
SCHEMA_PATH = "data/briefing.schema.json"
"""The export's JSON Schema (draft 2020-12), beside it."""
STYLESHEET_PATH = "assets/briefing.css"
"""The site's own styles, as mkdocs.yml's ``extra_css`` names them."""
SCRIPT_PATH = "assets/briefing.js"
"""The site's own script (the events table's filters), as mkdocs.yml's
``extra_javascript`` names it."""
TOP_ENTITIES_ON_INDEX = 12
LOCATOR_DEGREES = 2.5
"""A place page's map shows the located places this close to it (degrees)."""
PAGE_TO_PLACES = "../../places/"
"""From a built day or entity page (days/x/) to the place pages' folder."""
HOME_LATEST_EVENTS = 5
"""The last day's lead events the front page shows."""
HOME_EVENTS_PER_KEY_DAY = 2
"""Lead events of each key day on the front page."""
HOME_FIGURE_TOPICS = 3
"""Figure topics with running totals on the front page (the most reported first)."""
HOME_SOURCES_PER_FIGURE = 4
"""Sources of a figure topic on the front page, the one giving most figures first."""
HOME_ACTOR_SECTIONS = 6
HOME_ACTORS_PER_SECTION = 5
"""Sections of the actors index, and actors of each, on the front page."""
CO_OCCURRING_SHOWN = 15
MIN_CHART_DAYS = 3
"""Days an entity must be named on for its page to chart them: one or two bars show
no change over time that the page's "Mentioned" line (how often, first and last day)
does not already say, and most of a large story's entities are named on one day."""
ENTITY_NAMES_SHOWN = 5
"""Names and roles an entity page's summary lists (the rest under "Names")."""
ENTITY_KEY_EVENTS = 3
"""Events an entity page leads with: those told by the most independent sources."""
ENTITY_LINES_ON_PAGE = 250
"""Events and sentences an entity page lists by day; past this, its days go on a page
for each month: a page of thousands, as a story's main actors and places gather,
is megabytes that a browser, a phone's above all, is slow to open."""
TIMELINE_EVENTS_PER_DAY = 3
"""Events shown for each day on the timeline page (the day page shows them all)."""
ARTICLE_OPEN_WORDS = 1000
"""Words of an article page's text shown before the rest is folded (a citation of a
folded paragraph opens it: see ``briefing.js``)."""
DAY_LEAD_EVENTS = 5
"""Events a day page shows before folding the rest into a collapsible section."""
QUOTES_OF_THE_DAY = 8
"""Quotes in the speakers' own words (direct quotes and fragments) shown on a day
page, by the most mentioned speakers."""


def render(
    briefing: Briefing, templates: Path, tiles: Tiles | None = None, site_url: str = ""
) -> Pages:
    """Render every page and the exports: (relative path, content), one at a time."""
    renderer = Renderer.of(briefing, templates, tiles)
    for family in PAGE_FAMILIES:
        yield from family(briefing, renderer)
    yield EXPORT_PATH, export_json(briefing)
    yield SCHEMA_PATH, json_text(EXPORT_SCHEMA)
    counts = {i: n for i, (n, _) in pagedata.place_events(briefing.events).items()}
    yield from tables(briefing, counts, site_url).items()


def _entities(briefing: Briefing, group: str) -> list[Entity]:
    return sorted((e for e in briefing.entities if e.group == group), key=by_weight)


def _event_kinds(events: Sequence[Event]) -> list[str]:
    """Event types by how many events are of each, for map colours (stable order)."""
    counts = Counter(e.label for e in events)
    return sorted(counts, key=lambda k: (-counts[k], k))


def _figure(drawn: str, caption: str = "") -> Markup | str:
    """A drawing (map or chart) in a figure, captioned when given a caption (escaped);
    "" when there is nothing drawn. Search leaves it out: its labels are the names
    and counts the page already says in words."""
    if not drawn:
        return ""
    below = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return Markup(f"<figure data-search-exclude>{drawn}{below}</figure>")


def _map(title: str, markers: Sequence[Marker], kinds: Sequence[str]) -> Markup | str:
    return _figure(place_map(title, markers, kinds))


def _per_day_chart(title: str, days: Sequence[str], counts: dict[str, int]) -> Markup | str:
    """The sentences per day, or "" for an entity named on fewer than
    :data:`MIN_CHART_DAYS` days."""
    if sum(1 for n in counts.values() if n) < MIN_CHART_DAYS:
        return ""
    return _figure(bar_chart(title, days, [("Sentences", counts)]), title)


def _days_until_last(days: Sequence[str], counts: dict[str, int]) -> list[str]:
    """The story's days up to the last with a count: a day added after an entity's
    last mention leaves its page as it was (a growing story's rebuild rewrites only
    the pages of what the new reports name)."""
    last = max(counts, default="")
    return [day for day in days if day <= last]


def _events_chart(briefing: Briefing, kinds: Sequence[str]) -> Markup | str:
    """Events per day, by type, in the maps' colours."""
    per_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for event in briefing.events:
        per_kind[event.label][event.date] += 1
    days = [d.date for d in briefing.days]
    title = "Events per day, by type"
    return _figure(bar_chart(title, days, [(k, per_kind[k]) for k in kinds]), title)


def home_page(briefing: Briefing, r: Renderer) -> Pages:
    """The front page: the story in one screen, every line cited (see index.md.j2)."""
    articles = briefing.corpus.articles
    dated = [a.published for a in articles if a.published]
    with_events = [d for d in briefing.days if d.events]
    latest = with_events[-1] if with_events else None
    topics = [t for t in pagedata.topics(briefing) if t.series]
    places, kinds = _entities(briefing, "place"), _event_kinds(briefing.events)
    located = pagedata.markers(places, pagedata.place_events(briefing.events), "places/")
    context = {
        "articles": articles,
        "skipped": briefing.corpus.skipped,
        "outlets": sorted({a.outlet for a in articles if a.outlet}),
        "first_day": min(dated) if dated else None,
        "last_day": max(dated) if dated else None,
        "undated": [a for a in articles if not a.published],
        "latest": latest,
        "latest_events": latest.events[:HOME_LATEST_EVENTS] if latest else (),
        "previous": with_events[-2].date if len(with_events) > 1 else None,
        "key_days": [d for d in with_events if d.key and d is not latest],
        "events_per_key_day": HOME_EVENTS_PER_KEY_DAY,
        "figures": [
            (t, [pagedata.series_summary(cs) for cs in t.series[:HOME_SOURCES_PER_FIGURE]])
            for t in topics[:HOME_FIGURE_TOPICS]
        ],
        "sections": [
            (section, section.actors[:HOME_ACTORS_PER_SECTION])
            for section in pagedata.actor_sections(briefing)[:HOME_ACTOR_SECTIONS]
        ],
        "places": places[:TOP_ENTITIES_ON_INDEX],
        "days": briefing.days,
        "map": _map("Where the events happened", [m for m in located if m.events], kinds),
        "world": _map("Every place located", located, kinds),
        "interactive": Markup(tile_map("Map of every place located", located, r.tiles))
        if r.tiles
        else "",
    }
    yield "index.md", r.page("index.md.j2", TOP, context, page="home")


def entity_pages(briefing: Briefing, r: Renderer) -> Pages:
    """The actors and places indexes, and a page per actor and per place."""
    places = _entities(briefing, "place")
    by_day = pagedata.entity_days(briefing)
    co = pagedata.co_occurrence(briefing)
    quotes, copies = pagedata.quotes_by_entity(briefing), pagedata.copies(briefing.quotes)
    kinds, counts = _event_kinds(briefing.events), pagedata.place_events(briefing.events)
    story_days = [d.date for d in briefing.days]
    near = pagedata.nearby_places(places, LOCATOR_DEGREES)
    for group, members in (("actor", _entities(briefing, "actor")), ("place", places)):
        states = [e for e in places if e.acting] if group == "actor" else []
        index = {
            "group": group,
            "entities": members,
            "states": states,
            "sections": pagedata.actor_sections(briefing) if group == "actor" else [],
        }
        yield f"{group}s/index.md", r.page("entity_index.md.j2", SECTION, index, page=f"{group}s")
        for entity in members:
            neighbours = [r.site.entities[i] for i, _ in co[entity.id].most_common()]
            summary = pagedata.entity_summary(entity.id, by_day[entity.id], ENTITY_KEY_EVENTS)
            months = pagedata.entity_months(by_day[entity.id], ENTITY_LINES_ON_PAGE)
            context = {
                "entity": entity,
                "summary": summary,
                "chart": _per_day_chart(
                    f"Sentences naming {entity.name}, per day, until the last day naming it",
                    _days_until_last(story_days, summary.per_day),
                    summary.per_day,
                ),
                "by_day": [] if months else by_day[entity.id],
                "months": months,
                "other_days": pagedata.OTHER_DAYS,
                "with_actors": [e for e in neighbours if e.group == "actor"][:CO_OCCURRING_SHOWN],
                "with_places": [e for e in neighbours if e.group == "place"][:CO_OCCURRING_SHOWN],
                "quotes": quotes.get(entity.id, []),
                "copies": copies,
                "names_shown": ENTITY_NAMES_SHOWN,
                "sources": [r.site.articles[i] for i in entity.articles],
                "map": _map(
                    f"{entity.name} and places near it",
                    pagedata.markers(near.get(entity.id, []), counts, PAGE_TO_PLACES, entity.id),
                    kinds,
                )
                if group == "place" and entity.lat is not None
                else "",
            }
            meta = {"entity": entity.id, "kind": entity.kind, "page": group}
            yield f"{group}s/{entity.id}.md", r.page("entity.md.j2", SECTION, context, **meta)
            yield from _month_pages(r, context, meta, months)


def _month_pages(
    r: Renderer, context: dict, meta: dict, months: list[pagedata.EntityMonth]
) -> Pages:
    """An entity's page for each month of its days, when its own page cannot hold them
    (``context`` and ``meta``: its own page's)."""
    entity = context["entity"]
    for n, month in enumerate(months):
        around = {
            "previous": months[n - 1] if n else None,
            "next": months[n + 1] if n + 1 < len(months) else None,
        }
        yield (
            f"{entity.group}s/{entity.id}/{month.month}.md",
            r.page(
                "entity_month.md.j2",
                SUBSECTION,
                {**context, **around, "month": month, "by_day": month.days},
                **meta,
            ),
        )


def day_pages(briefing: Briefing, r: Renderer) -> Pages:
    """The days index, the timeline and a page per day."""
    with_events = [d for d in briefing.days if d.events]
    undated = [s for s in briefing.statements if not s.date]
    places, kinds = _entities(briefing, "place"), _event_kinds(briefing.events)
    yield (
        "days/index.md",
        r.page(
            "days_index.md.j2", SECTION, {"days": briefing.days, "undated": undated}, page="days"
        ),
    )
    yield (
        "timeline.md",
        r.page(
            "timeline.md.j2",
            TOP,
            {
                "days": [d for d in with_events if d.key],
                "others": sum(1 for d in with_events if not d.key),
                "per_day": TIMELINE_EVENTS_PER_DAY,
                "chart": _events_chart(briefing, kinds),
            },
            page="timeline",
        ),
    )
    previous_day = {d.date: p.date for p, d in pairwise(with_events)}
    claims = pagedata.claims_by_day(briefing)
    quotes, copies = pagedata.quotes_by_day(briefing), pagedata.copies(briefing.quotes)

    def weight(quote: ResolvedQuote) -> tuple[int, str]:
        """The quotes of the most mentioned speakers first."""
        mentions = r.site.entities[quote.speaker].mention_count if quote.speaker else 0
        return (-mentions, quote.id)

    for day in briefing.days:
        context = {
            "day": day,
            "others": day.untold,
            "figures": claims.get(day.date, []),
            "quotes": sorted(quotes.get(day.date, []), key=weight)[:QUOTES_OF_THE_DAY],
            "previous": previous_day.get(day.date),
            "lead": DAY_LEAD_EVENTS,
            "copies": copies,
            "articles": [r.site.articles[i] for i in day.articles],
            "map": _map(
                f"Where the events of {day.date} happened",
                [
                    m
                    for m in pagedata.markers(
                        places, pagedata.place_events(day.events), PAGE_TO_PLACES
                    )
                    if m.events
                ],
                kinds,
            ),
        }
        yield (
            f"days/{day.date}.md",
            r.page("day.md.j2", SECTION, context, date=day.date, page="day"),
        )


def _fold_at(article: Article) -> int | None:
    """Where an article page folds the rest of a long text: the first paragraph past
    :data:`ARTICLE_OPEN_WORDS` words, unless only a short tail is left; None for none."""
    words = 0
    total = sum(len(p.text.split()) for p in article.paragraphs)
    for n, paragraph in enumerate(article.paragraphs):
        if words > ARTICLE_OPEN_WORDS and total - words > ARTICLE_OPEN_WORDS / 4:
            return n
        words += len(paragraph.text.split())
    return None


def article_pages(briefing: Briefing, r: Renderer) -> Pages:
    """The articles index and a page per article, its paragraphs anchored."""
    articles = briefing.corpus.articles
    in_order = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    yield (
        "articles/index.md",
        r.page("articles_index.md.j2", SECTION, {"articles": in_order}, page="articles"),
    )
    rewrites = pagedata.rewrites(articles)
    spans = pagedata.paragraph_spans(briefing)
    for article in articles:
        context = {
            "article": article,
            "paragraphs": [(p, spans.get((article.id, p.index), ())) for p in article.paragraphs],
            "original": r.site.articles.get(article.near_duplicate_of or ""),
            "rewrites": [r.site.articles[i] for i in rewrites.get(article.id, [])],
            "shared": [r.site.articles[i] for i in article.shares_copy_with],
            "fold_at": _fold_at(article),
        }
        yield (
            f"articles/{article.id}.md",
            r.page(
                "article.md.j2",
                SECTION,
                context,
                article=article.id,
                published=article.published,
                page="article",
            ),
        )


def _series_name(r: Renderer, claims: list[FigureClaim]) -> str:
    """A chart legend's name of a source."""
    first = claims[0]
    if first.source and first.source in r.site.entities:
        name = r.site.entities[first.source].name
    else:
        name = first.source_text or f"reported by {first.reported_by or 'the article'}"
    return f"{name} (a party)" if first.party else name


def _chart(r: Renderer, topic: Topic) -> Markup | str:
    chart = series_chart(
        f"{topic.label} over time, by source",
        [
            (_series_name(r, cs), [Point(c.date, c.low, c.high) for c in cs if c.date])
            for cs in topic.series
            if any(c.date for c in cs)
        ],
    )
    return _figure(chart)


def figure_pages(briefing: Briefing, r: Renderer) -> Pages:
    """One page per figure topic (sources' summaries, chart, tables) and their index."""
    topics = pagedata.topics(briefing)
    for topic in topics:
        running = [c for cs in topic.series for c in cs]
        in_series = {c.id for c in running}
        context = {
            "label": topic.label,
            "summary": [pagedata.series_summary(cs) for cs in topic.series],
            "chart": _chart(r, topic),
            "running": sorted(running, key=lambda c: (c.date or "9999", c.id)),
            "others": [c for c in topic.claims if c.id not in in_series],
        }
        yield (
            f"figures/{topic.key}.md",
            r.page("figures_topic.md.j2", SECTION, context, page="figures"),
        )
    summaries = {t.key: [pagedata.series_summary(cs) for cs in t.series] for t in topics}
    yield (
        "figures/index.md",
        r.page(
            "figures_index.md.j2",
            SECTION,
            {"topics": topics, "summaries": summaries},
            page="figures",
        ),
    )


def sources_page(briefing: Briefing, r: Renderer) -> Pages:
    """Every input file, with the articles it produced or why it was skipped."""
    produced: dict[str, list[Article]] = defaultdict(list)
    for article in briefing.corpus.articles:
        produced[article.file].append(article)
    skipped = {s.file: s.reason for s in briefing.corpus.skipped}
    files = sorted(set(produced) | set(skipped))
    context = {"files": files, "produced": produced, "skipped": skipped}
    yield "sources.md", r.page("sources.md.j2", TOP, context, page="sources")


def review_page(briefing: Briefing, r: Renderer) -> Pages:
    """Pairs of entities with alike names, for the user to merge or not."""
    by_id = r.site.entities
    proposals = [(by_id[p.first], by_id[p.second], p.score) for p in briefing.proposals]
    yield "review.md", r.page("review.md.j2", TOP, {"proposals": proposals}, page="review")


def about_page(briefing: Briefing, r: Renderer) -> Pages:
    yield "about.md", r.page("about.md.j2", TOP, {}, page="about")


def static_files(briefing: Briefing, r: Renderer) -> Pages:
    """The site's own styles and script (mkdocs.yml's ``extra_css`` and
    ``extra_javascript``), copied from the templates."""
    yield STYLESHEET_PATH, r.static("briefing.css")
    yield SCRIPT_PATH, r.static("briefing.js")


def downloads_page(briefing: Briefing, r: Renderer) -> Pages:
    """The exports, each with what it holds."""
    counts = {"events": len(briefing.events), "quotes": len(briefing.quotes),
              "claims": len(briefing.claims),
              "actors": sum(e.group == "actor" for e in briefing.entities),
              "located": sum(e.lat is not None for e in briefing.entities)}  # fmt: skip
    yield "downloads.md", r.page("downloads.md.j2", TOP, counts, page="downloads")


def events_page(briefing: Briefing, r: Renderer) -> Pages:
    """Every event as a row of a table the reader can filter."""
    context = {"events": briefing.events, "entity_ids": r.site.entities}
    # The table needs the page's width: Material hides the side bars on request.
    page = r.page("events.md.j2", TOP, context, page="events", hide=["navigation", "toc"])
    yield "events.md", page


PAGE_FAMILIES: tuple[Callable[[Briefing, Renderer], Pages], ...] = (
    home_page,
    entity_pages,
    day_pages,
    events_page,
    article_pages,
    quotes_page,
    figure_pages,
    sources_page,
    downloads_page,
    review_page,
    about_page,
    static_files,
)
"""Every page family, in the order :func:`render` runs them."""
