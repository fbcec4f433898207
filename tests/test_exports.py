"""The exports: JSON against its schema, CSV an analyst can load (ACLED's columns),
GeoJSON places, cells safe from formula injection, and the docs that describe them."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema

from briefing.records import Citation, ResolvedQuote
from briefing.write import write
from briefing.write.schema import EXPORT_SCHEMA
from briefing.write.tables import (
    ACLED_COLUMNS,
    ACTOR_COLUMNS,
    FIGURE_COLUMNS,
    OWN_COLUMNS,
    QUOTE_COLUMNS,
    cell,
)

from .conftest import ROOT
from .test_write import TEMPLATES, _briefing

HOSTILE_CELLS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=cmd", "\r-1"]
"""Cells a spreadsheet would run as formulas (a leading tab or return is spaces)."""


def _written(tmp_path: Path, briefing=None) -> Path:
    write(briefing or _briefing(), tmp_path, TEMPLATES)
    return tmp_path / "data"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_the_export_validates_against_its_schema(tmp_path: Path) -> None:
    data = _written(tmp_path)
    schema = json.loads((data / "briefing.schema.json").read_text(encoding="utf-8"))
    assert schema == EXPORT_SCHEMA
    jsonschema.Draft202012Validator.check_schema(schema)
    export = json.loads((data / "briefing.json").read_text(encoding="utf-8"))
    jsonschema.validate(export, schema, cls=jsonschema.Draft202012Validator)
    # The schema is a contract: a missing key or a wrong type fails it.
    broken = {**export, "events": [{**export["events"][0], "date": 20241129}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken)
    del export["quotes"][0]["speaker_found"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(export)


def test_events_csv_reads_back_with_acled_columns(tmp_path: Path) -> None:
    rows = _rows(_written(tmp_path) / "events.csv")
    assert list(rows[0]) == list(ACLED_COLUMNS + OWN_COLUMNS)
    event = rows[0]
    assert (event["event_id_cnty"], event["event_date"], event["year"]) == (
        "e1",
        "2024-11-29",
        "2024",
    )
    assert event["actor1"] == "Syrian Army [1]" and event["inter1"] == "1"  # a military
    assert event["interaction"] == "10" and event["location"] == "Aleppo"
    assert event["time_precision"] == "1"  # its sentence dates it ("on Friday")
    assert event["citations"] == "a1#p2" and event["source"] == "Wire & Co"


def test_places_geojson_is_a_feature_collection_of_points(tmp_path: Path) -> None:
    briefing = _briefing()
    located = replace(briefing.entities[0], lat=36.2, lon=37.16)
    data = _written(tmp_path, replace(briefing, entities=(located, *briefing.entities[1:])))
    geo = json.loads((data / "places.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    feature = geo["features"][0]
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
    assert (lon, lat) == (37.16, 36.2)
    assert set(feature["properties"]) == {"name", "kind", "aliases", "events", "url"}
    assert feature["properties"]["events"] == 1 and feature["properties"]["url"] == "places/aleppo/"


def test_csv_cells_are_safe_from_formula_injection(tmp_path: Path) -> None:
    for hostile in HOSTILE_CELLS:
        assert cell(hostile).startswith("'"), hostile
    assert cell(-33.9) == -33.9 and cell("Aleppo") == "Aleppo" and cell(None) == ""
    briefing = _briefing()
    quotes = tuple(
        ResolvedQuote(f"q{n}", text, "direct", None, text, "said", Citation("a1", 2), None)
        for n, text in enumerate(HOSTILE_CELLS)
    )
    rows = _rows(_written(tmp_path, replace(briefing, quotes=quotes)) / "quotes.csv")
    for row in rows:
        for value in (row["text"], row["speaker_text"]):
            assert not value.startswith(("=", "+", "-", "@", "\t")), value


def test_every_export_column_and_file_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Export", 1)[1]
    for column in (*ACLED_COLUMNS, *OWN_COLUMNS, *QUOTE_COLUMNS, *FIGURE_COLUMNS, *ACTOR_COLUMNS):
        assert f"`{column}`" in section, column
    for name in ("events.csv", "places.geojson", "quotes.csv", "figures.csv", "actors.csv"):
        assert f"`{name}`" in section, name
    keys = re.findall(r"^\| `(\w+)`", section, flags=re.M)
    assert set(EXPORT_SCHEMA["properties"]) - {"version", "title"} <= set(keys)
