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


def test_names_compared_in_blocks_by_length_find_every_pair_all_pairs_find(monkeypatch) -> None:
    """Blocking by length (so memory and work stay near each name's length class)
    loses no pair that comparing every name with every other finds."""
    import random

    from rapidfuzz import fuzz, process

    from briefing.resolve import proposals

    monkeypatch.setattr(proposals, "BLOCK_NAMES", 7)
    rng = random.Random(3)
    names = ["".join(rng.choice("abcde ") for _ in range(rng.randint(1, 16))) for _ in range(250)]
    names += [name[:-1] + "x" for name in names[:90]]
    scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=85)
    every_pair = {
        (i, j, round(float(scores[i, j]), 3))
        for i, j in zip(*scores.nonzero(), strict=True)
        if i < j
    }
    blocked = {(i, j, round(s, 3)) for i, j, s in proposals._alike_names(names)}
    assert len(every_pair) > 50
    assert blocked == every_pair
