"""How the corpus describes and refers to entities, for tying speakers to them (part of
the resolve stage; used by :mod:`.speakers`).

1. **descriptions**: the phrases the text describes a mention with: its title
   ("spokesman John Kirby"), an apposition after it ("the Observatory, a
   Britain-based monitor") or the words right before it ("Britain-based war monitor
   the Syrian Observatory") (:func:`description_phrases`);
2. **per entity**: the head words of those phrases, by the number of articles using
   each, and the stems of every word describing it (:func:`descriptions_by_entity`);
3. **pronouns**: "he" or "she" for the people the corpus clearly refers to so
   (:func:`pronouns_by_person`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .. import lexicon
from ..records import ArticleExtraction, Entity, Mention
from ..textutil import fold

MODIFIER_STEM = 4
"""Letters of a description's capitalised modifier that must agree with a word the
corpus uses of the entity ("Brit" in British/Britain-based)."""
APPOSITION_REACH = 80
"""Characters after a name in which its description may be given ("X, a monitor")."""
APPOSITION_LEAD = 10
"""Characters read besides :data:`APPOSITION_REACH` for the comma or bracket and the
article that open an apposition (", a ")."""
LEAD_WORDS = 5
"""Words of its phrase kept before the noun that describes a name ("the Britain-based
war monitor the Syrian Observatory")."""
PRONOUN_MAJORITY = 3
"""How many times more often a person must be followed by one pronoun than the other
for the other not to stand for them."""
CUE_WORDS = lexicon.verb_form_set("reporting_verbs")
PERSON_PRONOUNS = frozenset({"he", "she"})
WORD = re.compile(r"[\w'-]+")


def entity_of(m: Mention, mention_entity: dict[tuple[str, int, int], str]) -> str | None:
    """The entity a mention stands for, or None."""
    return mention_entity.get((m.article_id, m.paragraph, m.start))


DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_PHRASE_ENDS = frozenset(
    {"with", "in", "of", "for", "on", "at", "from", "that", "which", "who", "whose", "to",
     "by", "and", "or", "as"}
)  # fmt: skip
_APPOSITION = re.compile(rf"^\s*[,(]\s*(?:a|an|the)\s+([^.;,()]{{1,{APPOSITION_REACH}}})")
_BEFORE_NAME = re.compile(r"\b([a-z][a-z-]*),?\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}$")


def description_phrases(m: Mention, paragraphs: dict[int, str]) -> list[list[str]]:
    """The phrases the text describes a mention with, in lower case, head last: its
    title ("spokesman John Kirby"), an apposition after it ("the Observatory, a
    Britain-based monitor") or the words right before it ("Britain-based war monitor
    the Syrian Observatory")."""
    phrases = []
    if m.role and (role := head_phrase(m.role.split())):
        phrases.append([w.lower() for w in role])
    text = paragraphs.get(m.paragraph, "")
    after = _APPOSITION.match(text[m.end : m.end + APPOSITION_REACH + APPOSITION_LEAD])
    if after:
        words = head_phrase(after.group(1).split())
        # "Mutassim, the cable said": an attribution, not a description
        if words and words[-1].islower() and not any(w.lower() in CUE_WORDS for w in words):
            phrases.append([w.lower() for w in words])
    before = _BEFORE_NAME.search(text[max(0, m.start - APPOSITION_REACH) : m.start])
    if before:
        # the words of its own phrase: after the last stop or comma before it
        preceding = text[max(0, m.start - APPOSITION_REACH) : m.start][: before.start(1)]
        lead = [w.lower() for w in re.split(r"[.;:!?,]", preceding)[-1].split()][-LEAD_WORDS:]
        # "according to the State Department cable, Mutassim ...": the noun belongs to
        # the phrase before
        if not any(w in _PHRASE_ENDS for w in lead):
            phrases.append([*lead, before.group(1)])
    return phrases


def head_phrase(words: list[str]) -> list[str]:
    """The words up to the phrase's head: "son of the leader" → "son", "a monitor
    with sources in" → "monitor", "a service operating in" → "service"."""
    kept: list[str] = []
    for word in words:
        if word.lower() in _PHRASE_ENDS or (kept and word.endswith("ing")):
            break
        kept.append(word)
    return kept


def stem(word: str) -> str:
    """The stem a modifier is compared by: "British"/"Britain", "Syrian"/"Syria" are
    alike enough to agree."""
    return fold(word).split("-")[0][:MODIFIER_STEM]


@dataclass(frozen=True)
class Described:
    """How the corpus describes one entity."""

    heads: Counter[str]
    """Head words of its descriptions, by the number of articles using each."""
    words: frozenset[str]
    """Stems of every word of its descriptions, its name and its roles."""


def pronouns_by_person(
    extractions: Sequence[ArticleExtraction],
    mention_entity: dict[tuple[str, int, int], str],
    entities: dict[str, Entity],
) -> dict[str, str]:
    """ "he" or "she" for the people the corpus clearly refers to so: a sentence naming
    one person only, followed by a sentence opening with "He" or "She"."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for extraction in extractions:
        people: dict[int, set[str]] = defaultdict(set)
        for m in extraction.mentions:
            entity_id = entity_of(m, mention_entity)
            if entity_id in entities and entities[entity_id].kind == "person":
                people[m.sentence].add(entity_id)
        ordered = sorted(extraction.sentences, key=lambda x: x.index)
        for first, then in pairwise(ordered):
            if len(people.get(first.index, ())) != 1 or people.get(then.index):
                continue
            opening = WORD.match(then.text.lstrip())
            word = opening.group(0).lower() if opening else ""
            if word in PERSON_PRONOUNS:
                (entity_id,) = people[first.index]
                votes[entity_id][word] += 1
    found = {}
    for entity_id, counts in votes.items():
        he, she = counts["he"], counts["she"]
        if he > PRONOUN_MAJORITY * she:
            found[entity_id] = "he"
        elif she > PRONOUN_MAJORITY * he:
            found[entity_id] = "she"
    return found


def descriptions_by_entity(
    extractions: Sequence[ArticleExtraction],
    mention_entity: dict[tuple[str, int, int], str],
    texts: dict[str, dict[int, str]],
    entities: dict[str, Entity],
) -> dict[str, Described]:
    """How the corpus describes each entity (see :class:`Described`)."""
    heads: dict[str, Counter[str]] = defaultdict(Counter)
    words: dict[str, set[str]] = defaultdict(set)
    for extraction in extractions:
        paragraphs = texts.get(extraction.article_id, {})
        in_article: dict[str, set[str]] = defaultdict(set)
        for m in extraction.mentions:
            entity_id = entity_of(m, mention_entity)
            if entity_id not in entities:
                continue
            for phrase in description_phrases(m, paragraphs):
                in_article[entity_id].add(phrase[-1])
                words[entity_id].update(stem(w) for w in phrase)
        for entity_id, found in in_article.items():
            heads[entity_id].update(found)
    for entity_id, entity in entities.items():
        written = [entity.name, *(r.text for r in entity.roles)]
        words[entity_id].update(stem(w) for text in written for w in WORD.findall(text))
    return {k: Described(heads[k], frozenset(words[k])) for k in heads}


def described_by_head(described: dict[str, Described], at_least: int) -> dict[str, list[str]]:
    """Head word → the entities described with it in ``at_least`` articles: looked up
    by a speaker's head word ("a monitor") instead of reading every described entity."""
    index: dict[str, list[str]] = defaultdict(list)
    for entity_id, known in described.items():
        for head, count in known.heads.items():
            if count >= at_least:
                index[head].append(entity_id)
    return index
