"""The lexicon: word lists a journalist or linguist would edit, as YAML data.

Every list lives in one file of ``briefing/lexicon/`` and is defined once; code asks
for it by name. A list is either a sequence of words, or a mapping of a word to its
other written forms (``september: [sep, sept]``). The files are read and validated
once, on first use; a bad file is reported as one line naming the file and the key.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from .config import read_yaml
from .errors import LexiconError
from .textutil import verb_forms

LEXICON_DIR = Path(__file__).with_name("lexicon")


def lexicon_files() -> tuple[Path, ...]:
    """The lexicon's YAML files, in a fixed order (extraction's cache key hashes them)."""
    return tuple(sorted(LEXICON_DIR.glob("*.yml")))


def _words(value: object, where: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        message = f"{where} must be a list of words (quote words YAML reads as yes/no)"
        raise LexiconError(message, path)
    return tuple(value)


def _validated(data: object, path: Path) -> dict[str, tuple[str, ...] | dict[str, tuple]]:
    if not isinstance(data, dict):
        raise LexiconError("must be a mapping of list names to lists", path)
    lists: dict[str, tuple[str, ...] | dict[str, tuple]] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            lists[name] = {
                _words([word], f"{name}", path)[0]: _words(forms, f"{name}.{word}", path)
                for word, forms in value.items()
            }
        else:
            lists[name] = _words(value, str(name), path)
    return lists


def _load_file(path: Path) -> dict[str, tuple[str, ...] | dict[str, tuple]]:
    return _validated(read_yaml(path, LexiconError), path)


@functools.cache
def _lexicon() -> dict[str, tuple[str, ...] | dict[str, tuple]]:
    lists: dict[str, tuple[str, ...] | dict[str, tuple]] = {}
    for path in lexicon_files():
        for name, value in _load_file(path).items():
            if name in lists:
                raise LexiconError(f"list {name!r} is defined in another lexicon file too", path)
            lists[name] = value
    return lists


def _entry(name: str) -> tuple[str, ...] | dict[str, tuple]:
    try:
        return _lexicon()[name]
    except KeyError:
        raise LexiconError(f"no list {name!r}", LEXICON_DIR) from None


def words(name: str) -> tuple[str, ...]:
    """The words of list ``name`` in file order (a mapping's keys)."""
    return tuple(_entry(name))


def word_set(name: str) -> frozenset[str]:
    """The words of list ``name`` as a set."""
    return frozenset(_entry(name))


def forms(name: str) -> Mapping[str, tuple[str, ...]]:
    """A mapping list: each word with its other written forms, in file order."""
    entry = _entry(name)
    if not isinstance(entry, dict):
        raise LexiconError(f"list {name!r} is not a mapping of words to forms", LEXICON_DIR)
    return entry


@functools.cache
def verb_form_set(name: str) -> frozenset[str]:
    """Every written form of the verbs of list ``name`` ("say/said" → say, says, said…)."""
    return frozenset(form for verb in words(name) for form in verb_forms(verb))


@functools.cache
def number_words() -> dict[str, int]:
    """English number words with their values ("one" → 1, "ninety" → 90), from the
    ordered lists ``number_units`` and ``number_tens``."""
    units = {word: i for i, word in enumerate(words("number_units"), start=1)}
    tens = {word: 10 * i for i, word in enumerate(words("number_tens"), start=2)}
    return units | tens
