"""Attribution: the speaker and reporting verb of a quoted run, from a parse built by hand."""

from spacy.tokens import Doc

from briefing.extract.quotes import attribute, quote_spans

from .conftest import blank_nlp


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
