import pytest

from briefing.ingest.readers import RawDoc
from briefing.ingest.segment import block_kind, page_date_order, read_article, split_compilation


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
    texts = [t for k, t in second.body if k == "body"]
    assert (
        "No comments:" not in texts
        and texts[-1] == "Shipping companies said delays would last a week."
    )
    assert second.body[-1] == ("furniture", "No comments:")  # kept apart, not dropped


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
    assert [k for k, _ in draft.body] == ["caption", "body", "caption", "caption", "body"]
    assert draft.body[3] == ("caption", "© Kim Park, AFP")  # the credit is kept with it


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


@pytest.mark.parametrize(
    "line",
    [
        "Tue 5 Mar 2024",
        "Mon 4 Mar 2024 10.32 GMT",
        "Published 10:32 AM EST, Mon March 4, 2024",
        "March 4, 2024 at 10:32 a.m. EST",
        "Date: 4 March 2024",
        "Wed, 06 Mar 2024 10:00:00 +0000",
    ],
)
def test_common_date_lines(line: str) -> None:
    assert block_kind(line) == "date"
    draft = read_article(
        ["Headline here", line, "Body text one.", "Body text two."], RawDoc(blocks=[]), "DMY"
    )
    assert draft.published is not None and draft.published.endswith(("-04", "-05", "-06"))


@pytest.mark.parametrize(
    "line",
    [
        "January 5, 2024 — Talks begin in Geneva",
        "(c) an independent regulator for disputes.",
        "Copyright law has not changed since 1988.",
        "(APPLAUSE)",
        "By Air",
        "By Monday",
    ],
)
def test_text_that_only_looks_like_metadata(line: str) -> None:
    assert block_kind(line) in ("body", "headline"), line


def test_byline_and_date_on_one_line() -> None:
    blocks = [
        "Council approves budget",
        "By Jane Smith | March 4, 2024",
        "The council voted on Monday.",
        "More.",
    ]
    draft = read_article(blocks, RawDoc(blocks=blocks), "DMY")
    assert (draft.byline, draft.published) == ("Jane Smith", "2024-03-04")


@pytest.mark.parametrize(
    "blocks",
    [
        [
            "Visiting the islands",
            "Getting there",
            "By Air",
            "Flights leave daily from the capital.",
            "Ferries run twice a week.",
            "Where to stay",
            "Hotels fill up early in summer.",
        ],
        [
            "Remarks by the President",
            "Thank you all for coming today.",
            "We have work to do.",
            "(APPLAUSE)",
            "Thank you so much",
            "We will rebuild the bridges and roads.",
            "God bless.",
        ],
        [
            "Talks timeline",
            "The talks have run for months.",
            "Both sides met often.",
            "Key dates",
            "January 5, 2024 — Talks begin",
            "March 1, 2024 — Talks stall",
        ],
    ],
)
def test_ordinary_articles_are_not_split(blocks: list[str]) -> None:
    assert len(split_compilation(blocks)) == 1


def test_related_headlines_after_the_sign_off_are_dropped() -> None:
    blocks = [
        "Gold rises",
        "Gold rose on Monday, traders said.",
        "Silver fell.",
        "(Reuters)",
        "Read more",
        "Gold slips as dollar firms",
    ]
    segments = split_compilation(blocks)
    assert len(segments) == 1
    draft = read_article(segments[0], RawDoc(blocks=blocks), "DMY")
    assert [t for k, t in draft.body if k == "body"] == [
        "Gold rose on Monday, traders said.",
        "Silver fell.",
    ]
    assert [k for k, _ in draft.body][2:] == ["furniture"] * 3  # sign-off and links kept
    assert draft.best_outlet()[0] == "Reuters"


def test_long_paragraph_ending_in_a_credit_is_body() -> None:
    long = "The minister said the talks would resume next week. " * 8 + "Copyright © 2024 Reuters"
    draft = read_article([long], RawDoc(blocks=[long]), "DMY")
    (kind, text), credit = draft.body
    assert kind == "body" and text.endswith("next week.")
    assert credit == ("caption", "Copyright © 2024 Reuters")


def test_standfirst_takes_at_most_the_blocks_just_above_the_metadata() -> None:
    blocks = [
        "Headline",
        "P1 is a sentence.",
        "P2 is a sentence.",
        "P3 is a sentence.",
        "P4 is a sentence.",
        "By Jane Smith",
        "March 4, 2024",
    ]
    draft = read_article(blocks, RawDoc(blocks=blocks), "DMY")
    assert draft.byline == "Jane Smith" and draft.published == "2024-03-04"
    assert [k for k, _ in draft.body].count("standfirst") <= 1
    assert [t for k, t in draft.body if k == "body"][:2] == [
        "P1 is a sentence.",
        "P2 is a sentence.",
    ]
