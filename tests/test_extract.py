"""The extract stage's entry: records per article, and the cache."""

from pathlib import Path

from briefing.extract import extract
from briefing.records import Article, Paragraph
from briefing.textutil import sha256

from .conftest import blank_nlp


def _article(article_id: str, *paragraphs: str) -> Article:
    return Article(
        id=article_id,
        file=f"{article_id}.txt",
        title="t",
        paragraphs=tuple(Paragraph(i, p) for i, p in enumerate(paragraphs, start=1)),
        content_hash=sha256("\n".join(paragraphs)),
    )


def test_sentences_keep_article_and_paragraph() -> None:
    nlp = blank_nlp([{"label": "GPE", "pattern": "Lagos"}])
    (result,) = extract([_article("a", "One. Two in Lagos.", "Three.")], nlp, "blank")
    assert [(s.paragraph, s.index, s.text) for s in result.sentences] == [
        (1, 0, "One."),
        (1, 1, "Two in Lagos."),
        (2, 2, "Three."),
    ]
    assert result.mentions[0].sentence == 1


class CountingPipe:
    """Wraps a pipeline and counts the texts it is asked to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.texts: list[str] = []

    def pipe(self, stream, **kwargs):
        def record(stream):
            for item in stream:
                self.texts.append(item[0])
                yield item

        return self.nlp.pipe(record(stream), **kwargs)


def test_cache_reuses_unchanged_articles(tmp_path: Path) -> None:
    nlp = CountingPipe(blank_nlp([{"label": "GPE", "pattern": "Lagos"}]))
    old = _article("old", "Rain fell in Lagos.")
    first = extract([old], nlp, "blank", cache_dir=tmp_path)
    new = _article("new", "Sun shone in Lagos.")
    second = extract([old, new], nlp, "blank", cache_dir=tmp_path)
    assert nlp.texts == ["Rain fell in Lagos.", "Sun shone in Lagos."]
    assert second[0] == first[0]
    assert [r.article_id for r in second] == ["old", "new"]
    extract([old], nlp, "other-model", cache_dir=tmp_path)
    assert nlp.texts[-1] == "Rain fell in Lagos."  # another model is another cache key
