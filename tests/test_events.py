"""Events: date anchoring and event typing scored against hand-labelled fixtures,
and clustering across articles. No trained model is needed."""

from pathlib import Path

import yaml

from briefing.dating import anchor, date_paragraph
from briefing.events import build_events, event_type
from briefing.records import Article, Citation, Corpus, Paragraph, Statement

FIXTURES = Path(__file__).parent / "fixtures" / "events"
MIN_ANCHORING_ACCURACY = 0.9
MIN_TYPING_ACCURACY = 0.9


def test_date_anchoring_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "anchoring.yml").read_text(encoding="utf-8"))
    right = [anchor(str(e), str(p)) == (str(w) if w else None) for e, p, w in rows]
    assert sum(right) / len(rows) >= MIN_ANCHORING_ACCURACY, [
        r for r, ok in zip(rows, right, strict=True) if not ok
    ]


def test_event_typing_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "typing.yml").read_text(encoding="utf-8"))
    got = [(t, (found[0].key if (found := event_type(t)) else None)) for t, _ in rows]
    right = [g == w for (_, g), (_, w) in zip(got, rows, strict=True)]
    assert sum(right) / len(rows) >= MIN_TYPING_ACCURACY, [
        (t, g, w) for (t, g), (_, w), ok in zip(got, rows, right, strict=True) if not ok
    ]


def _statement(article: str, text: str, entities: tuple[str, ...], day: str | None = "2024-11-30"):
    return Statement(
        text=text,
        citations=(Citation(article, 1),),
        entities=entities,
        spans=(),
        date=day,
        date_evidence="Saturday",
    )


def _corpus(*families: tuple[str, str]) -> Corpus:
    return Corpus(
        tuple(Article(a, f"{a}.txt", "t", (Paragraph(1, "x"),), a, family=f) for a, f in families),
        (),
    )


def test_one_event_told_by_several_sources_is_one_event_counted_by_families() -> None:
    corpus = _corpus(("a", "a"), ("b", "b"), ("c", "a"), ("d", "d"))
    statements = [
        _statement("a", "Rebels captured most of Aleppo on Saturday.", ("rebels", "aleppo")),
        _statement("b", "Insurgents took control of Aleppo, monitors said.", ("aleppo",)),
        _statement(
            "c", "Rebels captured most of Aleppo on Saturday, AFP said.", ("rebels", "aleppo")
        ),
        _statement("d", "Rebels captured Hama.", ("rebels", "hama")),
        _statement("d", "Jets struck Aleppo.", ("aleppo",)),
        _statement("d", "In 2016 the army took Aleppo.", ("aleppo",), day=None),
    ]
    events = build_events(corpus, statements, places={"aleppo", "hama"})
    by_summary = {e.summary.text: e for e in events}
    aleppo = next(e for e in events if e.type == "battle" and "aleppo" in e.entities)
    assert len(aleppo.statements) == 3
    assert aleppo.sources == 2  # "c" is a rewrite in family "a"
    assert [e.type for e in events].count("battle") == 2  # Hama is another event
    assert any(e.type == "explosion" for e in events)
    assert not any("2016" in text for text in by_summary)  # undated background
    assert events[0] == aleppo  # the most corroborated first


def test_paragraph_dating_against_the_hand_labelled_fixture() -> None:
    """Shifts count from a day named earlier in the paragraph; background keeps its year."""
    rows = yaml.safe_load((FIXTURES / "paragraphs.yml").read_text(encoding="utf-8"))
    total, wrong = 0, []
    for paragraph in rows:
        published = str(paragraph["published"])
        sentences = [([str(e) for e in exprs], text) for exprs, text, _ in paragraph["sentences"]]
        for (_, text, want), got in zip(
            paragraph["sentences"], date_paragraph(sentences, published), strict=True
        ):
            total += 1
            label = f"background {got.background}" if got.background else got.day
            if label != (str(want) if want else None):
                wrong.append((text, label, want))
    assert 1 - len(wrong) / total >= MIN_ANCHORING_ACCURACY, wrong
