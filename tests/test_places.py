"""Places: located names, peoples' words, modifier words and common words. No trained model
is needed: the mentions are written by hand, as the tagger would give them."""

from briefing.resolve import resolve

from .test_locate import FakeGazetteer, _city
from .test_resolve import _corpus_and_extractions, _entities


def test_names_only_used_as_modifiers_are_peoples_not_entities() -> None:
    entities = _entities(
        {
            "a": [
                ("Troops of the Alawite sect fled.", "Alawite/PERSON/compound"),
                ("Many inhabitants are Alawites.", "Alawites/GPE/attr"),
                ("Talks in the Kazakh capital Astana.", "Kazakh/GPE/compound;Astana/GPE/appos"),
                ("HTS fighters entered.", "HTS/ORG/compound"),
                ("Fighting in Zarzour province.", "Zarzour/GPE/compound"),
            ]
        }
    )
    assert "Alawite" not in entities and "Alawites" not in entities and "Kazakh" not in entities
    assert {"HTS", "Astana", "Zarzour"} <= entities.keys()


def test_a_common_word_is_not_a_place_even_if_a_gazetteer_has_it() -> None:
    class Gazetteer(FakeGazetteer):
        def exact(self, name):
            if name == "East":
                return [_city(99, "Eastern Province", "SY", "Syria", 5_000)]
            return super().exact(name)

    entities = _entities(
        {
            "a": [
                ("As far East as Damascus.", "East/LOC;Damascus/GPE"),
                ("Fighting moved east of the city.", ""),
                ("The east was calm.", ""),
            ]
        },
        gazetteer=Gazetteer(),
    )
    assert "East" not in entities and "Damascus" in entities
    assert {a.text for a in entities["Damascus"].aliases} == {"Damascus"}


def test_capitalised_common_words_are_not_entities() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("State media said the army and the state agreed.", "State/ORG"),
                ("Hezbollah said the army of the state moved.", "Hezbollah/ORG"),
            ]
        }
    )
    assert [e.name for e in resolve(corpus, extractions, "T").entities] == ["Hezbollah"]


def test_a_province_named_like_its_city_is_its_own_place() -> None:
    """ "Hama province" and "the province of Hama" are the province; "Hama" alone, the
    city (located through the province, as the gazetteer gives it)."""
    entities = _entities(
        {
            "a": [
                ("Rebels entered Hama on Friday.", "Hama/GPE"),
                ("Fighting spread across Hama province.", "Hama/GPE"),
                ("Shelling hit the province of Hama.", "Hama/GPE"),
                ("Hama fell.", "Hama/GPE"),
                ("The war in Syria went on.", "Syria/GPE"),
            ]
        },
        gazetteer=FakeGazetteer(),
    )
    city, province = entities["Hama"], entities["Hama province"]
    assert (city.kind, city.mention_count) == ("city", 2)
    assert (province.kind, province.mention_count, province.lat) == ("province", 2, None)
