"""Proposals: alike names left apart are proposed for review. No trained model is needed:
the mentions are written by hand, as the tagger would give them."""

from briefing.resolve import resolve

from .test_resolve import _corpus_and_extractions


def test_alike_names_left_apart_are_proposed_never_merged() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                (
                    "The Syrian Observatory for Human Rights said so.",
                    "Syrian Observatory for Human Rights/ORG",
                ),
                (
                    "The Syrian Observatory of Human Rights agreed.",
                    "Syrian Observatory of Human Rights/ORG",
                ),
                ("Hamas fighters left Hama.", "Hamas/ORG;Hama/GPE"),
                ("Iran and Iraq met.", "Iran/GPE;Iraq/GPE"),
            ]
        }
    )
    briefing = resolve(corpus, extractions, "T")
    assert [(p.first, p.second) for p in briefing.proposals] == [
        ("syrian-observatory-for-human-rights", "syrian-observatory-of-human-rights")
    ]
    assert len(briefing.entities) == 6


def test_a_bare_surname_two_relatives_share_stays_apart_and_is_proposed_with_each() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Vincent Gigante ran the family.", "Vincent Gigante/PERSON"),
                ("His brother Mario Gigante denied it.", "Mario Gigante/PERSON"),
                ("Gigante was jailed.", "Gigante/PERSON"),
            ]
        }
    )
    briefing = resolve(corpus, extractions, "T")
    assert {e.name for e in briefing.entities} == {"Vincent Gigante", "Mario Gigante", "Gigante"}
    assert {(p.first, p.second) for p in briefing.proposals} >= {
        ("vincent-gigante", "gigante"),
        ("mario-gigante", "gigante"),
    }
