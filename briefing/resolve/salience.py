"""Salience, for the resolve stage: what the pages put first and how they label it.

The last pass over the assembled briefing (``Briefing -> Briefing``); the write stage
only renders what it decides:

1. **who claims**: each claimed event says whether its claimant is a party to the
   conflict (:func:`briefing.resolve.parties.is_party`); words as written that name
   no entity are a party's own media ("state media said"), as the claim cue found them.
2. **day salience**, lead events and key days, from evidence counted per story
   family (:mod:`.ranking`);
3. **day summaries**: a day's sentences by how central each is to what the day's
   families say, as in centroid summarisers, times its corroboration (:mod:`.ranking`);
4. **shown quotes**: a fragment inside reported speech of the same speaker in the
   same paragraph gets no line of its own;
5. **figure series**: a running figure (a toll, a total) joins the series of whoever
   gives it, so pages draw each source's figures side by side;
6. **figure topics**: the topics of ``figures.yml`` in file order, with their labels
   and whether a value keeps its unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..records import (
    Briefing,
    Citation,
    Entity,
    Event,
    FigureClaim,
    FigureTopic,
    ResolvedQuote,
)
from ..textutil import fold
from .figures import topic_labels, unit_topics
from .parties import is_party
from .ranking import ranked_days


def with_salience(briefing: Briefing) -> Briefing:
    """The briefing with claimants' partyhood, day salience and summaries, and the
    figure topics set."""
    entities = {e.id: e for e in briefing.entities}
    events = {e.id: _with_claimant_party(e, entities) for e in briefing.events}
    days = ranked_days(
        [replace(d, events=tuple(events[e.id] for e in d.events)) for d in briefing.days],
        briefing.corpus.articles,
    )
    return replace(
        briefing,
        events=tuple(events[e.id] for e in briefing.events),
        days=days,
        quotes=with_shown(briefing.quotes),
        claims=tuple(replace(c, series=series(c)) for c in briefing.claims),
        figure_topics=figure_topics(),
    )


def claimant_is_party(claimant: str, entities: dict[str, Entity]) -> bool:
    """Stage 1: whether a claimant (an entity id, or words as written) is a party."""
    entity = entities.get(claimant)
    if entity is None:
        return True  # the words of a party's own media, as the claim cue found them
    return is_party(entity)


def _with_claimant_party(event: Event, entities: dict[str, Entity]) -> Event:
    if not event.claimed_by:
        return event
    return replace(event, claimed_by_party=claimant_is_party(event.claimed_by, entities))


def with_shown(quotes: Sequence[ResolvedQuote]) -> tuple[ResolvedQuote, ...]:
    """Stage 4: each quote marked shown unless it is a fragment inside reported speech
    of the same speaker in the same paragraph (whose line shows it already)."""
    indirect: dict[tuple[Citation, str | None], list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        if q.kind == "indirect":
            indirect[(q.citation, q.speaker_text)].append((q.start, q.end))
    return tuple(
        replace(q, shown=False)
        if q.kind == "fragment"
        and any(s <= q.start and q.end <= e for s, e in indirect[(q.citation, q.speaker_text)])
        else q
        for q in quotes
    )


def series(claim: FigureClaim) -> str:
    """Stage 5: the running series a figure belongs to, named by who gives it; empty
    for a single incident or a part of another figure."""
    if not claim.running or claim.within:
        return ""
    if claim.source:
        return claim.source
    if claim.source_text:
        return fold(claim.source_text)
    return f"reported by {claim.reported_by or ''}"


def figure_topics() -> tuple[FigureTopic, ...]:
    """Stage 6: the topics of ``figures.yml`` in file order."""
    with_unit = unit_topics()
    return tuple(FigureTopic(key, label, key in with_unit) for key, label in topic_labels().items())
