"""Proposals: pairs of entities that may be one, for the user to review (and merge in
``aliases.yml``)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from ..records import Entity, Proposal
from ..textutil import fold

PROPOSAL_MIN_SCORE = 85.0
"""Name similarity (rapidfuzz ratio, 0-100) at which two unmerged entities are proposed
for review: "Syrian Observatory for Human Rights" / "Syrian Observatory of Human
Rights" (97) are; "Iran" / "Iraq" (75) are not."""
SURNAME_SCORE = 90.0
"""The score given a bare surname and a person whose name ends with it that no rule
joined ("Gigante" and "Vincent Gigante", when a relative shares the name)."""
BLOCK_NAMES = 512
"""Names scored against the others at once: bounds the memory of the scores."""
PROPOSALS_MAX = 200
"""Most proposals listed, best first."""


def proposals(entities: Sequence[Entity]) -> tuple[Proposal, ...]:
    """Pairs of entities of the same group and broad kind with alike names. Two places
    the gazetteer put in different spots are not proposed, nor are a person and an
    organisation."""
    found: list[Proposal] = []
    for group in ("actor", "place"):
        members = sorted(
            (e for e in entities if e.group == group), key=lambda e: (-e.mention_count, e.id)
        )
        for i, j, score in _alike_names([fold(e.name) for e in members]):
            a, b = members[i], members[j]
            if (a.kind == "person") != (b.kind == "person"):
                continue
            if a.located_as and b.located_as:
                continue  # the gazetteer already told them apart
            found.append(Proposal(a.id, b.id, round(score, 1)))
    found.extend(_surnames(entities))
    found = list(dict.fromkeys(found))
    found.sort(key=lambda p: (-p.score, p.first, p.second))
    return tuple(found[:PROPOSALS_MAX])


def _alike_names(names: list[str]) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) for each pair i < j of ``names`` scoring at least
    :data:`PROPOSAL_MIN_SCORE`. Names are compared in blocks of :data:`BLOCK_NAMES`,
    by length, each only with the names not much longer than its longest (a ratio of
    85 needs the shorter to be 85/115 of the longer): the work stays within names of
    alike length, and the memory within a block's row of scores."""
    from rapidfuzz import fuzz, process

    order = sorted(range(len(names)), key=lambda i: (len(names[i]), i))
    lengths = [len(names[i]) for i in order]
    stretch = (200 - PROPOSAL_MIN_SCORE) / PROPOSAL_MIN_SCORE
    for lo in range(0, len(order), BLOCK_NAMES):
        rows = order[lo : lo + BLOCK_NAMES]
        cols = order[lo : bisect.bisect_right(lengths, lengths[lo + len(rows) - 1] * stretch)]
        scores = process.cdist(
            [names[i] for i in rows],
            [names[j] for j in cols],
            scorer=fuzz.ratio,
            score_cutoff=PROPOSAL_MIN_SCORE,
            workers=1,
        )
        for r, c in zip(*scores.nonzero(), strict=True):
            if r < c:  # each pair once: cols start at this block's first row
                i, j = sorted((rows[r], cols[c]))
                yield i, j, float(scores[r, c])


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
