"""Spelling rules for romanised names, kept as data in ``lexicon/romanisations.yml``.

A rule list maps a regular expression to its rewrite (one, or none to delete what it
matches); ``{C}`` and ``{V}`` in a pattern stand for a consonant and a vowel. The
lists are compiled once, on first use, and applied in file order.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon
from ..errors import LexiconError

CONSONANT = "[b-df-hj-np-tv-z]"
VOWEL = "[aeiou]"
Rules = tuple[tuple[re.Pattern[str], str], ...]


@functools.cache
def rules(name: str, flags: int = 0) -> Rules:
    """The rules of list ``name``, compiled with ``flags``."""
    compiled = []
    for pattern, rewrites in lexicon.forms(name).items():
        if len(rewrites) > 1:
            raise LexiconError(f"{name}.{pattern}: one rewrite or none", lexicon.LEXICON_DIR)
        source = pattern.replace("{C}", CONSONANT).replace("{V}", VOWEL)
        try:
            compiled.append((re.compile(source, flags), rewrites[0] if rewrites else ""))
        except re.error as exc:
            raise LexiconError(f"{name}.{pattern}: {exc}", lexicon.LEXICON_DIR) from None
    return tuple(compiled)


def respell(text: str, rules: Rules) -> str:
    """``text`` with every rule applied in turn."""
    for pattern, rewrite in rules:
        text = pattern.sub(rewrite, text)
    return text
