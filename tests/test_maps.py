"""Maps drawn at build time: offline SVG, escaped, deterministic, markers that link."""

import random

from briefing.records import Entity
from briefing.write.maps import Marker, place_map
from briefing.write.pagedata import nearby_places


def _markers() -> list[Marker]:
    return [
        Marker("Aleppo <b>", 36.2, 37.16, "places/aleppo/", 5, "Battle"),
        Marker("Idlib", 35.93, 36.63, "places/idlib/", 2, "Strike", current=True),
        Marker("Tehran", 35.7, 51.4, "places/tehran/", 0),
    ]


def test_a_map_is_offline_escaped_and_the_same_every_time() -> None:
    drawn = place_map("Where <it> happened", _markers(), ["Battle", "Strike"])
    assert drawn == place_map("Where <it> happened", _markers(), ["Battle", "Strike"])
    assert "<b>" not in drawn and "Aleppo &lt;b&gt;" in drawn
    assert "http" not in drawn.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert drawn.count("<polygon") > 3  # the countries around the places
    for href in ("places/aleppo/", "places/idlib/", "places/tehran/"):
        assert f'<a href="{href}">' in drawn  # every located place, events or not
    assert ">Battle</text>" in drawn and ">Strike</text>" in drawn and "Natural Earth" in drawn


def test_no_located_place_draws_no_map() -> None:
    assert place_map("Nothing", [], []) == ""


def test_the_places_near_each_place_are_those_a_look_at_every_place_finds() -> None:
    """The grid that files places by cell finds what comparing every pair finds, in
    the same order, across cell edges and on both sides of the equator and meridian."""
    rng = random.Random(7)
    spots = [(rng.uniform(-10, 10), rng.uniform(-10, 10)) for _ in range(400)]  # crowded
    spots += [(2.5, -2.5), (5.0, 0.0), (None, None)]  # on cell edges; unlocated
    places = [_place(f"p{n}", lat, lon) for n, (lat, lon) in enumerate(spots)]
    near = nearby_places(places, 2.5)
    for place in places:
        if place.lat is None:
            assert place.id not in near
            continue
        every = [
            p for p in places
            if p.lat is not None and abs(p.lat - place.lat) <= 2.5 and abs(p.lon - place.lon) <= 2.5
        ]  # fmt: skip
        assert near[place.id] == every, place.id


def _place(id: str, lat: float | None, lon: float | None) -> Entity:
    return Entity(id, "place", "city", id, (), (), (), 1, lat=lat, lon=lon)
