"""Sentence dating, for the resolve stage: the day each sentence is about."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..dates import Dated, date_paragraph
from ..records import ArticleExtraction, Corpus, Sentence


def sentence_dating(
    corpus: Corpus, extractions: Sequence[ArticleExtraction], date_order: str
) -> dict[tuple[str, int], Dated]:
    """(article id, sentence index) → the day each sentence is about. A day named in a
    paragraph is the context for the relative expressions after it in that paragraph
    ("On Wednesday ... A day earlier ...")."""
    published = {a.id: a.published for a in corpus.articles}
    dating: dict[tuple[str, int], Dated] = {}
    for extraction in extractions:
        dates_by_sentence: dict[int, list[str]] = defaultdict(list)
        for d in extraction.dates:
            dates_by_sentence[d.sentence].append(d.text)
        by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
        for sentence in extraction.sentences:
            by_paragraph[sentence.paragraph].append(sentence)
        for paragraph in by_paragraph.values():
            days = date_paragraph(
                [(dates_by_sentence.get(s.index, []), s.text) for s in paragraph],
                published[extraction.article_id],
                date_order,
            )
            for s, dated in zip(paragraph, days, strict=True):
                dating[(extraction.article_id, s.index)] = dated
    return dating
