"""One article's records from its parsed paragraphs.

For each paragraph of an extracted kind (``Article.extracted``: body and standfirst,
not captions, subheadings, bylines, comments or furniture), in order: its sentences,
its mentions, its date mentions and its quotes (a quote left open runs on into the
next paragraph); then the speakers carried over paragraphs (:func:`.quotes.carry_speakers`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from ..records import Article, ArticleExtraction, DateMention, Mention, Sentence
from . import quotes
from .labels import DATE_LABELS
from .mentions import mentions, verb_above, verb_of
from .sentences import SentenceIndex, sentences


def extract_article(article: Article, docs: Sequence[Doc]) -> ArticleExtraction:
    """Turn the parsed paragraphs of one article (``docs``, one per paragraph of
    ``Article.extracted``) into records."""
    found_sentences: list[Sentence] = []
    found_mentions: list[Mention] = []
    dates: list[DateMention] = []
    held: list[quotes.ParagraphQuotes] = []
    for paragraph, doc in zip(article.extracted, docs, strict=True):
        index = SentenceIndex.of(doc, len(found_sentences))
        found_sentences.extend(sentences(doc, index, article.id, paragraph.index))
        found_mentions.extend(mentions(doc, article.id, paragraph.index, index))
        dates.extend(_dates(doc, article.id, paragraph.index, index))
        inside = bool(held) and held[-1].runs_on
        held.append(quotes.paragraph_quotes(doc, article.id, paragraph.index, index, inside))
    return ArticleExtraction(
        article.id,
        tuple(found_sentences),
        tuple(found_mentions),
        tuple(dates),
        tuple(quotes.carry_speakers(held)),
    )


def _dates(
    doc: Doc, article_id: str, paragraph: int, index: SentenceIndex
) -> Iterator[DateMention]:
    parsed = doc.has_annotation("DEP")
    for ent in doc.ents:
        if ent.label_ in DATE_LABELS:
            yield DateMention(
                article_id,
                paragraph,
                index(ent.start),
                ent.text,
                verb=verb_of(ent.root) if parsed else -1,
                attaches=date_attachment(ent.root) if parsed else "",
            )


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_VERBAL = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSES_OF_NOUNS = frozenset({"relcl", "acl"})
_ADVERBIAL_NPS = frozenset({"npadvmod", "tmod"})
"""Relations of a bare noun phrase of time ("last week", "earlier this year"): the
small models often hang one from a noun beside it ("met X in Cairo last week"), but it
dates the verb."""


def _stands_for(token: Token) -> Token:
    """The word a date's phrase stands where: "the start of 2011" stands where "the
    start" does, "in 2011" where "in" does (the preposition hangs from what it dates)."""
    while token.head.i != token.i:
        head = token.head
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOMINAL:
            token = head.head
        elif token.dep_ == "pobj" and head.pos_ in ("ADP", "SCONJ"):
            token = head
        else:
            return token
    return token


def _in_clause_of_noun(verb: Token) -> bool:
    """Whether a verb is in a relative clause (or a participle) of a noun, up to the
    sentence's root: "the homes they were forced to leave"."""
    while verb.head.i != verb.i:
        if verb.dep_ in _CLAUSES_OF_NOUNS:
            return True
        verb = verb.head
    return False


def date_attachment(root: Token) -> str:
    """The ``attaches`` field of a date mention (see :class:`DateMention`), from the
    root word of its expression."""
    phrase = _stands_for(root)
    head = phrase.head
    if head.i == phrase.i:
        return ""
    if head.pos_ in _VERBAL:
        attaches, verb = ("subject" if phrase.dep_ in _SUBJECTS else "verb"), head
    elif head.pos_ in _NOMINAL and head.dep_ in _SUBJECTS and head.head.pos_ in _VERBAL:
        attaches, verb = "subject", head.head  # "the 2016 battle ... was"
    elif phrase.dep_ in _ADVERBIAL_NPS and (above := verb_above(phrase)) is not None:
        attaches, verb = "verb", above
    elif head.pos_ in _NOMINAL or head.pos_ in ("ADJ", "DET"):
        return "noun"
    else:
        return ""
    return "noun" if _in_clause_of_noun(verb) else attaches
