"""Mentions: the tagger's actor-like and place-like names in one parsed paragraph.

Each entity span is taken in numbered stages:

1. **repair** (:func:`_entity_spans`): an institution the tagger cut at "for"/"of" is
   joined again, and a country name followed by a small number ("FRANCE 24") becomes
   one broadcaster's name;
2. **trim** (:func:`_trimmed`): leading articles, stray marks and page furniture go
   from its start; a comma or spaced dash ends it; possessives and words that run past
   a name ("Herman Van Rompuy EU", "Zaman While") go from its end;
3. **reject** (:func:`_is_junk`): spans that cannot be one name (time stamps, credits,
   lower-case runs, adjectives such as "pro-Assad", coordinations, quotes);
4. **given names** (:func:`_with_given_names`): capitalised words the tagger left out
   before a person's name join it;
5. **role and syntax**: the person's title or role (:mod:`.roles`), the parse relation
   that links the name to its verb (:func:`argument`).

Described actors ("the Syrian army", "rebels", :mod:`.described`) are mentions too; a
tagged word inside one ("Syrian") is part of it, not a mention of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..records import ACTOR_LABELS, DESCRIBED, NAME_ONLY_LABELS, PLACE_LABELS, Mention
from ..textutil import NICKNAME, alternation
from .described import described_spans
from .labels import ORG, PERSON
from .roles import LEADING_ARTICLES, PERSON_NOUNS, TITLES, role

MAX_MENTION_TOKENS = 8
"""Longer entity spans are almost always NER errors over headlines or lists."""
BRAND_NUMBER_MAX = 999
"""A country name followed by a number up to this ("FRANCE 24") is a broadcaster's name."""
GIVEN_NAMES_MAX = 2
"""Capitalised words taken back into a person's name the tagger started too late."""

_KEPT_LABELS = ACTOR_LABELS | PLACE_LABELS | NAME_ONLY_LABELS
_FURNITURE_NAMES = lexicon.word_set("furniture_names")
_FURNITURE_WORDS = lexicon.word_set("furniture_labels") | lexicon.word_set("name_furniture_words")
"""Page furniture that heads a name in boilerplate ("End Quote Bashar al-Assad")."""
_NAME_PARTICLES = lexicon.word_set("name_particles")
_VESSEL_PREFIXES = lexicon.word_set("vessel_prefixes")
_VESSEL_NOUNS = lexicon.word_set("vessel_nouns")
_MODIFIER_PREFIXES = lexicon.word_set("modifier_prefixes")
_INNER_MODIFIER = re.compile(
    rf"\s{alternation(lexicon.words('inner_modifier_prefixes'))}[-‐]\w", re.I
)
_CLAUSE_WORDS = lexicon.word_set("clause_words")
_COURTESY = lexicon.word_set("courtesy_titles")
INSTITUTION_HEADS = lexicon.word_set("institution_heads")
_JOINERS = lexicon.word_set("institution_joiners")
_MONTHS = frozenset(name[:3] for name in lexicon.words("months"))
_POSSESSIVE = ("'s", "’s", "'", "’")
_DASHES = frozenset({"-", "–", "—", "--"})
_ROMAN = re.compile(r"^(?:[IVX]+|JR|SR)$")
_TIMESTAMP = re.compile(rf"\d:\d\d|\b{alternation(lexicon.words('time_zones'))}\b")
"""Live pages' time stamps ("04:27 GMT Help"): furniture, never a name."""
# A name inside these stands for the phrase around it ("HTS fighters", "HTS and allies").
_PHRASE_INNER_DEPS = frozenset({"compound", "conj", "appos", "poss", "nmod", "amod"})


def mentions(
    doc: Doc, article_id: str, paragraph: int, sentence_of: Callable[[int], int]
) -> Iterator[Mention]:
    """The mentions of one parsed paragraph; ``sentence_of`` gives a token's sentence
    index in the article."""
    parsed = doc.has_annotation("DEP")
    described = list(described_spans(doc))
    inside = {i for span in described for i in range(span.start, span.end)}
    found = [(span, DESCRIBED) for span in described]
    for ent, label, limit in _entity_spans(doc):
        if label not in _KEPT_LABELS:
            continue
        span = _clean_entity(ent, label, limit)
        if span is None or span.start in inside:
            continue
        if label == PERSON:
            span = _with_given_names(span)
        found.append((span, label))
    for span, label in sorted(found, key=lambda found: found[0].start):
        yield Mention(
            article_id=article_id,
            paragraph=paragraph,
            sentence=sentence_of(span.start),
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            label=label,
            role=role(span, label) if label != DESCRIBED else None,
            syntax=span.root.dep_ if parsed else "",
            **(argument(span) if parsed else {}),
        )


# ------------------------------------------------------------------ 1. repair


def _entity_spans(doc: Doc) -> Iterator[tuple[Span, str, int]]:
    """(span, label, most tokens allowed) of the tagger's entities, repaired in three
    general ways: an institution cut at "for"/"of" is joined again, a ship's prefix
    ("INS", "USS") is part of the ship's name, and a country name followed by a small
    number ("FRANCE 24") is one broadcaster's name, not a country."""
    ents = list(doc.ents)
    i = 0
    while i < len(ents):
        ent, label = ents[i], ents[i].label_
        end, limit = ent.end, MAX_MENTION_TOKENS
        start = ent.start
        if i + 1 < len(ents) and _cut_institution(ent, ents[i + 1]):
            end = ents[i + 1].end
            limit += len(ents[i + 1]) + 2  # each part was checked on its own
            i += 1
        elif i + 1 < len(ents) and _is_vessel_prefix(ent) and ents[i + 1].start == ent.end:
            end, label = ents[i + 1].end, ents[i + 1].label_
            i += 1
        elif _is_broadcaster(ent):
            end, label = end + 1, ORG
        elif start > 0 and doc[start - 1].text in _VESSEL_PREFIXES:
            start -= 1  # an untagged "INS" before a tagged ship's name
        yield doc[start:end], label, limit
        i += 1


def _is_vessel_prefix(ent: Span) -> bool:
    """ "INS" tagged alone, the ship's name after it tagged apart."""
    return ent.text in _VESSEL_PREFIXES


def _cut_institution(ent: Span, following: Span) -> bool:
    """ "United Nations Office" + "for the" + "Coordination of Humanitarian Affairs"."""
    return (
        ent.label_ == ORG
        and following.label_ == ORG
        and ent[-1].lower_ in INSTITUTION_HEADS
        and ent.doc[ent.end : following.start].text.lower() in _JOINERS
    )


def _is_broadcaster(ent: Span) -> bool:
    """ "FRANCE 24": a place name and a small number just after it, not a day of the
    month ("Damascus 10 July")."""
    doc, end = ent.doc, ent.end
    return (
        ent.label_ in PLACE_LABELS
        and end < len(doc)
        and doc[end].like_num
        and doc[end].text.isdigit()
        and int(doc[end].text) <= BRAND_NUMBER_MAX
        and ent.end_char == doc[end].idx - 1
        and not (end + 1 < len(doc) and doc[end + 1].lower_[:3] in _MONTHS)
    )


# ------------------------------------------------------------------ 2-3. trim, reject


def _clean_entity(ent: Span, label: str, limit: int = MAX_MENTION_TOKENS) -> Span | None:
    """Trim determiners and possessives from ``ent``; None for junk spans."""
    start, end = _trimmed(ent, label)
    if start >= end:
        return None
    span = ent.doc[start:end]
    return None if _is_junk(span, label, limit) else span


def _trimmed(ent: Span, label: str) -> tuple[int, int]:
    """Stage 2: the token range of ``ent`` left once what is not the name is cut off."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].lower_ in LEADING_ARTICLES
        or _no_word(doc[start])
        or (doc[start].lower_ in _FURNITURE_WORDS and end - start > 1)
        or _names_a_ship_kind(doc, start, end)
    ):
        start += 1
    for i in range(start + 1, end):
        if doc[i].text == "," or (doc[i].text in _DASHES and doc[i - 1].whitespace_):
            end = i  # "Baba Amr, Inshaat", "Kofi Annan - Syrian ...": the name ends there
            break
    while end > start and (doc[end - 1].text in _POSSESSIVE or _no_word(doc[end - 1])):
        end -= 1
    while end - start > 1 and _runs_past_name(doc[end - 1], label):
        end -= 1
    return start, end


def _names_a_ship_kind(doc: Doc, start: int, end: int) -> bool:
    """ "Warship INS X" in a headline: the kind of ship, then the ship's prefixed name."""
    return (
        start + 1 < end
        and doc[start].lower_ in _VESSEL_NOUNS
        and doc[start + 1].text in _VESSEL_PREFIXES
    )


def _no_word(token: Token) -> bool:
    """Punctuation and stray marks ("`", "-") that cannot begin or end a name."""
    return token.is_punct or not any(c.isalnum() for c in token.text)


def _runs_past_name(token: Token, label: str) -> bool:
    """A last token that is not part of a person's name: "Herman Van Rompuy EU",
    "Zaman While", "Sam missiles"."""
    if token.lower_ in _CLAUSE_WORDS or (token.is_lower and token.lower_ not in _NAME_PARTICLES):
        return True
    if len(token.text) == 1 and token.is_upper and token.text not in "I":
        return True  # "Houla A UN official": the article of the next sentence
    title = token.lower_.strip(".")
    if title in _COURTESY or (title in TITLES and label == PERSON):
        return True  # "Political Security Directorate Mr" runs into "Mr Obama"
    return label == PERSON and token.is_upper and token.is_alpha and not _ROMAN.match(token.text)


def _is_junk(span: Span, label: str, limit: int) -> bool:
    """Stage 3: a span that cannot be one name."""
    text = span.text
    # the three characters before it, from the three tokens before it (each holds one
    # at least), not from the paragraph's whole text joined again for every name
    before = "".join(t.text_with_ws for t in span.doc[max(span.start - 3, 0) : span.start])[-3:]
    return (
        "\n" in text
        or not any(c.isalpha() for c in text)
        or bool(_TIMESTAMP.search(text))
        or "©" in before
        or len(span) > limit
        or text.lower() in _FURNITURE_NAMES
        or all(t.is_lower for t in span if t.is_alpha)
        or _starts_with_modifier(text)
        or (any(t.text == "The" for t in span[1:]) and not _nicknamed(text, label))
        or _has_marks(text, label)
        or _lists_names(span, label)
    )


_MARKS = '()“”"'


def _nicknamed(text: str, label: str) -> bool:
    """A person's name whose only marks enclose a nickname: Vincent "The Chin" Gigante."""
    if label != PERSON or NICKNAME.search(text) is None:
        return False
    return not any(mark in NICKNAME.sub(" ", text) for mark in _MARKS)


def _has_marks(text: str, label: str) -> bool:
    """Quotation marks or brackets: a quote or a gloss, not a name, unless a nickname
    stands inside a person's name."""
    return any(mark in text for mark in _MARKS) and not _nicknamed(text, label)


def _starts_with_modifier(text: str) -> bool:
    """ "pro-Assad", "Anti-Assad", "anti-government": a prefix that makes an adjective,
    or a lower-case word that is not a name particle."""
    first = re.split(r"[\s\-‐]", text, maxsplit=1)[0]
    if first.lower() in _MODIFIER_PREFIXES and text[len(first) : len(first) + 1] in "-‐":
        return True
    if _INNER_MODIFIER.search(text):
        return True  # "Target Pro-Assad": an adjective inside a headline's capitals
    return text[:1].islower() and first.lower() not in _NAME_PARTICLES


def _lists_names(span: Span, label: str) -> bool:
    """ "Uighurs and Uzbeks": a coordination, not one name. A person's name never holds
    "and"; an organisation's only after "of" or "for" ("Institute for Strategy and Policy")."""
    words = [t.lower_ for t in span]
    if "and" not in words and "&" not in words:
        return False
    if label in PLACE_LABELS:
        return False  # "Bosnia and Herzegovina"
    joined = words.index("and") if "and" in words else words.index("&")
    return label != ORG or not {"of", "for"} & set(words[:joined])


# ------------------------------------------------------------------ 4. given names


def _with_given_names(span: Span) -> Span:
    """ "Foreign Minister Ahmet Davutoglu" tagged as "Davutoglu": the untagged capitalised
    words just before a name, back to a title, are its given names, not a role."""
    doc, start = span.doc, span.start
    while (
        start > 0
        and span.start - start < GIVEN_NAMES_MAX
        and _may_be_given_name(doc[start - 1])
        and start - 1 > doc[start - 1].sent.start  # a sentence's first word may be anything
    ):
        start -= 1
    return doc[start : span.end] if start < span.start else span


def _may_be_given_name(token: Token) -> bool:
    """An untagged capitalised word that is no title, person noun or furniture."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and not token.ent_type_
        and token.lower_ not in TITLES
        and token.lower_ not in PERSON_NOUNS
        and token.lower_ not in _FURNITURE_WORDS
    )


# ------------------------------------------------------------------ 5. syntax


def argument(span: Span) -> dict[str, str | int]:
    """The ``argument`` and ``verb`` fields of a mention (see :class:`Mention`)."""
    token = span.root
    # Token objects are made afresh on each access: compare positions, never identity.
    while token.head.i != token.i and (
        token.dep_ in _PHRASE_INNER_DEPS
        # "the town of Saraqib" stands where "the town" does
        or (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ in ("NOUN", "PROPN")
        )
    ):
        token = token.head.head if token.dep_ == "pobj" else token.head
    relation, head = token.dep_, token.head
    if relation == "pobj":
        relation = "agent" if head.dep_ == "agent" else f"prep:{head.lower_}"
    return {"argument": relation, "verb": verb_of(token)}


def verb_above(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse, or None."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def verb_of(token: Token) -> int:
    """Offset of the nearest verb above ``token`` in the parse, or -1."""
    verb = verb_above(token)
    return verb.idx if verb is not None else -1
