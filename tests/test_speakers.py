"""Speakers: a quote's speaker as written tied to an entity, stage by stage, and its day."""

from briefing.records import Entity, Quote
from briefing.resolve.dating import sentence_dating
from briefing.resolve.speakers import resolve_quotes

from .records import corpus, extraction, mention_entities

SATURDAY = "2024-11-30"
PARAGRAPHS = [
    "Foreign Minister Hakan Fidan said the talks would go on.",
    "“We will not stop on Friday,” he said.",
    "Recep Tayyip Erdogan met the envoy.",
    "Erdogan said the war was over.",
    "They said nothing.",
]


def _person(name: str) -> Entity:
    return Entity(name.lower(), "actor", "person", name, (), (), (), 1)


def _quote(paragraph: int, text: str, kind: str, speaker: str) -> Quote:
    written = PARAGRAPHS[paragraph - 1]
    at, by = written.index(text), written.index(speaker)
    return Quote(
        "a",
        paragraph,
        paragraph - 1,
        text,
        kind,
        speaker,
        "said",
        at,
        at + len(text),
        by,
        by + len(speaker),
        paragraph,
    )


def test_speakers_are_tied_by_name_pronoun_and_surname_and_dated() -> None:
    quotes = (
        _quote(1, "the talks would go on", "indirect", "Foreign Minister Hakan Fidan"),
        _quote(2, "We will not stop on Friday,", "direct", "he"),
        _quote(4, "the war was over", "indirect", "Erdogan"),
        _quote(5, "nothing", "indirect", "They"),
    )
    names = {"Hakan Fidan": "PERSON", "Recep Tayyip Erdogan": "PERSON"}
    texts = corpus(("a", None, SATURDAY, PARAGRAPHS))
    found = extraction("a", PARAGRAPHS, names, {1: ["Friday"]}, quotes)
    entities = {e.id: e for e in map(_person, ("Hakan Fidan", "Recep Tayyip Erdogan"))}
    dating = sentence_dating(texts, [found], "DMY")
    resolved = resolve_quotes(texts, [found], mention_entities(found), entities, dating)
    assert [(q.speaker, q.speaker_found) for q in resolved] == [
        ("hakan fidan", "named"),
        ("hakan fidan", "pronoun"),  # the person who spoke last
        ("recep tayyip erdogan", "surname"),
        (None, ""),  # "they": a group the article does not name here
    ]
    assert [q.id for q in resolved] == ["a-q1", "a-q2", "a-q3", "a-q4"]
    # "Friday" is in the quoted words: not when he said it
    assert resolved[1].date == SATURDAY and resolved[1].date_evidence == "published"
    assert resolved[0].speaker_start == 0 and resolved[0].citation.paragraph == 1
