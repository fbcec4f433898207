"""The story as resolved: the records the resolve stage makes and the write stage
renders (entities, statements, events, figures, quotes, days and the briefing).

Frozen dataclasses like those of :mod:`briefing.records`, which re-exports them:
import them from there. They are kept apart to keep each module short; extraction
(whose cache key hashes ``records.py``) never reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # named in annotations only, as records.py imports this module
    from .records import ArticleExtraction, Corpus


@dataclass(frozen=True)
class Citation:
    """Where a statement comes from."""

    article_id: str
    """Source article."""
    paragraph: int
    """Paragraph index, the ``#p`` anchor."""


@dataclass(frozen=True)
class Alias:
    """A name an entity appears under."""

    text: str
    """The surface form."""
    count: int
    """How many mentions use it."""
    first_seen: Citation | None = None
    """Where it first appears (first article by id, first paragraph)."""


@dataclass(frozen=True)
class Leader:
    """A named actor the sources say leads a described one ("insurgents led by HTS")."""

    entity: str
    """The leader's entity id."""
    count: int
    """How many times the sources say so."""
    first_seen: Citation
    """Where they first say so."""


@dataclass(frozen=True)
class Entity:
    """An actor or a place: mentions grouped under one name."""

    id: str
    """Stable slug, unique among all entities; the page name."""
    group: str
    """``actor`` or ``place``."""
    kind: str
    """Finer kind. An actor: ``person``, ``organisation``, ``armed group``,
    ``military``, ``government`` or ``media``. A place located in the gazetteer:
    ``country``, ``city`` or its subdivision type ("governorate", "province"); one it
    does not know: ``country, region or city``, ``location`` or ``site`` (from the
    name's label), else ``place``. ``aliases.yml`` may set any other word."""
    name: str
    """Display name: the most frequent full surface form."""
    aliases: tuple[Alias, ...]
    """Every surface form seen, most frequent first."""
    rules: tuple[str, ...]
    """The merge rules that made this entity, for the page's provenance line."""
    articles: tuple[str, ...]
    """Ids of articles mentioning it, sorted."""
    mention_count: int
    """Number of mentions."""
    roles: tuple[Alias, ...] = ()
    """Roles and titles written with its name ("Iranian Foreign Minister"), most
    frequent first, each with how often."""
    lat: float | None = None
    """Latitude, for places located in the gazetteer (cities)."""
    lon: float | None = None
    """Longitude, for places located in the gazetteer (cities)."""
    parent: str | None = None
    """The region (a city's subdivision, a subdivision's country) of a located place."""
    located_as: str | None = None
    """The gazetteer record it was located as ("Ḩamāh, city, Syrian Arab Republic"), or
    None for a place the gazetteer does not know."""
    acting: tuple[Citation, ...] = ()
    """For a country: where it is the subject of a sentence ("Turkey demanded ..."),
    that is, where it acts as a state."""
    described: bool = False
    """Named by what it is ("the Syrian army", "rebels", "police"), not by a name."""
    led_by: tuple[Leader, ...] = ()
    """For a described actor, the named actors the sources say lead it, most often
    said first."""
    country: str | None = None
    """For an actor described as a country's ("the Syrian army", "Turkish officials"):
    the id of that country's place entity, when the story names the country."""


@dataclass(frozen=True)
class Proposal:
    """Two entities whose names are alike but no rule merged: for the user to decide
    in aliases.yml. Similarity only ever proposes; it never merges."""

    first: str
    """Entity id of the more mentioned of the two."""
    second: str
    """Entity id of the other."""
    score: float
    """Similarity of their names, 0-100 (rapidfuzz ratio of the folded names)."""


@dataclass(frozen=True)
class Figure:
    """A number in a sentence and what it counts."""

    value: str
    """The number as written, with its qualifier ("at least 400", "dozens")."""
    low: int | None
    """Least it can mean (400 for "at least 400"), or None when unbounded below
    ("nearly 1,000")."""
    high: int | None
    """Most it can mean, or None when unbounded above ("at least 400")."""
    topic: str
    """What it counts: a topic key from ``figures.yml`` ("killed", "displaced")."""
    label: str
    """Readable topic."""
    at: int = -1
    """Offset of the number in the sentence."""
    within: str = ""
    """What part of the figure before it this one counts ("civilians" in "242
    killed, including 24 civilians"); empty for a figure of its own."""
    running: bool = False
    """Whether the sentence gives a toll or total ("the death toll rose to 311")
    rather than the count of one incident."""


@dataclass(frozen=True)
class Statement:
    """A sentence placed in the briefing, with its entities and date."""

    text: str
    """The sentence as written in the first source."""
    citations: tuple[Citation, ...]
    """Every article paragraph carrying this sentence (verbatim repeats merged)."""
    entities: tuple[str, ...]
    """Ids of entities mentioned, in order of first appearance."""
    spans: tuple[tuple[int, int, str], ...]
    """(start, end, entity id) of each mention, as offsets into ``text``."""
    date: str | None
    """ISO day the sentence is about, or None."""
    date_evidence: str | None
    """How the day was fixed: ``published``, or the expression that fixed it."""
    claim_cue: str | None = None
    """The words marking the sentence as a claim ("claimed", "without providing
    evidence"), or None when it is reported as fact."""
    sources: int = 1
    """Independent sources carrying it: story families, so rewrites and shared wire
    copy count once."""
    verbs: tuple[tuple[int, str], ...] = ()
    """(offset in ``text``, lemma) of its verbs, as tagged in the first source; the
    lemma may be empty (see :attr:`Sentence.verbs`)."""
    tagged: bool = False
    """Whether parts of speech were tagged (``verbs`` is then complete)."""
    arguments: tuple[tuple[str, str, int], ...] = ()
    """(entity id, relation to a verb, that verb's offset in ``text`` or -1) of each
    mention: see :attr:`Mention.argument`."""
    background: str | None = None
    """For a background sentence (about the past, or the conflict as a whole: no event
    of any day, kept off the day pages and events), the year its main event is in
    ("2016"), or an empty string when it names none ("The conflict has displaced more
    than half of ..."); None for a sentence of the story's days. See
    :mod:`briefing.resolve.dating`."""
    figures: tuple[Figure, ...] = ()
    """Numbers it gives and what they count."""
    date_at: int = -1
    """Offset in ``text`` of the verb its date expression dates; -1 when unknown (or
    dated by publication)."""


@dataclass(frozen=True)
class ResolvedQuote:
    """A quote with its speaker resolved to an entity where possible."""

    id: str
    """Stable id (article id and a counter)."""
    text: str
    """The quoted words."""
    kind: str
    """``direct``, ``fragment`` or ``indirect`` (see :attr:`Quote.kind`)."""
    speaker: str | None
    """Entity id of the speaker, or None."""
    speaker_text: str | None
    """The speaker as written."""
    cue: str | None
    """Reporting verb."""
    citation: Citation
    """Where it was said."""
    date: str | None
    """ISO day it was said: that of its sentence, dated as statements are."""
    date_evidence: str | None = None
    """How the day was fixed: ``published``, or the expression that fixed it."""
    speaker_found: str = ""
    """How the speaker was tied to the entity: ``named``, ``pronoun``,
    ``description`` or ``surname``; empty when it was not."""
    start: int = -1
    """Start offset of the words within the paragraph."""
    end: int = -1
    """End offset of the words within the paragraph."""
    speaker_start: int = -1
    """Start offset of the speaker as written, when named in the same paragraph."""
    speaker_end: int = -1
    """End offset of the speaker as written, when named in the same paragraph."""
    shown: bool = True
    """Whether the pages give it a line: not a fragment inside reported speech of the
    same speaker in the same paragraph, which that line shows already. Set by the
    salience pass."""


@dataclass(frozen=True)
class FigureClaim:
    """A figure as one source gave it: the value, who gives it and as of when."""

    id: str
    """Stable id (article, paragraph and a counter)."""
    topic: str
    """What it counts: a topic key from ``figures.yml``."""
    label: str
    """Readable topic."""
    value: str
    """The number as written, with its qualifier ("at least 400")."""
    low: int | None
    """Least it can mean, or None when unbounded below."""
    high: int | None
    """Most it can mean, or None when unbounded above."""
    within: str
    """What part of the figure before it this one counts ("civilians"), or empty."""
    running: bool
    """Whether it is a toll or total rather than the count of one incident."""
    date: str | None
    """ISO day it is as of: the day its sentence is about."""
    date_evidence: str | None
    """How the day was fixed: ``published``, or the expression that fixed it."""
    source: str | None
    """Entity id of who gives it ("the Observatory said"), or None."""
    source_text: str | None
    """Who gives it, as written; None when the article states it itself."""
    reported_by: str | None
    """Outlet of the article that carries it."""
    party: bool
    """Whether the source is a party to the conflict (a government, armed group,
    military or their media)."""
    claim_cue: str | None
    """Words marking the sentence as a claim ("without providing evidence")."""
    sentence: str
    """The sentence as written in the first source."""
    citations: tuple[Citation, ...]
    """Every article paragraph carrying this sentence."""
    sources: int
    """Independent sources (story families) carrying it."""
    series: str = ""
    """The running series it belongs to, named by who gives it (an entity id, the
    source as written, or the outlet that states it); empty for single incidents and
    for a part of another figure. Set by the salience pass."""


@dataclass(frozen=True)
class Event:
    """Something that happened on a day, as one or more sources told it: statements of
    one type, on one day, about the same actors or places, merged across articles."""

    id: str
    """Stable id (``e`` + the day + a number), unique in the briefing."""
    date: str
    """ISO day it happened, as the sentences date it."""
    type: str
    """Event type key from ``events.yml`` ("battle", "explosion", "diplomacy")."""
    label: str
    """Readable type ("Battle", "Explosion or remote violence")."""
    predicate: str
    """The words that typed it, as written ("seized")."""
    summary: Statement
    """The sentence shown for it: the one carried by the most independent sources."""
    statements: tuple[Statement, ...]
    """Every sentence telling it, summary first."""
    sources: int
    """Independent sources (story families) across all its sentences."""
    roles: tuple[tuple[str, str], ...] = ()
    """(entity id, role) of every entity named: ``agent`` (who did it), ``target``
    (to whom), ``place`` (where) or ``present`` (named, role unknown)."""
    claimed_by: str | None = None
    """For a claim, who makes it: an entity id, or the words as written ("state
    media"); None when it is no claim or the sentence names nobody."""
    new: bool = True
    """Whether it is new since the previous day with events: none of its type there
    at its places or by its agents."""
    claimed_by_party: bool | None = None
    """Whether who makes the claim is a party to the conflict (a government, armed
    group, military or a state acting as one); True for words as written, which are a
    party's own media ("state media said"); None when ``claimed_by`` is None. Set by
    the resolve stage's salience pass."""

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Figures its sentences give, each once."""
        return tuple(dict.fromkeys(f for s in self.statements for f in s.figures))

    def with_role(self, role: str) -> tuple[str, ...]:
        """Ids of the entities in ``role``."""
        return tuple(entity_id for entity_id, r in self.roles if r == role)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(dict.fromkeys(c for s in self.statements for c in s.citations))

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for s in self.statements for e in s.entities))

    @property
    def claim_cue(self) -> str | None:
        """The claim cue of its summary, or of any sentence when all are claims."""
        if self.summary.claim_cue:
            return self.summary.claim_cue
        cues = [s.claim_cue for s in self.statements]
        return cues[0] if cues and all(cues) else None


@dataclass(frozen=True)
class Day:
    """One calendar day of the story."""

    date: str
    """ISO date."""
    statements: tuple[Statement, ...]
    """Sentences dated to this day: those carried by the most independent sources
    first, then by the most citations, then naming the most entities."""
    articles: tuple[str, ...]
    """Articles published that day."""
    events: tuple[Event, ...] = ()
    """Events of the day, most important first: by independent sources, figures and
    entities, then, once the salience pass has run, by how central and corroborated
    each event's sentence is."""
    salience: float = 0.0
    """How much the day matters, from 0 to 1: the sources reporting it, later
    articles referring back to it, its lead event's corroboration and publication
    volume (see ``resolve.ranking``); set by the resolve stage's salience pass."""
    key: bool = False
    """Whether it is one of the story's key days, which the timeline shows (see
    ``resolve.ranking``); set by the salience pass."""
    summary: tuple[Statement, ...] = ()
    """Each event's sentence and the day's other sentences, most important first (see
    ``resolve.salience``); set by the resolve stage's salience pass."""

    @property
    def untold(self) -> tuple[Statement, ...]:
        """The day's sentences that tell none of its events, in ``statements`` order."""
        told = {s for e in self.events for s in e.statements}
        return tuple(s for s in self.statements if s not in told)


@dataclass(frozen=True)
class FigureTopic:
    """A topic figures are counted under, as ``figures.yml`` lists it."""

    key: str
    """Topic key ("killed", "distance"), as in :attr:`Figure.topic`."""
    label: str
    """Readable topic, as the figures pages name it."""
    unit: bool
    """Whether a value keeps its unit ("10 km"): its label is then shown in
    parentheses after it."""


@dataclass(frozen=True)
class Briefing:
    """Everything the write stage renders."""

    title: str
    """Site title."""
    corpus: Corpus
    """Articles and skipped files."""
    entities: tuple[Entity, ...]
    """Actors and places, ordered by id."""
    statements: tuple[Statement, ...]
    """Sentences naming at least one entity, in corpus order."""
    days: tuple[Day, ...]
    """Days in date order."""
    quotes: tuple[ResolvedQuote, ...]
    """All quotes in corpus order."""
    extractions: tuple[ArticleExtraction, ...]
    """Extraction per article, keeping only the mentions tied to an entity (with the
    names found again that the tagger missed), for article pages."""
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    """(article id, paragraph, start offset) of a mention → entity id."""
    proposals: tuple[Proposal, ...] = ()
    """Pairs of entities that may be one, best first, for the review page."""
    events: tuple[Event, ...] = ()
    """Every event, by day, most corroborated first within a day."""
    claims: tuple[FigureClaim, ...] = ()
    """Every figure as its source gave it, by topic key then day."""
    figure_topics: tuple[FigureTopic, ...] = ()
    """Every topic of ``figures.yml``, in file order (the order of the figures
    pages); set by the resolve stage's salience pass."""
    unmatched_curation: tuple[str, ...] = ()
    """aliases.yml entries that named no entity ("merge: 'X'"), one line each."""
