from pathlib import Path

import pytest
import yaml

from briefing.dates import parse_written_date
from briefing.resolve.dating import anchor, date_paragraph, date_sentence

SUNDAY = "2024-12-01"
FIXTURES = Path(__file__).parent / "fixtures" / "events"
MIN_ANCHORING_ACCURACY = 0.9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sunday, December 01, 2024", "2024-12-01"),
        ("November 30, 2024", "2024-11-30"),
        ("30 November 2024", "2024-11-30"),
        ("on Nov. 3, 2023 the", "2023-11-03"),
        ("2024-02-29", "2024-02-29"),
        ("2023-02-29", None),
        ("no date here", None),
    ],
)
def test_written_dates(text: str, expected: str | None) -> None:
    assert parse_written_date(text) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Saturday", "2024-11-30"),
        ("Wednesday", "2024-11-27"),
        ("Sunday", SUNDAY),
        ("late Sunday", SUNDAY),
        ("yesterday", "2024-11-30"),
        ("today", SUNDAY),
        ("November 27", "2024-11-27"),
        ("last week", None),
        ("2016", None),
        ("more than a decade", None),
        ("Saturday evening", "2024-11-30"),
    ],
)
def test_relative_expressions_are_anchored_to_publication(
    expression: str, expected: str | None
) -> None:
    assert anchor(expression, SUNDAY) == expected


def test_relative_expression_without_publication_date_is_unknown() -> None:
    assert anchor("Saturday", None) is None


def test_sentence_dating_prefers_own_date_then_publication() -> None:
    assert date_sentence(["Saturday"], SUNDAY) == ("2024-11-30", "Saturday", None)
    assert date_sentence([], SUNDAY) == (SUNDAY, "published", None)
    assert date_sentence(["last week"], SUNDAY) == (None, None, None)
    assert date_sentence([], None) == (None, None, None)


def test_background_is_dated_to_its_year_and_has_no_day() -> None:
    assert date_sentence(["2016"], SUNDAY) == (None, "2016", "2016")
    assert date_sentence(["the 2016 battle"], SUNDAY).background == "2016"
    assert date_sentence(["15 March 2011"], SUNDAY) == (None, "15 March 2011", "2011")
    # the story's own year names no day but is no background either
    assert date_sentence(["in 2024"], SUNDAY) == (None, None, None)


def test_shifts_count_from_the_day_the_paragraph_named() -> None:
    assert date_sentence(["A day earlier"], SUNDAY, context="2024-11-27").day == "2024-11-26"
    assert date_sentence(["A day earlier"], SUNDAY).day == "2024-11-30"
    assert date_sentence(["the next day"], SUNDAY, context="2024-11-27").day == "2024-11-28"
    assert date_sentence(["the next day"], SUNDAY).day is None  # the future of what?
    assert date_sentence(["two days ago"], SUNDAY, context="2024-11-20").day == "2024-11-29"


def test_phrases_the_tagger_misses_are_found_in_the_text() -> None:
    dated = date_sentence([], SUNDAY, text="Jets struck the city overnight, residents said.")
    assert dated == ("2024-11-30", "overnight", None)
    dated = date_sentence([], SUNDAY, context="2024-11-28", text="The previous day, rebels fled.")
    assert dated == ("2024-11-27", "The previous day", None)


def test_anchoring_near_the_calendar_limits_does_not_crash() -> None:
    assert anchor("yesterday", "0001-01-01") is None
    assert anchor("Saturday", "0001-01-01") is None


def test_date_anchoring_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "anchoring.yml").read_text(encoding="utf-8"))
    right = [anchor(str(e), str(p)) == (str(w) if w else None) for e, p, w in rows]
    assert sum(right) / len(rows) >= MIN_ANCHORING_ACCURACY, [
        r for r, ok in zip(rows, right, strict=True) if not ok
    ]


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
