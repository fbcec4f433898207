"""Parties to the conflict, for the resolve stage: which sources are parties.

A source is a party when it is an entity of a party's kind (a government, an armed
group, a military), a state acting as one, a person whose role holds a party word
("army spokesman"), or, as written, words naming a party's own media or men ("state
television", "a rebel commander"; ``parties.yml``).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..records import Entity

PARTY_KINDS = frozenset({"government", "armed group", "military"})
"""Kinds of actor that are parties to a conflict (monitors and the press are not)."""
_PARTY_WORDS = lexicon.word_set("party_words")
_WORD = re.compile(r"[\w'-]+")


def _has_party_word(text: str) -> bool:
    return bool({w.lower() for w in _WORD.findall(text)} & _PARTY_WORDS)


def is_party(entity: Entity | None, written: str | None = None) -> bool:
    """Whether a source is a party to the conflict: a government, an armed group, a
    military or a state acting as one; or, as written, a party's own media or men."""
    if entity is not None and entity.kind == "person":
        return _has_party_word(" ".join(r.text for r in entity.roles))
    if entity is not None:
        return entity.kind in PARTY_KINDS or (entity.group == "place" and bool(entity.acting))
    return _has_party_word(written or "")
