"""One article's records from its parsed paragraphs.

For each paragraph of an extracted kind (``records.EXTRACTED_KINDS``: body and
standfirst, not captions, subheadings, bylines, comments or furniture), in order: its sentences, its mentions, its
date mentions and its quotes (a quote left open runs on into the next paragraph);
then the speakers carried over paragraphs (:func:`.quotes.carry_speakers`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from ..records import (
    EXTRACTED_KINDS,
    Article,
    ArticleExtraction,
    DateMention,
    Mention,
    Paragraph,
    Sentence,
)
from . import quotes
from .labels import DATE_LABELS
from .mentions import mentions, verb_of
from .sentences import SentenceIndex, sentences


def extractable(article: Article) -> list[Paragraph]:
    """The paragraphs of extracted kinds: body and standfirst; captions, subheadings,
    bylines, comments and furniture are not the story."""
    return [p for p in article.paragraphs if p.kind in EXTRACTED_KINDS]


def extract_article(article: Article, docs: Sequence[Doc]) -> ArticleExtraction:
    """Turn the parsed paragraphs of one article (``docs``, one per paragraph of
    :func:`extractable`) into records."""
    found_sentences: list[Sentence] = []
    found_mentions: list[Mention] = []
    dates: list[DateMention] = []
    held: list[quotes.ParagraphQuotes] = []
    for paragraph, doc in zip(extractable(article), docs, strict=True):
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
            )
