"""Event clustering, stage 3 of :mod:`.events`: which sentences tell one event.

1. **order**: sentences dated by their own words lead; those dated only by their
   article's publication follow, so that they can join the event another source
   dates;
2. **candidates**: the events of the sentence's day and type; for a sentence dated
   only by publication, first those another source dated by its own words up to
   :data:`LOOKBACK_DAYS` earlier, with words alike to their leading sentence
   (:data:`CROSS_DAY_OVERLAP`);
3. **same event**: a shared place (a town or region) with the event's leader, else
   no two different places, and words alike (:data:`SAME_EVENT_OVERLAP`), or the
   leader's actor with words alike enough (:data:`SAME_ACTOR_OVERLAP`), or the
   definite event noun the event's sentences use (:func:`_same_event`);
4. **new event**: a sentence that joins none starts one, unless it is dated only by
   publication and tells no past (a state, a habit or a fear). A sentence naming an
   event by a noun and no place ("the offensive began") waits until all others are
   gathered, so that it takes up the day's event of that name whatever the order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..records import Statement
from ..textutil import content_words
from .event_roles import statement_roles
from .event_types import EventType, Typed, dated_event_type, tells_a_past_event

SAME_EVENT_OVERLAP = 0.3
"""Share of content words (Jaccard) that makes two sentences of a day and type one
event, whatever they name."""
SAME_ACTOR_OVERLAP = 0.12
"""…and that suffices for two sentences naming the same actor ("HTS launched an
attack", "the insurgency led by HTS launched its offensive")."""
LOOKBACK_DAYS = 3
"""A sentence dated only by publication may tell an event this many days older."""
CROSS_DAY_OVERLAP = 0.2
"""Content words (Jaccard) it must share with that event's leading sentence."""


@dataclass(frozen=True)
class Cluster:
    """The sentences gathered as one event, while they are gathered."""

    kind: EventType
    """The type its leading sentence gave it."""
    predicate: str
    """The words that typed its leading sentence."""
    day: str
    """The day it happened: its leading sentence's."""
    statements: list[Statement] = field(default_factory=list)
    """Its sentences, the leader first."""
    roles: list[dict[str, str]] = field(default_factory=list)
    """Each sentence's roles (entity id → role), in the order of ``statements``."""
    entities: set[str] = field(default_factory=set)
    """Every entity its sentences name."""
    words: list[frozenset[str]] = field(default_factory=list)
    """Each sentence's content words, in the order of ``statements``."""

    @property
    def leader(self) -> Statement:
        """The sentence that started it: the most corroborated of its kind."""
        return self.statements[0]

    def join(self, statement: Statement, roles: dict[str, str], words: frozenset[str]) -> None:
        """One more sentence of this event."""
        self.statements.append(statement)
        self.roles.append(roles)
        self.entities.update(statement.entities)
        self.words.append(words)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _same_event(
    statement: Statement,
    words: frozenset[str],
    noun: str | None,
    definite: bool,
    cluster: Cluster,
    places: set[str],
    same_place: Mapping[str, str],
) -> bool:
    """Stage 3, for one type and day (the caller's), in order (a province counts as the
    town it is named after, ``same_place``):

    1. a place (town or region) of the sentence that *leads* the event (its first,
       most corroborated one: comparing with the leader, not with everything the
       event has gathered, stops "Idlib and Aleppo" from chaining two events);
    2. an event noun with an owning or pointing word ("their offensive on Hama", "this
       attack") that the event's sentences use: it takes up the day's event of that
       name;
    3. two places and none shared: two events (an event is a day, a place and its
       actors, as in ACLED);
    4. much the same words as any sentence of the event;
    5. naming no other place, the leader's actor in words alike enough;
    6. naming no place, an event noun the event's sentences use ("the ceasefire"): the
       definite noun takes up the day's event of that name.
    """
    leader = cluster.leader
    own_places = {same_place.get(e, e) for e in statement.entities if e in places}
    their_places = {same_place.get(e, e) for e in leader.entities if e in places}
    named = noun is not None and any(noun in w for w in cluster.words)
    if own_places & their_places or (definite and named):
        return True
    if own_places and their_places:
        return False
    if any(_overlap(words, w) >= SAME_EVENT_OVERLAP for w in cluster.words):
        return True
    shared = set(statement.entities) & set(leader.entities)
    if shared and _overlap(words, cluster.words[0]) >= SAME_ACTOR_OVERLAP:
        return True
    return named and not own_places


def _candidates(
    clusters: dict[tuple[str, str], list[Cluster]], statement: Statement, kind: str
) -> list[Cluster]:
    """Stage 2: events a sentence may join: those of its day; for a sentence dated
    only by its article's publication, first those of the :data:`LOOKBACK_DAYS`
    before that another source dated by its own words ("on Friday")."""
    same_day = clusters.get((statement.date, kind), [])
    if statement.date_evidence != "published" or not statement.date:
        return same_day
    day = date.fromisoformat(statement.date)
    earlier = [
        c
        for back in range(1, LOOKBACK_DAYS + 1)
        for c in clusters.get(((day - timedelta(days=back)).isoformat(), kind), [])
        if c.leader.date_evidence != "published"
    ]
    return earlier + same_day


def _alike_across_days(words: frozenset[str], cluster: Cluster) -> bool:
    """Stricter for another day: alike words to the leading sentence too."""
    return _overlap(words, cluster.words[0]) >= CROSS_DAY_OVERLAP or any(
        _overlap(words, w) >= SAME_EVENT_OVERLAP for w in cluster.words
    )


_DEFINITE = re.compile(r"\b(?:its|their|this|that)\s+(?:[\w-]+\s+)?$", re.I)


def _definite(statement: Statement, typed: Typed) -> bool:
    """ "their offensive", "this attack": a noun that takes up an event already told,
    wherever it says it went on ("the attack on X" may be a new one)."""
    return typed.noun and bool(_DEFINITE.search(statement.text[: typed.at]))


def _joined(
    clusters: dict[tuple[str, str], list[Cluster]],
    statement: Statement,
    typed: Typed,
    words: frozenset[str],
    places: set[str],
    same_place: Mapping[str, str],
    definite: bool,
) -> Cluster | None:
    """Stages 2 and 3: the event a sentence tells that is already gathered, or None."""
    noun = typed.predicate.lower().rstrip("s") if typed.noun else None
    return next(
        (
            c
            for c in _candidates(clusters, statement, typed.kind.key)
            if _same_event(statement, words, noun, definite, c, places, same_place)
            and (c.day == statement.date or _alike_across_days(words, c))
        ),
        None,
    )


def _place(
    clusters: dict[tuple[str, str], list[Cluster]],
    statement: Statement,
    places: set[str],
    same_place: Mapping[str, str],
    types: Sequence[EventType],
    defer: bool,
) -> bool:
    """Stages 3-4 for one sentence: it joins an event, starts one or is left out; False
    when ``defer`` and it should wait: an event noun naming no place ("the offensive
    began"), which takes up the day's event of that name once all are gathered."""
    typed = dated_event_type(statement, types)
    if typed is None:
        return True
    roles = statement_roles(statement, typed.at, places, typed)
    words = content_words(statement.text)
    definite = _definite(statement, typed)
    cluster = _joined(clusters, statement, typed, words, places, same_place, definite)
    if cluster is not None:
        cluster.join(statement, roles, words)
    elif defer and typed.noun and (definite or not set(statement.entities) & places):
        return False
    elif statement.date_evidence == "published" and not tells_a_past_event(statement, typed):
        pass  # background or a state of things, dated only by its article
    else:
        # the ranking keeps sentences without a day out
        day = statement.date or ""
        started = Cluster(typed.kind, typed.predicate, day)
        started.join(statement, roles, words)
        clusters[(day, typed.kind.key)].append(started)
    return True


def gather(
    statements: Sequence[Statement],
    places: set[str],
    types: Sequence[EventType],
    same_place: Mapping[str, str] | None = None,
) -> dict[str, list[Cluster]]:
    """Stages 1-4: day → the events told that day, by type in the order met."""
    clusters: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    ranked = sorted(
        (s for s in statements if s.date),
        key=lambda s: (s.date_evidence == "published", -s.sources, -len(s.entities)),
    )
    deferred: list[Statement] = []
    for statement in ranked:
        if not _place(clusters, statement, places, same_place or {}, types, defer=True):
            deferred.append(statement)
    for statement in deferred:  # "the offensive": now every event has its words
        _place(clusters, statement, places, same_place or {}, types, defer=False)
    by_day: dict[str, list[Cluster]] = defaultdict(list)
    for (day, _), found in clusters.items():
        by_day[day].extend(found)
    return by_day
