"""Romanisation rules: read from lexicon/romanisations.yml, compiled once, applied in order."""

import re

import pytest

from briefing.errors import LexiconError
from briefing.resolve import romanisation
from briefing.resolve.romanisation import CONSONANT, VOWEL, respell, rules


def test_consonant_and_vowel_placeholders_are_expanded() -> None:
    patterns = [p.pattern for p, _ in rules("name_spelling_rules")]
    assert f"(?<={VOWEL})ch" in patterns
    assert f"({CONSONANT})\\1" in patterns
    assert not any("{C}" in p or "{V}" in p for p in patterns)


def test_name_rules_reduce_romanisations_to_one_spelling() -> None:
    name_rules = rules("name_spelling_rules")
    assert respell("hicham", name_rules) == respell("hisham", name_rules)
    assert respell("dawoud", name_rules) == respell("daoud", name_rules)
    assert respell("qusayr", name_rules) == respell("qusair", name_rules)
    place_rules = rules("place_spelling_rules", re.I)
    assert respell("Tell Abyad", place_rules).startswith("Tall ")


def test_a_rule_with_two_rewrites_is_reported(monkeypatch) -> None:
    monkeypatch.setattr(romanisation.lexicon, "forms", lambda name: {"ou": ("u", "o")})
    with pytest.raises(LexiconError, match="one rewrite or none"):
        rules.__wrapped__("test_rules_two_rewrites")
