"""The passes of the resolve stage, in the order they run, all of one contract: a
pass takes the :class:`~.state.Resolution` so far and returns a new one with what it
found (``dataclasses.replace``). The rules themselves live in the modules named here;
a pass only reads their inputs from the state and puts their results back.
"""

from __future__ import annotations

from dataclasses import replace

from ..textutil import fold
from . import (
    acronyms,
    curation,
    dating,
    days,
    described_groups,
    entities,
    events,
    figure_sources,
    grouping,
    joins,
    known_as,
    leaders,
    lists,
    places,
    proposals,
    provinces,
    salience,
    speakers,
    statements,
)
from .state import Resolution


def read_corpus(state: Resolution) -> Resolution:
    """Paragraph texts, the words written in lower case, the outlets."""
    corpus = state.corpus
    return replace(
        state,
        paragraphs={(a.id, p.index): p.text for a in corpus.articles for p in a.paragraphs},
        lower=grouping.lower_case_words(corpus),
        outlets=frozenset(fold(x) for a in corpus.articles for x in (a.outlet, a.wire) if x),
    )


def define_acronyms(state: Resolution) -> Resolution:
    """Acronyms the text defines: "Hayat Tahrir al-Sham (HTS)". Read once: the acronym
    mentions added next are never followed by a definition."""
    return replace(state, defined=acronyms.defined_acronyms(state.paragraphs, state.extractions))


def add_acronym_mentions(state: Resolution) -> Resolution:
    """Every use of a defined acronym is a mention."""
    found = acronyms.with_acronym_mentions(state.paragraphs, state.extractions, state.defined)
    return replace(state, extractions=found)


def relabel_lists(state: Resolution) -> Resolution:
    """A name listed among names of one label takes that label."""
    found = lists.relabel_lists(state.paragraphs, state.extractions, state.defined)
    return replace(state, extractions=found)


def group_mentions(state: Resolution) -> Resolution:
    """Mentions grouped by name key, run-on names, acronyms and short names."""
    groups = grouping.group_mentions(
        state.extractions, state.curation.split, state.lower, state.defined, state.paragraphs
    )
    return replace(state, groups=groups)


def merge_spellings(state: Resolution) -> Resolution:
    """Spellings of one name are one group, and so are people's names that differ only
    by a middle name or initial, and names the text gives as another's ("known as")."""
    groups = grouping.merge_middle_names(grouping.merge_spellings(state.groups))
    return replace(state, groups=known_as.merge_known_as(groups, state.paragraphs))


def locate_places(state: Resolution) -> Resolution:
    """Places found in the gazetteer; names of one place merged; peoples' words dropped;
    a province named like its city apart from the city."""
    groups = places.locate_groups(state.groups, state.paragraphs, state.gazetteer)
    groups = provinces.split_provinces(groups, state.paragraphs, state.gazetteer)
    return replace(state, groups=groups)


def count_peoples(state: Resolution) -> Resolution:
    """Words for peoples ("Syrian"), mostly tagged NORP and not places."""
    return replace(state, people=places.peoples(state.extractions, state.groups))


def join_partial_names(state: Resolution) -> Resolution:
    """A longer name spelled almost alike joins the other; then a part of one longer
    name joins it (two spellings of one full name are one candidate)."""
    groups = joins.join_partial_names(
        joins.join_near_spellings(state.groups), state.lower, state.people, state.paragraphs
    )
    return replace(state, groups=groups)


def join_misspellings(state: Resolution) -> Resolution:
    """A rare word misspelled joins the frequent name."""
    return replace(state, groups=joins.join_misspellings(state.groups, state.people))


def drop_modifier_words(state: Resolution) -> Resolution:
    """Peoples' words and names only used as modifiers go."""
    groups = places.drop_modifier_words(state.groups, set(state.people), state.paragraphs)
    return replace(state, groups=groups)


def drop_common_words(state: Resolution) -> Resolution:
    """One-word names mostly written in lower case go."""
    return replace(state, groups=places.drop_common_words(state.groups, state.lower))


def add_described_actors(state: Resolution) -> Resolution:
    """Actors named by what they are ("the Syrian army", "rebels"), grouped by whose."""
    groups, found = described_groups.described_groups(
        state.groups, state.extractions, state.paragraphs, state.people
    )
    return replace(state, groups=groups, extractions=found)


def curate(state: Resolution) -> Resolution:
    """The user's merges and drops; the entries that named no entity are kept to be
    reported."""
    return replace(
        state,
        groups=curation.curate(state.groups, state.curation),
        unmatched=curation.unmatched(state.groups, state.curation),
    )


def make_entities(state: Resolution) -> Resolution:
    """Groups become entities; every grouped mention gets its entity; described actors
    get who the text says leads them."""
    found, key_to_id = entities.build_entities(
        state.groups, state.curation, state.outlets, state.paragraphs
    )
    mention_entity = entities.mention_entities(state.extractions, state.groups, key_to_id)
    found = leaders.with_leaders(found, state.extractions, mention_entity, state.paragraphs)
    return replace(state, entities=found, mention_entity=mention_entity)


def keep_entity_mentions(state: Resolution) -> Resolution:
    """Mentions of no entity leave every later step."""
    return replace(
        state, extractions=entities.kept_mentions(state.extractions, state.mention_entity)
    )


def find_names_again(state: Resolution) -> Resolution:
    """Entities' names the tagger missed become mentions."""
    found, counted, mention_entity = entities.names_found_again(
        state.extractions, state.entities, state.mention_entity, state.lower
    )
    return replace(state, extractions=found, entities=counted, mention_entity=mention_entity)


def date_sentences(state: Resolution) -> Resolution:
    """The day each sentence is about."""
    found = dating.sentence_dating(state.corpus, state.extractions, state.date_order)
    return replace(state, dating=found)


def build_statements(state: Resolution) -> Resolution:
    """Sentences naming an entity, dated, repeats merged."""
    found = statements.build_statements(
        state.corpus, state.extractions, state.mention_entity, state.dating
    )
    return replace(state, statements=tuple(found))


def build_events(state: Resolution) -> Resolution:
    """Events of every day. A town or region tells events apart; a country is too broad to."""
    towns_and_regions = {e.id for e in state.entities if e.group == "place" and e.kind != "country"}
    same_place = provinces.named_after(state.entities)
    found = events.build_events(state.corpus, state.statements, towns_and_regions, same_place)
    return replace(state, events=tuple(found))


def resolve_quotes(state: Resolution) -> Resolution:
    """Quotes with their speakers tied to entities."""
    found = speakers.resolve_quotes(
        state.corpus, state.extractions, state.mention_entity, state.by_id(), state.dating
    )
    return replace(state, quotes=tuple(found))


def build_days(state: Resolution) -> Resolution:
    """The days, with their statements and events."""
    return replace(state, days=tuple(days.build_days(state.corpus, state.statements, state.events)))


def figure_claims(state: Resolution) -> Resolution:
    """Every figure with who gives it and as of which day."""
    found = figure_sources.figure_claims(
        state.corpus,
        state.extractions,
        state.quotes,
        state.by_id(),
        state.dating,
        statements.CLAIM_CUES,
    )
    return replace(state, claims=tuple(found))


def propose_merges(state: Resolution) -> Resolution:
    """Pairs of entities with alike names, for review."""
    return replace(state, proposals=proposals.proposals(state.entities))


def rank_days(state: Resolution) -> Resolution:
    """Claimants' partyhood, each day's salience and summary, the figure topics."""
    ranked = salience.with_salience(state.briefing())
    return replace(
        state,
        events=ranked.events,
        days=ranked.days,
        quotes=ranked.quotes,
        claims=ranked.claims,
        figure_topics=ranked.figure_topics,
    )
