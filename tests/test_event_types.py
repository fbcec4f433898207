"""Event typing: scored against a hand-labelled fixture; events.yml is validated."""

from pathlib import Path

import pytest
import yaml

from briefing.errors import LexiconError
from briefing.resolve.event_types import event_type, load_event_types, words_of_sentence

FIXTURES = Path(__file__).parent / "fixtures" / "events"
MIN_TYPING_ACCURACY = 0.9


def test_event_typing_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "typing.yml").read_text(encoding="utf-8"))
    got = [(t, (found[0].key if (found := event_type(t)) else None)) for t, _ in rows]
    right = [g == w for (_, g), (_, w) in zip(got, rows, strict=True)]
    assert sum(right) / len(rows) >= MIN_TYPING_ACCURACY, [
        (t, g, w) for (t, g), (_, w), ok in zip(got, rows, right, strict=True) if not ok
    ]


def test_a_verb_predicate_counts_only_where_a_verb_was_tagged() -> None:
    text = "Rebel advances met little resistance near Hama."
    assert event_type(text) is not None  # untagged: the word alone types it
    assert event_type(text, verbs=[(text.index("met"), "meet")]).kind.key == "diplomacy"
    assert event_type("The march began in March.", verbs=[(10, "begin")]) is None
    typed = event_type("The offensive began.", verbs=[(14, "begin")])
    assert typed.kind.key == "battle" and typed.noun


def test_irregular_forms_are_written_per_verb(tmp_path: Path) -> None:
    path = tmp_path / "events.yml"
    path.write_text("diplomacy:\n  predicates: [meet/met]\n  comments: [say/said]\n")
    [kind] = load_event_types(path)
    assert kind.verbs.search("They met.") and "said" in kind.comments
    assert "told" not in kind.comments  # no form shared by every list
    assert kind.irregular == {"met"}


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("battle: [capture]\n", "battle"),
        ("battle:\n  predicates: capture\n", "battle.predicates"),
        ("battle:\n  nouns: [offensive, 3]\n", "battle.nouns"),
        ("battle:\n  label: [Battle]\n", "battle.label"),
        ("battle:\n  verbs: [capture]\n", "battle.verbs"),
        ("- battle\n", "mapping"),
        ("battle: {predicates: [capture\n", "not valid YAML at line"),
    ],
)
def test_a_malformed_events_file_names_the_file_and_the_key(
    tmp_path: Path, written: str, names: str
) -> None:
    path = tmp_path / "events.yml"
    path.write_text(written)
    with pytest.raises(LexiconError) as error:
        load_event_types(path)
    assert str(path) in str(error.value) and names in str(error.value)


def test_a_sentence_opening_with_a_quote_and_its_attribution_is_speech() -> None:
    """ "“...,” X said, as strikes intensified": the words are X's, and what follows the
    attribution is their circumstance, not an event the article reports."""
    text = (
        "“They’ve framed it as a defensive move against escalation,” the analyst said, "
        "as government strikes on the area intensified leading up to the attack."
    )
    assert event_type(text) is None
    assert event_type(text, verbs=[(text.index("said"), ""), (text.index("intens"), "")]) is None
    # a quoted name opening a report is no speech
    named = "“Dawn of Freedom” fighters captured the town on Sunday."
    assert event_type(named).kind.key == "battle"
    # nor is a quote after the report
    after = "Rebels captured the town, “without a fight”, a commander said."
    assert event_type(after).kind.key == "battle"


def _every_form_found(text: str) -> set[str]:
    """The types whose patterns find a word in ``text``, each pattern tried."""
    return {
        kind.key
        for kind in load_event_types()
        for pattern in (kind.verbs, kind.nouns, kind.fallback)
        if pattern is not None and pattern.search(text)
    }


def test_a_type_is_skipped_only_where_none_of_its_patterns_would_match() -> None:
    rows = yaml.safe_load((FIXTURES / "typing.yml").read_text(encoding="utf-8"))
    # Letters a case-blind pattern reads as ASCII ones: long s, Kelvin sign, dotted I.
    odd = ["Troops \u017fhelled the town.", "Rebels \u212aILLED two.", "They S\u0130EGED it."]
    sentences = [text for text, _ in rows] + odd
    assert any(_every_form_found(text) for text in odd)
    for text in sentences:
        words = words_of_sentence(text)
        kept = {k.key for k in load_event_types() if k.openers is None or k.openers & words}
        assert _every_form_found(text) <= kept, text
