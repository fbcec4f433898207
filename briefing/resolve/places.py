"""Places: which groups are places, and the words that are no entity at all.

1. **located**: groups are looked up in the gazetteer (:mod:`.locate`); a located
   name is a place whatever its labels, names of one gazetteer place are merged, and
   names only ever tagged NORP ("Syrian") are dropped unless they are places;
2. **peoples**: names mostly tagged NORP ("Syrian", "Alawite") that are not places
   are counted, for the rules that must not take them for names;
3. **modifier words**: one-word names of peoples, or only ever used to modify a noun
   ("the Alawite sect"), and their plurals, are dropped;
4. **common words**: a one-word name the corpus mostly writes in lower case ("State",
   "Army") is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..records import NAME_ONLY_LABELS, ORG, PERSON, ArticleExtraction
from .cues import Paragraphs, followed_by_place_noun, place_cues
from .gazetteer import Gazetteer, Place
from .groups import Group, Groups, copied, merge_groups
from .kinds import is_vessel
from .locate import Candidate, locate
from .names import display, name_key

RULE_SAME_PLACE = "same place in the gazetteer"
COMMON_WORD_RATIO = 1.0
"""A one-word name written in lower case at least this many times per capitalised
mention is a common word."""
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
"""A name only ever used to modify a noun ("the Alawite sect", "the Kazakh capital",
"Saberin forces") is a word for a people or a brand, not an actor or place."""


def _candidate(key: str, group: Group, paragraphs: Paragraphs, surnames: set[str]) -> Candidate:
    return Candidate(
        key=key,
        names=tuple(n for n, _ in Counter(display(m.text) for m in group.mentions).most_common()),
        votes=dict(group.votes()),
        cues=place_cues(group.mentions, paragraphs),
        mentions=len(group.mentions),
        name_only=group.name_only(),
        surname=key in surnames,
        vessel=is_vessel(group, paragraphs),
    )


def located_rule(place: Place, how: str) -> str:
    """Why a group is a place, for its page: "located by gazetteer name: Idlib (...)"."""
    return f"located by {how}: {place.name} ({place.kind}, {place.country_name})"


def locate_groups(groups: Groups, paragraphs: Paragraphs, gazetteer: Gazetteer) -> dict[str, Group]:
    """Stage 1: locate places in the gazetteer; names of one place become one entity;
    names only ever tagged NORP ("Syrian") are dropped unless they are places."""
    groups = copied(groups)
    surnames = {
        key.split()[-1] for key, g in groups.items() if " " in key and g.top_label() == PERSON
    }
    candidates = [_candidate(key, g, paragraphs, surnames) for key, g in sorted(groups.items())]
    for group in groups.values():
        group.cues = place_cues(group.mentions, paragraphs, strong_only=True)
    by_place: dict[str, list[str]] = defaultdict(list)
    for key, (place, how) in locate(candidates, gazetteer).items():
        groups[key].place = place
        groups[key].rules.add(located_rule(place, how))
        by_place[place.key].append(key)
    for keys in by_place.values():
        if len(keys) > 1:
            merge_groups(groups, keys, RULE_SAME_PLACE)
    return {k: g for k, g in groups.items() if g.place is not None or not g.name_only()}


def peoples(extractions: Sequence[ArticleExtraction], groups: Groups) -> Counter[str]:
    """Stage 2: words for peoples ("Syrian", "Alawite"), mostly tagged NORP and not a
    place, with their mentions."""
    votes_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    for e in extractions:
        for m in e.mentions:
            votes_by_key[name_key(m.text, True)][m.label] += 1
    return Counter(
        {
            key: sum(v.values())
            for key, v in votes_by_key.items()
            if v.most_common(1)[0][0] in NAME_ONLY_LABELS
            and not (key in groups and groups[key].place is not None)
        }
    )


def drop_modifier_words(
    groups: Groups, people_words: set[str], paragraphs: Paragraphs
) -> dict[str, Group]:
    """Stage 3: one-word names mostly tagged as a people ("Syrian"), or used only as
    modifiers ("the Alawite sect") and not followed by a place word ("X province"), and
    their plurals ("Alawites"); never located places or organisations (whose names
    often modify: "HTS fighters")."""

    def modifier_only(group: Group) -> bool:
        return all(m.syntax in MODIFIER_DEPS for m in group.mentions) and not any(
            followed_by_place_noun(m, paragraphs) for m in group.mentions
        )

    def dropped_word(group: Group) -> bool:
        top = group.top_label()
        return top in NAME_ONLY_LABELS or (top != ORG and modifier_only(group))

    words = {
        key
        for key, group in groups.items()
        if group.place is None and " " not in key and dropped_word(group)
    }
    dropped = set(people_words) | words
    return {
        key: group
        for key, group in groups.items()
        if key not in words
        and not (
            group.place is None
            and " " not in key
            and key.endswith("s")
            and key[:-1] in dropped
            and group.top_label() != ORG
        )
    }


def drop_common_words(groups: Groups, lower_words: Counter[str]) -> dict[str, Group]:
    """Stage 4: a one-word "name" that the same corpus mostly writes in lower case
    ("State", "Army", "Next", "INSURGENTS", "East") is a common word the tagger
    capitalised by position or for emphasis, not an entity, even where a gazetteer has
    a place of that name (also "East" and "Gulf"). Countries stay."""

    def common(key: str, group: Group) -> bool:
        if " " in key or (group.place is not None and group.place.kind == "country"):
            return False
        return lower_words[key] >= COMMON_WORD_RATIO * len(group.mentions)

    return {key: group for key, group in groups.items() if not common(key, group)}
