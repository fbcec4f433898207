"""Quotes and reported speech: quote-mark pairing, speakers, and a scored test
against hand-labelled fixtures (tests/fixtures/quotes/<story>/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from briefing.config import Config
from briefing.extract.quotes import carry_speakers, quote_spans, quoted_runs
from briefing.pipeline import generate
from briefing.records import Quote
from briefing.textutil import fold

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
MATCH_JACCARD = 0.5
"""Words shared over words used by a found and a gold quote for them to match."""
# Pinned under the means measured over the three stories when they were set
# (precision 0.98, recall 1.0, speaker 0.93, kind 1.0 with en_core_web_sm 3.8.0).
# The stories were written alongside the rules: the PolNeAR benchmark
# (benchmarks/quote_bench.py) measures how far the rules carry beyond them.
MIN_PRECISION = 0.9
MIN_RECALL = 0.9
MIN_SPEAKER_ACCURACY = 0.85
MIN_KIND_ACCURACY = 0.9


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_quote_marks_pair_and_apostrophes_are_ignored() -> None:
    text = 'The detainees\' lawyer said “they were beaten” and added "we will appeal".'
    assert _spans(text) == ["they were beaten", "we will appeal"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    assert _spans("He said: “We will not leave our homes") == ["We will not leave our homes"]


def test_curly_quotes_nest() -> None:
    text = "“I’d rather live in what he calls “hell” than here,” she said."
    assert _spans(text) == ["I’d rather live in what he calls “hell” than here,"]


def test_typewriter_double_quotes_written_as_two_apostrophes() -> None:
    text = "''It has the virtue of being fiscally responsible,'' he said."
    assert _spans(text) == ["It has the virtue of being fiscally responsible,"]


def test_single_quotes_pair_only_around_words_not_possessives() -> None:
    text = "The workers' union called it ‘a technical problem’ and the rebels' leaders agreed."
    assert _spans(text) == ["a technical problem"]
    assert _spans("Officials don't expect the ministers' talks to resume.") == []


def _quote(paragraph: int, start: int, speaker: str | None = None) -> Quote:
    return Quote(
        "a", paragraph, 0, "words", "direct", speaker, "said" if speaker else None,
        start, start + 5, 0 if speaker else -1, 3 if speaker else -1,
        paragraph if speaker else -1,
    )  # fmt: skip


def test_a_quote_running_on_shares_its_speaker_with_its_continuation() -> None:
    from briefing.extract.quotes import FoundQuote, LeadIn, ParagraphQuotes

    first = FoundQuote(_quote(1, 1), fills_paragraph=True, runs_on=True)
    second = FoundQuote(_quote(2, 1, "Bakari"), fills_paragraph=True, runs_on=False)
    quotes = carry_speakers([ParagraphQuotes([first], None), ParagraphQuotes([second], None)])
    assert [q.speaker_text for q in quotes] == ["Bakari", "Bakari"]
    assert quotes[0].speaker_paragraph == 2
    # a closed quote does not lend its speaker to the next paragraph's quote
    closed = FoundQuote(_quote(1, 1, "Mwinyi"), fills_paragraph=True, runs_on=False)
    alone = FoundQuote(_quote(2, 1), fills_paragraph=True, runs_on=False)
    held = [ParagraphQuotes([closed], None), ParagraphQuotes([alone], None)]
    assert [q.speaker_text for q in carry_speakers(held)] == ["Mwinyi", None]
    # a paragraph ending "Mwinyi said:" gives its speaker to the quote after it
    said = LeadIn("Mwinyi", "said", 0, 6, 1)
    held = [ParagraphQuotes([], said), ParagraphQuotes([alone], None)]
    assert [(q.speaker_text, q.speaker_paragraph) for q in carry_speakers(held)] == [("Mwinyi", 1)]


# ------------------------------------------------------------------ scored


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", fold(text).lower()))


def _matches(found: str, gold: str) -> bool:
    a, b = _words(found), _words(gold)
    return bool(a and b) and len(a & b) / len(a | b) >= MATCH_JACCARD


def _speaker_right(quote, gold: dict, names: dict[str, set[str]]) -> bool:
    if "written" in gold:
        return quote.speaker is None and fold(gold["written"]) in fold(quote.speaker_text or "")
    return quote.speaker is not None and bool(
        names.get(quote.speaker, set()) & {fold(n) for n in gold["speaker"]}
    )


def score(found, gold: list[dict], names: dict[str, set[str]]) -> dict[str, float]:
    """Precision and recall of quote spans (word Jaccard ≥ MATCH_JACCARD), and, over
    the gold quotes found, the share with the right speaker and the right kind."""
    matched_found = sum(any(_matches(q.text, g["text"]) for g in gold) for q in found)
    recalled = speakers = kinds = 0
    for g in gold:
        hits = [q for q in found if _matches(q.text, g["text"])]
        if not hits:
            continue
        recalled += 1
        speakers += any(_speaker_right(q, g, names) for q in hits)
        kinds += any(q.kind == g["kind"] for q in hits)
    return {
        "precision": matched_found / max(len(found), 1),
        "recall": recalled / max(len(gold), 1),
        "speaker": speakers / max(recalled, 1),
        "kind": kinds / max(recalled, 1),
    }


def test_score_counts_spans_speakers_and_kinds() -> None:
    class Q:
        def __init__(self, text, kind, speaker=None, speaker_text=None):
            self.text, self.kind, self.speaker, self.speaker_text = (
                text,
                kind,
                speaker,
                speaker_text,
            )

    gold = [
        {"text": "we will win", "kind": "direct", "speaker": ["Ada Obi"]},
        {"text": "prices would fall next year", "kind": "indirect", "written": "an official"},
        {"text": "never found", "kind": "direct", "speaker": ["Ada Obi"]},
    ]
    found = [
        Q("We will win!", "direct", "ada", "she"),
        Q("prices would fall next year", "fragment", None, "a senior official"),
        Q("unrelated words here", "direct"),
    ]
    result = score(found, gold, {"ada": {"ada obi"}})
    assert result == {"precision": 2 / 3, "recall": 2 / 3, "speaker": 0.5, "kind": 0.5}


STORIES = sorted(p for p in FIXTURES.iterdir() if (p / "labels.yml").is_file())


@pytest.mark.model
def test_quote_extraction_quality(tmp_path: Path, trained_nlp) -> None:
    totals = {"precision": 0.0, "recall": 0.0, "speaker": 0.0, "kind": 0.0}
    for story in STORIES:
        gold = yaml.safe_load((story / "labels.yml").read_text(encoding="utf-8"))["quotes"]
        config = Config(root=tmp_path / story.name, seeds=story / "seeds")
        briefing = generate(config, nlp=trained_nlp).briefing
        names = {
            e.id: {fold(e.name)} | {fold(a.text) for a in e.aliases} for e in briefing.entities
        }
        scores = score(briefing.quotes, gold, names)
        print(story.name, scores)
        for key, value in scores.items():
            totals[key] += value / len(STORIES)
    print("mean", totals)
    assert totals["precision"] >= MIN_PRECISION, totals
    assert totals["recall"] >= MIN_RECALL, totals
    assert totals["speaker"] >= MIN_SPEAKER_ACCURACY, totals
    assert totals["kind"] >= MIN_KIND_ACCURACY, totals


def test_names_titles_and_scare_quotes_are_not_speech() -> None:
    from briefing.extract.quotes import paragraph_quotes

    from .conftest import blank_nlp

    nlp = blank_nlp()
    text = (
        'The operation, dubbed “Dawn of Freedom”, began as so-called "moderate" rebels '
        "watched the film ‘Return to Homs’ and a “temporary measure” was announced."
    )
    assert paragraph_quotes(nlp(text), "a", 1, lambda i: 0).found == []
    speech = "“We will not leave our homes until the last shell falls,” one resident said."
    (found,) = paragraph_quotes(nlp(speech), "a", 1, lambda i: 0).found
    assert (found.quote.kind, found.quote.text) == (
        "direct",
        "We will not leave our homes until the last shell falls",
    )


def test_reported_speech_by_a_relative_clause_and_not_by_a_passive_subject() -> None:
    from spacy.tokens import Doc

    from briefing.extract.quotes import paragraph_quotes

    from .conftest import blank_nlp

    # A temporary measure was announced by the ministry , which said that schools
    # would close .  (parsed as en_core_web_sm parses it)
    words = ["A", "temporary", "measure", "was", "announced", "by", "the", "ministry", ",",
             "which", "said", "that", "schools", "would", "close", "."]  # fmt: skip
    heads = [2, 2, 4, 4, 4, 4, 7, 5, 7, 10, 7, 14, 14, 14, 10, 4]
    deps = ["det", "amod", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct",
            "nsubj", "relcl", "mark", "nsubj", "aux", "ccomp", "punct"]  # fmt: skip
    pos = ["DET", "ADJ", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB",
           "SCONJ", "NOUN", "AUX", "VERB", "PUNCT"]  # fmt: skip
    doc = Doc(blank_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    found = [f.quote for f in paragraph_quotes(doc, "a", 1, lambda i: 0).found]
    assert [(q.kind, q.text, q.speaker_text) for q in found] == [
        ("indirect", "schools would close", "the ministry")
    ]


def test_a_straight_quote_after_one_left_open_is_a_quote_of_its_own() -> None:
    text = 'The minister said "we will win the war" today.'
    assert [text[r.start : r.end] for r in quoted_runs(text, inside=True)] == [
        "we will win the war"
    ]
    rest = 'go home," said Ghoga, who added "we will win".'
    assert [rest[r.start : r.end] for r in quoted_runs(rest, inside=True)] == [
        "go home,",
        "we will win",
    ]


def test_typewriter_marks_fill_their_paragraph() -> None:
    from briefing.extract.quotes import paragraph_quotes

    from .conftest import blank_nlp

    text = "''Hello there my friend, how are you today,'' he said."
    (found,) = paragraph_quotes(blank_nlp()(text), "a", 1, lambda i: 0).found
    assert found.fills_paragraph and found.quote.text == "Hello there my friend, how are you today"
    assert list(quoted_runs("''''")) == []


def test_a_speaker_named_two_paragraphs_on_is_given_to_the_whole_quote() -> None:
    from briefing.extract.quotes import FoundQuote, ParagraphQuotes

    opened = [
        ParagraphQuotes([FoundQuote(_quote(n, 1), fills_paragraph=True, runs_on=True)], None)
        for n in (1, 2)
    ]
    named = FoundQuote(_quote(3, 1, "Ali Hassan"), fills_paragraph=True, runs_on=False)
    quotes = carry_speakers([*opened, ParagraphQuotes([named], None)])
    assert [q.speaker_text for q in quotes] == ["Ali Hassan"] * 3


def test_reported_speech_ending_in_the_speakers_words_keeps_the_closing_mark() -> None:
    from briefing.extract.quotes.indirect import closing_marks

    from .conftest import blank_nlp

    doc = blank_nlp()("He pledged to “rebuild the old bridge.” Then he left the city for good.")
    assert closing_marks(doc[2:8]).text == "to “rebuild the old bridge.”"
    assert closing_marks(doc[0:2]).text == "He pledged"  # nothing opened: unchanged
    # An opened phrase whose mark is not next to it is left as it is, not run on.
    doc = blank_nlp()("He said “we will stay and fight for it, he said later.")
    assert closing_marks(doc[2:7]).text == "“we will stay and"


def test_a_speakers_next_quote_in_the_paragraph_keeps_the_day_said() -> None:
    from briefing.resolve.dating import Dated
    from briefing.resolve.speakers import _continued

    saturday, published = Dated("2024-11-30", "Saturday"), Dated("2024-12-01", "published")
    said = ((19, "speaker-a"), saturday)
    assert _continued(published, (19, "speaker-a"), said) == saturday  # "He added ..."
    assert _continued(published, (20, "speaker-a"), said) == published  # another paragraph
    assert _continued(published, (19, "speaker-b"), said) == published  # another speaker
    assert _continued(published, (19, None), ((19, None), saturday)) == published
    friday = Dated("2024-11-29", "Friday")
    assert _continued(friday, (19, "speaker-a"), said) == friday  # its own day wins


def test_a_clause_the_parser_made_a_second_subject_of_said_is_reported_speech() -> None:
    """ "Air strikes killed 25 people, the monitor said", parsed with "strikes (that)
    killed ..." and "monitor" both subjects of "said"."""
    import spacy
    from spacy.tokens import Doc

    from briefing.extract.quotes.indirect import _fronted_clause

    words = ["Air", "strikes", "killed", "25", "people", ",", "the", "monitor", "said", "."]
    heads = [1, 8, 1, 4, 2, 8, 7, 8, 8, 8]
    pos = ["NOUN", "NOUN", "VERB", "NUM", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]

    def parsed(clause_dep: str) -> Doc:
        deps = ["compound", "nsubj", clause_dep, "nummod", "dobj", "punct", "det", "nsubj"]
        vocab = spacy.blank("en").vocab
        return Doc(vocab, words=words, heads=heads, deps=[*deps, "ROOT", "punct"], pos=pos)

    clause, speaker = _fronted_clause(parsed("acl")[8])
    assert (clause.text, speaker.text) == ("Air strikes killed 25 people", "monitor")
    # "the people I spoke with, nobody said ...": a relative clause, no misparse
    assert _fronted_clause(parsed("relcl")[8]) is None
