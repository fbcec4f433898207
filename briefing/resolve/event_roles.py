"""Event roles, stage 2 of :mod:`.events`: who did it and to whom, from the parse.

1. **one sentence**: the subject of the predicate (or a passive's by-phrase) is the
   *agent*, its object (or a passive's subject, or "against X") the *target*; places
   are where it happened; any other entity named is *present*. An event named by a
   noun has the agent of "strikes by Russia" or "HTS's offensive", or the subject of
   the verb just before it ("warplanes carried out strikes"); when no agent is
   found, whoever leads the doers is one ("insurgents led by HTS captured ...")
   (:func:`statement_roles`);
2. **one event**: across its sentences, each entity's most frequent role, the more
   specific on a tie (:func:`event_roles`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from .. import lexicon
from ..records import Statement
from .event_types import Typed, verb_word

AGENT_RELATIONS = frozenset({"nsubj", "agent"})
TARGET_RELATIONS = frozenset({"dobj", "nsubjpass", "prep:against", "prep:on", "prep:at"})
LEADING_VERBS = lexicon.verb_form_set("leading_verbs")
"""Every form of the verbs whose by-phrase names who is behind the doers ("fighters
led by X")."""
_ROLE_ORDER = ("agent", "target", "place", "present")


_BY_AFTER_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?by\s+(?:the\s+)?$", re.I)
_OWNER_BEFORE_NOUN = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+)?$")


def _noun_agents(
    statement: Statement, typed: Typed, places: set[str] | frozenset[str]
) -> dict[str, None]:
    """Who did an event named by a noun: "strikes by Russia", "HTS's offensive"; in the
    order written."""
    end = typed.at + len(typed.predicate)
    agents: dict[str, None] = {}
    for start, stop, entity_id in statement.spans:
        if entity_id in places:
            continue
        after = start >= end and _BY_AFTER_NOUN.fullmatch(statement.text[end:start])
        before = stop <= typed.at and _OWNER_BEFORE_NOUN.match(statement.text[stop : typed.at])
        if after or before:
            agents[entity_id] = None
    return agents


def _light_verb_agents(statement: Statement, typed: Typed) -> dict[str, None]:
    """Who did an event named by a noun that a verb just before it governs: the subject
    of "launched" in "warplanes launched strikes"; in the order written."""
    before = [at for at, _ in statement.verbs if at < typed.at]
    if not before:
        return {}
    light = max(before)
    return dict.fromkeys(
        entity_id
        for entity_id, relation, verb in statement.arguments
        if verb == light and relation == "nsubj"
    )


def _role(relation: str, verb: int, predicate_at: int, place: bool) -> str:
    if verb == predicate_at and relation in AGENT_RELATIONS:
        return "agent"  # a country can act ("Turkey struck ...")
    if place:
        return "place"
    if verb == predicate_at and relation in TARGET_RELATIONS:
        return "target"
    return "present"


def statement_roles(
    statement: Statement,
    predicate_at: int,
    places: set[str] | frozenset[str],
    typed: Typed | None = None,
) -> dict[str, str]:
    """Stage 1: entity id → agent, target, place or present, for the predicate at
    offset ``predicate_at`` (``typed``, when given, also finds who did an event named
    by a noun)."""
    roles: dict[str, str] = {}
    if typed is not None and typed.noun:
        agents = _noun_agents(statement, typed, places) or _light_verb_agents(statement, typed)
        roles.update(dict.fromkeys((a for a in agents if a not in places), "agent"))
    for entity_id, relation, verb in statement.arguments:
        role = _role(relation, verb, predicate_at, entity_id in places)
        previous = roles.get(entity_id)
        if previous is None or _ROLE_ORDER.index(role) < _ROLE_ORDER.index(previous):
            roles[entity_id] = role
    for entity_id in statement.entities:
        roles.setdefault(entity_id, "place" if entity_id in places else "present")
    if "agent" not in roles.values():
        # "insurgents led by HTS captured ...": who leads the doers did it.
        for entity_id, relation, verb in statement.arguments:
            if (
                relation == "agent"
                and verb >= 0
                and verb_word(statement.text, verb) in LEADING_VERBS
            ):
                roles[entity_id] = "agent"
    return roles


def event_roles(found: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    """Stage 2: each entity's most frequent role across an event's sentences, the
    more specific on a tie; entities in order of first appearance."""
    counts: dict[str, dict[str, int]] = {}
    for roles in found:
        for entity_id, role in roles.items():
            counts.setdefault(entity_id, defaultdict(int))[role] += 1
    result = []
    for entity_id, seen in counts.items():
        specific = {r: n for r, n in seen.items() if r != "present"} or seen
        role = min(specific, key=lambda r: (-specific[r], _ROLE_ORDER.index(r)))
        result.append((entity_id, role))
    return tuple(result)
