"""Locating places with a small in-memory gazetteer (no package data needed)."""

from __future__ import annotations

from briefing.resolve import resolve
from briefing.resolve.gazetteer import Place
from briefing.resolve.locate import Candidate, locate

from .test_resolve import _corpus_and_extractions


def _city(key, name, country, parent, population, lat=1.0, lon=2.0):
    return Place(f"city:{key}", name, "city", country, country, parent, lat, lon, population)


SYRIA = Place("country:SY", "Syria", "country", "SY", "Syria", None, None, None, 0)
USA = Place("country:US", "United States", "country", "US", "United States", None, None, None, 0)
HAMA_PROVINCE = Place(
    "subdivision:SY-HM", "Ḩamāh", "province", "SY", "Syria", "Syria", None, None, 0
)
PLACES = {
    "Syria": [SYRIA],
    "United States": [USA],
    "Damascus": [
        _city(1, "Damascus", "US", "Oregon", 10_000),
        _city(2, "Damascus", "SY", "Damascus", 1_500_000),
    ],
    "Hama": [HAMA_PROVINCE],
    "Saraqib": [_city(3, "Saraqib", "SY", "Idlib", 34_000)],
    "Tall Rifaat": [_city(4, "Tall Rif‘at", "SY", "Aleppo", 25_000)],
    "Ahmad": [_city(5, "Ahmad", "SY", "Aleppo", 900)],
    "Smalltown": [_city(6, "Smalltown", "US", "Ohio", 800)],
    "Syrian": [_city(7, "Syrian", "SY", "Nowhere", 100)],
}
CLOSE = {
    "Saraqeb": [(PLACES["Saraqib"][0], 0.86)],
    "Hama": [
        (_city(8, "Ḩamāh", "SY", "Ḩamāh", 460_000), 0.89),
        (_city(9, "Hamar", "NO", "Innlandet", 29_000), 0.89),
    ],
    "Dmascus": [(_city(1, "Damascus", "US", "Oregon", 10_000), 0.9)],
}


class FakeGazetteer:
    def exact(self, name: str) -> list[Place]:
        return PLACES.get(name, [])

    def close(self, name: str, countries: frozenset[str]) -> list[tuple[Place, float]]:
        return [
            (place, score) for place, score in CLOSE.get(name, []) if place.country in countries
        ]


def _candidate(key, name, votes, cues=0, mentions=None, name_only=False):
    return Candidate(key, (name,), votes, cues, mentions or sum(votes.values()), name_only)


COUNTRIES = [
    _candidate("syria", "Syria", {"GPE": 50}),
    _candidate("united states", "United States", {"GPE": 5}),
]


def _located(*candidates: Candidate) -> dict[str, str]:
    found = locate([*COUNTRIES, *candidates], FakeGazetteer())
    return {key: place.key for key, (place, _) in found.items()}


def test_the_corpus_geography_picks_among_namesakes() -> None:
    assert _located(_candidate("damascus", "Damascus", {"GPE": 3}))["damascus"] == "city:2"


def test_province_names_resolve_to_their_city_for_coordinates() -> None:
    assert _located(_candidate("hama", "Hama", {"ORG": 3, "GPE": 1}))["hama"] == "city:8"


def test_close_names_and_respellings_in_the_main_country() -> None:
    found = _located(
        _candidate("saraqeb", "Saraqeb", {"ORG": 1}, cues=1),
        _candidate("tel rifaat", "Tel Rifaat", {"PERSON": 3}, cues=1),
        _candidate("dmascus", "Dmascus", {"GPE": 1}),  # close only to a US town: not a main country
    )
    assert found == {
        "syria": "country:SY",
        "united states": "country:US",
        "saraqeb": "city:3",
        "tel rifaat": "city:4",
    }


def test_people_small_towns_abroad_and_demonyms_are_not_places() -> None:
    found = _located(
        _candidate(
            "ahmad", "Ahmad", {"PERSON": 4}
        ),  # a village shares the name of a person who speaks
        _candidate(
            "smalltown", "Smalltown", {"GPE": 1}
        ),  # a small US town, US is not a main country
        _candidate("syrian", "Syrian", {"NORP": 20}, name_only=True),
    )
    assert set(found) == {"syria", "united states"}


def test_resolve_merges_spellings_of_one_place_and_sets_coordinates() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Fighting spread across Syria and Syria.", "Syria/GPE"),
                ("Rebels took Saraqib.", "Saraqib/GPE"),
                ("In Saraqeb, shops shut.", "Saraqeb/ORG"),
                ("Ahmad said he stayed.", "Ahmad/PERSON"),
            ]
        }
    )
    entities = {
        e.name: e for e in resolve(corpus, extractions, "T", gazetteer=FakeGazetteer()).entities
    }
    saraqib = entities["Saraqib"]
    assert (saraqib.group, saraqib.kind, saraqib.lat, saraqib.parent) == (
        "place",
        "city",
        1.0,
        "Idlib",
    )
    assert {a.text for a in saraqib.aliases} == {"Saraqib", "Saraqeb"}
    assert entities["Ahmad"].group == "actor"
    assert "Saraqeb" not in entities


def test_romanisations_of_the_arabic_article_and_of_e_for_a_are_tried() -> None:
    from briefing.resolve.locate import _spellings

    assert "Deir ez-Zour" in _spellings("Deir al-Zour")
    assert "ar-Raqqa" in _spellings("al-Raqqa")
    assert not any("az-" in s or "ez-" in s for s in _spellings("al-Bab"))  # b is no sun letter

    daraa = _city(40, "Daraa", "SY", "Daraa", 97_969)
    deraa_town = _city(41, "Derab", "SY", "Elsewhere", 5_000)

    class Gazetteer(FakeGazetteer):
        def exact(self, name):
            return {"Daraa": [daraa], "Deraab": [deraa_town]}.get(name, super().exact(name))

    found = locate([*COUNTRIES, _candidate("deraa", "Deraa", {"GPE": 4})], Gazetteer())
    assert found["deraa"][0] == daraa


def test_a_region_abroad_must_be_named_as_the_gazetteer_names_it() -> None:
    gulf_county = Place(
        "subdivision:US-FL-GU",
        "Gulf County",
        "region",
        "US",
        "United States",
        "Florida",
        None,
        None,
        0,
    )
    texas = Place(
        "subdivision:US-TX", "Texas", "state", "US", "United States", "United States", None, None, 0
    )

    class Gazetteer(FakeGazetteer):
        def exact(self, name):
            return {"Gulf": [gulf_county], "Texas": [texas]}.get(name, super().exact(name))

    found = locate(
        [
            *COUNTRIES,
            _candidate("gulf", "Gulf", {"LOC": 5}),
            _candidate("texas", "Texas", {"GPE": 2}),
        ],
        Gazetteer(),
    )
    assert "gulf" not in found
    assert found["texas"][0] == texas
