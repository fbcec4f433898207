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


def test_speaker_lookups_find_by_bisection_what_a_full_scan_finds() -> None:
    """The mentions inside a speaker span, and those before a quote, read by bisection
    (issue 17, F5: linear in the article's size) are the ones a scan of every mention
    finds, within the reading bound."""
    import random

    from briefing.records import ArticleExtraction, Mention
    from briefing.resolve.speakers import PRONOUN_REACH, SCAN_MENTIONS, _article

    rng = random.Random(7)
    mentions = []
    for n in range(900):
        paragraph, start = rng.randint(1, 6), rng.randrange(0, 5000, 5)
        mentions.append(
            Mention("a", paragraph, 0, start, start + rng.randint(1, 30), f"N{n}", "PERSON")
        )
    art = _article(ArticleExtraction("a", (), tuple(mentions), (), ()), {}, {}, {}, {}, {})
    for _ in range(200):
        paragraph, start = rng.randint(1, 6), rng.randrange(0, 5000)
        end = start + rng.randint(0, 400)
        inside = [
            m
            for m in art.mentions
            if m.paragraph == paragraph and start <= m.start and m.end <= end
        ]
        assert art.within(paragraph, start, end) == inside
        earlier = [
            m for m in art.mentions
            if (m.paragraph, m.start) < (paragraph, start) and m.paragraph >= paragraph - PRONOUN_REACH
        ]  # fmt: skip
        assert art.before(paragraph, start, PRONOUN_REACH) == earlier[-SCAN_MENTIONS:]
        everything = [m for m in art.mentions if (m.paragraph, m.start) < (paragraph, start)]
        assert art.before(paragraph, start, None) == everything[-SCAN_MENTIONS:]


def test_a_surname_is_looked_up_by_word_reading_each_name_once_per_article() -> None:
    """Stage 4 (a surname) finds what a scan of every entity's name finds, but reads
    each name once per article, not once per quote (issue 17, F5: an article naming
    a thousand people and quoting them thousands of times took seconds here)."""
    import random

    from briefing.records import ArticleExtraction, Mention
    from briefing.resolve.speakers import _article, _surname

    class Counted(dict):
        reads = 0

        def __getitem__(self, key):
            Counted.reads += 1
            return super().__getitem__(key)

    rng = random.Random(3)
    first, last = ["Mara", "Tobin", "Elsa", "Idris"], ["Velt", "Quorn", "Arcray", "Dussel"]
    names = sorted({f"{rng.choice(first)} {rng.choice(last)}" for _ in range(40)})
    entities = Counted({n.lower(): _person(n) for n in names})
    mentions = tuple(
        Mention("a", 1, 0, 10 * i, 10 * i + 5, n, "PERSON") for i, n in enumerate(names)
    )
    mention_entity = {("a", 1, 10 * i): n.lower() for i, n in enumerate(names)}
    art = _article(ArticleExtraction("a", (), mentions, (), ()), {}, {}, {}, mention_entity, {})
    written = [*first, *last, *names, "Mara Tobin", "Nobody"] * 5
    found = [
        _surname(Quote("a", 1, 0, "x", "direct", who, "said"), art, mention_entity, entities)
        for who in written
    ]
    holding = {w: {n.lower() for n in names if set(w.split()) <= set(n.split())} for w in written}
    assert found == [next(iter(h)) if len(h) == 1 else None for h in map(holding.get, written)]
    assert any(found) and None in found  # some surnames name one person, some several
    assert Counted.reads <= len(names)
