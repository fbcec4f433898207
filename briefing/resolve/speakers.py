"""Who said it: speakers of quotes tied to entities (part of the resolve stage).

A quote's speaker as written is tied to an entity in numbered stages, the first that
finds one winning; a speaker no stage ties is kept as written, never guessed:

1. **named**: a mention whose words end the speaker's ("Foreign Minister Hakan
   Fidan"); a name with words after it ("Russia's defence ministry") is not that
   name's entity, but a described actor with a name after it is ("Syrian state news
   agency SANA");
2. **pronoun**: "he" or "she" stands for the person who spoke last in the article
   when no other person was named since, else for the last person named as a
   subject within :data:`PRONOUN_REACH` paragraphs, else the last person named there;
3. **description**: "the official", "the monitor" stand for the last entity the
   article introduced with that word ("the Observatory, a Britain-based monitor",
   "spokesman John Kirby", "a Turkish security official" of a described actor; how the
   corpus describes entities is :mod:`.descriptions`'s); and "a war monitor", in an
   article naming no such body, stands for the one body other articles describe so;
4. **surname**: a name the tagger missed stands for the one entity of the article
   whose name holds all its words ("Erdogan").

Each quote is then dated: the day of its sentence, unless that day is one the quoted
words give, when it is the day the article came out; a quote its sentence does not
date, after one by the same speaker in the same paragraph, takes that one's day. Figures are tied to their
sources by :mod:`.figure_sources`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import lexicon
from ..records import (
    ACTOR_LABELS,
    DESCRIBED,
    ArticleExtraction,
    Citation,
    Corpus,
    Entity,
    Mention,
    Quote,
    ResolvedQuote,
)
from ..textutil import fold, is_pronoun
from .dating import Dated, as_of
from .descriptions import (
    DETERMINERS,
    PERSON_PRONOUNS,
    WORD,
    Described,
    described_by_head,
    description_phrases,
    descriptions_by_entity,
    entity_of,
    head_phrase,
    pronouns_by_person,
    stem,
)

SCAN_MENTIONS = 400
"""Mentions read back from a speaker for the one a pronoun or a description stands
for: far more than an article names before one of its speakers, and a bound on the
work of one quote, so an article's cost stays linear in its size."""
PRONOUN_REACH = 2
"""Paragraphs back (besides the quote's own) that "he" or "she" may reach."""
DESCRIPTION_MAX_WORDS = 5
"""A description longer than this ("the official in charge of ...") is kept as written."""
DESCRIBED_IN_ARTICLES = 2
"""Articles describing an entity with a word ("monitor") for it to stand for it elsewhere."""

TITLES = lexicon.word_set("titles")
_NAME_LABELS = ACTOR_LABELS
_DESCRIPTION_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}")
_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w.'’-]*){1,3}")
_THING_PRONOUNS = frozenset({"it"})
MentionEntity = dict[tuple[str, int, int], str]
"""(article id, paragraph, offset) of a mention → the id of the entity it stands for."""
Entities = dict[str, Entity]
"""Entity id → entity."""


@dataclass
class _Article:
    """What speaker resolution needs of one article."""

    mentions: list[Mention]
    """Its mentions in reading order."""
    paragraphs: dict[int, str]
    """Paragraph index → its text."""
    described: dict[str, Described]
    """Entity id → how the corpus describes it."""
    quoted: dict[int, list[tuple[int, int]]]
    """Paragraph → spans of its direct quotes."""
    pronouns: dict[str, str]
    """Person entity id → "he" or "she", as the corpus refers to them."""
    spoke: list[tuple[int, int, str | None]]
    """(paragraph, offset, entity id) of the speakers so far; None for a speaker no
    entity stands for."""
    entity_ids: frozenset[str] = frozenset()
    """The entities its mentions stand for."""
    keys: list[tuple[int, int]] = field(default_factory=list)
    """(paragraph, start) of each mention, in the order of :attr:`mentions`: where a
    quote's speaker is found by bisection, not by reading every mention."""
    by_head: dict[str, list[str]] = field(default_factory=dict)
    """Head word → the entities described with it in enough articles (shared)."""
    named: dict[str, set[str]] | None = None
    """Folded word → the entities whose name holds it, built at the first surname."""

    def named_with(self, words: list[str], entities: Entities) -> set[str]:
        """Its entities whose name holds every one of ``words`` (looked up by word, not
        by reading every entity's name for every quote)."""
        if self.named is None:
            self.named = defaultdict(set)
            for entity_id in self.entity_ids:
                if entity_id not in entities:
                    continue
                for word in WORD.findall(entities[entity_id].name):
                    self.named[fold(word)].add(entity_id)
        return set.intersection(*(self.named.get(w, set()) for w in words))

    def within(self, paragraph: int, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end) of a paragraph."""
        lo = bisect.bisect_left(self.keys, (paragraph, start))
        hi = bisect.bisect_left(self.keys, (paragraph, end))
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def before(self, paragraph: int, offset: int, reach: int | None) -> list[Mention]:
        """The mentions before ``offset`` of a paragraph, back to ``reach`` paragraphs
        before it (None: the article's start), at most :data:`SCAN_MENTIONS` of them,
        in reading order."""
        hi = bisect.bisect_left(self.keys, (paragraph, offset))
        lo = 0 if reach is None else bisect.bisect_left(self.keys, (paragraph - reach, -1))
        return self.mentions[max(lo, hi - SCAN_MENTIONS) : hi]


def _named(
    q: Quote, art: _Article, mention_entity: MentionEntity, entities: Entities
) -> str | None:
    """Stage 1."""
    text = art.paragraphs.get(q.speaker_paragraph, "")
    within = [
        (m, text[m.end : q.speaker_end])
        for m in art.within(q.speaker_paragraph, q.speaker_start, q.speaker_end)
    ]
    ending = [m for m, after in within if not WORD.search(after.replace("'s", ""))]
    # "the Syrian Observatory for Human Rights war monitor": an organisation's or a
    # person's name with common words after it, but not "Russia's defence ministry"
    # nor "a Turkish security official"
    described = [
        m
        for m, after in within
        if m.label in _NAME_LABELS
        and after
        and _DESCRIPTION_AFTER.fullmatch(after)
        and after.split()[-1].lower() not in TITLES  # "the UN special envoy": a person
    ]
    # "Syrian state news agency SANA": a described actor with its name after it
    named_after = [
        m for m, after in within if m.label == DESCRIBED and _NAME_AFTER.fullmatch(after)
    ]
    for candidates in (ending, described, named_after):
        for m in reversed(candidates):
            entity_id = entity_of(m, mention_entity)
            if entity_id in entities:
                return entity_id
    return None


def _quoted(m: Mention, art: _Article) -> bool:
    """Whether a mention is inside someone's quoted words (the quote that opens last
    before it, found by bisection: quotes do not nest)."""
    spans = art.quoted.get(m.paragraph, [])
    n = bisect.bisect_right(spans, (m.start, math.inf))
    return bool(n) and m.start < spans[n - 1][1]


def _fits(entity: Entity, person: bool) -> bool:
    """ "he"/"she" stand for a person; "it" for an organisation or body."""
    if person:
        return entity.kind == "person"
    return entity.group == "actor" and entity.kind != "person"


def _pronoun(
    q: Quote, art: _Article, mention_entity: MentionEntity, entities: Entities
) -> str | None:
    """Stage 2."""
    where = (q.speaker_paragraph, q.speaker_start)
    pronoun = (q.speaker_text or "").lower()
    person = pronoun in PERSON_PRONOUNS
    people = [
        (m, entity_id)
        for m in art.before(*where, reach=PRONOUN_REACH)
        if not _quoted(m, art)  # "we don't cry over the Assad government", he added
        and (entity_id := entity_of(m, mention_entity)) in entities
        and _fits(entities[entity_id], person)
        and art.pronouns.get(entity_id, pronoun) == pronoun  # not "she" for a "he"
    ]
    if art.spoke:
        paragraph, offset, last = art.spoke[-1]
        named_since = any((m.paragraph, m.start) > (paragraph, offset) for m, _ in people)
        if last is None and not named_since and paragraph >= where[0] - PRONOUN_REACH:
            return None  # "a diplomat said ... He added": someone no entity stands for
        if (
            last is not None
            and _fits(entities[last], person)
            and art.pronouns.get(last, pronoun) == pronoun
            and not named_since
            and paragraph >= where[0] - PRONOUN_REACH
        ):
            return last
    subjects = [e for m, e in people if m.argument.startswith("nsubj")]
    if subjects:
        return subjects[-1]
    return people[-1][1] if people else None


def _description(
    q: Quote, art: _Article, mention_entity: MentionEntity, entities: Entities
) -> str | None:
    """Stage 3."""
    words = (q.speaker_text or "").split()
    if not (1 < len(words) <= DESCRIPTION_MAX_WORDS) or words[0].lower() != "the":
        return None
    head = words[-1].lower()
    if head.endswith("s") and not head.endswith("ss"):
        return None  # "the rebels": a group, not the one body or person named before
    person = head in TITLES  # "the minister" is a person; "the monitor" may be a body

    def fits(entity_id: str | None, introduced: bool) -> bool:
        """An actor; a person only when this article introduced them with the word
        (``introduced``) or under a role the sources give them ("the spokesman" for
        "spokesman Moussa Ibrahim"), never "the doctor" for a leader."""
        entity = entities.get(entity_id or "")
        if entity is None or entity.group != "actor":
            return False
        if entity.kind == "person":
            roles = {p[-1].lower() for r in entity.roles if (p := head_phrase(r.text.split()))}
            return introduced or head in roles
        return not person

    # its other words must agree with what is known of the entity ("the Saudi oil
    # minister" is no Libyan, "the rebels' chief" not NATO's)
    modifiers = [stem(w) for w in words[1:-1] if w.lower() not in DETERMINERS]
    # near its introduction, only names and owners must agree ("Saudi", "rebels'")
    strict = [
        stem(w)
        for w in words[1:-1]
        if w.lower() not in DETERMINERS and (w[:1].isupper() or w.endswith(("'", "'s", "’s")))
    ]
    for m in reversed(art.before(q.speaker_paragraph, q.speaker_start, reach=None)):
        entity_id = entity_of(m, mention_entity)
        if not fits(entity_id, introduced=True):
            continue
        if m.label == DESCRIBED:
            if _described_as(m, head, strict):
                return entity_id
            continue
        phrases = description_phrases(m, art.paragraphs)
        if any(phrase[-1] == head for phrase in phrases):
            known = art.described.get(entity_id or "")
            near = {stem(w) for phrase in phrases for w in phrase}
            if all(s in near or (known and s in known.words) for s in strict):
                return entity_id
    # Named in this article, and described so in other articles too: "the
    # British-based monitor" after "the Syrian Observatory for Human Rights said"
    named = {
        entity_id
        for entity_id in art.entity_ids
        if fits(entity_id, introduced=False)
        and (known := art.described.get(entity_id or "")) is not None
        and known.heads[head] >= DESCRIBED_IN_ARTICLES
        and all(stem in known.words for stem in modifiers)
    }
    return named.pop() if len(named) == 1 else None


def _indefinite(
    q: Quote, art: _Article, mention_entity: MentionEntity, entities: Entities
) -> str | None:
    """Stage 3b: "a Britain-based monitor" where the article names no such body: the one
    actor, not a person, that other articles describe with the word (in at least
    :data:`DESCRIBED_IN_ARTICLES` of them), its capitalised words agreeing."""
    words = (q.speaker_text or "").split()
    if not (1 < len(words) <= DESCRIPTION_MAX_WORDS) or words[0].lower() not in ("a", "an"):
        return None
    head = words[-1].lower()
    if head in TITLES or (head.endswith("s") and not head.endswith("ss")):
        return None  # "a minister", "a Western diplomat" are people; "activists" many
    strict = [stem(w) for w in words[1:-1] if w[:1].isupper()]
    found = {
        entity_id
        for entity_id in art.by_head.get(head, ())
        if (entity := entities.get(entity_id)) is not None
        and entity.group == "actor"
        and entity.kind != "person"
        and all(s in art.described[entity_id].words for s in strict)
    }
    return found.pop() if len(found) == 1 else None


def _described_as(m: Mention, head: str, strict: list[str]) -> bool:
    """ "the official" after "a Turkish security official said": a described actor's
    mention ending in the word, its other words agreeing."""
    words = m.text.split()
    return fold(words[-1]) == head and all(s in {stem(w) for w in words} for s in strict)


def _surname(
    q: Quote, art: _Article, mention_entity: MentionEntity, entities: Entities
) -> str | None:
    """Stage 4."""
    written = [fold(w) for w in WORD.findall(q.speaker_text or "")]
    if not written or not all(w[:1].isupper() for w in WORD.findall(q.speaker_text or "")):
        return None
    found = art.named_with(written, entities)
    return found.pop() if len(found) == 1 else None


_STAGES = (
    ("named", _named),
    ("description", _description),
    ("description", _indefinite),
    ("surname", _surname),
)


def _speaker(
    q: Quote, art: _Article, mention_entity: MentionEntity, entities: Entities
) -> tuple[str | None, str]:
    """(entity id or None, the stage that tied it)."""
    if not q.speaker_text:
        return None, ""
    if is_pronoun(q.speaker_text):
        if q.speaker_text.lower() not in PERSON_PRONOUNS | _THING_PRONOUNS:
            return None, ""  # "they", "we": a group the article does not name here
        found = _pronoun(q, art, mention_entity, entities)
        return (found, "pronoun") if found else (None, "")
    for how, stage in _STAGES:
        found = stage(q, art, mention_entity, entities)
        if found:
            return found, how
    return None, ""


def _someone(written: str | None) -> bool:
    """A speaker as written that is one person or body no entity stands for ("a
    Western diplomat"), who may then be "he" or "she"."""
    words = (written or "").split()
    return bool(words) and not is_pronoun(written or "") and not words[-1].endswith("s")


def _article(
    extraction: ArticleExtraction,
    paragraphs: dict[int, str],
    described: dict[str, Described],
    pronouns: dict[str, str],
    mention_entity: MentionEntity,
    by_head: dict[str, list[str]],
) -> _Article:
    quoted: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for q in extraction.quotes:
        if q.kind == "direct":
            quoted[q.paragraph].append((q.start, q.end))
    for spans in quoted.values():
        spans.sort()
    mentions = sorted(extraction.mentions, key=lambda m: (m.paragraph, m.start))
    ids = frozenset(e for m in mentions if (e := entity_of(m, mention_entity)) is not None)
    keys = [(m.paragraph, m.start) for m in mentions]
    return _Article(mentions, paragraphs, described, quoted, pronouns, [], ids, keys, by_head)


def _quote_date(
    quote: Quote, dated: Dated | None, sentence: str, expressions: list[str], published: str | None
) -> Dated | None:
    """The day a quote was said: its sentence's (as of, for a count), unless the
    quoted words give it; None when words outside the quote name another time."""
    if dated is not None:
        dated = as_of(dated, sentence, published)
    if dated is None or not dated.day or (dated.evidence or "") in quote.text:
        # "X said the offensive began on Wednesday", "in the next few days": not when
        # X said it, which is then the day the article came out, unless words outside
        # the quote say it was another time ("at the time", "five months ago")
        outside = [e for e in expressions if e not in quote.text]
        return Dated(published, "published") if published and not outside else None
    return dated


def _continued(
    dated: Dated | None,
    who: tuple[int, str | None],
    said: tuple[tuple[int, str | None], Dated | None] | None,
) -> Dated | None:
    """A quote its own sentence does not date, right after one by the same speaker in
    the same paragraph ("X said on Saturday ... He added ..."), was said with it: it
    takes that quote's day. ``who`` is (paragraph, speaker entity id)."""
    if said is None or who[1] is None or said[0] != who or said[1] is None:
        return dated
    if dated is None or dated.evidence != "published":
        return dated  # its sentence dates it, or names another time
    return said[1]


def _resolved(
    quote: Quote,
    quote_id: str,
    speaker: tuple[str | None, str],
    dated: Dated | None,
    citation: Citation,
    published: str | None,
) -> ResolvedQuote:
    same_paragraph = quote.speaker_paragraph == quote.paragraph
    return ResolvedQuote(
        id=quote_id,
        text=quote.text,
        kind=quote.kind,
        speaker=speaker[0],
        speaker_text=quote.speaker_text,
        cue=quote.cue,
        citation=citation,
        date=dated.day if dated else published,
        date_evidence=dated.evidence if dated else "published",
        speaker_found=speaker[1],
        start=quote.start,
        end=quote.end,
        speaker_start=quote.speaker_start if same_paragraph else -1,
        speaker_end=quote.speaker_end if same_paragraph else -1,
    )


def _resolve_article(
    extraction: ArticleExtraction,
    art: _Article,
    mention_entity: dict[tuple[str, int, int], str],
    entities: dict[str, Entity],
    dating: dict[tuple[str, int], Dated],
    published: str | None,
) -> list[ResolvedQuote]:
    """The quotes of one article, in order: who spoke last matters for "he said"."""
    article_id = extraction.article_id
    sentences = {x.index: x.text for x in extraction.sentences}
    date_words: dict[int, list[str]] = defaultdict(list)
    for d in extraction.dates:
        date_words[d.sentence].append(d.text)
    resolved = []
    said: tuple[tuple[int, str | None], Dated | None] | None = None
    for n, quote in enumerate(extraction.quotes, start=1):
        speaker = _speaker(quote, art, mention_entity, entities)
        if speaker[0] is not None:
            art.spoke.append((quote.paragraph, quote.start, speaker[0]))
        elif _someone(quote.speaker_text):
            art.spoke.append((quote.paragraph, quote.start, None))
        dated = _quote_date(
            quote,
            dating.get((article_id, quote.sentence)),
            sentences.get(quote.sentence, ""),
            date_words.get(quote.sentence, []),
            published,
        )
        dated = _continued(dated, (quote.paragraph, speaker[0]), said)
        said = ((quote.paragraph, speaker[0]), dated)
        citation = Citation(article_id, quote.paragraph)
        resolved.append(_resolved(quote, f"{article_id}-q{n}", speaker, dated, citation, published))
    return resolved


def resolve_quotes(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    mention_entity: dict[tuple[str, int, int], str],
    entities: dict[str, Entity],
    dating: dict[tuple[str, int], Dated],
) -> list[ResolvedQuote]:
    """Every quote of every article, its speaker tied to an entity where one fits and
    its date that of its sentence."""
    texts = {a.id: {p.index: p.text for p in a.paragraphs} for a in corpus.articles}
    published = {a.id: a.published for a in corpus.articles}
    described = descriptions_by_entity(extractions, mention_entity, texts, entities)
    pronouns = pronouns_by_person(extractions, mention_entity, entities)
    by_head = described_by_head(described, DESCRIBED_IN_ARTICLES)
    resolved: list[ResolvedQuote] = []
    for extraction in extractions:
        paragraphs = texts.get(extraction.article_id, {})
        art = _article(extraction, paragraphs, described, pronouns, mention_entity, by_head)
        resolved.extend(
            _resolve_article(
                extraction,
                art,
                mention_entity,
                entities,
                dating,
                published.get(extraction.article_id),
            )
        )
    return resolved
