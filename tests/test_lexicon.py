"""The lexicon: word lists as validated data, each defined once."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import lexicon
from briefing.errors import LexiconError


@pytest.fixture
def lexicon_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the lexicon at a folder of the test's own files."""

    def use(files: dict[str, str]) -> Path:
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
        lexicon._lexicon.cache_clear()
        lexicon.verb_form_set.cache_clear()
        lexicon.number_words.cache_clear()
        return tmp_path

    yield use
    lexicon._lexicon.cache_clear()
    lexicon.verb_form_set.cache_clear()
    lexicon.number_words.cache_clear()


def test_lists_sets_and_forms(lexicon_dir) -> None:
    lexicon_dir({"a.yml": "colours: [red, green]\nmonths:\n  may: []\n  june: [jun]\n"})
    assert lexicon.words("colours") == ("red", "green")
    assert lexicon.word_set("colours") == {"red", "green"}
    assert dict(lexicon.forms("months")) == {"may": (), "june": ("jun",)}
    assert lexicon.words("months") == ("may", "june")


def test_verbs_get_their_regular_and_irregular_forms(lexicon_dir) -> None:
    lexicon_dir({"a.yml": "verbs: [say/said, deny]\n"})
    forms = lexicon.verb_form_set("verbs")
    assert {"say", "says", "saying", "said", "deny", "denies", "denied", "denying"} <= forms


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("words: [yes, no]\n", "words must be a list of words"),  # YAML reads these as booleans
        ("words: red\n", "words must be a list of words"),
        ("- red\n", "must be a mapping"),
        ("words: [red\n", "not valid YAML at line"),
        ("months:\n  may: june\n", "months.may must be a list of words"),
    ],
)
def test_a_bad_file_is_named_with_the_problem(lexicon_dir, text: str, message: str) -> None:
    folder = lexicon_dir({"bad.yml": text})
    with pytest.raises(LexiconError) as error:
        lexicon.words("words")
    assert message in str(error.value)
    assert str(folder / "bad.yml") in str(error.value)
    assert "\n" not in str(error.value)  # one line for the user


def test_a_list_is_defined_once(lexicon_dir) -> None:
    lexicon_dir({"a.yml": "colours: [red]\n", "b.yml": "colours: [blue]\n"})
    with pytest.raises(LexiconError, match="defined in another lexicon file"):
        lexicon.words("colours")


def test_an_unknown_list_is_an_error(lexicon_dir) -> None:
    lexicon_dir({"a.yml": "colours: [red]\n"})
    with pytest.raises(LexiconError, match="no list 'shapes'"):
        lexicon.word_set("shapes")


def test_the_shipped_lexicon_loads_and_no_two_lists_are_the_same() -> None:
    lists = {name: lexicon.word_set(name) for name in lexicon._lexicon()}
    assert {"titles", "reporting_verbs", "months", "weekdays", "party_words"} <= set(lists)
    contents = [frozenset(words) for words in lists.values()]
    assert len(set(contents)) == len(contents), "two lexicon lists hold the same words"


def test_number_words_take_their_value_from_their_place_in_the_lists() -> None:
    values = lexicon.number_words()
    assert (values["one"], values["twelve"], values["nineteen"]) == (1, 12, 19)
    assert (values["twenty"], values["ninety"]) == (20, 90)
