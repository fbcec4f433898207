import pytest

from briefing.dates import parse_written_date
from briefing.resolve.dating import anchor, date_sentence

SUNDAY = "2024-12-01"


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
