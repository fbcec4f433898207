"""Typed records passed between the stages.

Every record is a frozen dataclass; no spaCy object leaves the extract stage.
Ids are plain strings that are safe file names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_LABELS = frozenset({"PERSON", "ORG"})
"""Entity labels of ``Mention.label`` that name actors."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of ``Mention.label`` that name places."""
NAME_ONLY_LABELS = frozenset({"NORP"})
"""Labels kept as candidates only: the small model tags many city names ("Aleppo") as
NORP; such a name becomes an entity only when it joins a labelled name or the
gazetteer knows it."""

# ---------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Paragraph:
    """One block of article text, the unit a citation points to."""

    index: int
    """1-based position in the article; the page anchor is ``p{index}``."""
    text: str
    """Cleaned text, on one line."""
    kind: str = "body"
    """``body``, ``standfirst`` (the summary under the headline) or ``caption`` (a
    photo or video caption, kept apart from the body and not extracted)."""


@dataclass(frozen=True)
class Article:
    """One news article read from the seeds folder."""

    id: str
    """Stable id derived from the file path; a safe file name."""
    file: str
    """Path of the source file, relative to the seeds folder, with ``/`` separators."""
    title: str
    """Headline, or the opening words when the file has no headline line."""
    paragraphs: tuple[Paragraph, ...]
    """Cleaned body paragraphs in reading order."""
    content_hash: str
    """SHA-256 of the cleaned text; the extraction cache key."""
    outlet: str | None = None
    """Publishing outlet or wire service, when a cue names it."""
    outlet_evidence: str | None = None
    """The text that named the outlet."""
    byline: str | None = None
    """Author line as written (``By ...``)."""
    published: str | None = None
    """Publication date, ISO ``YYYY-MM-DD``, or None when unknown."""
    published_evidence: str | None = None
    """The text the publication date was read from."""
    dateline: str | None = None
    """Dateline place, e.g. ``BEIRUT`` in ``BEIRUT (AP) —``."""
    url: str | None = None
    """Original address, when the file gives one."""
    links: tuple[str, ...] = ()
    """Link targets found in the file (HTML ``href``), in order, deduplicated."""
    near_duplicate_of: str | None = None
    """Id of the article this one rewrites, when their word 5-grams mostly match."""
    title_is_headline: bool = True
    """False when ``title`` was cut from the first sentence, not read from a headline."""
    standfirst: str | None = None
    """The summary paragraph under the headline, when the page has one."""
    published_inferred: bool = False
    """True when ``published`` was inferred (from the article it rewrites), not written."""
    wire: str | None = None
    """Wire service the outlet credits ("Reuters" in "(FRANCE 24 with Reuters)")."""
    shares_copy_with: tuple[str, ...] = ()
    """Ids of articles sharing wire paragraphs with this one (not rewrites)."""
    family: str | None = None
    """Id of the earliest article of its story family (rewrites and shared copy);
    independent sources are counted by family."""

    @property
    def text(self) -> str:
        """The body text (standfirst and body, not captions), paragraphs separated by
        blank lines."""
        return "\n\n".join(p.text for p in self.paragraphs if p.kind != "caption")


@dataclass(frozen=True)
class Skipped:
    """An input file that produced no article, and why."""

    file: str
    """Path relative to the seeds folder."""
    reason: str
    """Why it was skipped, in words a user understands."""


@dataclass(frozen=True)
class Corpus:
    """Output of the ingest stage."""

    articles: tuple[Article, ...]
    """Readable articles, ordered by id."""
    skipped: tuple[Skipped, ...]
    """Files that produced nothing, ordered by file."""


# ---------------------------------------------------------------- extract


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article."""

    article_id: str
    """Article the sentence is in."""
    paragraph: int
    """Paragraph index (1-based)."""
    index: int
    """Position of the sentence within its article (0-based)."""
    start: int
    """Start offset within the paragraph text."""
    end: int
    """End offset within the paragraph text."""
    text: str
    """The sentence as written."""
    verbs: tuple[tuple[int, str], ...] = ()
    """(offset within the sentence, lemma) of each verb; empty when the model has no
    tagger (see ``tagged``). The lemma is empty when the pipeline runs without its
    lemmatizer, as ours does for speed: read the word at the offset instead."""
    tagged: bool = False
    """Whether the model tagged parts of speech (``verbs`` is then complete)."""


@dataclass(frozen=True)
class Mention:
    """An actor-like or place-like name in the text."""

    article_id: str
    """Article the mention is in."""
    paragraph: int
    """Paragraph index (1-based)."""
    sentence: int
    """Index of the sentence in the article."""
    start: int
    """Start offset within the paragraph text (after cleaning)."""
    end: int
    """End offset within the paragraph text (after cleaning)."""
    text: str
    """Surface form, with possessives and leading articles removed."""
    label: str
    """spaCy entity label (PERSON, ORG, GPE, LOC, FAC, or NORP as a candidate)."""
    role: str | None = None
    """Title or role written with a person's name: before it ("Iranian Foreign
    Minister", "spokesperson") or in apposition after it ("a researcher at ...")."""
    syntax: str = ""
    """Dependency relation of the name's head word ("nsubj", "compound", "pobj"); empty
    when the model has no parser."""
    argument: str = ""
    """Relation to its verb of the phrase the name stands in, through compounds and
    lists ("HTS fighters", "HTS and its allies"): ``nsubj``, ``dobj``, ``nsubjpass``,
    ``agent`` (a passive's by-phrase) or ``prep:<word>`` ("prep:against"); empty when
    unparsed."""
    verb: int = -1
    """Offset within the paragraph of that verb; -1 when there is none."""


@dataclass(frozen=True)
class DateMention:
    """A date or time expression in the text, not yet anchored to a calendar day."""

    article_id: str
    """Article the expression is in."""
    paragraph: int
    """Paragraph index (1-based)."""
    sentence: int
    """Index of the sentence in the article."""
    text: str
    """The expression as written ("Saturday", "November 30, 2024")."""
    verb: int = -1
    """Offset within the paragraph of the verb it dates ("launching" in "after
    launching an offensive on Wednesday"); -1 when unparsed or there is none."""


@dataclass(frozen=True)
class Quote:
    """Reported words (quoted or paraphrased), with the speaker the parse points to."""

    article_id: str
    """Article the quote is in."""
    paragraph: int
    """Paragraph index (1-based)."""
    sentence: int
    """Index of the sentence holding the opening quotation mark."""
    text: str
    """The quoted words, without the marks."""
    kind: str
    """``direct`` for a quoted sentence, ``fragment`` for a few quoted words inside a
    paraphrase, ``indirect`` for reported speech ("X said that ...")."""
    speaker_text: str | None
    """The speaker as written ("Khalifa", "a Syrian security official"), or None."""
    cue: str | None
    """The reporting verb ("said", "told"; "according to"), or None."""
    start: int = -1
    """Start offset of the words within the paragraph text."""
    end: int = -1
    """End offset of the words within the paragraph text."""
    speaker_start: int = -1
    """Start offset of the speaker as written within its paragraph; -1 when none."""
    speaker_end: int = -1
    """End offset of the speaker as written; -1 when none."""
    speaker_paragraph: int = -1
    """Paragraph the speaker is named in: the quote's own, or the one before for a
    quote running on over paragraphs; -1 when none."""


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything the extract stage found in one article."""

    article_id: str
    """The article."""
    sentences: tuple[Sentence, ...]
    """Its sentences in order."""
    mentions: tuple[Mention, ...]
    """Actor-like and place-like mentions."""
    dates: tuple[DateMention, ...]
    """Date expressions."""
    quotes: tuple[Quote, ...]
    """Quotations."""


# ---------------------------------------------------------------- resolve


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
    """For an undated sentence about the past, the year it names ("2016")."""
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
    """Events of the day, most important first: independent sources, then figures
    given, then entities named."""
    salience: int = 0
    """How much the coverage says happened that day (see ``resolve.salience``); set
    by the resolve stage's salience pass."""
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
