"""Rules files: read and validated against a schema, errors naming the file and key."""

from pathlib import Path

import pytest

from briefing.errors import LexiconError
from briefing.resolve.rules import FLAG, TEXT, WORDS, load_rules

SCHEMA = {"label": TEXT, "words": WORDS, "weak": FLAG}


def test_entries_keep_file_order_and_drop_empty_fields(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("b:\n  label: B\n  words:\na:\n  words: [x, 'y z']\n  weak: false\nc:\n")
    assert load_rules(path, SCHEMA) == {
        "b": {"label": "B"},
        "a": {"words": ["x", "y z"], "weak": False},
        "c": {},
    }


def test_an_empty_file_has_no_entries(tmp_path: Path) -> None:
    path = tmp_path / "rules.yml"
    path.write_text("")
    assert load_rules(path, SCHEMA) == {}


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("a:\n  words: [x, '']\n", "a.words must be a list of words"),
        ("a:\n  label: ''\n", "a.label must be text"),
        ("a:\n  weak: 1\n", "a.weak must be true or false"),
        ("a:\n  colour: red\n", "a.colour: unknown field"),
        ("a: [x]\n", "a: must be a mapping of fields"),
        ("3:\n  label: x\n", "keys must be names"),
        ("just text\n", "must be a mapping of entries"),
    ],
)
def test_a_malformed_file_is_one_error_naming_file_and_key(
    tmp_path: Path, written: str, message: str
) -> None:
    path = tmp_path / "rules.yml"
    path.write_text(written)
    with pytest.raises(LexiconError) as error:
        load_rules(path, SCHEMA)
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_rules(tmp_path / "absent.yml", SCHEMA)
