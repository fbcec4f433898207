"""Entities: each group becomes an :class:`~briefing.records.Entity` with a unique id,
its names, roles and place; then the entities' names are looked for again where the
tagger missed them.

1. **entities**: the kind (:mod:`.kinds`), then the user's ``kind`` and ``rename``
   entries; ids are slugs of the names, most mentioned entities first;
2. **mentions kept**: mentions of no entity (their name normalised to nothing, or
   their group dropped) leave every later step;
3. **names found again**: a run of capitalised words written exactly as the name of
   one entity, outside any mention, becomes a mention of it.
"""

from __future__ import annotations

import re
from collections import ChainMap, Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, replace

from .. import lexicon
from ..records import GPE, ORG, Alias, ArticleExtraction, Citation, Entity, Mention, Sentence
from ..textutil import RESERVED_IDS, alternation, slugify, unique_id
from .countries import country_of
from .cues import Paragraphs
from .curation import Curation, curated_kind, curated_name
from .groups import Group, Groups, Where, owners, where
from .kinds import entity_kind
from .names import in_house_style, joins_articles, role_of, without_owner

ACTING_DEPS = frozenset({"nsubj"})
"""A country that is the subject of a verb acts as a state ("Turkey demanded ...")."""
REFOUND_MIN_MENTIONS = 2
"""An entity's names are looked for again in the text when the tagger found it this
often: a one-off may be noise, and its name would spread it."""
REFOUND_MIN_LENGTH = 4
"""Shorter names are looked for again only when written in capitals ("HTS")…"""
REFOUND_MIN_CAPITALS = 3
"""…and at least this long: "UN" or "US" alone is too often something else."""
_CAPITALISED_WORD = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_CAPITALISED_RUN = re.compile(
    rf"(?<![\w'’-])(?:{_CAPITALISED_WORD})"
    rf"(?:\s+(?:{alternation(lexicon.words('name_run_joiners'))}[\s-]+)?{_CAPITALISED_WORD})*"
)
"""Capitalised words, with small words between them that a name may hold."""
_RUN_DETERMINERS = ("The ", "A ", "An ")
_POSSESSIVE_END = re.compile(r"(?:'s|’s)$")
MentionEntity = dict[Where, str]
"""Where a mention is → the id of its entity."""


def _acting(group: Group) -> tuple[Citation, ...]:
    return tuple(
        sorted(
            {
                Citation(m.article_id, m.paragraph)
                for m in group.mentions
                if m.syntax in ACTING_DEPS
            },
            key=lambda c: (c.article_id, c.paragraph),
        )
    )


def _counted(
    counts: Counter[str], first_seen: Mapping[str, Citation] | None = None
) -> tuple[Alias, ...]:
    """Names with their counts, most frequent first (and where each was first seen)."""
    return tuple(
        Alias(text, count, first_seen[text]) if first_seen is not None else Alias(text, count)
        for text, count in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )


def _aliases(group: Group) -> tuple[Alias, ...]:
    # "Syrian" of "Syrian and Russian warplanes" stands for the Syrian military, but is
    # no name of it to list
    shown = [m for m in group.mentions if not (group.described and country_of(m.text))]
    aliases = Counter(without_owner(m.text) for m in shown)
    first_seen: dict[str, Citation] = {}
    for m in sorted(shown, key=lambda m: (m.article_id, m.paragraph, m.start)):
        first_seen.setdefault(without_owner(m.text), Citation(m.article_id, m.paragraph))
    return _counted(aliases, first_seen)


def _entity(
    group: Group,
    curation: Curation,
    outlets: frozenset[str],
    paragraphs: Paragraphs,
    taken: set[str],
    joined_articles: bool,
) -> Entity:
    name = in_house_style(group.name(), joined_articles)
    found = entity_kind(group, name, outlets, paragraphs)
    curated = curated_kind(group, curation)
    renamed = curated_name(group, curation)
    name, renamed_why = renamed or (name, None)
    chosen = curated or found  # aliases.yml has the last word
    is_actor, kind = chosen.is_actor, chosen.kind
    why = (found.rule, curated.rule if curated else None, renamed_why)
    rules = group.rules | {rule for rule in why if rule}
    place = group.place if not is_actor else None
    return Entity(
        id=unique_id(slugify(name, fallback="entity"), taken),
        group="actor" if is_actor else "place",
        kind=kind,
        name=name,
        aliases=_aliases(group),
        rules=tuple(sorted(rules)),
        articles=tuple(sorted({m.article_id for m in group.mentions})),
        mention_count=len(group.mentions),
        roles=_counted(Counter(r for m in group.mentions if (r := role_of(m))))
        if kind == "person"
        else (),
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        parent=place.parent if place else None,
        located_as=f"{place.name}, {place.kind}, {place.country_name}" if place else None,
        acting=_acting(group) if kind == "country" else (),
        described=bool(group.described) and is_actor,
    )


def build_entities(
    groups: Groups, curation: Curation, outlets: frozenset[str], paragraphs: Paragraphs
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Stage 1: the entities, ordered by id, and group key → entity id."""
    made: dict[str, Entity] = {}
    taken: set[str] = set(RESERVED_IDS)
    joined = joins_articles(m.text for g in groups.values() for m in g.mentions)
    for key in sorted(groups, key=lambda k: (-len(groups[k].mentions), k)):
        if key:
            made[key] = _entity(groups[key], curation, outlets, paragraphs, taken, joined)
    key_to_id = {key: entity.id for key, entity in made.items()}
    # A described actor's country is known by its group key until every id is given.
    entities = [
        replace(e, country=key_to_id.get(groups[key].country)) if groups[key].country else e
        for key, e in made.items()
    ]
    return tuple(sorted(entities, key=lambda e: e.id)), key_to_id


def mention_entities(
    extractions: Sequence[ArticleExtraction], groups: Groups, key_to_id: Mapping[str, str]
) -> MentionEntity:
    """Each grouped mention's entity id, in corpus order."""
    owner = owners(groups)
    return {
        at: key_to_id[owner[at]]
        for e in extractions
        for m in e.mentions
        if (at := where(m)) in owner and owner[at] in key_to_id
    }


def kept_mentions(
    extractions: Sequence[ArticleExtraction], mention_entity: Mapping[Where, str]
) -> tuple[ArticleExtraction, ...]:
    """Stage 2: the extractions without the mentions of no entity."""
    return tuple(
        ArticleExtraction(
            e.article_id,
            e.sentences,
            tuple(m for m in e.mentions if where(m) in mention_entity),
            e.dates,
            e.quotes,
        )
        for e in extractions
    )


def _refindable_names(entities: Sequence[Entity]) -> dict[str, Entity]:
    """Written names that stand for one entity only, worth finding again."""
    owners_of: dict[str, set[str]] = defaultdict(set)
    by_id = {e.id: e for e in entities}
    for entity in entities:
        if entity.mention_count < REFOUND_MIN_MENTIONS or entity.described:
            continue  # a described actor's words ("Syrian") are no name of it
        for alias in entity.aliases:
            name = alias.text
            if len(name) >= REFOUND_MIN_LENGTH or (
                len(name) >= REFOUND_MIN_CAPITALS and name.isupper()
            ):
                owners_of[name].add(entity.id)
    return {name: by_id[next(iter(ids))] for name, ids in owners_of.items() if len(ids) == 1}


@dataclass(frozen=True)
class _Found:
    """A name of an entity found again."""

    mention: Mention
    """The new mention."""
    entity: Entity
    """Whose name it is."""


def _found_in(
    extraction: ArticleExtraction,
    sentence: Sentence,
    names: Mapping[str, Entity],
    taken: Mapping[int, list[tuple[int, int]]],
) -> list[_Found]:
    """Runs of capitalised words in a sentence written as a known name, outside any
    mention (``taken``: paragraph → spans of mentions)."""
    found = []
    for run in _CAPITALISED_RUN.finditer(sentence.text):
        text, offset = run.group(0), run.start()
        for determiner in _RUN_DETERMINERS:
            if text.startswith(determiner):
                text, offset = text[len(determiner) :], offset + len(determiner)
        text = _POSSESSIVE_END.sub("", text)  # "O'Brien's" is O'Brien
        entity = names.get(text)
        if entity is None or sentence.text[max(0, offset - 1) : offset] == "(":
            continue  # a gloss of the name just before it: "Hayat Tahrir al-Sham (HTS)"
        start = sentence.start + offset
        end = start + len(text)
        if any(s < end and start < e for s, e in taken.get(sentence.paragraph, ())):
            continue
        label = GPE if entity.group == "place" else ORG
        mention = Mention(
            extraction.article_id, sentence.paragraph, sentence.index, start, end, text, label
        )
        found.append(_Found(mention, entity))
    return found


def _short_forms(
    extraction: ArticleExtraction,
    by_id: Mapping[str, Entity],
    mention_entity: Mapping[Where, str],
    names: Mapping[str, Entity],
    written: Set[str],
    lower: Counter[str],
) -> dict[str, Entity]:
    """The surnames, and the given names, of the people an article names in full ("Jim
    O'Brien" → "O'Brien", "Jim"), which after the first mention news uses alone; a word
    two of them share, one that is another entity's name (``written``: every entity's
    names; ``names``: those of one entity), or a given name that is also
    a common word ("Will", "Rose": written in lower case, counted in ``lower``, as
    often as the person is named) stands for neither."""
    owners_of: dict[str, set[str]] = defaultdict(set)
    for m in extraction.mentions:
        entity = by_id.get(mention_entity.get(where(m), ""))
        if entity is None or entity.kind != "person":
            continue
        words = entity.name.split()  # not every alias: "Joshua Landis Syrian" runs on
        if len(words) < 2:
            continue
        common = lower[words[0].lower()] >= entity.mention_count
        given = words[0] if words[0].isalpha() and not common else ""
        for word in (words[-1], given):
            if len(word) >= REFOUND_MIN_LENGTH and word[:1].isupper():
                owners_of[word].add(entity.id)
    return {
        word: by_id[next(iter(ids))]
        for word, ids in owners_of.items()
        if len(ids) == 1 and (word not in written or (word in names and names[word].id in ids))
    }


def _recounted(entities: Sequence[Entity], found: Sequence[_Found]) -> tuple[Entity, ...]:
    """Entities counting the mentions found again, and their articles."""
    added: Counter[str] = Counter(f.entity.id for f in found)
    new_articles: dict[str, set[str]] = defaultdict(set)
    for f in found:
        new_articles[f.entity.id].add(f.mention.article_id)
    new_aliases: dict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, dict[str, Citation]] = defaultdict(dict)
    for f in sorted(found, key=lambda f: where(f.mention)):
        new_aliases[f.entity.id][f.mention.text] += 1
        first_seen[f.entity.id].setdefault(
            f.mention.text, Citation(f.mention.article_id, f.mention.paragraph)
        )
    return tuple(
        replace(
            e,
            mention_count=e.mention_count + added[e.id],
            articles=tuple(sorted(set(e.articles) | new_articles[e.id])),
            aliases=_with_aliases(e.aliases, new_aliases[e.id], first_seen[e.id]),
        )
        if added[e.id]
        else e
        for e in entities
    )


def _with_aliases(
    aliases: Sequence[Alias], more: Counter[str], more_seen: Mapping[str, Citation]
) -> tuple[Alias, ...]:
    """``aliases`` counting the names found again (``more``, first seen at ``more_seen``)."""
    counts = Counter({a.text: a.count for a in aliases}) + more
    first_seen = {**more_seen, **{a.text: a.first_seen for a in aliases if a.first_seen}}
    return tuple(
        Alias(text, n, first_seen.get(text))
        for text, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    )


def names_found_again(
    extractions: Sequence[ArticleExtraction],
    entities: Sequence[Entity],
    mention_entity: Mapping[Where, str],
    lower: Counter[str],
) -> tuple[tuple[ArticleExtraction, ...], tuple[Entity, ...], MentionEntity]:
    """Stage 3: names of known entities the tagger missed in some sentence ("launched
    their offensive with an attack on Aleppo") become mentions too: a whole run of
    capitalised words written exactly as one entity's name, outside any mention.
    Returns the extractions, the entities counting the new mentions, and every
    mention's entity."""
    names = _refindable_names(entities)
    written = {a.text for e in entities for a in e.aliases}
    by_id = {e.id: e for e in entities}
    mention_entity = dict(mention_entity)
    every: list[_Found] = []
    result = []
    for extraction in extractions:
        taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in extraction.mentions:
            taken[m.paragraph].append((m.start, m.end))
        short = _short_forms(extraction, by_id, mention_entity, names, written, lower)
        here = ChainMap(names, short)  # names win; not a copy of every name per article
        found = [f for s in extraction.sentences for f in _found_in(extraction, s, here, taken)]
        for f in found:
            mention_entity[where(f.mention)] = f.entity.id
        mentions = [*extraction.mentions, *(f.mention for f in found)]
        mentions.sort(key=lambda m: (m.paragraph, m.start))
        result.append(replace(extraction, mentions=tuple(mentions)))
        every += found
    return tuple(result), _recounted(entities, every), mention_entity
