"""Roles: a person's title, person noun or appositive role around a name."""

import pytest
from spacy.tokens import Doc

from briefing.extract.mentions import mentions

from .conftest import blank_nlp


def test_person_nouns_and_appositions_give_roles_and_syntax_is_kept() -> None:
    words = ["spokesperson", "Oncu", "Keceli", "met", "Dareen", "Khalifa", ",", "a"]
    words += ["researcher", "at", "ICG", ",", "today", "."]
    heads = [2, 2, 3, 3, 5, 3, 5, 8, 5, 8, 9, 5, 3, 3]
    deps = ["compound", "compound", "nsubj", "ROOT", "compound", "dobj", "punct", "det"]
    deps += ["appos", "prep", "pobj", "punct", "npadvmod", "punct"]
    ents = [
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "O",
        "O",
        "O",
        "B-ORG",
        "O",
        "O",
        "O",
    ]
    doc = Doc(
        blank_nlp().vocab,
        words=words,
        heads=heads,
        deps=deps,
        ents=ents,
        sent_starts=[True] + [False] * 13,
    )
    found = {m.text: (m.role, m.syntax) for m in mentions(doc, "a", 1, lambda i: 0)}
    assert found == {
        "Oncu Keceli": ("spokesperson", "nsubj"),
        "Dareen Khalifa": ("researcher at ICG", "dobj"),
        "ICG": (None, "pobj"),
    }


@pytest.mark.parametrize(
    ("words", "pos", "ents", "expected"),
    [
        (  # a title run before a name is its role
            ["Iranian", "Foreign", "Minister", "Abbas", "Araghchi", "met", "Mr", "Smith", "."],
            ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"],
            ["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"],
            {"Abbas Araghchi": "Iranian Foreign Minister", "Smith": "Mr"},
        ),
        (  # a given name the tagger left out joins the name, not the role
            ["Turkish", "Foreign", "Minister", "Ahmet", "Davutoglu", "met", "Mr", "Smith", "."],
            ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"],
            ["B-NORP", "O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "O"],
            {"Ahmet Davutoglu": "Turkish Foreign Minister", "Smith": "Mr"},
        ),
    ],
)
def test_roles_before_a_person_and_given_names(words, pos, ents, expected) -> None:
    doc = Doc(blank_nlp().vocab, words=words, pos=pos, ents=ents, sent_starts=[True] + [False] * 8)
    found = {m.text: m.role for m in mentions(doc, "a", 1, lambda i: 0) if m.label == "PERSON"}
    assert found == expected
