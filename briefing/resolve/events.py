"""Events: dated statements typed by their predicate and merged across articles.

In numbered stages with named thresholds:

1. **typing**: a sentence is an event when it holds a word from ``events.yml``
   (capture, shell, attack, flee, protest, meet, ...) outside quotation marks; a verb
   counts only where the tagger saw a verb ("rebel advances" is no advance), an event
   noun ("the offensive", "air strikes") always; casualty verbs ("killed") only when
   nothing else types the sentence. No word counts that is negated ("are not
   fleeing", "without meeting"), unreal ("might strike", "fears of attacks"), an
   infinitive ("vowed to take"), an adjective ("the captured town", "Iran-backed") or
   a running toll ("has killed 311"). The first word decides ("fled the fighting"
   is displacement), or, when the sentence's date dates another clause, the word
   nearest that clause's verb ("seized 50 towns after launching an offensive on
   Wednesday"); between types at one place, the file's order. A definite event noun
   after a comment verb ("Moscow regarded the attack as ...") makes a statement;
2. **roles**: who did it and to whom, from the parse: the subject of the predicate
   (or a passive's by-phrase) is the *agent*, its object (or a passive's subject, or
   "against X") the *target*; places are where it happened; any other entity named
   is *present*. Across the sentences of an event the most frequent role wins;
3. **claims**: a sentence marked as a claim names its claimant where it can: the
   subject of "claimed", "according to X", a party's own media ("state television"),
   else the subject of the reporting verb;
4. **clustering**: on one day, sentences of one type that name the same place (a
   town or region: a country is too broad to tell events apart), or the same actor
   and no other places with :data:`SAME_ACTOR_OVERLAP` of their content words, or that share
   :data:`SAME_EVENT_OVERLAP` of them whatever they name, are one event, told by
   several sources; a sentence dated only by its article's publication may join,
   with words alike to its leading sentence (:data:`CROSS_DAY_OVERLAP`), an event
   another source dated by its own words up to :data:`LOOKBACK_DAYS` earlier (the
   event keeps that day); a sentence dated only by publication starts an event only
   when it tells something that happened (a verb in a past form, not a state, a
   habit or a fear); the sentence shown for it is one of its day that most
   sources carry, dated by its own words, reporting rather than quoting;
5. **ranking**: a day's events by independent sources (story families), then by
   whether they give figures, then by the actors and places involved; an event is
   *new* when the previous day with events had none of its type at its places or by
   its agents.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import yaml

from .. import lexicon
from ..records import Corpus, Event, Statement
from ..textutil import content_words, verb_forms

PREDICATES_FILE = Path(__file__).with_name("events.yml")
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
class EventType:
    key: str
    label: str
    verbs: re.Pattern[str] | None
    nouns: re.Pattern[str] | None
    fallback: re.Pattern[str] | None = None
    comments: frozenset[str] = frozenset()
    irregular: frozenset[str] = frozenset()
    """Irregular forms written in the file ("took", "fled"), for telling a past."""


def _noun_forms(noun: str) -> list[str]:
    """ "strike" → strike, strikes; "air strike" → air strike, air strikes."""
    plural = f"{noun}es" if noun.endswith(("s", "sh", "ch", "x", "z")) else f"{noun}s"
    return [plural, noun]


def _pattern(forms: list[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternatives = [re.escape(f).replace(r"\ ", r"\s+") for f in forms]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


@functools.lru_cache(maxsize=4)
def load_event_types(path: Path = PREDICATES_FILE) -> tuple[EventType, ...]:
    """The event types of ``path`` in file order, each with one pattern of its verb
    forms and one of its noun forms."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(
        EventType(
            key,
            spec.get("label", key),
            _pattern([f for p in spec.get("predicates", ()) for f in verb_forms(p)]),
            _pattern([f for n in spec.get("nouns", ()) for f in _noun_forms(n)]),
            _pattern([f for p in spec.get("fallback", ()) for f in verb_forms(p)]),
            frozenset(spec.get("comments", ())),
            frozenset(
                form.strip().split()[0].lower()
                for p in [*spec.get("predicates", ()), *spec.get("fallback", ())]
                for form in p.split("/")[1:]
            ),
        )
        for key, spec in raw.items()
    )


_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?")


def _unquoted(text: str) -> str:
    """The text with quoted words blanked: what a speaker says is not the event."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


class Typed(NamedTuple):
    """What typed a sentence as an event."""

    kind: EventType
    predicate: str
    """The words as written."""
    at: int
    """Their offset in the sentence."""
    noun: bool
    """Whether an event noun typed it ("the offensive"), not a verb."""


def event_type(
    text: str,
    types: Sequence[EventType] | None = None,
    verbs: Sequence[tuple[int, str]] | None = None,
    near: int | None = None,
) -> Typed | None:
    """Stage 1: the type of the sentence, the words that typed it and their offset,
    or None. Predicates inside quotation marks do not count; with ``verbs`` (the
    tagged verbs' offsets), a verb predicate counts only where a verb was tagged;
    with ``near``, the event word nearest that offset wins instead of the first."""
    reported = _unquoted(text)
    verb_at = {offset for offset, _ in verbs} if verbs is not None else None
    strong, weak = [], []
    for order, kind in enumerate(types or load_event_types()):
        for pattern, noun, found in (
            (kind.verbs, False, strong),
            (kind.nouns, True, strong),
            (kind.fallback, False, weak),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(reported):
                if m.start() and reported[m.start() - 1] == "-":
                    continue  # "Western-sanctioned", "Iran-backed": a modifier, no event
                before = reported[max(0, m.start() - 40) : m.start()]
                if _NEGATED.search(before) or _UNREAL.search(before):
                    continue  # "are not fleeing", "without meeting", "might strike"
                if not noun and _INFINITIVE.search(before):
                    continue  # "called on the SDF to retreat", "vowed to take Damascus"
                if not noun and _DETERMINER.search(before):
                    continue  # "the captured town", "scores of captured troops": adjectives
                if found is weak and _CUMULATIVE.search(before):
                    continue  # "the violence has killed 311": a running toll, no event
                if noun or verb_at is None or m.start() in verb_at:
                    found.append((m.start(), order, noun, kind, m.group(0)))
    found = strong or weak
    if not found:
        return None
    # At one place a verb reading wins over a noun reading of the same word.
    distance = (lambda f: abs(f[0] - near)) if near is not None else (lambda f: 0)
    start, _, noun, kind, predicate = min(found, key=lambda f: (distance(f), f[0], f[1], f[2]))
    if noun and verbs:
        return _comment(reported, start, verbs, types or load_event_types()) or Typed(
            kind, predicate, start, noun
        )
    return Typed(kind, predicate, start, noun)


@functools.lru_cache(maxsize=16)
def _verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every inflected form of ``lemmas``: the pipeline runs without a lemmatizer (for
    speed), so verbs are compared by their written form."""
    forms = {f for lemma in lemmas for f in verb_forms(lemma)}
    return frozenset(forms | _IRREGULAR_SAYING)


_IRREGULAR_SAYING = frozenset({"said", "told", "thought", "led", "wrote", "written"})


def _verb_word(text: str, offset: int) -> str:
    word = re.match(r"[\w'-]+", text[offset:])
    return word.group(0).lower() if word else ""


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _comment(
    text: str, noun_at: int, verbs: Sequence[tuple[int, str]], types: Sequence[EventType]
) -> Typed | None:
    """A definite event noun whose nearest verb before it is a comment verb ("Peskov
    said Moscow regarded the rebel attack as ..."): a statement about an event told
    elsewhere, typed by the type whose ``comments`` hold that verb."""
    if not _DEFINITE.search(text[max(0, noun_at - 40) : noun_at]):
        return None
    before = [(offset, lemma) for offset, lemma in verbs if offset < noun_at]
    if not before:
        return None
    offset, _ = max(before)
    word = _verb_word(text, offset)
    for kind in types:
        if kind.comments and word in _verb_forms(kind.comments):
            return Typed(kind, word, offset, False)
    return None


_UNREAL = re.compile(
    r"\b(?:will|would|could|might|may|should|cannot|can|must|if|whether|unless)\s+(?:[\w']+\s+){0,2}$"
    r"|\b(?:no evidence of|threat of|fears? of|risk of|plans? to|threaten(?:ed|s)? to)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|of|its|their|his|her|our|these|those)\s+$", re.I)
_CUMULATIVE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.I)
_NEGATED = re.compile(r"(?:\bnot|n't|n’t|\bnever|\bno longer|\bwithout)\s+(?:\w+\s+)?$", re.I)
REPORTING_VERBS = frozenset({"say", "tell", "report", "add", "state", "claim", "confirm", "write"})
"""A date on these dates the telling, not the event told ("X told AFP on Saturday")."""


def _dated_event_type(statement: Statement, types: Sequence[EventType]) -> Typed | None:
    """Stage 1 with the sentence's date: the event word nearest the verb its date
    expression dates. In "the rebels have seized 50 towns after launching an
    offensive on Wednesday", Wednesday dates the offensive, not the seizing; in "the
    offensive began on Wednesday, the day a ceasefire took effect", the offensive."""
    verbs = statement.verbs if statement.tagged else None
    typed = event_type(statement.text, types, verbs)
    if typed is None or statement.date_at < 0 or typed.at == statement.date_at:
        return typed
    if _verb_word(statement.text, statement.date_at) in _verb_forms(REPORTING_VERBS):
        return typed
    return event_type(statement.text, types, verbs, near=statement.date_at)


AGENT_RELATIONS = frozenset({"nsubj", "agent"})
TARGET_RELATIONS = frozenset({"dobj", "nsubjpass", "prep:against", "prep:on", "prep:at"})
LEADING_VERBS = frozenset({"lead", "spearhead", "head", "command"})
"""Verbs whose by-phrase names who is behind the doers ("fighters led by X")."""
_ROLE_ORDER = ("agent", "target", "place", "present")


_BY_AFTER_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?by\s+(?:the\s+)?$", re.I)
_OWNER_BEFORE_NOUN = re.compile(r"^(?:'s|’s)?\s+(?:[\w-]+\s+)?$")


def _noun_agents(statement: Statement, typed: Typed, places: set[str] | frozenset[str]) -> set[str]:
    """Who did an event named by a noun: "strikes by Russia", "HTS's offensive"."""
    end = typed.at + len(typed.predicate)
    agents = set()
    for start, stop, entity_id in statement.spans:
        if entity_id in places:
            continue
        after = start >= end and _BY_AFTER_NOUN.fullmatch(statement.text[end:start])
        before = stop <= typed.at and _OWNER_BEFORE_NOUN.match(statement.text[stop : typed.at])
        if after or before:
            agents.add(entity_id)
    return agents


def statement_roles(
    statement: Statement,
    predicate_at: int,
    places: set[str] | frozenset[str],
    typed: Typed | None = None,
) -> dict[str, str]:
    """Stage 2 for one sentence: entity id → agent, target, place or present, for
    the predicate at offset ``predicate_at`` (``typed``, when given, also finds who
    did an event named by a noun)."""
    roles: dict[str, str] = {}
    if typed is not None and typed.noun:
        roles.update(dict.fromkeys(_noun_agents(statement, typed, places), "agent"))
    for entity_id, relation, verb in statement.arguments:
        if verb == predicate_at and relation in AGENT_RELATIONS:
            role = "agent"  # a country can act ("Turkey struck ...")
        elif entity_id in places:
            role = "place"
        elif verb == predicate_at and relation in TARGET_RELATIONS:
            role = "target"
        else:
            role = "present"
        previous = roles.get(entity_id)
        if previous is None or _ROLE_ORDER.index(role) < _ROLE_ORDER.index(previous):
            roles[entity_id] = role
    for entity_id in statement.entities:
        roles.setdefault(entity_id, "place" if entity_id in places else "present")
    if "agent" not in roles.values():
        # "insurgents led by HTS captured ...": who leads the doers did it.
        leading = _verb_forms(LEADING_VERBS)
        for entity_id, relation, verb in statement.arguments:
            if relation == "agent" and verb >= 0 and _verb_word(statement.text, verb) in leading:
                roles[entity_id] = "agent"
    return roles


def _event_roles(found: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    """Stage 2 across an event's sentences: each entity's most frequent role, the
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


_SAYING = re.compile(r"\b(?:said|says|told|reported|announced|stated|added)\b", re.I)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)


def claimant(statement: Statement) -> str | None:
    """Stage 3: the entity id, or the words as written, of whoever makes the claim
    in a sentence marked as one; None when the sentence names nobody."""
    cue = statement.claim_cue
    if cue is None:
        return None
    at = statement.text.find(cue)
    sayers = {m.start() for m in _SAYING.finditer(statement.text)}
    for (start, _, entity_id), (_, relation, verb) in zip(
        statement.spans, statement.arguments, strict=False
    ):
        if relation == "nsubj" and verb == at:
            return entity_id  # "HTS claimed ..."
        if _ACCORDING_TO.search(statement.text[:start]):
            return entity_id
    if cue.split()[0].lower() in _PARTY_MEDIA_WORDS:
        return cue  # "state media reported"
    for (_, _, entity_id), (_, relation, verb) in zip(
        statement.spans, statement.arguments, strict=False
    ):
        if relation == "nsubj" and verb in sayers:
            return entity_id
    return None


_PARTY_MEDIA_WORDS = lexicon.word_set("party_media_owners")


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _summary_rank(statement: Statement) -> tuple:
    """The sentence to show for an event: the most sources, then one dated by its own
    words, then one that reports rather than quotes, then the most entities."""
    quoted = bool(_QUOTED.search(statement.text))
    own_date = statement.date_evidence not in (None, "published")
    return (-statement.sources, not own_date, quoted, -len(statement.entities))


def _same_event(
    statement: Statement, words: frozenset[str], noun: str | None, cluster: dict, places: set[str]
) -> bool:
    """Stage 4, for one type and day (the caller's), in order:

    1. a place (town or region) of the sentence that *leads* the event (its first,
       most corroborated one: comparing with the leader, not with everything the
       event has gathered, stops "Idlib and Aleppo" from chaining two events);
    2. two places and none shared: two events (an event is a day, a place and its
       actors, as in ACLED);
    3. much the same words as any sentence of the event;
    4. naming no other place, the leader's actor in words alike enough;
    5. naming no place, an event noun the event's sentences use ("the offensive",
       "the ceasefire"): the definite noun takes up the day's event of that name.
    """
    leader = cluster["statements"][0]
    own_places = set(statement.entities) & places
    their_places = set(leader.entities) & places
    if own_places & their_places:
        return True
    if own_places and their_places:
        return False
    if any(_overlap(words, w) >= SAME_EVENT_OVERLAP for w in cluster["words"]):
        return True
    shared = set(statement.entities) & set(leader.entities)
    if shared and _overlap(words, cluster["words"][0]) >= SAME_ACTOR_OVERLAP:
        return True
    return not own_places and noun is not None and any(noun in w for w in cluster["words"])


_NOT_PAST_BEFORE = re.compile(r"\b(?:is|are|am|be|been|being)\s+(?:\w+\s+)?$", re.I)
_GENERIC = re.compile(
    r"\b(?:repeatedly|often|frequently|regularly|routinely|long|ever|usually|"
    r"for (?:years|decades|months)|over the (?:years|decades)|since (?:the )?(?:1[89]|20)\d\d)\b",
    re.I,
)
IRREGULAR_PASTS = frozenset(
    {
        "saw", "shot", "hit", "began", "took", "made", "struck", "fought", "fell", "fled",
        "met", "led", "won", "lost", "sent", "brought", "came", "went", "held", "kept",
        "left", "ran", "threw", "drove", "rose", "spread", "broke", "said", "told",
        "overran", "withdrew", "retook", "stood", "sought", "gave", "got", "found", "put",
        "set", "shut", "cut",
    }
)  # fmt: skip
"""Irregular past forms of common English verbs (a grammar fact, not a story's words)."""
NOUN_VERB_WINDOW = 40
"""Characters before an event noun in which the verb that tells it is looked for
("carried out strikes", "shot down drones")."""


def _is_past(text: str, offset: int, kind: EventType) -> bool:
    """Whether the verb at ``offset`` is in a past form and not a present state ("is
    concentrated")."""
    word = _verb_word(text, offset)
    past = word.endswith("ed") or word in IRREGULAR_PASTS or word in kind.irregular
    return past and not _NOT_PAST_BEFORE.search(text[max(0, offset - 25) : offset])


def _tells_a_past_event(statement: Statement, typed: Typed) -> bool:
    """Whether a sentence tells something that happened, not a state, a habit or a
    fear: the verb that tells it is in a past form ("captured", "fled", "carried out
    strikes", "said"), and the sentence is not about what happens "repeatedly" or
    "for years". Stage 4 lets only such sentences, or sentences dated by their own
    words, start an event; others may join one."""
    if _GENERIC.search(statement.text):
        return False
    at = typed.at
    if typed.noun:
        before = [o for o, _ in statement.verbs if at - NOUN_VERB_WINDOW <= o < at]
        if not before:
            return False
        at = max(before)
    return _is_past(statement.text, at, typed.kind)


def _candidates(clusters: dict, statement: Statement, kind: str) -> list[dict]:
    """Events a sentence may join: those of its day; for a sentence dated only by its
    article's publication, first those of the :data:`LOOKBACK_DAYS` before that
    another source dated by its own words ("on Friday")."""
    same_day = clusters.get((statement.date, kind), [])
    if statement.date_evidence != "published" or not statement.date:
        return same_day
    day = date.fromisoformat(statement.date)
    earlier = [
        c
        for back in range(1, LOOKBACK_DAYS + 1)
        for c in clusters.get(((day - timedelta(days=back)).isoformat(), kind), [])
        if c["statements"][0].date_evidence != "published"
    ]
    return earlier + same_day


def _alike_across_days(words: frozenset[str], cluster: dict) -> bool:
    """Stricter for another day: alike words to the leading sentence too."""
    return _overlap(words, cluster["words"][0]) >= CROSS_DAY_OVERLAP or any(
        _overlap(words, w) >= SAME_EVENT_OVERLAP for w in cluster["words"]
    )


def _new_since(previous: Sequence[Event], event: Event) -> bool:
    """Stage 5: no event of its type on the previous day at its places or by its agents."""
    places, agents = set(event.with_role("place")), set(event.with_role("agent"))
    return not any(
        p.type == event.type
        and (places & set(p.with_role("place")) or agents & set(p.with_role("agent")))
        for p in previous
    )


def _importance(cluster: dict, family: dict[str, str]) -> tuple:
    """Stage 5: independent sources, then figures given, then entities named."""
    statements = cluster["statements"]
    return (
        -len({family[x.article_id] for s in statements for x in s.citations}),
        not any(s.figures for s in statements),
        -len(cluster["entities"]),
        statements[0].text,
    )


def _claimant(members: Sequence[Statement]) -> str | None:
    """Stage 3 over an event's sentences, summary first."""
    return next((who for s in members if s.claim_cue and (who := claimant(s))), None)


def build_events(
    corpus: Corpus, statements: Sequence[Statement], places: set[str] | frozenset[str] = frozenset()
) -> list[Event]:
    """Stages 1-5: the events of every day, most important first within a day.
    ``places`` holds the ids of place entities that tell events apart (towns and
    regions)."""
    family = {a.id: a.family or a.id for a in corpus.articles}
    places = set(places)
    types = load_event_types()
    clusters: dict[tuple[str, str], list[dict]] = defaultdict(list)
    # Sentences dated by their own words lead; those dated only by publication follow,
    # so that they can join the event another source dates (stage 4, across days).
    ranked = sorted(
        (s for s in statements if s.date),
        key=lambda s: (s.date_evidence == "published", -s.sources, -len(s.entities)),
    )
    for statement in ranked:
        typed = _dated_event_type(statement, types)
        if typed is None:
            continue
        roles = statement_roles(statement, typed.at, places, typed)
        words = content_words(statement.text)
        noun = typed.predicate.lower().rstrip("s") if typed.noun else None
        cluster = next(
            (
                c
                for c in _candidates(clusters, statement, typed.kind.key)
                if _same_event(statement, words, noun, c, places)
                and (c["day"] == statement.date or _alike_across_days(words, c))
            ),
            None,
        )
        if cluster is not None:
            cluster["statements"].append(statement)
            cluster["roles"].append(roles)
            cluster["entities"] |= set(statement.entities)
            cluster["words"].append(words)
        elif statement.date_evidence == "published" and not _tells_a_past_event(statement, typed):
            continue  # background or a state of things, dated only by its article
        else:
            clusters[(statement.date, typed.kind.key)].append(
                {
                    "kind": typed.kind,
                    "predicate": typed.predicate,
                    "day": statement.date,
                    "statements": [statement],
                    "roles": [roles],
                    "entities": set(statement.entities),
                    "words": [words],
                }
            )
    events: list[Event] = []
    by_day: dict[str, list[dict]] = defaultdict(list)
    for (day, _), found in clusters.items():
        by_day[day].extend(found)
    previous: list[Event] = []
    for day in sorted(by_day):
        todays = []
        for n, cluster in enumerate(
            sorted(by_day[day], key=lambda c: _importance(c, family)), start=1
        ):
            members = tuple(
                sorted(cluster["statements"], key=lambda s: (s.date != day, *_summary_rank(s)))
            )
            event = Event(
                id=f"e{day.replace('-', '')}-{n}",
                date=day,
                type=cluster["kind"].key,
                label=cluster["kind"].label,
                predicate=cluster["predicate"],
                summary=members[0],
                statements=members,
                sources=len({family[c.article_id] for s in members for c in s.citations}),
                roles=_event_roles(cluster["roles"]),
                claimed_by=_claimant(members),
            )
            todays.append(replace(event, new=_new_since(previous, event)))
        events.extend(todays)
        previous = todays
    return events
