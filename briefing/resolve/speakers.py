"""Who said it: speakers of quotes tied to entities, and figures tied to their source
(part of the resolve stage).

A quote's speaker as written is tied to an entity in numbered stages, the first that
finds one winning; a speaker no stage ties is kept as written, never guessed:

1. **named**: a mention whose words end the speaker's ("Foreign Minister Hakan
   Fidan"); a name with words after it ("Russia's defence ministry") is not that
   name's entity;
2. **pronoun**: "he" or "she" stands for the person who spoke last in the article
   when no other person was named since, else for the last person named as a
   subject within :data:`PRONOUN_REACH` paragraphs, else the last person named there;
3. **description**: "the official", "the monitor" stand for the last entity the
   article introduced with that word ("the Observatory, a Britain-based monitor",
   "spokesman John Kirby");
4. **surname**: a name the tagger missed stands for the one entity of the article
   whose name holds all its words ("Erdogan").

Figures are tied to the speaker of the quote or reported clause holding them ("at
least 242 people were killed, the Observatory said"), else to the article's outlet
as reporter; each is dated like its sentence and marked when its source is a party
to the conflict or the sentence marks it as a claim.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .. import lexicon
from .dating import Dated
from ..records import (
    ArticleExtraction,
    Citation,
    Corpus,
    Entity,
    FigureClaim,
    Mention,
    Quote,
    ResolvedQuote,
)
from ..textutil import fold, is_pronoun, squash_spaces
from .figures import figures, unit_topics

PRONOUN_REACH = 2
"""Paragraphs back (besides the quote's own) that "he" or "she" may reach."""
DESCRIPTION_MAX_WORDS = 4
"""A description longer than this ("the official in charge of ...") is kept as written."""
CUE_REACH = 40
"""Characters after a speaker or a reported clause in which a claim cue still marks
it ("state television claimed", "..., without providing evidence")."""
DESCRIBED_IN_ARTICLES = 2
"""Articles that must describe an entity with a word ("monitor") for that word to
stand for it in an article that does not."""
MODIFIER_STEM = 4
"""Letters of a description's capitalised modifier that must agree with a word the
corpus uses of the entity ("Brit" in British/Britain-based)."""
APPOSITION_REACH = 80
"""Characters after a name in which its description may be given ("X, a monitor")."""

PARTY_KINDS = frozenset({"government", "armed group", "military"})
"""Kinds of actor that are parties to a conflict (monitors and the press are not)."""
_PARTY_WORDS = lexicon.word_set("party_words")
TITLES = lexicon.word_set("titles")
CUE_WORDS = lexicon.verb_form_set("reporting_verbs")
_NAME_LABELS = frozenset({"PERSON", "ORG"})
_DESCRIPTION_AFTER = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}")
_PERSON_PRONOUNS = frozenset({"he", "she"})
_THING_PRONOUNS = frozenset({"it"})
_WORD = re.compile(r"[\w'-]+")


def is_party(entity: Entity | None, written: str | None = None) -> bool:
    """Whether a source is a party to the conflict: a government, an armed group, a
    military or a state acting as one; or, as written, a party's own media or men."""
    if entity is not None and entity.kind == "person":
        roles = " ".join(r.text for r in entity.roles)
        return bool({w.lower() for w in _WORD.findall(roles)} & _PARTY_WORDS)
    if entity is not None:
        return entity.kind in PARTY_KINDS or (entity.group == "place" and bool(entity.acting))
    words = {w.lower() for w in _WORD.findall(written or "")}
    return bool(words & _PARTY_WORDS)


# ------------------------------------------------------------------ speakers


@dataclass
class _Article:
    """What speaker resolution needs of one article."""

    mentions: list[Mention]
    paragraphs: dict[int, str]
    described: dict[str, Described]  # entity id → how the corpus describes it
    quoted: dict[int, list[tuple[int, int]]]  # paragraph → spans of direct quotes
    pronouns: dict[str, str]  # person entity id → "he" or "she", as the corpus refers
    spoke: list[tuple[int, int, str | None]]  # (paragraph, offset, entity id or None for
    # a speaker no entity stands for) of the speakers so far


def _entity_of(m: Mention, mention_entity: dict[tuple[str, int, int], str]) -> str | None:
    return mention_entity.get((m.article_id, m.paragraph, m.start))


def _named(q: Quote, art: _Article, mention_entity, entities) -> str | None:
    """Stage 1."""
    text = art.paragraphs.get(q.speaker_paragraph, "")
    within = [
        (m, text[m.end : q.speaker_end])
        for m in art.mentions
        if m.paragraph == q.speaker_paragraph
        and q.speaker_start <= m.start
        and m.end <= q.speaker_end
    ]
    ending = [m for m, after in within if not _WORD.search(after.replace("'s", ""))]
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
    for candidates in (ending, described):
        for m in reversed(candidates):
            entity_id = _entity_of(m, mention_entity)
            if entity_id in entities:
                return entity_id
    return None


def _before(m: Mention, paragraph: int, offset: int) -> bool:
    return (m.paragraph, m.start) < (paragraph, offset) and m.paragraph >= paragraph - PRONOUN_REACH


def _quoted(m: Mention, art: _Article) -> bool:
    """Whether a mention is inside someone's quoted words."""
    return any(s <= m.start < e for s, e in art.quoted.get(m.paragraph, ()))


def _fits(entity: Entity, person: bool) -> bool:
    """ "he"/"she" stand for a person; "it" for an organisation or body."""
    if person:
        return entity.kind == "person"
    return entity.group == "actor" and entity.kind != "person"


def _pronoun(q: Quote, art: _Article, mention_entity, entities) -> str | None:
    """Stage 2."""
    where = (q.speaker_paragraph, q.speaker_start)
    pronoun = (q.speaker_text or "").lower()
    person = pronoun in _PERSON_PRONOUNS
    people = [
        (m, entity_id)
        for m in art.mentions
        if _before(m, *where)
        and not _quoted(m, art)  # "we don't cry over the Assad government", he added
        and (entity_id := _entity_of(m, mention_entity)) in entities
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


def _description(q: Quote, art: _Article, mention_entity, entities) -> str | None:
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
            roles = {p[-1].lower() for r in entity.roles if (p := _head_phrase(r.text.split()))}
            return introduced or head in roles
        return not person

    # its other words must agree with what is known of the entity ("the Saudi oil
    # minister" is no Libyan, "the rebels' chief" not NATO's)
    modifiers = [_stem(w) for w in words[1:-1] if w.lower() not in _DETERMINERS]
    # near its introduction, only names and owners must agree ("Saudi", "rebels'")
    strict = [
        _stem(w)
        for w in words[1:-1]
        if w.lower() not in _DETERMINERS and (w[:1].isupper() or w.endswith(("'", "'s", "’s")))
    ]
    for m in reversed(art.mentions):
        if (m.paragraph, m.start) >= (q.speaker_paragraph, q.speaker_start):
            continue
        entity_id = _entity_of(m, mention_entity)
        if not fits(entity_id, introduced=True):
            continue
        phrases = _description_phrases(m, art.paragraphs)
        if any(phrase[-1] == head for phrase in phrases):
            known = art.described.get(entity_id or "")
            near = {_stem(w) for phrase in phrases for w in phrase}
            if all(s in near or (known and s in known.words) for s in strict):
                return entity_id
    # Named in this article, and described so in other articles too: "the
    # British-based monitor" after "the Syrian Observatory for Human Rights said"
    named = {
        entity_id
        for m in art.mentions
        if fits(entity_id := _entity_of(m, mention_entity), introduced=False)
        and (known := art.described.get(entity_id or "")) is not None
        and known.heads[head] >= DESCRIBED_IN_ARTICLES
        and all(stem in known.words for stem in modifiers)
    }
    return named.pop() if len(named) == 1 else None


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_PHRASE_ENDS = frozenset(
    {"with", "in", "of", "for", "on", "at", "from", "that", "which", "who", "whose", "to",
     "by", "and", "or", "as"}
)  # fmt: skip
_APPOSITION = re.compile(rf"^\s*[,(]\s*(?:a|an|the)\s+([^.;,()]{{1,{APPOSITION_REACH}}})")
_BEFORE_NAME = re.compile(r"\b([a-z][a-z-]*),?\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}$")


def _description_phrases(m: Mention, paragraphs: dict[int, str]) -> list[list[str]]:
    """The phrases the text describes a mention with, in lower case, head last: its
    title ("spokesman John Kirby"), an apposition after it ("the Observatory, a
    Britain-based monitor") or the words right before it ("Britain-based war monitor
    the Syrian Observatory")."""
    phrases = []
    if m.role and (role := _head_phrase(m.role.split())):
        phrases.append([w.lower() for w in role])
    text = paragraphs.get(m.paragraph, "")
    after = _APPOSITION.match(text[m.end : m.end + APPOSITION_REACH + 10])
    if after:
        words = _head_phrase(after.group(1).split())
        # "Mutassim, the cable said": an attribution, not a description
        if words and words[-1].islower() and not any(w.lower() in CUE_WORDS for w in words):
            phrases.append([w.lower() for w in words])
    before = _BEFORE_NAME.search(text[max(0, m.start - APPOSITION_REACH) : m.start])
    if before:
        # the words of its own phrase: after the last stop or comma before it
        preceding = text[max(0, m.start - APPOSITION_REACH) : m.start][: before.start(1)]
        lead = [w.lower() for w in re.split(r"[.;:!?,]", preceding)[-1].split()][-5:]
        # "according to the State Department cable, Mutassim ...": the noun belongs to
        # the phrase before
        if not any(w in _PHRASE_ENDS for w in lead):
            phrases.append([*lead, before.group(1)])
    return phrases


def _head_phrase(words: list[str]) -> list[str]:
    """The words up to the phrase's head: "son of the leader" → "son", "a monitor
    with sources in" → "monitor", "a service operating in" → "service"."""
    kept: list[str] = []
    for word in words:
        if word.lower() in _PHRASE_ENDS or (kept and word.endswith("ing")):
            break
        kept.append(word)
    return kept


def _stem(word: str) -> str:
    # "British"/"Britain", "Syrian"/"Syria": alike enough for a modifier to agree
    return fold(word).split("-")[0][:MODIFIER_STEM]


@dataclass(frozen=True)
class Described:
    """How the corpus describes one entity."""

    heads: Counter[str]
    """Head words of its descriptions, by the number of articles using each."""
    words: frozenset[str]
    """Stems of every word of its descriptions, its name and its roles."""


PRONOUN_MAJORITY = 3
"""How many times more often a person must be followed by one pronoun than the other
for the other not to stand for them."""


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
            entity_id = _entity_of(m, mention_entity)
            if entity_id in entities and entities[entity_id].kind == "person":
                people[m.sentence].add(entity_id)
        ordered = sorted(extraction.sentences, key=lambda x: x.index)
        for first, then in pairwise(ordered):
            if len(people.get(first.index, ())) != 1 or people.get(then.index):
                continue
            opening = _WORD.match(then.text.lstrip())
            word = opening.group(0).lower() if opening else ""
            if word in _PERSON_PRONOUNS:
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
            entity_id = _entity_of(m, mention_entity)
            if entity_id not in entities:
                continue
            for phrase in _description_phrases(m, paragraphs):
                in_article[entity_id].add(phrase[-1])
                words[entity_id].update(_stem(w) for w in phrase)
        for entity_id, found in in_article.items():
            heads[entity_id].update(found)
    for entity_id, entity in entities.items():
        written = [entity.name, *(r.text for r in entity.roles)]
        words[entity_id].update(_stem(w) for text in written for w in _WORD.findall(text))
    return {k: Described(heads[k], frozenset(words[k])) for k in heads}


def _surname(q: Quote, art: _Article, mention_entity, entities) -> str | None:
    """Stage 4."""
    written = [fold(w) for w in _WORD.findall(q.speaker_text or "")]
    if not written or not all(w[:1].isupper() for w in _WORD.findall(q.speaker_text or "")):
        return None
    found = {
        entity_id
        for m in art.mentions
        if (entity_id := _entity_of(m, mention_entity)) in entities
        and set(written) <= {fold(w) for w in _WORD.findall(entities[entity_id].name)}
    }
    return found.pop() if len(found) == 1 else None


_STAGES = (("named", _named), ("description", _description), ("surname", _surname))


def _speaker(q: Quote, art: _Article, mention_entity, entities) -> tuple[str | None, str]:
    """(entity id or None, the stage that tied it)."""
    if not q.speaker_text:
        return None, ""
    if is_pronoun(q.speaker_text):
        if q.speaker_text.lower() not in _PERSON_PRONOUNS | _THING_PRONOUNS:
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
    resolved: list[ResolvedQuote] = []
    described = descriptions_by_entity(extractions, mention_entity, texts, entities)
    pronouns = pronouns_by_person(extractions, mention_entity, entities)
    for extraction in extractions:
        mentions = sorted(extraction.mentions, key=lambda m: (m.paragraph, m.start))
        sentences = {x.index: x.text for x in extraction.sentences}
        date_words: dict[int, list[str]] = defaultdict(list)
        for d in extraction.dates:
            date_words[d.sentence].append(d.text)
        quoted: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for q in extraction.quotes:
            if q.kind == "direct":
                quoted[q.paragraph].append((q.start, q.end))
        art = _Article(
            mentions, texts.get(extraction.article_id, {}), described, quoted, pronouns, []
        )
        for n, quote in enumerate(extraction.quotes, start=1):
            speaker, how = _speaker(quote, art, mention_entity, entities)
            if speaker is not None:
                art.spoke.append((quote.paragraph, quote.start, speaker))
            elif _someone(quote.speaker_text):
                art.spoke.append((quote.paragraph, quote.start, None))
            dated = dating.get((extraction.article_id, quote.sentence))
            sentence = sentences.get(quote.sentence, "")
            if dated is not None:
                dated = _as_of(dated, sentence, published.get(extraction.article_id))
            expressions = date_words.get(quote.sentence, [])
            if dated is None or not dated.day or (dated.evidence or "") in quote.text:
                # "X said the offensive began on Wednesday", "in the next few days":
                # not when X said it, which is then the day the article came out,
                # unless words outside the quote say it was another time ("at the
                # time", "five months ago")
                day = published.get(extraction.article_id)
                outside = [e for e in expressions if e not in quote.text]
                dated = Dated(day, "published") if day and not outside else None
            resolved.append(
                ResolvedQuote(
                    id=f"{extraction.article_id}-q{n}",
                    text=quote.text,
                    kind=quote.kind,
                    speaker=speaker,
                    speaker_text=quote.speaker_text,
                    cue=quote.cue,
                    citation=Citation(extraction.article_id, quote.paragraph),
                    date=dated.day if dated else published.get(extraction.article_id),
                    date_evidence=dated.evidence if dated else "published",
                    speaker_found=how,
                    start=quote.start,
                    end=quote.end,
                    speaker_start=quote.speaker_start
                    if quote.speaker_paragraph == quote.paragraph
                    else -1,
                    speaker_end=quote.speaker_end
                    if quote.speaker_paragraph == quote.paragraph
                    else -1,
                )
            )
    return resolved


# ------------------------------------------------------------------ figures


def _as_of(dated: Dated, text: str, published: str | None) -> Dated:
    """The day a figure is as of: its sentence's day, except that a day the count
    runs *since* ("has risen to 218 since Wednesday") starts the period, and the
    figure is as of publication."""
    if dated.evidence and re.search(rf"\bsince\s+{re.escape(dated.evidence)}", text, re.I):
        return Dated(published, "published") if published else Dated(None, None)
    return dated


def _cue_marks(quote: ResolvedQuote, at: int) -> bool:
    """Whether a claim cue at offset ``at`` is in the quote's words or by its speaker
    ("state television claimed", "..., without providing evidence")."""
    if quote.start <= at < quote.end:
        return True
    if quote.speaker_start >= 0 and quote.speaker_start <= at <= quote.speaker_end + CUE_REACH:
        return True
    return at >= quote.end and quote.kind == "indirect" and at - quote.end <= CUE_REACH


def _speaker_distance(quote: ResolvedQuote, at: int) -> int:
    if quote.speaker_start < 0:
        return abs(at - quote.start)
    return min(abs(at - quote.speaker_start), abs(at - quote.speaker_end))


def figure_claims(
    corpus: Corpus,
    extractions: Sequence[ArticleExtraction],
    quotes: Sequence[ResolvedQuote],
    entities: dict[str, Entity],
    dating: dict[tuple[str, int], Dated],
    claim_cues: re.Pattern[str],
) -> list[FigureClaim]:
    """Every figure in every sentence, with who gives it, as of which day, and whether
    that source is a party; verbatim repeats on the same day merged."""
    outlet = {a.id: a.outlet for a in corpus.articles}
    published = {a.id: a.published for a in corpus.articles}
    family = {a.id: a.family or a.id for a in corpus.articles}
    by_paragraph: dict[tuple[str, int], list[ResolvedQuote]] = defaultdict(list)
    for q in quotes:
        if q.speaker_text and q.start >= 0:
            by_paragraph[(q.citation.article_id, q.citation.paragraph)].append(q)
    merged: dict[tuple[str, str | None, int], dict] = {}
    for extraction in extractions:
        for sentence in extraction.sentences:
            dated = dating.get((extraction.article_id, sentence.index))
            if dated is None or dated.background:
                continue  # a figure of another year is history, not this story's count
            dated = _as_of(dated, sentence.text, published.get(extraction.article_id))
            cue = claim_cues.search(sentence.text)
            for n, figure in enumerate(figures(sentence.text)):
                at = sentence.start + figure.at
                said = [
                    q
                    for q in by_paragraph.get((extraction.article_id, sentence.paragraph), [])
                    if q.start <= at < q.end
                    # "X said rebels took Brega, 200 km east": the writer's geography
                    and (q.kind == "direct" or figure.topic not in unit_topics())
                ]
                # "X said A, killing four, according to Y": the nearest speaker gives it
                quote = min(said, key=lambda q: (_speaker_distance(q, at), q.id)) if said else None
                key = (fold(squash_spaces(sentence.text)), dated.day, n)
                citation = Citation(extraction.article_id, sentence.paragraph)
                if key in merged:
                    if citation not in merged[key]["citations"]:
                        merged[key]["citations"].append(citation)
                    continue
                source = quote.speaker if quote else None
                written = quote.speaker_text if quote else None
                # "X said A, where four were killed, according to state media": the cue
                # marks the clause it is in, not the speaker's other words
                marks = cue is not None and (
                    quote is None or _cue_marks(quote, sentence.start + cue.start())
                )
                merged[key] = {
                    "figure": figure,
                    "date": dated.day,
                    "date_evidence": dated.evidence,
                    "source": source,
                    "source_text": written,
                    "reported_by": outlet.get(extraction.article_id),
                    "party": is_party(entities.get(source or ""), written)
                    if quote
                    else bool(cue and is_party(None, cue.group(0))),
                    "claim_cue": cue.group(0) if cue and marks else None,
                    "sentence": sentence.text,
                    "citations": [citation],
                }
    counters: dict[tuple[str, int], int] = defaultdict(int)
    ids = []
    for c in merged.values():
        where = (c["citations"][0].article_id, c["citations"][0].paragraph)
        counters[where] += 1
        ids.append(f"{where[0]}-p{where[1]}-f{counters[where]}")
    claims = [
        FigureClaim(
            id=ids[i],
            topic=c["figure"].topic,
            label=c["figure"].label,
            value=c["figure"].value,
            low=c["figure"].low,
            high=c["figure"].high,
            within=c["figure"].within,
            running=c["figure"].running,
            date=c["date"],
            date_evidence=c["date_evidence"],
            source=c["source"],
            source_text=c["source_text"],
            reported_by=c["reported_by"],
            party=c["party"],
            claim_cue=c["claim_cue"],
            sentence=c["sentence"],
            citations=tuple(c["citations"]),
            sources=len({family[x.article_id] for x in c["citations"]}),
        )
        for i, c in enumerate(merged.values())
    ]
    return sorted(claims, key=lambda c: (c.topic, c.date or "", c.id))
