"""Kinds: whether an entity is an actor or a place, and what kind of one.

1. **group**: actor or place by the votes of all its mentions (:meth:`Group.is_actor`);
   a located name is a place;
2. **label**: an actor is a person or an organisation by its labels, a role written
   with it ("spokesperson X") and an acronym it goes by; a place takes its most
   voted place label, or the gazetteer's kind;
3. **vessel**: a name written as a ship's ("the warship INS X") is a ship's;
4. **finer kind**: an organisation's head words ("Army", "Ministry", "News") or its
   being an outlet of the corpus make it military, an armed group, a government or
   media; so do the words around it in the text ("the daily X", "jihadist group X").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..records import ACTOR_LABELS, FAC, GPE, LOC, NAME_ONLY_LABELS, ORG, PERSON
from ..textutil import fold
from .acronyms import is_acronym
from .cues import Paragraphs, armed_group_cues, media_cues, vessel_cues
from .groups import Group
from .names import ACTOR_KIND_WORDS, has_institution_word, names_a_person, words_of

KIND_OF_LABEL = {
    PERSON: "person",
    ORG: "organisation",
    GPE: "country, region or city",
    LOC: "location",
    FAC: "site",
}
PERSON_ROLE_SHARE = 0.2
"""Share of a name's mentions written with a person's role that makes it a person's."""
ACRONYM_PERSON_MARGIN = 2
"""A name with an acronym alias is a person only with this many PERSON tags per ORG tag."""
PERSON_TIE_MAX_WORDS = 3
"""An actor with as many PERSON as ORG tags is a person when its name is this short."""
MEDIA_CUE_SHARE = 0.25
"""Share of a name's mentions described as an outlet that makes it one."""
RULE_MEDIA = "media: described as an outlet in the text"
RULE_ARMED = "armed group: described as one in the text"
VESSEL_CUE_SHARE = 0.3
"""Share of a name's mentions written as a ship's ("the warship X", "INS X") that makes
it a ship: an actor, never a place."""
RULE_VESSEL = "vessel: written as a ship's name in the text"


def is_vessel(group: Group, paragraphs: Paragraphs) -> bool:
    """Whether a group names a ship ("the warship INS Sukanya")."""
    share = VESSEL_CUE_SHARE * len(group.mentions)
    return bool(paragraphs) and vessel_cues(group.mentions, paragraphs) >= max(1, share)


@dataclass(frozen=True)
class Kind:
    """What an entity is, before the user's aliases.yml has its say."""

    is_actor: bool
    """An actor (person or organisation), not a place."""
    kind: str
    """The finer kind: "person", "armed group", "city", "country" …"""
    rule: str | None = None
    """Why, when the text around its name decided it."""


def actor_kind(name: str, label_kind: str, outlets: frozenset[str]) -> str:
    """Refine an organisation's kind from its name's words, or from being an outlet."""
    if label_kind != "organisation":
        return label_kind
    if fold(name) in outlets:
        return "media"
    words = set(words_of(fold(name).replace("air force", "airforce")))
    for kind, heads in ACTOR_KIND_WORDS:
        if words & heads:
            return kind
    return label_kind


def _actor_label(votes: Counter[str], group: Group) -> str:
    """PERSON or ORG for an actor: a name written with a person's role ("spokesperson
    X", "X, a researcher at ...") is a person's unless it holds an institution's word;
    otherwise by votes, but a name with an acronym alias ("HTS") is an organisation
    unless people clearly dominate, and a tie goes to PERSON only for a short name."""
    has_acronym = any(is_acronym(m.text) for m in group.mentions)
    described = sum(1 for m in group.mentions if m.role and names_a_person(m.role))
    if (
        described >= PERSON_ROLE_SHARE * len(group.mentions)
        and not has_institution_word(group.name())
        and not has_acronym
    ):
        return PERSON
    person, org = votes.get(PERSON, 0), votes.get(ORG, 0)
    if has_acronym and person <= ACRONYM_PERSON_MARGIN * org:
        return ORG
    if person != org:
        return PERSON if person > org else ORG
    return PERSON if len(group.key.split()) <= PERSON_TIE_MAX_WORDS else ORG


def _label_kind(group: Group, is_actor: bool) -> str:
    votes = group.votes()
    if is_actor:
        return KIND_OF_LABEL[_actor_label(votes, group)]
    places = [
        label for label, _ in votes.most_common() if label not in ACTOR_LABELS | NAME_ONLY_LABELS
    ]
    return KIND_OF_LABEL.get(places[0], "place") if places else "place"


def entity_kind(group: Group, name: str, outlets: frozenset[str], paragraphs: Paragraphs) -> Kind:
    """Actor or place and the finer kind of the entity a group becomes, named ``name``;
    ``outlets`` are the corpus's outlets, folded."""
    if group.described:
        return Kind(True, group.described)
    if group.place is None and is_vessel(group, paragraphs):
        return Kind(True, "vessel", RULE_VESSEL)
    is_actor = group.is_actor()
    kind = group.place.kind if group.place is not None else _label_kind(group, is_actor)
    if not is_actor:
        return Kind(False, kind)
    kind = actor_kind(name, kind, outlets)
    if (
        kind in ("person", "organisation")
        and paragraphs
        and media_cues(group.mentions, paragraphs) >= max(1, MEDIA_CUE_SHARE * len(group.mentions))
        and not any(m.role for m in group.mentions)
    ):
        return Kind(True, "media", RULE_MEDIA)
    if kind == "organisation" and paragraphs and armed_group_cues(group.mentions, paragraphs):
        return Kind(True, "armed group", RULE_ARMED)
    return Kind(True, kind)
