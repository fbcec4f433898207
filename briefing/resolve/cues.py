"""What the text around a name says it is: a place ("in X", "the town of X", "X
province"), an outlet ("the Turkish daily X"), an armed group ("jihadist group X",
"X, a rebel alliance") or a ship ("the warship INS X"). The cue words are in
``lexicon/entities.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from .. import lexicon
from ..records import Mention
from ..textutil import alternation

Paragraphs = Mapping[tuple[str, int], str]
"""(article id, paragraph index) → paragraph text."""
CUE_WINDOW = 60
"""Characters looked at on each side of a mention for a cue."""


def _words(name: str, gap: str = " ") -> str:
    return alternation(lexicon.words(name), gap)


_CUE_BEFORE = re.compile(
    rf"(?:\b{_words('place_prepositions')}(?:\s+the)?(?:\s+{_words('place_directions')})?"
    rf"|\b{_words('place_nouns_of')} of)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_CUE_LIST = re.compile(
    rf"\b{_words('place_list_nouns')}\b"
    rf"(?:[^.;:]{{0,30}}?,)?\s+{_words('place_list_openers')}\s+"
    r"(?:[^.;:]{0,40}(?:,|\band)\s+)?$",
    re.I,
)
_CUE_AFTER = re.compile(rf"^\s+{_words('place_nouns_after')}\b", re.I)
# "from X" and "at X" also introduce people ("a letter from Annan", "a jab at Assad"):
# they count as place evidence for the gazetteer, not to turn a name into a place.
_WEAK_CUE = re.compile(rf"\b{_words('weak_place_prepositions')}\s+(?:the\s+)?$", re.I)
_ARMED_WORDS = _words("armed_adjectives")
_ARMED_BEFORE = re.compile(
    rf"\b{_ARMED_WORDS}\s+(?:[a-z-]+\s+)?{_words('armed_group_nouns')}\s+(?:the\s+)?$", re.I
)
_ARMED_AFTER = re.compile(rf"^,?\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?{_ARMED_WORDS}\b", re.I)
_OUTLET_NOUNS = _words("outlet_nouns", gap=r"\s+")
_MEDIA_BEFORE = re.compile(rf"\b{_OUTLET_NOUNS}\s+(?:the\s+)?$", re.I)


_VESSEL_PREFIX = rf"(?-i:{_words('vessel_prefixes')})"
_VESSEL_NOUNS = _words("vessel_nouns", gap=r"\s+")
_VESSEL_BEFORE = re.compile(
    rf"(?:\b{_VESSEL_NOUNS}\s+(?:{_VESSEL_PREFIX}\s+)?|\b{_VESSEL_PREFIX}\s+)$", re.I
)
_VESSEL_START = re.compile(rf"^{_VESSEL_PREFIX}\s", re.I)


def contexts(mentions: Iterable[Mention], paragraphs: Paragraphs) -> Iterator[tuple[str, str]]:
    """The text just before and just after each mention."""
    for m in mentions:
        text = paragraphs[(m.article_id, m.paragraph)]
        yield _before(m, paragraphs), text[m.end : m.end + CUE_WINDOW]


def _before(m: Mention, paragraphs: Paragraphs) -> str:
    """The text just before a mention."""
    return paragraphs[(m.article_id, m.paragraph)][max(m.start - CUE_WINDOW, 0) : m.start]


_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|'|’)(?:\s|$)")


def place_cues(
    mentions: Iterable[Mention], paragraphs: Paragraphs, strong_only: bool = False
) -> int:
    """Mentions in a place context: "in X", "the town of X", "X province"; with
    ``strong_only``, not counting "from X", "at X" and the like."""
    cues = 0
    for before, after in contexts(mentions, paragraphs):
        if _POSSESSIVE_AFTER.match(after):
            continue  # "in Dale's car": the owner of what is in the place, no place
        cue = _CUE_BEFORE.search(before) or _CUE_LIST.search(before) or _CUE_AFTER.match(after)
        cues += bool(cue) and not (strong_only and _WEAK_CUE.search(before))
    return cues


def followed_by_place_noun(mention: Mention, paragraphs: Paragraphs) -> bool:
    """ "X province", "X border crossing"."""
    return bool(
        _CUE_AFTER.match(paragraphs[(mention.article_id, mention.paragraph)][mention.end :])
    )


def media_cues(mentions: Iterable[Mention], paragraphs: Paragraphs) -> int:
    """Mentions described as an outlet: "the Turkish daily Zaman", "news agency Anatolia"."""
    return sum(1 for before, _ in contexts(mentions, paragraphs) if _MEDIA_BEFORE.search(before))


def vessel_cues(mentions: Iterable[Mention], paragraphs: Paragraphs) -> int:
    """Mentions of a ship: "the warship X", "INS X"."""
    return sum(
        1
        for m in mentions
        if _VESSEL_START.match(m.text) or _VESSEL_BEFORE.search(_before(m, paragraphs))
    )


def armed_group_cues(mentions: Iterable[Mention], paragraphs: Paragraphs) -> int:
    """Mentions described as an armed group: "jihadist group X", "X, a rebel alliance"."""
    return sum(
        1
        for before, after in contexts(mentions, paragraphs)
        if _ARMED_BEFORE.search(before) or _ARMED_AFTER.match(after)
    )
