"""Background, for the resolve stage: sentences about the conflict as a whole, which
tell no event of the day their article came out.

1. **the whole conflict**: a sentence whose subject is the conflict itself, not a
   phase of it: "The conflict has displaced ...", "Syria's civil war, which ...,
   has killed ...", "This conflict, in which ..." (not "the latest war", nor "the
   war monitor said"): :func:`whole_conflict`;
2. **a cumulative toll**: a share of a population that a perfect verb counts, built up
   over the years: "has displaced more than half of the country's population"
   (:func:`cumulative_toll`).

A sentence either way with no day of its own is background (:mod:`.dating`); a toll
running since an earlier year ("has killed 300,000 since 2011") is background by its
year already.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..textutil import alternation

MODIFIERS_MAX = 3
"""Words allowed between a subject's determiner and its conflict noun ("the
country's long-running civil war")."""
SHARE_OBJECT_MAX = 4
"""Words allowed between a share and its population ("half of Syria's population")."""

_PHASE = alternation(lexicon.words("phase_words"))
_CONFLICT = alternation(lexicon.words("conflict_nouns"), gap=r"\s+")
_FOLLOWER = alternation(lexicon.words("subject_followers"))
_SHARE = alternation(lexicon.words("population_shares"), gap=r"\s+")
_DETERMINER = r"(?:the|this|that|its|their|[\w-]+['’]s)"
_PAST = rf"[\w-]+ed|{alternation(lexicon.words('irregular_pasts'))}"
_WHOLE_CONFLICT = re.compile(
    rf"^(?:(?:and|but|yet|so|still),?\s+)?{_DETERMINER}\s+"
    rf"(?:(?!{_PHASE}\b)[\w'’-]+\s+){{0,{MODIFIERS_MAX}}}?"
    rf"{_CONFLICT}(?=\s*,|\s+(?:{_FOLLOWER}|{_PAST})\b)",
    re.I,
)
_CUMULATIVE_TOLL = re.compile(
    r"\b(?:has|have)\s+(?:[\w-]+\s+){0,2}?[\w-]+ed\s+(?:(?:more|less|fewer)\s+than\s+"
    r"|nearly\s+|about\s+|almost\s+|over\s+|around\s+|some\s+)?(?:the\s+)?"
    rf"{_SHARE}\s+of\s+"
    rf"(?:[\w'’-]+\s+){{0,{SHARE_OBJECT_MAX}}}?"
    rf"{alternation(lexicon.words('population_words'))}\b",
    re.I,
)


def whole_conflict(text: str) -> str | None:
    """Stage 1: the words of a sentence's subject when it is the conflict as a whole
    ("The conflict"), else None."""
    m = _WHOLE_CONFLICT.search(text.lstrip(" “\"'‘"))
    return m.group(0) if m else None


def cumulative_toll(text: str) -> str | None:
    """Stage 2: the words of a cumulative toll the sentence states ("has displaced more
    than half of Syria's population"), else None."""
    m = _CUMULATIVE_TOLL.search(text)
    return m.group(0) if m else None


def background_words(text: str) -> str | None:
    """The words that make a sentence background (stage 1, then 2), or None."""
    return whole_conflict(text) or cumulative_toll(text)
