import pytest

from briefing.dating import anchor, date_sentence, parse_written_date

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
    assert date_sentence(["Saturday"], SUNDAY) == ("2024-11-30", "Saturday")
    assert date_sentence([], SUNDAY) == (SUNDAY, "published")
    assert date_sentence(["2016"], SUNDAY) == (None, None)
    assert date_sentence([], None) == (None, None)


def test_anchoring_near_the_calendar_limits_does_not_crash() -> None:
    assert anchor("yesterday", "0001-01-01") is None
    assert anchor("Saturday", "0001-01-01") is None
