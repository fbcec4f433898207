"""A province named like its city: "Idlib province", "the province of Hama" are the
province, "Idlib" alone the city (part of the resolve stage, once places are located).

A mention of a located city whose text marks it as a province (a word of
``subdivision_words`` right after it, in it, or "the province of" right before it) is
moved to a group of its own, located as the province of that name in the same
country, when the gazetteer knows one. The province is shown as the text writes it
("Idlib province").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .. import lexicon
from ..records import Entity, Mention
from ..textutil import alternation
from .cues import Paragraphs
from .gazetteer import Gazetteer, Place, comparable
from .groups import Group, Groups, copied, move_mentions
from .places import located_rule

_WORDS = alternation(lexicon.words("subdivision_words"))
_AFTER = re.compile(rf"^\s+({_WORDS})\b", re.I)
_BEFORE = re.compile(rf"\b({_WORDS})\s+of\s+(?:the\s+)?$", re.I)
_INSIDE = re.compile(rf"\s({_WORDS})$", re.I)
RULE_PROVINCE = 'written as the province, not the city, of its name ("X province")'
WINDOW = 30
"""Characters read on each side of a mention for the province's word."""


def _province_word(m: Mention, paragraphs: Paragraphs) -> str:
    """The province's word the text gives a mention ("province"), or ""."""
    text = paragraphs.get((m.article_id, m.paragraph), "")
    found = (
        _INSIDE.search(m.text)
        or _AFTER.match(text[m.end : m.end + WINDOW])
        or _BEFORE.search(text[max(0, m.start - WINDOW) : m.start])
    )
    return found.group(1).lower() if found else ""


def _province(city: Place, name: str, gazetteer: Gazetteer) -> Place | None:
    """The province named ``name`` of the city's country, preferably the city's own."""
    found = [
        p
        for p in gazetteer.exact(name)
        if p.kind not in ("city", "country") and p.country == city.country
    ]
    own = [p for p in found if city.parent and comparable(p.name) == comparable(city.parent)]
    return (own or found or [None])[0]


def split_provinces(
    groups: Groups, paragraphs: Paragraphs, gazetteer: Gazetteer
) -> dict[str, Group]:
    """Mentions of a city written as its province go to a group of the province."""
    groups = copied(groups)
    for key in sorted(groups):
        group = groups[key]
        if group.place is None or group.place.kind != "city":
            continue
        marked = [(m, w) for m in group.mentions if (w := _province_word(m, paragraphs))]
        if not marked or len(marked) == len(group.mentions):
            continue  # a city always written as a province is the province
        province = _province(group.place, group.name(), gazetteer)
        if province is None:
            continue
        word = Counter(w for _, w in marked).most_common(1)[0][0]
        new_key = f"{key} {word}"
        groups[new_key] = Group(new_key, [], set(), place=province, title=f"{group.name()} {word}")
        move_mentions(groups, key, new_key, [m for m, _ in marked], RULE_PROVINCE)
        groups[new_key].rules.add(located_rule(province, "gazetteer name"))
    return groups


def named_after(entities: Sequence[Entity]) -> dict[str, str]:
    """Province id → the id of the town it is named after ("Aleppo province" →
    "Aleppo"), for the places that tell events apart."""
    towns = {e.name: e.id for e in entities if e.group == "place" and e.kind == "city"}
    found = {}
    for e in entities:
        if e.group == "place" and RULE_PROVINCE in e.rules:
            town = _INSIDE.sub("", e.name)
            if town in towns:
                found[e.id] = towns[town]
    return found
