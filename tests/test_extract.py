from pathlib import Path

import pytest
from spacy.tokens import Doc

from briefing.extract import extract
from briefing.extract.quotes import attribute, quote_spans
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


def test_quote_marks_pair_and_apostrophes_are_ignored() -> None:
    text = 'The detainees\' lawyer said “they were beaten” and added "we will appeal".'
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["they were beaten", "we will appeal"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "He said: “We will not leave our homes"
    assert [text[s:e] for s, e in quote_spans(text)] == ["We will not leave our homes"]


def test_mentions_are_cleaned_and_junk_rejected() -> None:
    nlp = blank_nlp(
        [
            {"label": "PERSON", "pattern": [{"LOWER": "the"}, {"TEXT": "Mayor"}]},
            {"label": "GPE", "pattern": "Lagos"},
            {"label": "ORG", "pattern": "FRANCE 24"},
            {"label": "PERSON", "pattern": [{"TEXT": "pro"}, {"TEXT": "-"}, {"TEXT": "Smith"}]},
            {"label": "PERSON", "pattern": [{"TEXT": "Ada"}, {"TEXT": "Obi"}, {"TEXT": "'s"}]},
        ]
    )
    article = _article("a", "Ada Obi's office in Lagos said pro-Smith groups met. © FRANCE 24")
    (result,) = extract([article], nlp, "blank")
    found = sorted((m.text, m.label) for m in result.mentions)
    assert found == [("Ada Obi", "PERSON"), ("Lagos", "GPE")]
    mention = next(m for m in result.mentions if m.text == "Lagos")
    assert article.paragraphs[0].text[mention.start : mention.end] == "Lagos"


def test_sentences_keep_article_and_paragraph() -> None:
    nlp = blank_nlp([{"label": "GPE", "pattern": "Lagos"}])
    (result,) = extract([_article("a", "One. Two in Lagos.", "Three.")], nlp, "blank")
    assert [(s.paragraph, s.index, s.text) for s in result.sentences] == [
        (1, 0, "One."),
        (1, 1, "Two in Lagos."),
        (2, 2, "Three."),
    ]
    assert result.mentions[0].sentence == 1


def _parsed(words, heads, deps, pos, ents=None) -> Doc:
    nlp = blank_nlp()
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    return doc


def test_speaker_is_the_subject_of_the_reporting_verb() -> None:
    # “We are ready , ” Khalifa said .
    words = ["“", "We", "are", "ready", ",", "”", "Khalifa", "said", "."]
    heads = [2, 2, 7, 2, 7, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = _parsed(
        words, heads, deps, pos, ents=["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O"]
    )
    start, end = next(quote_spans(doc.text))
    speaker, cue = attribute(doc, start, end)
    assert (speaker.text, cue.text) == ("Khalifa", "said")


def test_according_to_gives_the_speaker() -> None:
    # Troops held the line , according to the monitor .
    words = [
        "Troops",
        "held",
        "“",
        "the",
        "line",
        "”",
        ",",
        "according",
        "to",
        "the",
        "monitor",
        ".",
    ]
    heads = [1, 1, 4, 4, 1, 4, 1, 1, 7, 10, 8, 1]
    deps = [
        "nsubj",
        "ROOT",
        "punct",
        "det",
        "dobj",
        "punct",
        "punct",
        "prep",
        "prep",
        "det",
        "pobj",
        "punct",
    ]
    pos = [
        "NOUN",
        "VERB",
        "PUNCT",
        "DET",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "VERB",
        "ADP",
        "DET",
        "NOUN",
        "PUNCT",
    ]
    doc = _parsed(words, heads, deps, pos)
    start, end = next(quote_spans(doc.text))
    speaker, cue = attribute(doc, start, end)
    assert speaker.text == "the monitor" and cue is None


def test_unparsed_docs_give_no_speaker() -> None:
    doc = blank_nlp()("“We are ready,” Khalifa said.")
    start, end = next(quote_spans(doc.text))
    assert attribute(doc, start, end) == (None, None)


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


def test_spans_running_past_a_name_are_trimmed() -> None:
    nlp = blank_nlp(
        [
            {"label": "PERSON", "pattern": "Herman Van Rompuy EU"},
            {"label": "PERSON", "pattern": "Zaman While"},
            {"label": "PERSON", "pattern": "Abdullah II"},
            {"label": "ORG", "pattern": "Arab League” End Quote"},
        ]
    )
    article = _article(
        "a", "Herman Van Rompuy EU met Abdullah II. Zaman While came. Arab League” End Quote here."
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted(m.text for m in result.mentions) == ["Abdullah II", "Herman Van Rompuy", "Zaman"]


def test_institutions_cut_at_for_are_joined_and_broadcasters_are_not_countries() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "United Nations Office"},
            {"label": "ORG", "pattern": "Coordination of Humanitarian Affairs"},
            {"label": "GPE", "pattern": "FRANCE"},
            {"label": "GPE", "pattern": "Syria"},
        ]
    )
    article = _article(
        "a",
        "The United Nations Office for the Coordination of Humanitarian Affairs said so. "
        "Video by FRANCE 24. Syria 2011 was different.",
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted((m.text, m.label) for m in result.mentions) == [
        ("FRANCE 24", "ORG"),
        ("Syria", "GPE"),  # a year is not part of a name
        ("United Nations Office for the Coordination of Humanitarian Affairs", "ORG"),
    ]


def test_coordinations_and_inner_modifiers_are_not_names() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "Uighurs and Uzbeks"},
            {"label": "ORG", "pattern": "New Lines Institute for Strategy and Policy"},
            {"label": "GPE", "pattern": "Bosnia and Herzegovina"},
            {"label": "ORG", "pattern": "Target Pro-Assad"},
            {"label": "PERSON", "pattern": "Smith and Jones"},
        ]
    )
    article = _article(
        "a",
        "Uighurs and Uzbeks fought. The New Lines Institute for Strategy and Policy said "
        "Bosnia and Herzegovina agreed. Strikes Target Pro-Assad forces. Smith and Jones met.",
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted(m.text for m in result.mentions) == [
        "Bosnia and Herzegovina",
        "New Lines Institute for Strategy and Policy",
    ]


def test_person_nouns_and_appositions_give_roles_and_syntax_is_kept() -> None:
    from briefing.extract import _mentions

    words = ["spokesperson", "Oncu", "Keceli", "met", "Dareen", "Khalifa", ",", "a"]
    words += ["researcher", "at", "ICG", ",", "today", "."]
    heads = [2, 2, 3, 3, 5, 3, 5, 8, 5, 8, 9, 5, 3, 3]
    deps = ["compound", "compound", "nsubj", "ROOT", "compound", "dobj", "punct", "det"]
    deps += ["appos", "prep", "pobj", "punct", "npadvmod", "punct"]
    ents = [
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "B-ORG",
        "I-ORG",
        "O",
        "O",
        "O",
        "O",
        "B-ORG",
        "O",
        "O",
        "O",
    ]
    doc = Doc(
        blank_nlp().vocab,
        words=words,
        heads=heads,
        deps=deps,
        ents=ents,
        sent_starts=[True] + [False] * 13,
    )
    found = {m.text: (m.role, m.syntax) for m in _mentions(doc, "a", 1, lambda i: 0)}
    assert found == {
        "Oncu Keceli": ("spokesperson", "nsubj"),
        "Dareen Khalifa": ("researcher at ICG", "dobj"),
        "ICG": (None, "pobj"),
    }


def test_names_end_at_a_comma_or_a_spaced_dash() -> None:
    nlp = blank_nlp(
        [
            {"label": "PERSON", "pattern": "Baba Amr, Inshaat"},
            {"label": "PERSON", "pattern": "Kofi Annan - Syrian"},
            {"label": "ORG", "pattern": "` Free Syrian Army"},
            {"label": "PERSON", "pattern": "Jean-Pierre Lacroix"},
        ]
    )
    article = _article(
        "a",
        "Baba Amr, Inshaat fell. Kofi Annan - Syrian talks. ` Free Syrian Army said Jean-Pierre Lacroix.",
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted(m.text for m in result.mentions) == [
        "Baba Amr",
        "Free Syrian Army",
        "Jean-Pierre Lacroix",
        "Kofi Annan",
    ]


def test_a_place_before_a_day_of_the_month_is_a_dateline_not_a_broadcaster() -> None:
    nlp = blank_nlp([{"label": "GPE", "pattern": "Damascus"}])
    (result,) = extract([_article("a", "Damascus 10 July: shelling went on.")], nlp, "blank")
    assert [(m.text, m.label) for m in result.mentions] == [("Damascus", "GPE")]


@pytest.mark.parametrize(
    ("words", "pos", "ents", "expected"),
    [
        (  # a title run before a name is its role
            ["Iranian", "Foreign", "Minister", "Abbas", "Araghchi", "met", "Mr", "Smith", "."],
            ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"],
            ["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O"],
            {"Abbas Araghchi": "Iranian Foreign Minister", "Smith": "Mr"},
        ),
        (  # a given name the tagger left out joins the name, not the role
            ["Turkish", "Foreign", "Minister", "Ahmet", "Davutoglu", "met", "Mr", "Smith", "."],
            ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"],
            ["B-NORP", "O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "O"],
            {"Ahmet Davutoglu": "Turkish Foreign Minister", "Smith": "Mr"},
        ),
    ],
)
def test_roles_before_a_person_and_given_names(words, pos, ents, expected) -> None:
    from briefing.extract import _mentions

    doc = Doc(blank_nlp().vocab, words=words, pos=pos, ents=ents, sent_starts=[True] + [False] * 8)
    found = {m.text: m.role for m in _mentions(doc, "a", 1, lambda i: 0) if m.label == "PERSON"}
    assert found == expected


def test_time_stamps_and_a_next_sentences_article_are_not_names() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "04:27 GMT Help"},
            {"label": "GPE", "pattern": "Houla A"},
            {"label": "ORG", "pattern": "GMT Help"},
        ]
    )
    article = _article("a", "04:27 GMT Help scores. In Houla A UN official spoke. GMT Help.")
    (result,) = extract([article], nlp, "blank")
    assert [m.text for m in result.mentions] == ["Houla"]


def test_arguments_follow_the_parse_through_phrases_to_the_verb() -> None:
    """Relations are read from the parse (built by hand here, no model): the name in
    "HTS fighters" stands for the subject; "the town of Saraqib" for the object; a
    by-phrase is a passive's agent; a headline with no verb ends the climb."""
    import spacy
    from spacy.tokens import Doc

    from briefing.extract import _argument, _verb_of

    vocab = spacy.blank("en").vocab
    words = ["HTS", "fighters", "seized", "the", "town", "of", "Saraqib", "."]
    doc = Doc(
        vocab,
        words=words,
        heads=[1, 2, 2, 4, 2, 4, 5, 2],
        deps=["compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    seized = doc[2].idx
    assert _argument(doc[0:1]) == {"argument": "nsubj", "verb": seized}
    assert _argument(doc[6:7]) == {"argument": "dobj", "verb": seized}
    passive = Doc(
        vocab,
        words=["Homs", "was", "shelled", "by", "Russia"],
        heads=[2, 2, 2, 2, 3],
        deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
        pos=["PROPN", "AUX", "VERB", "ADP", "PROPN"],
    )
    assert _argument(passive[4:5])["argument"] == "agent"
    headline = Doc(
        vocab,
        words=["Aleppo", ":", "Rebels", "advance"],
        heads=[0, 0, 3, 0],
        deps=["ROOT", "punct", "compound", "appos"],
        pos=["PROPN", "PUNCT", "NOUN", "NOUN"],
    )
    assert _verb_of(headline[2]) == -1  # climbs to a root that is no verb, and stops
