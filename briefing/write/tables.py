"""The exports an analyst loads into a spreadsheet or a GIS: one serialiser per record.

1. **events.csv**: one row per event in ACLED's column names (:data:`ACLED_COLUMNS`),
   filled where the briefing has the value, then our own (:data:`OWN_COLUMNS`);
2. **places.geojson**: the located places as GeoJSON points;
3. **quotes.csv**, **figures.csv**, **actors.csv**: one row per quote, figure claim and
   actor.

Every text cell is article text, and so untrusted: a cell a spreadsheet would read as
a formula (one that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
is written with a leading apostrophe (:func:`cell`). Rows and keys come in a fixed
order, so the same briefing gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..records import Article, Briefing, Citation, Entity, Event, FigureClaim, ResolvedQuote
from .export import json_text

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "tags", "timestamp",
)  # fmt: skip
"""ACLED's columns, in ACLED's order (its codebook names them so)."""
OWN_COLUMNS = ("corroboration", "claimed_by", "citations")
"""Ours, after ACLED's: independent sources, who claims it, where it is told."""
INTER_CODES = {
    "military": 1,
    "police": 1,
    "government": 1,
    "armed group": 2,
    "protesters": 6,
    "civilians": 7,
}
"""ACLED's actor type codes for the actor kinds that have one (1 state forces, 2 rebel
groups, 6 protesters, 7 civilians); other kinds are left blank."""
TIME_PRECISION = {"day": 1, "published": 2}
"""ACLED's time precision: 1 when a sentence dates the event to its day, 2 when only
the article's day of publication does."""
GEO_PRECISION = {"city": 1, "country": 3}
"""ACLED's geographic precision: 1 a town, 3 a country; a region in between is 2."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Openings that make a spreadsheet read a cell as a formula."""
SEPARATOR = "; "
"""Between several values in one cell."""


def cell(value: Any) -> Any:
    """A CSV cell: numbers as they are, None as empty, text guarded against formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = " ".join(str(value).split())
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """Rows as CSV text with a header, each cell through :func:`cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return out.getvalue()


def _cites(citations: Iterable[Citation]) -> str:
    return " ".join(f"{c.article_id}#p{c.paragraph}" for c in citations)


class _Look:
    """Look-ups the serialisers share: entities, articles, a place's country."""

    def __init__(self, briefing: Briefing) -> None:
        self.entities = {e.id: e for e in briefing.entities}
        self.articles: dict[str, Article] = {a.id: a for a in briefing.corpus.articles}

    def name(self, entity_id: str | None) -> str:
        entity = self.entities.get(entity_id or "")
        return entity.name if entity else (entity_id or "")

    def country(self, place: Entity) -> str:
        """The country of a located place, as the gazetteer names it."""
        if place.kind == "country":
            return place.name
        return place.located_as.rsplit(", ", 1)[-1] if place.located_as else ""

    def outlets(self, citations: Iterable[Citation]) -> str:
        found = (self.articles[c.article_id].outlet for c in citations)
        return SEPARATOR.join(dict.fromkeys(o for o in found if o))


def _actors(look: _Look, ids: Sequence[str]) -> tuple[str, str, Any]:
    """(first actor's name, the others', the first's ACLED type code)."""
    if not ids:
        return "", "", ""
    first = look.entities[ids[0]]
    others = SEPARATOR.join(look.name(i) for i in ids[1:])
    return first.name, others, INTER_CODES.get(first.kind, "")


def _fatalities(event: Event) -> Any:
    """The most its sentences say this event killed, at the least: counts of the
    incident, not a running toll nor a part of another count; blank if none."""
    killed = [
        f.low
        for f in event.figures
        if f.topic == "killed" and f.low is not None and not f.running and not f.within
    ]
    return max(killed) if killed else ""


def _interaction(inter1: Any, inter2: Any) -> str:
    """ACLED's interaction code: both actor types, the lower first ("12"), or the one
    type and 0 for an event with one coded actor ("10")."""
    codes = sorted(c for c in (inter1, inter2) if c != "")
    return "".join(map(str, codes)) if len(codes) == 2 else "".join(f"{c}0" for c in codes)


def event_row(event: Event, look: _Look) -> dict[str, Any]:
    """One event in ACLED's columns, then ours."""
    actor1, assoc1, inter1 = _actors(look, event.with_role("agent"))
    actor2, assoc2, inter2 = _actors(look, event.with_role("target"))
    places = [look.entities[i] for i in event.with_role("place")]
    place = next((p for p in places if p.lat is not None), places[0] if places else None)
    civilians = any(look.entities[i].kind == "civilians" for i in event.with_role("target"))
    dated_by = "published" if event.summary.date_evidence == "published" else "day"
    return {
        "event_id_cnty": event.id,
        "event_date": event.date,
        "year": int(event.date[:4]),
        "time_precision": TIME_PRECISION[dated_by],
        "event_type": event.label,
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "country": look.country(place) if place else "",
        "admin1": place.parent if place and place.kind == "city" else "",
        "location": place.name if place else "",
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.kind, 2) if place and place.lat is not None else "",
        "source": look.outlets(event.citations),
        "notes": event.summary.text,
        "fatalities": _fatalities(event),
        "corroboration": event.sources,
        "claimed_by": look.name(event.claimed_by) if event.claim_cue else "",
        "citations": _cites(event.citations),
    }  # fmt: skip


def place_feature(place: Entity, events: int, prefix: str) -> dict[str, Any]:
    """A located place as a GeoJSON point feature (RFC 7946: longitude first)."""
    return {
        "type": "Feature",
        "id": place.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {
            "name": place.name,
            "kind": place.kind,
            "aliases": [a.text for a in place.aliases],
            "events": events,
            "url": f"{prefix}places/{place.id}/",
        },
    }


QUOTE_COLUMNS = (
    "id", "date", "speaker", "speaker_id", "speaker_text", "kind", "text", "cue", "outlet",
    "article", "paragraph",
)  # fmt: skip


def quote_row(q: ResolvedQuote, look: _Look) -> dict[str, Any]:
    return {
        "id": q.id, "date": q.date, "speaker": look.name(q.speaker), "speaker_id": q.speaker,
        "speaker_text": q.speaker_text, "kind": q.kind, "text": q.text, "cue": q.cue,
        "outlet": look.articles[q.citation.article_id].outlet,
        "article": q.citation.article_id, "paragraph": q.citation.paragraph,
    }  # fmt: skip


FIGURE_COLUMNS = (
    "id", "topic", "value", "low", "high", "within", "running", "date", "source", "source_id",
    "reported_by", "party", "claim_cue", "sentence", "corroboration", "citations",
)  # fmt: skip


def figure_row(c: FigureClaim, look: _Look) -> dict[str, Any]:
    return {
        "id": c.id, "topic": c.topic, "value": c.value, "low": c.low, "high": c.high,
        "within": c.within, "running": c.running, "date": c.date,
        "source": look.name(c.source) if c.source else c.source_text, "source_id": c.source,
        "reported_by": c.reported_by, "party": c.party, "claim_cue": c.claim_cue,
        "sentence": c.sentence, "corroboration": c.sources, "citations": _cites(c.citations),
    }  # fmt: skip


ACTOR_COLUMNS = (
    "id", "name", "kind", "country", "described", "mentions", "articles", "aliases", "roles",
)  # fmt: skip


def actor_row(e: Entity, look: _Look) -> dict[str, Any]:
    return {
        "id": e.id, "name": e.name, "kind": e.kind, "country": look.name(e.country),
        "described": e.described, "mentions": e.mention_count, "articles": len(e.articles),
        "aliases": SEPARATOR.join(a.text for a in e.aliases),
        "roles": SEPARATOR.join(r.text for r in e.roles),
    }  # fmt: skip


def tables(
    briefing: Briefing, event_counts: Mapping[str, int], site_url: str = ""
) -> dict[str, str]:
    """Every table export, path below the site root → its text; place pages' addresses
    are absolute under ``site_url`` when it is known, else from the site's root."""
    look = _Look(briefing)
    located = [e for e in briefing.entities if e.group == "place" and e.lat is not None]
    features = [place_feature(p, event_counts.get(p.id, 0), site_url) for p in located]
    actors = [e for e in briefing.entities if e.group == "actor"]
    csvs: dict[str, tuple[Sequence[str], Callable[[Any, _Look], dict[str, Any]], Sequence[Any]]] = {
        "data/events.csv": (ACLED_COLUMNS + OWN_COLUMNS, event_row, briefing.events),
        "data/quotes.csv": (QUOTE_COLUMNS, quote_row, briefing.quotes),
        "data/figures.csv": (FIGURE_COLUMNS, figure_row, briefing.claims),
        "data/actors.csv": (ACTOR_COLUMNS, actor_row, actors),
    }
    out = {
        path: to_csv(columns, (row(r, look) for r in records))
        for path, (columns, row, records) in csvs.items()
    }
    geojson = {"type": "FeatureCollection", "features": features}
    out["data/places.geojson"] = json_text(geojson)
    return out
