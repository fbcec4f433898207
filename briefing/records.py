"""Typed records passed between the stages.

Every record is a frozen dataclass; no spaCy object leaves the extract stage.
Ids are plain strings that are safe file names. The records of the ingest and
extract stages are here; those of the resolve stage are in :mod:`briefing.story`
and imported from here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from .story import (
    Alias,
    Briefing,
    Citation,
    Day,
    Entity,
    Event,
    Figure,
    FigureClaim,
    FigureTopic,
    Leader,
    Proposal,
    ResolvedQuote,
    Statement,
)

PERSON, ORG, GPE, LOC, FAC, NORP = "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"
"""The entity labels ``Mention.label`` takes (spaCy's English scheme), named once."""
ACTOR_LABELS = frozenset({PERSON, ORG})
"""Entity labels of ``Mention.label`` that name actors."""
PLACE_LABELS = frozenset({GPE, LOC, FAC})
"""Entity labels of ``Mention.label`` that name places."""
NAME_ONLY_LABELS = frozenset({NORP})
"""Labels kept as candidates only: the small model tags many city names ("Aleppo") as
NORP; such a name becomes an entity only when it joins a labelled name or the
gazetteer knows it."""
DESCRIBED = "DESCRIBED"
"""The label of a described actor's mention ("the Syrian army", "rebels"): not a
tagger's label, but :mod:`briefing.extract.described`'s."""

# ---------------------------------------------------------------- ingest

BODY, STANDFIRST, CAPTION, SUBHEADING, BYLINE, COMMENT, FURNITURE = (
    "body", "standfirst", "caption", "subheading", "byline", "comment", "furniture",
)  # fmt: skip
"""The values ``Paragraph.kind`` takes, named once (see its docstring)."""
PARAGRAPH_KINDS = (BODY, STANDFIRST, CAPTION, SUBHEADING, BYLINE, COMMENT, FURNITURE)
"""Every paragraph kind, in the order the article page explains them."""
EXTRACTED_KINDS = frozenset({BODY, STANDFIRST})
"""The paragraph kinds the extract stage reads (and ``Article.text`` joins); every
other kind is kept on the article page, apart and labelled, but is not the story."""


@dataclass(frozen=True)
class Paragraph:
    """One block of article text, the unit a citation points to."""

    index: int
    """1-based position in the article; the page anchor is ``p{index}``."""
    text: str
    """Cleaned text, on one line."""
    kind: str = BODY
    """What the block is, by the shape of the page:

    - ``body``: the article's text;
    - ``standfirst``: the summary under the headline;
    - ``caption``: a photo or video caption, or a photo credit ("(AP Photo/Name)",
      "© Name, AFP");
    - ``subheading``: a short headline-like line between body paragraphs, kept as the
      article's structure (a heading on the article page), never a sentence;
    - ``byline``: an author line inside the text (a lone name after the head);
    - ``comment``: a reader comment, or anything of a comment thread (headers,
      moderation notices, "Report abuse"), from the thread's first header to the end;
    - ``furniture``: page chrome: update stamps ("Page last updated at …"), live-page
      time stamps, share, print and related-link lines, prompts to the reader,
      "Source link:" lines, sign-offs, copyright and contributor lines.

    Only :data:`EXTRACTED_KINDS` are read by the extract stage."""


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
    def extracted(self) -> tuple[Paragraph, ...]:
        """The paragraphs of an extracted kind (:data:`EXTRACTED_KINDS`: standfirst and
        body, not captions, subheadings, comments or furniture), in order."""
        return tuple(p for p in self.paragraphs if p.kind in EXTRACTED_KINDS)

    @property
    def text(self) -> str:
        """The text of the extracted paragraphs, separated by blank lines."""
        return "\n\n".join(p.text for p in self.extracted)


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
    """(offset within the sentence, word as written) of each verb; empty when the model
    has no tagger (see ``tagged``). The word, not a lemma: the pipeline runs without
    its lemmatizer, for speed."""
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
    """spaCy entity label (PERSON, ORG, GPE, LOC, FAC, or NORP as a candidate), or
    :data:`DESCRIBED` for an actor named by what it is ("government forces")."""
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
    attaches: str = ""
    """What the expression hangs from in the parse, on the way up to that verb:
    ``verb`` when it dates the verb itself or a clause of it ("erupted in 2011",
    "seized on Friday"), ``subject`` when it modifies the verb's subject ("the 2016
    battle was ..."), ``noun`` when it modifies another noun or sits in a relative
    clause of one ("centres of the 2011 protests", "the homes they left in 2019");
    empty when unparsed or there is no verb."""


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


__all__ = [
    "ACTOR_LABELS",
    "DESCRIBED",
    "EXTRACTED_KINDS",
    "NAME_ONLY_LABELS",
    "PARAGRAPH_KINDS",
    "PLACE_LABELS",
    "Alias",
    "Article",
    "ArticleExtraction",
    "Briefing",
    "Citation",
    "Corpus",
    "DateMention",
    "Day",
    "Entity",
    "Event",
    "Figure",
    "FigureClaim",
    "FigureTopic",
    "Leader",
    "Mention",
    "Paragraph",
    "Proposal",
    "Quote",
    "ResolvedQuote",
    "Sentence",
    "Skipped",
    "Statement",
]
