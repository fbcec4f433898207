"""Events: dated statements typed by their predicate and merged across articles.

In numbered stages with named thresholds, each in its own module:

1. **typing** (:mod:`.event_types`): a sentence is an event when it holds a word from
   ``events.yml`` (capture, shell, attack, flee, protest, meet, ...) outside quotation
   marks; a verb counts only where the tagger saw a verb ("rebel advances" is no
   advance), an event noun ("the offensive", "air strikes") always; casualty verbs
   ("killed") only when nothing else types the sentence. No word counts that is negated
   ("are not fleeing", "without meeting"), unreal ("might strike", "fears of attacks"),
   an infinitive ("vowed to take"), an adjective ("the captured town", "Iran-backed") or
   a running toll ("has killed 311"). The first word decides ("fled the fighting" is
   displacement), or, when the sentence's date dates another clause, the word nearest
   that clause's verb ("seized 50 towns after launching an offensive on Wednesday");
   between types at one place, the file's order. A definite event noun after a comment
   verb ("Moscow regarded the attack as ...") makes a statement;
2. **roles** (:mod:`.event_roles`): who did it and to whom, from the parse: the subject of the
   predicate (or a passive's by-phrase) is the *agent*, its object (or a passive's
   subject, or "against X") the *target*; places are where it happened; any other entity
   named is *present*. Across the sentences of an event the most frequent role wins;
3. **clustering** (:mod:`.clusters`): on one day, sentences of one type that name the
   same place (a town or region: a country is too broad to tell events apart), or the
   same actor and no other places with :data:`.clusters.SAME_ACTOR_OVERLAP` of their content
   words, or that share :data:`.clusters.SAME_EVENT_OVERLAP` of them whatever they name, are one
   event, told by several sources; a sentence dated only by its article's publication
   may join, with words alike to its leading sentence (:data:`.clusters.CROSS_DAY_OVERLAP`), an
   event another source dated by its own words up to :data:`.clusters.LOOKBACK_DAYS` earlier (the
   event keeps that day); a sentence dated only by publication starts an event only when
   it tells something that happened (a verb in a past form, not a state, a habit or a
   fear); the sentence shown for it is one of its day that most sources carry, dated by
   its own words, reporting rather than quoting;
4. **ranking** (here): a day's events by independent sources (story families), then by
   whether they give figures, then by the actors and places involved; an event is *new*
   when the previous day with events had none of its type at its places or by its
   agents;
5. **claims** (:mod:`.claims`): a sentence marked as a claim names its claimant where it
   can: the subject of "claimed", "according to X", a party's own media ("state
   television"), else the subject of the reporting verb.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from ..records import Citation, Corpus, Event, Statement
from .claims import claimant
from .clusters import Cluster, gather
from .event_roles import event_roles, statement_roles
from .event_types import event_type, is_quoting, load_event_types
from .repeats import independent_sources, story_families

__all__ = ["build_events", "claimant", "event_type", "load_event_types", "statement_roles"]


def _summary_rank(statement: Statement) -> tuple:
    """The sentence to show for an event: the most sources, then one dated by its own
    words, then one that reports rather than quotes, then the most entities."""
    own_date = statement.date_evidence not in (None, "published")
    return (-statement.sources, not own_date, is_quoting(statement.text), -len(statement.entities))


def _new_since(previous: Sequence[Event], event: Event) -> bool:
    """Stage 4: no event of its type on the previous day at its places or by its agents."""
    places, agents = set(event.with_role("place")), set(event.with_role("agent"))
    return not any(
        p.type == event.type
        and (places & set(p.with_role("place")) or agents & set(p.with_role("agent")))
        for p in previous
    )


def _citations(statements: Sequence[Statement]) -> Iterator[Citation]:
    return (c for s in statements for c in s.citations)


def _importance(cluster: Cluster, family: dict[str, str]) -> tuple:
    """Stage 4: independent sources, then figures given, then entities named."""
    statements = cluster.statements
    return (
        -independent_sources(_citations(statements), family),
        not any(s.figures for s in statements),
        -len(cluster.entities),
        statements[0].text,
    )


def _claimant(members: Sequence[Statement]) -> str | None:
    """Stage 5 over an event's sentences, summary first."""
    return next((who for s in members if s.claim_cue and (who := claimant(s))), None)


def _event(cluster: Cluster, day: str, n: int, family: dict[str, str]) -> Event:
    """The ``n``-th event of ``day``, its summary the sentence :func:`_summary_rank`
    puts first among those of that day."""
    members = tuple(sorted(cluster.statements, key=lambda s: (s.date != day, *_summary_rank(s))))
    return Event(
        id=f"e{day.replace('-', '')}-{n}",
        date=day,
        type=cluster.kind.key,
        label=cluster.kind.label,
        predicate=cluster.predicate,
        summary=members[0],
        statements=members,
        sources=independent_sources(_citations(members), family),
        roles=event_roles(cluster.roles),
        claimed_by=_claimant(members),
    )


def build_events(
    corpus: Corpus,
    statements: Sequence[Statement],
    places: set[str] | frozenset[str] = frozenset(),
    same_place: Mapping[str, str] | None = None,
) -> list[Event]:
    """Stages 1-5: the events of every day, most important first within a day.
    ``places`` holds the ids of place entities that tell events apart (towns and
    regions); ``same_place`` maps a province to the town it is named after, which it
    does not tell apart ("Aleppo province", "Aleppo")."""
    family = story_families(corpus)
    by_day = gather(statements, set(places), load_event_types(), same_place)
    events: list[Event] = []
    previous: list[Event] = []
    for day in sorted(by_day):
        ranked = sorted(by_day[day], key=lambda c: _importance(c, family))
        todays = []
        for n, cluster in enumerate(ranked, start=1):
            event = _event(cluster, day, n, family)
            todays.append(replace(event, new=_new_since(previous, event)))
        events.extend(todays)
        previous = todays
    return events
