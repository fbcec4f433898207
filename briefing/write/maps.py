"""Maps drawn at build time as SVG, like the charts: no script, no tiles, no request
to another host, and the same data always gives the same bytes.

Country outlines are the GeoJSON shapes the ``countryinfo`` package ships (the
world.geo.json outlines, derived from Natural Earth's public-domain data). Places are
drawn where the gazetteer located them, equirectangular around them, each marker a
link to its place page with its name as a tooltip.

Only when the user configures a tile source (``map_tiles``) does the front page also
get an interactive map over those tiles (:func:`tile_map`, drawn by ``briefing.js``),
whose tiles the reader's browser then fetches from that host.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..textutil import escape_html
from .charts import FONT_SIZE, PALETTE

WIDTH = 420
"""Width of a map in pixels (it scales down on small screens, as charts do)."""
MAX_HEIGHT = 360
"""Tallest a map may be; a tall area is widened to the full width instead."""
PAD_SHARE = 0.15
"""Room left around the places, as a share of the area they span..."""
MIN_PAD_DEGREES = 1.0
"""... and at least this much, so one place or a close cluster still shows its land."""
LABELLED_MARKERS = 6
"""Markers named on the map itself, the biggest first; the others by tooltip."""
OUTLINE_SOURCE = "Country outlines: world.geo.json (Natural Earth), via countryinfo."
"""Where the outlines come from, printed under every map."""


@dataclass(frozen=True)
class Marker:
    """One place on a map."""

    name: str
    """The place's name, untrusted text (escaped when drawn)."""
    lat: float
    """Latitude, degrees north."""
    lon: float
    """Longitude, degrees east."""
    href: str
    """Where the marker links: the place's page, relative to the page drawing it."""
    events: int
    """Events there: the marker's size."""
    kind: str = ""
    """The event type most of them are, its colour; "" for none."""
    current: bool = False
    """The place the page is about, drawn ringed."""


@dataclass(frozen=True)
class Tiles:
    """A tile source the user configured for an interactive map (``map_tiles``)."""

    address: str
    """Tile address with ``{z}``, ``{x}`` and ``{y}``, checked by the config schema."""
    attribution: str
    """The credit line the source asks for; untrusted as any config text."""


def tile_map(title: str, markers: Sequence[Marker], tiles: Tiles) -> str:
    """The element ``briefing.js`` turns into an interactive map over ``tiles``: the
    markers as data (escaped attribute values; the script sets them as text only),
    and the static map's source line. Empty string without markers."""
    if not markers:
        return ""
    data = [
        {"name": m.name, "lat": round(m.lat, 5), "lon": round(m.lon, 5), "href": m.href,
         "events": m.events}
        for m in markers
    ]  # fmt: skip
    attrs = {
        "class": "briefing-tilemap",
        "role": "region",
        "aria-label": title,
        "data-tiles": tiles.address,
        "data-markers": json.dumps(data, ensure_ascii=False, sort_keys=True),
    }
    opening = " ".join(f'{k}="{escape_html(v)}"' for k, v in attrs.items())
    credit = escape_html(tiles.attribution or "Map tiles: " + tiles.address.split("/")[2])
    return f'<div {opening}></div><p class="briefing-credit">{credit}</p>'


Ring = tuple[tuple[float, float], ...]
"""A country's outer ring, as (lon, lat) points."""
Box = tuple[float, float, float, float]
"""A ring's west, south, east and north edges, in degrees."""


@functools.cache
def _outlines() -> tuple[tuple[Ring, Box], ...]:
    """Every country's outer rings with their bounds, in a stable order (read once:
    each map then skips the rings outside it by their bounds alone)."""
    import countryinfo  # imported here: only worth loading when a map is drawn

    rings = []
    for country in sorted(countryinfo.all_countries(), key=lambda c: c.iso(3) or c.name()):
        for feature in country.geo_json().get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            rings.extend(tuple((x, y) for x, y, *_ in polygon[0]) for polygon in polygons)
    return tuple((ring, _bounds(ring)) for ring in rings)


def _bounds(ring: Ring) -> Box:
    lons, lats = [x for x, _ in ring], [y for _, y in ring]
    return min(lons), min(lats), max(lons), max(lats)


@dataclass(frozen=True)
class _View:
    """The area drawn and how degrees become pixels."""

    west: float
    north: float
    scale: float
    """Pixels per degree of latitude."""
    squash: float
    """Cosine of the middle latitude: a degree of longitude is this much shorter."""
    width: float
    height: float

    @classmethod
    def around(cls, markers: Sequence[Marker]) -> _View:
        lats, lons = [m.lat for m in markers], [m.lon for m in markers]
        pad = max(MIN_PAD_DEGREES, PAD_SHARE * max(max(lats) - min(lats), max(lons) - min(lons)))
        south, north = min(lats) - pad, max(lats) + pad
        west, east = min(lons) - pad, max(lons) + pad
        squash = math.cos(math.radians((south + north) / 2))
        scale = WIDTH / ((east - west) * squash)
        if (north - south) * scale > MAX_HEIGHT:
            # a tall area: as tall as allowed, and widened to the full width
            scale = MAX_HEIGHT / (north - south)
            extra = (WIDTH / (scale * squash) - (east - west)) / 2
            west, east = west - extra, east + extra
        return cls(
            west, north, scale, squash, (east - west) * squash * scale, (north - south) * scale
        )

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.squash * self.scale, (self.north - lat) * self.scale

    def shows(self, box: Box) -> bool:
        """Whether a ring within ``box`` reaches into the map (x grows with longitude,
        y falls with latitude, so the box's corners bound the ring's points)."""
        west, south, east, north = box
        (left, top), (right, bottom) = self.xy(west, north), self.xy(east, south)
        return right >= 0 and left <= self.width and bottom >= 0 and top <= self.height


def _land(view: _View) -> Iterator[str]:
    for ring, box in _outlines():
        if view.shows(box):
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (view.xy(*p) for p in ring))
            yield f'<polygon points="{points}"/>'


def _radius(events: int) -> float:
    return 3.0 if not events else 4.0 + 3.0 * math.sqrt(events)


def _marker(view: _View, m: Marker, colour: str, labelled: bool) -> str:
    x, y = view.xy(m.lon, m.lat)
    name = escape_html(m.name)
    tip = f"{name}: {m.events} event{'s' if m.events != 1 else ''}"
    ring = ' stroke="currentColor" stroke-width="2.5"' if m.current else ' stroke="#fff"'
    label = f'<text x="{x + _radius(m.events) + 3:.1f}" y="{y + 5:.1f}">{name}</text>'
    return (
        f'<a href="{escape_html(m.href)}"><title>{tip}</title>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_radius(m.events):.1f}" fill="{colour}" '
        f'fill-opacity="0.85"{ring}/>{label if labelled else ""}</a>'
    )


def _labelled(view: _View, ordered: Sequence[Marker]) -> set[int]:
    """The markers named on the map: the first :data:`LABELLED_MARKERS` whose label
    overlaps no label already placed (the others have their tooltip)."""
    boxes: list[tuple[float, float, float, float]] = []
    named: set[int] = set()
    for m in ordered:
        if len(named) == LABELLED_MARKERS:
            break
        x, y = view.xy(m.lon, m.lat)
        left = x + _radius(m.events) + 3
        box = (left, y - FONT_SIZE, left + 0.6 * FONT_SIZE * len(m.name), y + 5)
        if not any(
            b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in boxes
        ):
            boxes.append(box)
            named.add(id(m))
    return named


def place_map(title: str, markers: Sequence[Marker], kinds: Sequence[str]) -> str:
    """A map of ``markers``: size by events, colour by the event type in ``kinds``
    order (the legend names those drawn); empty string when no marker."""
    if not markers:
        return ""
    view = _View.around(markers)
    colours = {k: PALETTE[n % len(PALETTE)] for n, k in enumerate(kinds)}
    ordered = sorted(markers, key=lambda m: (-m.current, -m.events, m.name))
    named = _labelled(view, ordered)
    drawn = [k for k in kinds if any(m.kind == k for m in markers)]
    legend_h = 20 * len(drawn) + 24
    label = escape_html(title)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view.width:.0f} '
        f'{view.height + legend_h:.0f}" width="{view.width:.0f}" '
        f'height="{view.height + legend_h:.0f}" style="max-width:100%;height:auto" '
        f'role="img" aria-label="{label}"><title>{label}</title>',
        f'<rect width="{view.width:.0f}" height="{view.height:.0f}" fill="#dbe9f4"/>',
        # a nested svg clips the land to the map, off the legend below it
        f'<svg width="{view.width:.0f}" height="{view.height:.0f}">',
        '<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.7">',
        *_land(view),
        "</g></svg>",
        f'<g font-family="sans-serif" font-size="{FONT_SIZE}" fill="#222">',
        *(_marker(view, m, colours.get(m.kind, "#888"), id(m) in named) for m in reversed(ordered)),
        "</g>",
        f'<g font-family="sans-serif" font-size="{FONT_SIZE}" fill="currentColor">',
    ]
    for n, kind in enumerate(drawn):
        y = view.height + 8 + 20 * n
        out.append(f'<circle cx="8" cy="{y + 6:.1f}" r="6" fill="{colours[kind]}"/>')
        out.append(f'<text x="20" y="{y + 11:.1f}">{escape_html(kind)}</text>')
    y = view.height + legend_h - 6
    out.append(f'<text x="0" y="{y:.1f}" font-size="11">{escape_html(OUTLINE_SOURCE)}</text>')
    out.append("</g></svg>")
    return "".join(out)
