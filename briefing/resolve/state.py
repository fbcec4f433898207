"""The working state of the resolve stage, handed from pass to pass.

Every pass of :func:`briefing.resolve.resolve` takes a :class:`Resolution` and
returns a new one (``dataclasses.replace``) holding what it found; none changes the
state it is given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..records import (
    ArticleExtraction,
    Briefing,
    Corpus,
    Day,
    Entity,
    Event,
    FigureClaim,
    FigureTopic,
    Proposal,
    ResolvedQuote,
    Statement,
)
from .curation import Curation
from .dating import Dated
from .gazetteer import Gazetteer, NoGazetteer
from .groups import Group, Where


@dataclass(frozen=True)
class Resolution:
    """What the resolve stage knows so far: its inputs, then what each pass adds."""

    corpus: Corpus
    """Articles and skipped files."""
    extractions: tuple[ArticleExtraction, ...]
    """Each article's extraction: as extracted, then with the mentions resolve adds
    (acronyms, names found again) and without the mentions of no entity."""
    title: str
    """Site title."""
    date_order: str
    """How numeric dates are read: "DMY" or "MDY"."""
    curation: Curation
    """The user's aliases.yml."""
    gazetteer: Gazetteer
    """Where places are looked up."""
    paragraphs: Mapping[tuple[str, int], str] = field(default_factory=dict)
    """(article id, paragraph index) → paragraph text."""
    lower: Counter[str] = field(default_factory=Counter)
    """How often each word is written in lower case in the corpus."""
    outlets: frozenset[str] = frozenset()
    """The corpus's outlets, folded."""
    defined: Mapping[str, str] = field(default_factory=dict)
    """Acronym → the name the text gives for it ("Hayat Tahrir al-Sham (HTS)")."""
    groups: Mapping[str, Group] = field(default_factory=dict)
    """Name key → the mentions grouped under it."""
    people: Counter[str] = field(default_factory=Counter)
    """Words for peoples ("Syrian") → their mentions."""
    entities: tuple[Entity, ...] = ()
    """Actors and places, ordered by id."""
    mention_entity: Mapping[Where, str] = field(default_factory=dict)
    """Where a mention is → the id of its entity."""
    dating: Mapping[tuple[str, int], Dated] = field(default_factory=dict)
    """(article id, sentence index) → the day the sentence is about."""
    statements: tuple[Statement, ...] = ()
    """Sentences naming at least one entity, in corpus order."""
    events: tuple[Event, ...] = ()
    """Every event, by day."""
    quotes: tuple[ResolvedQuote, ...] = ()
    """All quotes in corpus order, speakers tied to entities."""
    days: tuple[Day, ...] = ()
    """Days in date order."""
    claims: tuple[FigureClaim, ...] = ()
    """Every figure as its source gave it."""
    proposals: tuple[Proposal, ...] = ()
    """Pairs of entities that may be one, best first."""
    figure_topics: tuple[FigureTopic, ...] = ()
    """The figure topics, with their labels and units, for the figures pages."""
    unmatched: tuple[str, ...] = ()
    """aliases.yml entries that named no entity, one line each."""

    @classmethod
    def start(
        cls,
        corpus: Corpus,
        extractions: Sequence[ArticleExtraction],
        title: str,
        date_order: str,
        curation: Curation | None,
        gazetteer: Gazetteer | None,
    ) -> Resolution:
        """The state before the first pass: the inputs, with defaults filled in."""
        return cls(
            corpus,
            tuple(extractions),
            title,
            date_order,
            curation or Curation(),
            gazetteer or NoGazetteer(),
        )

    def by_id(self) -> dict[str, Entity]:
        """Entity id → entity."""
        return {e.id: e for e in self.entities}

    def briefing(self) -> Briefing:
        """Everything the write stage renders."""
        return Briefing(
            title=self.title,
            corpus=self.corpus,
            entities=self.entities,
            statements=self.statements,
            days=self.days,
            events=self.events,
            quotes=self.quotes,
            claims=self.claims,
            extractions=self.extractions,
            mention_entity=dict(self.mention_entity),
            proposals=self.proposals,
            figure_topics=self.figure_topics,
            unmatched_curation=self.unmatched,
        )
