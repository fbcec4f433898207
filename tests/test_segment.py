import pytest

from briefing.readers import RawDoc
from briefing.segment import block_kind, page_date_order, read_article, split_compilation


@pytest.mark.parametrize(
    ("block", "kind"),
    [
        ("Issued on: 01/12/2024 -", "date"),
        ("Sunday, December 01, 2024", "date"),
        ("By AFP", "byline"),
        ("By:FRANCE 24", "byline"),
        ("By Patrick Cockburn", "byline"),
        ("By nightfall, the rebels had taken the airport.", "body"),
        ("Video by: FRANCE 24", "media-credit"),
        ("01:38", "timestamp"),
        ("03:57© FRANCE 24", "timestamp"),
        ("© Omar Haj Kadour, AFP", "credit"),
        (" - Copyright AFP Omar HAJ KADOUR", "credit"),
        ("(AP)", "signoff"),
        ("(FRANCE 24 with Reuters)", "signoff"),
        ("Source link: https://example.org/a", "source"),
        ("No comments:", "furniture"),
        ("Post a Comment", "furniture"),
        ("Rebels reach the second city as the campaign continues", "headline"),
        ("“We will stay here,” he said.", "body"),
        ('"Were they ready?"', "body"),
    ],
)
def test_block_kinds(block: str, kind: str) -> None:
    assert block_kind(block) == kind


PAGE = [
    "Monday, May 06, 2024",
    "Ferry sinks off the coast",
    "Issued on: 06/05/2024 -",
    "By: NEWS WIRES",
    "A ferry carrying 200 passengers sank on Monday, officials said.",
    "Rescue boats reached the scene within an hour.",
    "Survivors were taken to the port hospital",
    "Divers search for missing",
    "Divers searched the wreck overnight for the missing.",
    "(AP)",
    "Port reopens after the disaster",
    "By AFP",
    "May 7, 2024",
    "The port reopened on Tuesday after a day of closure.",
    "Shipping companies said delays would last a week.",
    "No comments:",
]


def test_compilation_is_split_at_headlines_with_their_own_headers() -> None:
    segments = split_compilation(PAGE)
    assert [s[0] for s in segments] == ["Monday, May 06, 2024", "Port reopens after the disaster"]
    # "Divers search for missing" is a subheading: no date or byline follows it.
    assert "Divers search for missing" in segments[0]


def test_article_metadata_and_furniture() -> None:
    first, second = (read_article(s, RawDoc(blocks=s), "DMY") for s in split_compilation(PAGE))
    assert (first.title, first.published, first.byline) == (
        "Ferry sinks off the coast",
        "2024-05-06",
        "NEWS WIRES",
    )
    assert first.best_outlet() == ("AP", "(AP)")
    assert (second.title, second.published, second.best_outlet()[0]) == (
        "Port reopens after the disaster",
        "2024-05-07",
        "AFP",
    )
    texts = [t for _, t in second.body]
    assert (
        "No comments:" not in texts
        and texts[-1] == "Shipping companies said delays would last a week."
    )


def test_captions_are_kept_apart() -> None:
    blocks = [
        "Storm hits the coast",
        "By Ana Ruiz",
        "Waves break over the sea wall on Monday. © Jo Lee, Reuters",
        "The storm reached the coast on Monday, officials said.",
        "A flooded street in the old town",
        "© Kim Park, AFP",
        "Power was cut to 10,000 homes.",
    ]
    draft = read_article(blocks, RawDoc(blocks=blocks), "DMY")
    assert [k for k, _ in draft.body] == ["caption", "body", "caption", "body"]


def test_dateline_gives_place_and_wire() -> None:
    blocks = [
        "Quake strikes",
        "LIMA, Peru (Reuters) — A strong earthquake struck on Monday.",
        "More text here.",
    ]
    draft = read_article(blocks, RawDoc(blocks=blocks), "DMY")
    assert (draft.dateline, draft.wire, draft.best_outlet()[0]) == ("Lima", "Reuters", "Reuters")
    assert draft.body[0] == ("body", "A strong earthquake struck on Monday.")


def test_page_date_order_follows_the_page_evidence() -> None:
    assert page_date_order("Issued on 01/12/2024 and 30/11/2024", "MDY") == "DMY"
    assert page_date_order("Posted 12/30/2024", "DMY") == "MDY"
    assert page_date_order("Posted 01/02/2024", "MDY") == "MDY"
