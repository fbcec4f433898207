"""Hand-built corpora and extractions for the resolve tests: one sentence a paragraph."""

from __future__ import annotations

import re

from briefing.records import (
    Article,
    ArticleExtraction,
    Corpus,
    DateMention,
    Mention,
    Paragraph,
    Quote,
    Sentence,
)


def corpus(*articles: tuple[str, str | None, str, list[str]]) -> Corpus:
    """(id, family, published, paragraphs) of each article."""
    return Corpus(
        tuple(
            Article(
                a,
                f"{a}.txt",
                "t",
                tuple(Paragraph(i, text) for i, text in enumerate(paragraphs, start=1)),
                a,
                outlet=f"outlet {a}",
                published=published,
                family=family,
            )
            for a, family, published, paragraphs in articles
        ),
        (),
    )


def extraction(
    article_id: str,
    paragraphs: list[str],
    names: dict[str, str] | None = None,
    dates: dict[int, list[str]] | None = None,
    quotes: tuple[Quote, ...] = (),
) -> ArticleExtraction:
    """Each paragraph one sentence (index = paragraph - 1); ``names`` maps a name as
    written to its label, each occurrence a mention; ``dates`` maps a sentence index
    to its date expressions."""
    sentences, mentions = [], []
    for i, text in enumerate(paragraphs):
        sentences.append(Sentence(article_id, i + 1, i, 0, len(text), text))
        for name, label in (names or {}).items():
            for m in re.finditer(re.escape(name), text):
                mentions.append(Mention(article_id, i + 1, i, m.start(), m.end(), name, label))
    mentions.sort(key=lambda m: (m.paragraph, m.start))
    date_mentions = [
        DateMention(article_id, i + 1, i, expression)
        for i, expressions in (dates or {}).items()
        for expression in expressions
    ]
    return ArticleExtraction(
        article_id, tuple(sentences), tuple(mentions), tuple(date_mentions), quotes
    )


def mention_entities(*extractions: ArticleExtraction) -> dict[tuple[str, int, int], str]:
    """Each mention's entity: its words in lower case."""
    return {
        (m.article_id, m.paragraph, m.start): m.text.lower()
        for e in extractions
        for m in e.mentions
    }
