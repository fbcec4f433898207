"""Acronyms: defined in the text, used without definition, spelled out. No trained model is
needed: the mentions are written by hand, as the tagger would give them."""

from briefing.resolve import resolve

from .test_resolve import _corpus_and_extractions, _entities


def test_an_acronym_inside_a_name_is_spelled_out_when_the_corpus_does() -> None:
    entities = _entities(
        {
            "a": [
                ("The United Nations (UN) said so.", "United Nations/ORG"),
                ("The United Nations Security Council met.", "United Nations Security Council/ORG"),
                ("The UN Security Council voted.", "UN Security Council/ORG"),
            ]
        }
    )
    aliases = {a.text for a in entities["United Nations Security Council"].aliases}
    assert aliases == {"United Nations Security Council", "UN Security Council"}


def test_an_acronym_from_another_language_is_defined_by_the_text() -> None:
    entities = _entities(
        {
            "a": [
                ("The Democratic Union Party (PYD) took the town.", "Democratic Union Party/ORG"),
                ("The PYD said so.", "PYD/ORG"),
                ("The Syrian Observatory (AP) reported.", "Syrian Observatory/ORG"),
                ("AP said more.", "AP/ORG"),
            ]
        }
    )
    assert {a.text for a in entities["Democratic Union Party"].aliases} == {
        "Democratic Union Party",
        "PYD",
    }
    assert "AP" in entities  # shares no initial with "Syrian Observatory"


def test_every_use_of_a_defined_acronym_is_a_mention() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Hayat Tahrir al-Sham (HTS) took the city.", "Hayat Tahrir al-Sham/PERSON"),
                ("HTS fighters then moved south.", ""),
                ("Later HTS said it would stay.", ""),
            ]
        }
    )
    (entity,) = resolve(corpus, extractions, "T").entities
    assert entity.mention_count == 3 and entity.kind == "organisation"
    assert {a.text for a in entity.aliases} == {"Hayat Tahrir al-Sham", "HTS"}
