"""Sentences of a paragraph and the token → sentence index."""

from spacy.tokens import Doc

from briefing.extract.sentences import SentenceIndex, sentences

from .conftest import blank_nlp


def test_verbs_are_stored_with_their_offset_and_word() -> None:
    words = ["Rebels", "seized", "the", "town", ".", "Troops", "fled", "."]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"]
    starts = [True, False, False, False, False, True, False, False]
    doc = Doc(blank_nlp().vocab, words=words, pos=pos, sent_starts=starts)
    index = SentenceIndex.of(doc, 3)
    found = sentences(doc, index, "a", 1)
    assert [(s.index, s.text, s.verbs, s.tagged) for s in found] == [
        (3, "Rebels seized the town .", ((7, "seized"),), True),
        (4, "Troops fled .", ((7, "fled"),), True),
    ]
    assert [index(i) for i in (0, 4, 5, 99)] == [3, 3, 4, 4]


def test_an_unparsed_paragraph_is_one_sentence_without_verbs() -> None:
    doc = Doc(blank_nlp().vocab, words=["One", ".", "Two", "."])
    (only,) = sentences(doc, SentenceIndex.of(doc, 0), "a", 1)
    assert (only.text, only.verbs, only.tagged) == ("One . Two .", (), False)
