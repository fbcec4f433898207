"""Names the text gives as another's: "the Syrian Civil Defense, known as the White
Helmets", "Hayat Tahrir al-Sham, formerly known as the Nusra Front" are one actor
(part of the resolve stage, with the spellings of :mod:`.grouping`).

A name right after another, with only "known as" (or "also known as", "better known
as", "dubbed", "nicknamed") between them, is an alias of it: its group joins the first
name's. Two located places stay apart ("Aleppo, known as the Grey City" is no second
place), and so does a group the user's aliases.yml keeps apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from .. import lexicon
from ..textutil import alternation
from .cues import Paragraphs
from .groups import Group, Groups, copied, merge_groups

_KNOWN_AS = re.compile(
    rf",?\s*\(?\s*(?:{alternation(lexicon.words('alias_cues'), longest_first=True)})\s+(?:the\s+|as\s+)?",
    re.I,
)
RULE_KNOWN_AS = 'given in the text as another name of it ("X, known as Y")'


def _pairs(groups: Groups, paragraphs: Paragraphs) -> list[tuple[str, str]]:
    """(key of the name, key of the name given as its alias), in corpus order."""
    by_paragraph = defaultdict(list)
    for key, group in groups.items():
        for m in group.mentions:
            by_paragraph[(m.article_id, m.paragraph)].append((m.start, m.end, key))
    pairs = []
    for at, spans in sorted(by_paragraph.items()):
        spans.sort()
        text = paragraphs.get(at, "")
        for (_, end, first), (start, _, second) in pairwise(spans):
            if first != second and _KNOWN_AS.fullmatch(text[end:start]):
                pairs.append((first, second))
    return pairs


def _may_join(first: Group, second: Group) -> bool:
    if first.kept_apart() or second.kept_apart():
        return False
    return first.place is None or second.place is None


def merge_known_as(groups: Groups, paragraphs: Paragraphs) -> dict[str, Group]:
    """A name given as another's alias ("X, known as Y") joins it."""
    groups = copied(groups)
    moved: dict[str, str] = {}  # merged key → the key it went into

    def current(key: str) -> str:
        while key in moved:
            key = moved[key]
        return key

    for first, second in _pairs(groups, paragraphs):
        a, b = current(first), current(second)
        if a != b and _may_join(groups[a], groups[b]):
            target = merge_groups(groups, [a, b], RULE_KNOWN_AS)
            moved[b if target == a else a] = target
    return groups
