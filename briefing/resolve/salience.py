"""Salience, for the resolve stage: what the pages put first and how they label it.

The last pass over the assembled briefing (``Briefing -> Briefing``); the write stage
only renders what it decides:

1. **who claims**: each claimed event says whether its claimant is a party to the
   conflict (:func:`briefing.resolve.parties.is_party`); words as written that name
   no entity are a party's own media ("state media said"), as the claim cue found them.
2. **day salience**: how much the coverage says happened on a day, the independent
   sources of its events and of its sentences, those dated by their own words
   weighing :data:`OWN_DATE_WEIGHT` times more.
3. **day summaries**: a day's sentences by how central each is to what the day's
   sentences say, as in centroid summarisers, times its corroboration.
4. **shown quotes**: a fragment inside reported speech of the same speaker in the
   same paragraph gets no line of its own;
5. **figure series**: a running figure (a toll, a total) joins the series of whoever
   gives it, so pages draw each source's figures side by side;
6. **figure topics**: the topics of ``figures.yml`` in file order, with their labels
   and whether a value keeps its unit.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..records import (
    Briefing,
    Citation,
    Day,
    Entity,
    Event,
    FigureClaim,
    FigureTopic,
    ResolvedQuote,
    Statement,
)
from ..textutil import content_words, fold
from .figures import topic_labels, unit_topics
from .parties import is_party

CENTRALITY_SMOOTHING = 5
"""Added to a sentence's word count when averaging how central its words are, so
that very short sentences ("Aleppo fell.") do not win on one common word."""
OWN_DATE_WEIGHT = 3
"""How much more a sentence that dates itself ("on Friday") says about a day than one
dated only by its article's publication (which tells what was reported that day,
not what happened)."""


def with_salience(briefing: Briefing) -> Briefing:
    """The briefing with claimants' partyhood, day salience and summaries, and the
    figure topics set."""
    entities = {e.id: e for e in briefing.entities}
    events = {e.id: _with_claimant_party(e, entities) for e in briefing.events}
    days = tuple(
        _ranked(replace(d, events=tuple(events[e.id] for e in d.events))) for d in briefing.days
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


def _ranked(day: Day) -> Day:
    return replace(day, salience=day_salience(day), summary=day_summary(day))


def day_salience(day: Day) -> int:
    """Stage 2: the independent sources of a day's events, and of its sentences,
    those dated by their own words weighing :data:`OWN_DATE_WEIGHT` times more."""
    return sum(e.sources for e in day.events) + sum(
        s.sources * (OWN_DATE_WEIGHT if s.date_evidence != "published" else 1)
        for s in day.statements
    )


def day_summary(day: Day) -> tuple[Statement, ...]:
    """Stage 3: a day's sentences in order of importance: each event's sentence and
    the day's other sentences, by how central each is to what the day's sentences say
    (the mean count, over its content words, of the day's sentences using that word)
    times its corroboration (1 + log of its independent sources, or of its event's)."""
    counts = Counter(w for s in day.statements for w in content_words(s.text))
    event_sources = {e.summary: e.sources for e in day.events}

    def importance(statement: Statement) -> float:
        words = content_words(statement.text)
        centrality = sum(counts[w] for w in words) / (len(words) + CENTRALITY_SMOOTHING)
        sources = max(event_sources.get(statement, 0), statement.sources)
        return centrality * (1 + math.log(sources))

    return tuple(
        sorted([e.summary for e in day.events] + list(day.untold), key=importance, reverse=True)
    )


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
