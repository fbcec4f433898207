"""The extract stage's entry: records per article, and the cache."""

from pathlib import Path

import pytest

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


def _parsed(words, heads, deps, pos):
    from spacy.tokens import Doc

    return Doc(blank_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_date_attaches_to_its_verb_its_subject_or_a_noun() -> None:
    """Parses built by hand (no model): "in 2011" dates the verb; "the 2016 battle"
    the verb's subject; "centres of the 2011 protests" and a relative clause are in
    passing."""
    from briefing.extract.article import date_attachment

    erupted = _parsed(
        ["War", "erupted", "in", "2011", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "NUM", "PUNCT"],
    )
    assert date_attachment(erupted[3]) == "verb"
    battle = _parsed(
        ["The", "2016", "battle", "was", "a", "turning", "point"],
        [2, 2, 3, 3, 6, 6, 3],
        ["det", "nummod", "nsubj", "ROOT", "det", "compound", "attr"],
        ["DET", "NUM", "NOUN", "AUX", "DET", "NOUN", "NOUN"],
    )
    assert date_attachment(battle[1]) == "subject"
    centres = _parsed(
        ["Towns", "were", "centres", "of", "the", "2011", "protests"],
        [1, 1, 1, 2, 6, 6, 3],
        ["nsubj", "ROOT", "attr", "prep", "det", "nummod", "pobj"],
        ["NOUN", "AUX", "NOUN", "ADP", "DET", "NUM", "NOUN"],
    )
    assert date_attachment(centres[5]) == "noun"
    # "Rebels took Aleppo, which troops retook in 2016."
    relative = _parsed(
        ["Rebels", "took", "Aleppo", ",", "which", "troops", "retook", "in", "2016"],
        [1, 1, 1, 2, 6, 6, 2, 6, 7],
        ["nsubj", "ROOT", "dobj", "punct", "dobj", "nsubj", "relcl", "prep", "pobj"],
        ["NOUN", "VERB", "PROPN", "PUNCT", "PRON", "NOUN", "VERB", "ADP", "NUM"],
    )
    assert date_attachment(relative[8]) == "noun"
    # "at the start of 2011" stands where "the start" does
    start = _parsed(
        ["Protests", "began", "at", "the", "start", "of", "2011"],
        [1, 1, 1, 4, 2, 4, 5],
        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj"],
        ["NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "NUM"],
    )
    assert date_attachment(start[6]) == "verb"


@pytest.mark.model
def test_the_trained_parse_tells_a_year_in_passing_from_one_dating_the_verb(trained_nlp) -> None:
    text = (
        "Fighters said they have taken towns which were centres of the 2011 protests. "
        "Ankara sought to topple him after the conflict erupted in 2011."
    )
    (result,) = extract([_article("a", text)], trained_nlp, "trained")
    attached = {(d.sentence, d.text): d.attaches for d in result.dates}
    assert attached[(0, "2011")] == "noun"
    assert attached[(1, "2011")] == "verb"


def test_a_bare_noun_phrase_of_time_dates_the_verb_whatever_noun_the_parse_hangs_it_from() -> None:
    """ "met leaders in Cairo last week": the small models hang "last week" from the
    noun beside it, but it dates the meeting."""
    from briefing.extract.article import date_attachment

    met = _parsed(
        ["Envoys", "met", "leaders", "in", "Cairo", "last", "week"],
        [1, 1, 1, 2, 3, 6, 4],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "amod", "npadvmod"],
        ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "ADJ", "NOUN"],
    )
    assert date_attachment(met[6]) == "verb"
