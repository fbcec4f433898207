"""Statements: sentences naming an entity, dated, verbatim repeats merged."""

from briefing.records import Citation
from briefing.resolve.dating import sentence_dating
from briefing.resolve.statements import build_statements

from .records import corpus, extraction, mention_entities

SATURDAY = "2024-11-30"


def _statements(*articles):
    """(id, family, paragraphs) → the statements of those articles."""
    texts = corpus(*((a, f, SATURDAY, p) for a, f, p in articles))
    names = {"Aleppo": "GPE", "HTS": "ORG"}
    extractions = [
        extraction(a, p, names, {i: ["Friday"] for i, t in enumerate(p) if "Friday" in t})
        for a, _, p in articles
    ]
    dating = sentence_dating(texts, extractions, "DMY")
    return build_statements(texts, extractions, mention_entities(*extractions), dating)


def test_a_sentence_told_again_is_one_statement_counted_by_story_families() -> None:
    told = "HTS captured Aleppo on Friday."
    statements = _statements(
        ("a", "wire", [told, "HTS claimed 40 towns."]),
        ("b", "wire", [told]),
        ("c", None, ["No name here.", "HTS  captured aleppo on Friday."]),
    )
    first = statements[0]
    assert first.text == told and first.date == "2024-11-29"
    # folded, spaces squashed: "c" tells it again
    assert first.citations == (Citation("a", 1), Citation("b", 1), Citation("c", 2))
    assert first.entities == ("hts", "aleppo") and first.spans[0] == (0, 3, "hts")
    assert first.sources == 2  # "b" is wire copy of the same family as "a"
    assert [s.text for s in statements] == [told, "HTS claimed 40 towns."]


def test_the_same_words_dated_to_another_day_are_another_statement() -> None:
    told = "HTS captured Aleppo on Friday."
    texts = corpus(("a", None, SATURDAY, [told]), ("b", None, "2024-12-07", [told]))
    extractions = [extraction(a, [told], {"HTS": "ORG"}, {0: ["Friday"]}) for a in "ab"]
    dating = sentence_dating(texts, extractions, "DMY")
    statements = build_statements(texts, extractions, mention_entities(*extractions), dating)
    assert [s.date for s in statements] == ["2024-11-29", "2024-12-06"]


def test_a_statement_carries_its_claim_cue_and_figures() -> None:
    [_, claimed] = _statements(("a", None, ["HTS captured Aleppo.", "HTS claimed 40 towns."]))
    assert claimed.claim_cue == "claimed"
    assert [f.value for f in claimed.figures] == ["40"]
