"""What pages list, gathered from the briefing (no wording here).

1. **entity pages**: who appears with whom, and each entity's days (its events with
   its part in them, its other sentences, background years and the undated last), by
   month when they are too many for one page.
2. **article pages**: the entity spans to link in each paragraph, and the rewrites of
   each article.
3. **quotes**: the quotes worth a line, by speaker and by day.
4. **figures**: figure claims by topic, running totals by source.
5. **nearby places**: the located places around each place, for its page's map.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..records import (
    Article,
    Briefing,
    Citation,
    Entity,
    Event,
    FigureClaim,
    ResolvedQuote,
    Statement,
)
from ..textutil import fold
from .maps import Marker

Span = tuple[int, int, str]
"""(start, end, entity id) of a name to link."""


@dataclass(frozen=True)
class EntityDay:
    """What an entity page shows under one day heading."""

    day: str
    """ISO day; ``~`` and a year for background (``~`` alone for background of no
    year), ``~~`` for undated sentences."""
    events: list[tuple[Event, str]]
    """Events the entity takes part in that day, with its role."""
    statements: list[Statement]
    """Its other sentences of that day."""


@dataclass(frozen=True)
class Speaker:
    """A speaker that is an entity, on the quotes page, and what they are reported to
    have said."""

    entity: str
    """Entity id of the speaker."""
    quotes: list[ResolvedQuote]
    """Their quotes, in day order."""


@dataclass(frozen=True)
class ActorSection:
    """A part of the actors index: one kind of actor, or one country's state actors."""

    title: str
    """Its heading ("Syria", "Armed groups and militias")."""
    country: str | None
    """For a country's state actors, the id of its place page; else None."""
    actors: list[Entity]
    """Its actors, most mentioned first."""


SECTION_OF_KIND = {
    "armed group": "Armed groups and militias",
    "military": "Military and security bodies",
    "police": "Military and security bodies",
    "government": "Governments and ministries",
    "legislature": "Governments and ministries",
    "justice": "Governments and ministries",
    "media": "Media",
    "person": "People",
    "protesters": "Protesters and civilians",
    "civilians": "Protesters and civilians",
}
"""The section of the actors index each kind of actor is listed in; other kinds go
under :data:`OTHER_ACTORS`."""
OTHER_ACTORS = "Organisations"
SECTION_ORDER = (
    "Armed groups and militias",
    "Military and security bodies",
    "Governments and ministries",
    OTHER_ACTORS,
    "Media",
    "People",
    "Protesters and civilians",
)
"""After the countries' state actors, as in ACLED: state forces, rebels and militias,
then the others."""
STATE_KINDS = frozenset({"military", "police", "government", "legislature", "justice", "media"})
"""Kinds of actor listed under their country when the text says whose they are."""


def actor_sections(briefing: Briefing) -> list[ActorSection]:
    """The actors index: first each country's state actors (its army, government and
    state media, the country with most mentions first), then the other actors by kind."""
    by_id = {e.id: e for e in briefing.entities}
    actors = sorted((e for e in briefing.entities if e.group == "actor"), key=by_weight)
    states: dict[str, list[Entity]] = defaultdict(list)
    kinds: dict[str, list[Entity]] = defaultdict(list)
    for e in actors:
        if e.country in by_id and e.kind in STATE_KINDS:
            states[e.country].append(e)
        else:
            kinds[SECTION_OF_KIND.get(e.kind, OTHER_ACTORS)].append(e)
    weight = {c: sum(e.mention_count for e in members) for c, members in states.items()}
    sections = [
        ActorSection(by_id[c].name, c, states[c])
        for c in sorted(states, key=lambda c: (-weight[c], by_id[c].name))
    ]
    return sections + [ActorSection(t, None, kinds[t]) for t in SECTION_ORDER if kinds[t]]


@dataclass(frozen=True)
class Topic:
    """The figures of one topic."""

    key: str
    """Topic key, the page name."""
    label: str
    """Readable topic."""
    claims: list[FigureClaim]
    """Its claims in day order, undated last."""
    series: list[list[FigureClaim]]
    """Running totals grouped by source, the source that gives the most first."""


@dataclass(frozen=True)
class SeriesSummary:
    """One source's running totals of a topic, as the figures page sums them up."""

    low: FigureClaim
    """Its lowest figure (the earliest of equal ones)."""
    high: FigureClaim | None
    """Its highest figure (the latest of equal ones), None when it equals ``low``."""
    first: FigureClaim
    """Its first figure in day order, which names the source."""
    days: list[str]
    """The ISO days its figures are as of, in order."""


def by_weight(entity: Entity) -> tuple[int, str]:
    """Sort key: the most mentioned first."""
    return (-entity.mention_count, entity.id)


def co_occurrence(briefing: Briefing) -> dict[str, Counter[str]]:
    """Stage 1: entity id → the entities named in its sentences, by citations."""
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for statement in briefing.statements:
        weight = len(statement.citations)
        for a in statement.entities:
            for b in statement.entities:
                if a != b:
                    pairs[a][b] += weight
    return pairs


def entity_days(briefing: Briefing) -> dict[str, list[EntityDay]]:
    """Stage 1: per entity, its days in order (background years after the story's
    days, the undated last)."""
    events_of: dict[str, dict[str, list[tuple[Event, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for event in briefing.events:
        for entity_id, role in event.roles:
            events_of[entity_id][event.date].append((event, role))
    by_entity: dict[str, list[Statement]] = defaultdict(list)
    for statement in briefing.statements:
        for entity_id in statement.entities:
            by_entity[entity_id].append(statement)
    result = {}
    for entity in briefing.entities:
        days = {day: EntityDay(day, found, []) for day, found in events_of[entity.id].items()}
        told = {
            s for found in events_of[entity.id].values() for e, _ in found for s in e.statements
        }
        for statement in by_entity.get(entity.id, []):
            if statement in told:
                continue
            key = statement.date or (
                f"~{statement.background}" if statement.background is not None else "~~"
            )
            days.setdefault(key, EntityDay(key, [], [])).statements.append(statement)
        result[entity.id] = [days[day] for day in sorted(days)]
    return result


_ISO_MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")


def iso_month(iso: str | None) -> str | None:
    """``2024-12`` of an ISO date (a safe file name), or None for no date."""
    month = (iso or "")[:7]
    return month if _ISO_MONTH.fullmatch(month) else None


OTHER_DAYS = "other"
"""The name of the page of an entity's background years and undated sentences, after
its months."""


@dataclass(frozen=True)
class EntityMonth:
    """One month of an entity's days, on a page of its own (:func:`entity_months`)."""

    month: str
    """``YYYY-MM``, or :data:`OTHER_DAYS` for the background years and the undated."""
    days: list[EntityDay]
    """Its days, in order."""

    @property
    def events(self) -> int:
        return sum(len(d.events) for d in self.days)

    @property
    def sentences(self) -> int:
        """Its sentences besides its events'."""
        return sum(len(d.statements) for d in self.days)


def _lines(days: Sequence[EntityDay]) -> int:
    return sum(len(d.events) + len(d.statements) for d in days)


def entity_months(days: Sequence[EntityDay], most_lines: int) -> list[EntityMonth]:
    """Stage 1: an entity's days (:func:`entity_days`, in order) by month when they
    hold more than ``most_lines`` events and sentences; none when they fit on its page."""
    if _lines(days) <= most_lines:
        return []
    months: dict[str, list[EntityDay]] = defaultdict(list)
    for day in days:
        months[iso_month(day.day) or OTHER_DAYS].append(day)
    return [EntityMonth(month, found) for month, found in months.items()]


@dataclass(frozen=True)
class EntitySummary:
    """What the top of an entity page says of it before the details."""

    first_day: str | None
    """The first day of the story it is named on, or None."""
    last_day: str | None
    """The last day of the story it is named on, or None."""
    key_events: list[tuple[Event, str]]
    """Its most corroborated events, with its part in each, in day order."""
    per_day: dict[str, int]
    """Day → sentences naming it that are dated to that day."""


def entity_summary(entity_id: str, days: Sequence[EntityDay], shown: int) -> EntitySummary:
    """Stage 1: the summary of an entity page from its days (:func:`entity_days`),
    with its ``shown`` most corroborated events."""
    dated = [d for d in days if not d.day.startswith("~")]
    per_day = {
        d.day: len(d.statements)
        + sum(entity_id in s.entities for e, _ in d.events for s in e.statements)
        for d in dated
    }
    events = [found for d in dated for found in d.events]
    events.sort(key=lambda found: (-found[0].sources, -len(found[0].statements), found[0].id))
    return EntitySummary(
        first_day=dated[0].day if dated else None,
        last_day=dated[-1].day if dated else None,
        key_events=sorted(events[:shown], key=lambda found: (found[0].date, found[0].id)),
        per_day=per_day,
    )


def paragraph_spans(briefing: Briefing) -> dict[tuple[str, int], tuple[Span, ...]]:
    """Stage 2: (article id, paragraph) → the entity spans to link in that paragraph."""
    spans: dict[tuple[str, int], list[Span]] = defaultdict(list)
    for extraction in briefing.extractions:
        for m in extraction.mentions:
            entity_id = briefing.mention_entity.get((m.article_id, m.paragraph, m.start))
            if entity_id:
                spans[(m.article_id, m.paragraph)].append((m.start, m.end, entity_id))
    return {where: tuple(found) for where, found in spans.items()}


def rewrites(articles: Sequence[Article]) -> dict[str, list[str]]:
    """Stage 2: article id → ids of the articles that rewrite it."""
    by_original: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.near_duplicate_of:
            by_original[article.near_duplicate_of].append(article.id)
    return by_original


def _copy_key(quote: ResolvedQuote) -> tuple[str, str, str]:
    speaker = quote.speaker or f"~{fold(quote.speaker_text or '')}"
    return (speaker, quote.kind, fold(" ".join(quote.text.split())))


def _first_tellings(
    quotes: Sequence[ResolvedQuote],
) -> tuple[list[ResolvedQuote], dict[str, tuple[Citation, ...]]]:
    """The quotes resolve gave a line, each once, and where each one's copies are."""
    kept: dict[tuple[str, str, str], ResolvedQuote] = {}
    found: dict[str, list[Citation]] = defaultdict(list)
    for q in quotes:
        if not q.shown:
            continue
        first = kept.setdefault(_copy_key(q), q)
        if first is not q and q.citation.article_id not in {c.article_id for c in found[first.id]}:
            found[first.id].append(q.citation)
    return list(kept.values()), {i: tuple(cs) for i, cs in found.items() if cs}


def shown_quotes(quotes: Sequence[ResolvedQuote]) -> list[ResolvedQuote]:
    """Stage 3: the quotes resolve gave a line (see :attr:`ResolvedQuote.shown`), each
    once: the same words of the same speaker in another article (shared wire copy, a
    rewrite) are a copy, cited with the first (see :func:`copies`)."""
    return _first_tellings(quotes)[0]


def copies(quotes: Sequence[ResolvedQuote]) -> dict[str, tuple[Citation, ...]]:
    """Stage 3: id of a quote :func:`shown_quotes` keeps → where its copies are."""
    return _first_tellings(quotes)[1]


def _in_day_order(quotes: Sequence[ResolvedQuote]) -> list[ResolvedQuote]:
    return sorted(quotes, key=lambda q: (q.date or "9999", q.id))


def quotes_by_entity(briefing: Briefing) -> dict[str, list[ResolvedQuote]]:
    """Stage 3: speaker entity id → its quotes in day order."""
    found: dict[str, list[ResolvedQuote]] = defaultdict(list)
    for q in _in_day_order(shown_quotes(briefing.quotes)):
        if q.speaker:
            found[q.speaker].append(q)
    return found


def quotes_by_day(briefing: Briefing) -> dict[str, list[ResolvedQuote]]:
    """Stage 3: ISO day → the quotes in the speakers' own words said that day, by a
    named speaker."""
    found: dict[str, list[ResolvedQuote]] = defaultdict(list)
    for q in _in_day_order(shown_quotes(briefing.quotes)):
        if q.date and q.kind != "indirect" and (q.speaker or q.speaker_text):
            found[q.date].append(q)
    return found


def speakers(quotes: Sequence[ResolvedQuote]) -> list[Speaker]:
    """Stage 3: the quotes of speakers that are entities, by speaker, the most quoted
    first."""
    groups: dict[str, list[ResolvedQuote]] = defaultdict(list)
    for q in shown_quotes(quotes):
        if q.speaker:
            groups[q.speaker].append(q)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [Speaker(entity=key, quotes=_in_day_order(members)) for key, members in ordered]


def unattributed(quotes: Sequence[ResolvedQuote]) -> list[tuple[str, list[ResolvedQuote]]]:
    """Stage 3: the quotes no entity is the speaker of, per article (in corpus order),
    each article's in paragraph order."""
    by_article: dict[str, list[ResolvedQuote]] = defaultdict(list)
    for q in shown_quotes(quotes):
        if not q.speaker:
            by_article[q.citation.article_id].append(q)
    return list(by_article.items())


def claims_by_day(briefing: Briefing) -> dict[str, list[FigureClaim]]:
    """Stage 4: ISO day → the figure claims dated to it."""
    found: dict[str, list[FigureClaim]] = defaultdict(list)
    for c in briefing.claims:
        if c.date:
            found[c.date].append(c)
    return found


def topics(briefing: Briefing) -> list[Topic]:
    """Stage 4: each topic that has claims, in the order of ``figures.yml``."""
    grouped: dict[str, list[FigureClaim]] = defaultdict(list)
    for claim in briefing.claims:
        grouped[claim.topic].append(claim)
    return [
        Topic(t.key, t.label, claims, _running_series(claims))
        for t in briefing.figure_topics
        if (claims := sorted(grouped[t.key], key=lambda c: (c.date or "9999", c.id)))
    ]


def _running_series(claims: list[FigureClaim]) -> list[list[FigureClaim]]:
    by_source: dict[str, list[FigureClaim]] = defaultdict(list)
    for claim in claims:
        if claim.series:
            by_source[claim.series].append(claim)
    return sorted(by_source.values(), key=lambda cs: (-len(cs), cs[0].date or "", cs[0].id))


def point(claim: FigureClaim) -> int:
    """The value a claim is drawn and compared at: its least, else its most."""
    return claim.low if claim.low is not None else claim.high or 0


def series_summary(series: list[FigureClaim]) -> SeriesSummary:
    """Stage 4: a source's running totals summed up."""
    low = min(series, key=lambda c: (point(c), c.date or ""))
    high = max(series, key=lambda c: (point(c), c.date or ""))
    return SeriesSummary(
        low=low,
        high=high if point(low) != point(high) else None,
        first=series[0],
        days=sorted({c.date for c in series if c.date}),
    )


def place_events(events: Sequence[Event]) -> dict[str, tuple[int, str]]:
    """Place id → (events that happened there, the event type most of them are)."""
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        for place in event.with_role("place"):
            kinds[place][event.label] += 1
    return {p: (sum(c.values()), c.most_common(1)[0][0]) for p, c in kinds.items()}


def markers(
    places: Sequence[Entity],
    counts: Mapping[str, tuple[int, str]],
    prefix: str,
    current: str | None = None,
) -> list[Marker]:
    """The located ``places`` as map markers, sized and coloured by their events
    (``counts``, from :func:`place_events`); each links its page at ``prefix`` + id +
    "/" (the built site's address of the page)."""
    return [
        Marker(
            e.name, e.lat, e.lon, f"{prefix}{e.id}/", *counts.get(e.id, (0, "")), e.id == current
        )
        for e in places
        if _located(e)
    ]


def _located(place: Entity) -> bool:
    """Whether ``place`` has coordinates to draw or measure by."""
    return place.lat is not None and place.lon is not None


def nearby_places(places: Sequence[Entity], degrees: float) -> dict[str, list[Entity]]:
    """Stage 5: per located place, the located places (itself among them) within
    ``degrees`` of latitude and of longitude, in the order of ``places``. Places are
    filed by grid cells of that size, so each looks only at its own cell and the eight
    around it instead of at every place."""
    located = [(n, p) for n, p in enumerate(places) if _located(p)]
    cells: dict[tuple[int, int], list[tuple[int, Entity]]] = defaultdict(list)
    for n, place in located:
        cells[_cell(place, degrees)].append((n, place))
    near: dict[str, list[Entity]] = {}
    for _, place in located:
        row, col = _cell(place, degrees)
        found = [
            (n, other)
            for dr in (-1, 0, 1)
            for dc in (-1, 0, 1)
            for n, other in cells.get((row + dr, col + dc), ())
            if abs(other.lat - place.lat) <= degrees and abs(other.lon - place.lon) <= degrees
        ]
        near[place.id] = [other for _, other in sorted(found, key=lambda f: f[0])]
    return near


def _cell(place: Entity, degrees: float) -> tuple[int, int]:
    return math.floor(place.lat / degrees), math.floor(place.lon / degrees)
