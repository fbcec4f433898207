"""Claims, for the resolve stage: the words that mark a sentence as a claim, and who
makes it.

1. **cues**: a sentence is a claim rather than an established fact when it holds one
   of the lexicon's ``claim_cues`` ("claimed", "without providing evidence", "could
   not be independently verified"), names a party's own media ("state television
   said") or has a party's men speak ("rebels say", "the army said": a party's
   account of what it did and why): :data:`CLAIM_CUES`;
2. **claimant**: a claim names its claimant where it can: the subject of "claimed",
   "according to X", a party's own media or men as written ("Rebels"), else the
   subject of a reporting verb (:func:`claimant`; stage 5 of :mod:`.events`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .. import lexicon
from ..records import Statement
from ..textutil import alternation


def cue_pattern(phrase: str) -> str:
    """Regex text of one cue as the lexicon writes it: words separated by spaces,
    "a|b" for one word or another, "(word)" for a word that may be left out."""
    slots = phrase.split()
    written = ""
    for n, slot in enumerate(slots):
        optional = slot.startswith("(") and slot.endswith(")")
        words = alternation(slot.strip("()").split("|"))
        last = n == len(slots) - 1
        if optional and last:
            written = f"{written.rstrip(' ')}(?: {words})?"
        elif optional:
            written += f"(?:{words} )?"
        else:
            written += words if last else f"{words} "
    return written


def _party_media_pattern() -> str:
    """ "state media", "rebel radio reported": a party's own media, and what it did."""
    owners = alternation(lexicon.words("party_media_owners"))
    media = alternation(lexicon.words("party_media"))
    reports = alternation(lexicon.words("party_media_reports"))
    return f"{owners} {media}(?: {reports})?"


_PARTY_SPEECH = re.compile(
    rf"(?P<party>{alternation(lexicon.words('party_words'))})"
    rf"\s+(?:{alternation(lexicon.words('party_speech_between'))}\s+)?"
    rf"(?P<verb>{alternation(lexicon.words('party_speech'))})",
    re.I,
)
"""A party's men speaking: "rebels say", "the army has said"."""

CLAIM_CUES = re.compile(
    r"\b(?:"
    + "|".join(
        [
            *map(cue_pattern, lexicon.words("claim_cues")),
            _party_media_pattern(),
            _PARTY_SPEECH.pattern.replace("?P<party>", "?:").replace("?P<verb>", "?:"),
        ]
    )
    + r")\b",
    re.I,
)
"""Words that mark a sentence as a claim rather than an established fact."""

_PARTY_MEDIA_OWNERS = lexicon.word_set("party_media_owners")
_CLAIMANT_REPORTS = re.compile(r"\b" + alternation(lexicon.words("claimant_reports")) + r"\b", re.I)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)


def claimant(statement: Statement) -> str | None:
    """Stage 2: the entity id, or the words as written, of whoever makes the claim in
    a sentence marked as one; None when the sentence names nobody."""
    cue = statement.claim_cue
    if cue is None:
        return None
    at = statement.text.find(cue)
    sayers = {m.start() for m in _CLAIMANT_REPORTS.finditer(statement.text)}
    for (start, _, entity_id), (_, relation, verb) in zip(
        statement.spans, statement.arguments, strict=False
    ):
        if relation == "nsubj" and verb == at:
            return entity_id  # "HTS claimed ..."
        if _ACCORDING_TO.search(statement.text[:start]):
            return entity_id
    if speech := _PARTY_SPEECH.fullmatch(cue):
        return _party_speaker(statement, at, speech)  # "Rebels say"
    if cue.split()[0].lower() in _PARTY_MEDIA_OWNERS:
        return cue  # "state media reported"
    return _subject_of(statement, sayers)


def _subject_of(statement: Statement, verbs: Collection[int]) -> str | None:
    """The first entity that is the subject of a verb at one of the offsets ``verbs``."""
    for (_, _, entity_id), (_, relation, verb) in zip(
        statement.spans, statement.arguments, strict=False
    ):
        if relation == "nsubj" and verb in verbs:
            return entity_id
    return None


def _party_speaker(statement: Statement, at: int, speech: re.Match[str]) -> str:
    """The claimant of a party's men speaking (a cue at ``at``): the entity that is
    the subject of the verb ("the Syrian army said"), else the party as written."""
    return _subject_of(statement, {at + speech.start("verb")}) or speech["party"]
