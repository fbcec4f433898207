"""Event typing, stage 1 of :mod:`.events`: which event a sentence tells, and whether
it tells something that happened.

1. **types**: ``events.yml`` lists the event types in order, each with its verbs
   (``predicates``), its event nouns, its ``fallback`` verbs and its ``comments`` verbs
   (:func:`load_event_types`; validated when read);
2. **typing**: a sentence is an event when it holds a word of a type outside quotation
   marks, and does not open with a quote and its attribution ("“...,” X said, as
   ..." tells what X said: :func:`opens_with_speech`); a verb counts only where the
   tagger saw a verb, an event noun always,
   fallback verbs only when nothing else types the sentence. No word counts that is
   negated, unreal, an infinitive, an adjective or a running toll. The first word
   decides, between types at one place the file's order (:func:`event_type`); a
   definite event noun after a comment verb makes a statement (:func:`_comment`);
3. **dated clause**: when the sentence's date dates another clause, the event word
   nearest that clause's verb decides, unless the date dates the telling
   (:func:`dated_event_type`);
4. **past**: whether the verb that tells the event is in a past form, in a sentence
   not about a habit or a state, nor an assessment of what is likely ("unlikely",
   "expected to": :func:`tells_a_past_event`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .. import lexicon
from ..quoting import quoted_runs
from ..records import Statement
from ..textutil import alternation, plural, verb_forms
from .rules import TEXT, WORDS, load_rules

PREDICATES_FILE = Path(__file__).with_name("events.yml")
_SCHEMA = {
    "label": TEXT,
    "predicates": WORDS,
    "nouns": WORDS,
    "fallback": WORDS,
    "comments": WORDS,
    "comment_forms": WORDS,
}
BEFORE_WINDOW = 40
"""Characters before an event word read for what keeps it from counting: a negation,
a modal, "to", a determiner, "has" ("might strike", "vowed to take", "the captured
town")."""
DEFINITE_WINDOW = 40
"""Characters before an event noun read for the determiner that makes it definite
("the rebel attack")."""
STATE_WINDOW = 25
"""Characters before a past form read for a copula that makes it a state ("is
concentrated")."""
NOUN_VERB_WINDOW = 40
"""Characters before an event noun in which the verb that tells it is looked for
("carried out strikes", "shot down drones")."""


@dataclass(frozen=True)
class EventType:
    """One type of ``events.yml``, its words as patterns."""

    key: str
    """The type's key ("battle")."""
    label: str
    """Its readable label ("Battle")."""
    verbs: re.Pattern[str] | None
    """Every form of its predicates, or None when it has none."""
    nouns: re.Pattern[str] | None
    """Its event nouns, singular and plural."""
    fallback: re.Pattern[str] | None = None
    """Every form of the verbs that type a sentence only when nothing else does."""
    comments: frozenset[str] = frozenset()
    """Every form of the verbs that make a definite event noun after them a comment
    (``comments``, inflected, and ``comment_forms`` as written)."""
    irregular: frozenset[str] = frozenset()
    """Irregular forms written in the file ("took", "fled"), for telling a past."""
    openers: frozenset[str] | None = None
    """The first word of every form of its verbs, nouns and fallback verbs, in lower
    case: a sentence holding none of them holds no word of the type, and is not
    searched (a sentence is read for every type). None: search every sentence."""


def _noun_forms(noun: str) -> list[str]:
    """ "strike" → strike, strikes; "air strike" → air strike, air strikes."""
    return [plural(noun), noun]


def _pattern(forms: list[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternatives = [re.escape(f).replace(r"\ ", r"\s+") for f in forms]
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


_FIRST_WORD = re.compile(r"\w+")
_IGNORED_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The letters outside ASCII that a case-blind pattern matches to an ASCII letter
(Python's ``re.I``): read as that letter, so a word's test agrees with the pattern's."""


def words_of_sentence(text: str) -> frozenset[str]:
    """The words of ``text`` in lower case, as a case-blind pattern would see them."""
    return frozenset(_FIRST_WORD.findall(text.translate(_IGNORED_CASE).lower()))


def _openers(forms: Sequence[str]) -> frozenset[str] | None:
    """The first word of each form; None when a form starts with no word (a pattern
    that could match inside no whole word of the sentence's)."""
    firsts = [_FIRST_WORD.match(form.lower()) for form in forms]
    if not all(firsts):
        return None
    return frozenset(m.group(0) for m in firsts if m)


def _verbs(predicates: Sequence[str]) -> list[str]:
    return [form for p in predicates for form in verb_forms(p)]


def _event_type(key: str, spec: dict) -> EventType:
    predicates, fallback = spec.get("predicates", ()), spec.get("fallback", ())
    verbs, fallbacks = _verbs(predicates), _verbs(fallback)
    nouns = [f for n in spec.get("nouns", ()) for f in _noun_forms(n)]
    return EventType(
        key,
        spec.get("label", key),
        _pattern(verbs),
        _pattern(nouns),
        _pattern(fallbacks),
        frozenset([*_verbs(spec.get("comments", ())), *spec.get("comment_forms", ())]),
        frozenset(
            form.strip().split()[0].lower()
            for p in [*predicates, *fallback]
            for form in p.split("/")[1:]
        ),
        _openers([*verbs, *nouns, *fallbacks]),
    )


@functools.lru_cache(maxsize=4)
def load_event_types(path: Path = PREDICATES_FILE) -> tuple[EventType, ...]:
    """The event types of ``path`` in file order, each with one pattern of its verb
    forms and one of its noun forms. A malformed file raises
    :class:`~briefing.errors.LexiconError`."""
    return tuple(_event_type(key, spec) for key, spec in load_rules(path, _SCHEMA).items())


def is_quoting(text: str) -> bool:
    """Whether ``text`` quotes someone's words."""
    return any(True for _ in quoted_runs(text))


ATTRIBUTION_WORDS = 6
"""Words after a quote's closing mark within which its reporting verb stands ("”
Khalifa said", "” a senior Turkish security official told")."""
_REPORTING = lexicon.verb_form_set("reporting_verbs")
_WORD = re.compile(r"[\w'’-]+")


def opens_with_speech(text: str) -> bool:
    """Whether a sentence opens with a quote and its attribution ("“They’ve framed it
    as a defensive move,” Khalifa said, as strikes intensified"): it tells what was
    said, and the circumstances after the attribution are not the event it reports."""
    first = next(iter(quoted_runs(text)), None)
    if first is None or not first.closed or text[: max(first.opens_at, 0)].strip():
        return False
    after = _WORD.findall(text[first.closes_after :])[:ATTRIBUTION_WORDS]
    return any(word.lower() in _REPORTING for word in after)


def _unquoted(text: str) -> str:
    """The text with quoted words blanked: what a speaker says is not the event."""
    blanked = list(text)
    for run in quoted_runs(text):
        blanked[run.opens_at : run.closes_after] = " " * (run.closes_after - run.opens_at)
    return "".join(blanked)


class Typed(NamedTuple):
    """What typed a sentence as an event."""

    kind: EventType
    """The type."""
    predicate: str
    """The words as written."""
    at: int
    """Their offset in the sentence."""
    noun: bool
    """Whether an event noun typed it ("the offensive"), not a verb."""


_UNREAL = re.compile(
    rf"\b{alternation(lexicon.words('unreal_words'))}\s+(?:[\w']+\s+){{0,2}}$"
    rf"|\b{alternation(lexicon.words('unreal_phrases'))}\s+(?:[\w-]+\s+){{0,2}}$",
    re.I,
)
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|of|its|their|his|her|our|these|those)\s+$", re.I)
_CUMULATIVE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.I)
_NEGATED = re.compile(
    rf"(?:\b{alternation(lexicon.words('negators'))}|n't|n’t)\s+(?:\w+\s+)?$", re.I
)


def _counts(reported: str, m: re.Match[str], noun: bool, weak: bool) -> bool:
    """Whether an event word found at ``m`` counts, from the words before it."""
    if m.start() and reported[m.start() - 1] == "-":
        return False  # "Western-sanctioned", "Iran-backed": a modifier, no event
    before = reported[max(0, m.start() - BEFORE_WINDOW) : m.start()]
    if _NEGATED.search(before) or _UNREAL.search(before):
        return False  # "are not fleeing", "without meeting", "might strike"
    if not noun and _INFINITIVE.search(before):
        return False  # "called on the SDF to retreat", "vowed to take Damascus"
    if not noun and _DETERMINER.search(before):
        return False  # "the captured town", "scores of captured troops": adjectives
    # "the violence has killed 311": a running toll, no event
    return not (weak and _CUMULATIVE.search(before))


_Found = tuple[int, int, bool, EventType, str]
"""(offset, the type's place in the file, whether a noun, the type, the words)."""


def _event_words(
    reported: str, types: Sequence[EventType], verb_at: set[int] | None
) -> list[_Found]:
    """Every event word of the sentence that counts: the strong ones (verbs and
    nouns), or failing them the fallback verbs."""
    strong: list[_Found] = []
    weak: list[_Found] = []
    words = words_of_sentence(reported)
    for order, kind in enumerate(types):
        if kind.openers is not None and kind.openers.isdisjoint(words):
            continue
        for pattern, noun, found in (
            (kind.verbs, False, strong),
            (kind.nouns, True, strong),
            (kind.fallback, False, weak),
        ):
            if pattern is None:
                continue
            for m in pattern.finditer(reported):
                if not _counts(reported, m, noun, found is weak):
                    continue
                if noun or verb_at is None or m.start() in verb_at:
                    found.append((m.start(), order, noun, kind, m.group(0)))
    return strong or weak


def event_type(
    text: str,
    types: Sequence[EventType] | None = None,
    verbs: Sequence[tuple[int, str]] | None = None,
    near: int | None = None,
) -> Typed | None:
    """Stage 2: the type of the sentence, the words that typed it and their offset,
    or None. Predicates inside quotation marks do not count; with ``verbs`` (the
    tagged verbs' offsets), a verb predicate counts only where a verb was tagged;
    with ``near``, the event word nearest that offset wins instead of the first."""
    if opens_with_speech(text):
        return None
    reported = _unquoted(text)
    types = types or load_event_types()
    verb_at = {offset for offset, _ in verbs} if verbs is not None else None
    found = _event_words(reported, types, verb_at)
    if not found:
        return None
    # At one place a verb reading wins over a noun reading of the same word.
    distance = (lambda f: abs(f[0] - near)) if near is not None else (lambda f: 0)
    start, _, noun, kind, predicate = min(found, key=lambda f: (distance(f), f[0], f[1], f[2]))
    if noun and verbs:
        return _comment(reported, start, verbs, types) or Typed(kind, predicate, start, noun)
    return Typed(kind, predicate, start, noun)


def verb_word(text: str, offset: int) -> str:
    """The word at ``offset`` (a tagged verb's), in lower case."""
    word = re.match(r"[\w'-]+", text[offset:])
    return word.group(0).lower() if word else ""


_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _comment(
    text: str, noun_at: int, verbs: Sequence[tuple[int, str]], types: Sequence[EventType]
) -> Typed | None:
    """A definite event noun whose nearest verb before it is a comment verb ("Peskov
    said Moscow regarded the rebel attack as ..."): a statement about an event told
    elsewhere, typed by the type whose ``comments`` hold that verb."""
    if not _DEFINITE.search(text[max(0, noun_at - DEFINITE_WINDOW) : noun_at]):
        return None
    before = [(offset, lemma) for offset, lemma in verbs if offset < noun_at]
    if not before:
        return None
    offset, _ = max(before)
    word = verb_word(text, offset)
    for kind in types:
        if word in kind.comments:
            return Typed(kind, word, offset, False)
    return None


TELLING_VERBS = lexicon.verb_form_set("telling_verbs")
"""A date on these dates the telling, not the event told ("X told AFP on Saturday")."""


def dated_event_type(statement: Statement, types: Sequence[EventType]) -> Typed | None:
    """Stage 3: the event word nearest the verb the sentence's date expression dates.
    In "the rebels have seized 50 towns after launching an offensive on Wednesday",
    Wednesday dates the offensive, not the seizing; in "the offensive began on
    Wednesday, the day a ceasefire took effect", the offensive."""
    verbs = statement.verbs if statement.tagged else None
    typed = event_type(statement.text, types, verbs)
    if typed is None or statement.date_at < 0 or typed.at == statement.date_at:
        return typed
    if verb_word(statement.text, statement.date_at) in TELLING_VERBS:
        return typed
    return event_type(statement.text, types, verbs, near=statement.date_at)


_NOT_PAST_BEFORE = re.compile(r"\b(?:is|are|am|be|been|being)\s+(?:\w+\s+)?$", re.I)
_GENERIC = re.compile(
    rf"\b(?:{alternation(lexicon.words('habitual_markers'))}|since (?:the )?(?:1[89]|20)\d\d)\b",
    re.I,
)
_ASSESSMENT = re.compile(rf"\b{alternation(lexicon.words('assessment_words'))}\b", re.I)
IRREGULAR_PASTS = lexicon.word_set("irregular_pasts")
"""Irregular past forms of common English verbs (a grammar fact, not a story's words)."""


def _is_past(text: str, offset: int, kind: EventType) -> bool:
    """Whether the verb at ``offset`` is in a past form and not a present state ("is
    concentrated")."""
    word = verb_word(text, offset)
    past = word.endswith("ed") or word in IRREGULAR_PASTS or word in kind.irregular
    return past and not _NOT_PAST_BEFORE.search(text[max(0, offset - STATE_WINDOW) : offset])


def tells_a_past_event(statement: Statement, typed: Typed) -> bool:
    """Stage 4: whether a sentence tells something that happened, not a state, a habit,
    a fear or an assessment: the verb that tells it is in a past form ("captured",
    "fled", "carried out strikes", "said"), and the sentence is not about what happens
    "repeatedly" or "for years", nor weighs what is "unlikely" or "expected to"
    happen."""
    if _GENERIC.search(statement.text) or _ASSESSMENT.search(statement.text):
        return False
    at = typed.at
    if typed.noun:
        before = [o for o, _ in statement.verbs if at - NOUN_VERB_WINDOW <= o < at]
        if not before:
            return False
        at = max(before)
    return _is_past(statement.text, at, typed.kind)
