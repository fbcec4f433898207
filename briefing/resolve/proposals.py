"""Proposals: pairs of entities that may be one, for the user to review (and merge in
``aliases.yml``)."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Entity, Proposal
from ..textutil import fold

PROPOSAL_MIN_SCORE = 85.0
"""Name similarity (rapidfuzz ratio, 0-100) at which two unmerged entities are proposed
for review: "Syrian Observatory for Human Rights" / "Syrian Observatory of Human
Rights" (97) are; "Iran" / "Iraq" (75) are not."""
SURNAME_SCORE = 90.0
"""The score given a bare surname and a person whose name ends with it that no rule
joined ("Gigante" and "Vincent Gigante", when a relative shares the name)."""
PROPOSALS_MAX = 200
"""Most proposals listed, best first."""


def proposals(entities: Sequence[Entity]) -> tuple[Proposal, ...]:
    """Pairs of entities of the same group and broad kind with alike names. Two places
    the gazetteer put in different spots are not proposed, nor are a person and an
    organisation."""
    from rapidfuzz import fuzz, process

    found: list[Proposal] = []
    for group in ("actor", "place"):
        members = sorted(
            (e for e in entities if e.group == group), key=lambda e: (-e.mention_count, e.id)
        )
        names = [fold(e.name) for e in members]
        if len(members) < 2:
            continue
        scores = process.cdist(
            names, names, scorer=fuzz.ratio, score_cutoff=PROPOSAL_MIN_SCORE, workers=1
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = members[i], members[j]
            if i >= j or (a.kind == "person") != (b.kind == "person"):
                continue
            if a.located_as and b.located_as:
                continue  # the gazetteer already told them apart
            found.append(Proposal(a.id, b.id, round(float(scores[i, j]), 1)))
    found.extend(_surnames(entities))
    found = list(dict.fromkeys(found))
    found.sort(key=lambda p: (-p.score, p.first, p.second))
    return tuple(found[:PROPOSALS_MAX])


def _surnames(entities: Sequence[Entity]) -> list[Proposal]:
    """A one-word actor and each person whose full name ends with it: left apart when
    the text could mean either of two relatives, proposed for review."""
    people: dict[str, list[Entity]] = {}
    for e in entities:
        words = fold(e.name).split()
        if e.kind == "person" and len(words) > 1:
            people.setdefault(words[-1], []).append(e)
    return [
        Proposal(person.id, e.id, SURNAME_SCORE)
        for e in entities
        if e.group == "actor" and " " not in e.name
        for person in people.get(fold(e.name), [])
    ]
