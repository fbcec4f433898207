"""Countries as the ``countryinfo`` package knows them, for reading described actors
(:mod:`.described`): the words that name a country ("Syrian", "Syria", "US"), its
capital, and the country a story is about.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from ..textutil import fold
from .groups import Groups

CODE_MAX_LENGTH = 3
"""A country's word this short is a code ("US", "UK") and must be written in capitals."""
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Country:
    """A country as the gazetteer package knows it."""

    code: str
    """ISO 3166 alpha-2 code."""
    name: str
    """Common name ("Syria")."""


@functools.cache
def _countries() -> tuple[dict[str, Country], dict[str, Country]]:
    """(word → country, capital → country) from the ``countryinfo`` package: demonyms,
    names and other spellings, the most populous country first where two share one."""
    import countryinfo  # imported here: only worth loading when descriptions are read

    by_word: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    records = sorted(
        countryinfo.all_countries(), key=lambda c: (-(c.population() or 0), c.iso(2) or "")
    )
    for record in records:
        if not record.iso(2) or not record.name():
            continue
        country = Country(record.iso(2), record.name())
        for word in (record.demonym(), record.name(), *(record.alt_spellings() or ())):
            if word:
                by_word.setdefault(_written_key(word), country)
        capitals = record.capital() or ()
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            by_capital.setdefault(fold(capital), country)
    return by_word, by_capital


def _written_key(word: str) -> str:
    """Short codes keep their case ("US" is not "us"); other words are folded."""
    word = word.replace(".", "")
    return word if len(word) <= CODE_MAX_LENGTH and word.isupper() else fold(word)


def country_of(word: str) -> Country | None:
    """The country a word as written stands for ("Syrian", "Syria", "US"), or None."""
    return _countries()[0].get(_written_key(_POSSESSIVE.sub("", word)))


def capital_of(name: str) -> Country | None:
    """The country whose capital ``name`` is, or None."""
    return _countries()[1].get(fold(name))


def home_country(groups: Groups, people: Counter[str]) -> str:
    """The code of the country the corpus names most, counting its places, its
    name and its people's word, or "" when it names none."""
    counts: Counter[str] = Counter()
    for group in groups.values():
        if group.place is not None and group.place.country:
            counts[group.place.country] += len(group.mentions)
    for word, n in people.items():
        if (country := country_of(word)) is not None:
            counts[country.code] += n
    if not counts:
        return ""
    return min(counts, key=lambda code: (-counts[code], code))


@functools.cache
def country_by_code() -> dict[str, Country]:
    """ISO code → country."""
    by_code: dict[str, Country] = {}
    for country in _countries()[0].values():  # the most populous first
        by_code.setdefault(country.code, country)
    return by_code


def country_name(code: str) -> str:
    """A country's name by its code; a people's word ("kurdish") titled."""
    country = country_by_code().get(code)
    return country.name if country else code.title()
