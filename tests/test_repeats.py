"""Verbatim repeats and independent sources."""

from briefing.records import Article, Citation, Corpus, Paragraph
from briefing.resolve.repeats import (
    Repeats,
    independent_sources,
    repeat_key,
    story_families,
)


def test_repeats_are_one_item_cited_wherever_told() -> None:
    told: Repeats[str] = Repeats()
    first, again = Citation("a", 1), Citation("b", 3)
    key = repeat_key("Rebels  took Saraqéb.")
    assert not told.cite(key, first)
    told.add(key, "first", first)
    assert told.cite(repeat_key("rebels took saraqeb."), again)
    assert told.cite(key, first)  # the same paragraph is cited once
    [item] = told
    assert item.first == "first" and item.citations == [first, again]


def test_sources_are_counted_by_story_family() -> None:
    corpus = Corpus(
        tuple(
            Article(a, f"{a}.txt", "t", (Paragraph(1, "x"),), a, family=f)
            for a, f in (("a", "wire"), ("b", "wire"), ("c", None))
        ),
        (),
    )
    family = story_families(corpus)
    assert family == {"a": "wire", "b": "wire", "c": "c"}
    citations = [Citation("a", 1), Citation("b", 2), Citation("c", 1), Citation("c", 4)]
    assert independent_sources(citations, family) == 2
