"""Furniture by the shape of the page: run-in chrome, comment threads, and the kinds of
body blocks (captions, subheadings, author lines, prompts, footers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import Config
from briefing.ingest import ingest
from briefing.ingest.furniture import body_kinds, is_live_page, split_run_ins, thread_start
from briefing.ingest.lines import block_kind
from briefing.ingest.readers import RawDoc
from briefing.ingest.segment import read_article, read_page
from briefing.records import EXTRACTED_KINDS

BODY = [
    "The ceasefire held through the night, officials said on Tuesday.",
    "Aid convoys reached the northern towns for the first time in a week.",
    "The mediators will meet both delegations again on Thursday.",
]


def _kinds(blocks: list[str]) -> list[str]:
    return body_kinds(blocks, [block_kind(b) for b in blocks])


def _page(blocks: list[str]) -> list[tuple[str, str]]:
    (draft,) = read_page(RawDoc(blocks=blocks), "DMY")
    return draft.body


# ------------------------------------------------------------------ run-ins


@pytest.mark.parametrize(
    ("block", "pieces"),
    [
        (
            "Page last updated at 16:51 GMT, Tuesday, 19 January 2010 Aid workers flew in.",
            ["Page last updated at 16:51 GMT, Tuesday, 19 January 2010", "Aid workers flew in."],
        ),
        (
            "24 June 2010 Last updated at 14:59 GMT Help Fans gathered outside.",
            ["24 June 2010 Last updated at 14:59 GMT Help", "Fans gathered outside."],
        ),
        (
            "Talks collapse 27 April 2012 Last updated at 13:27 GMT The envoy left.",
            ["Talks collapse", "27 April 2012 Last updated at 13:27 GMT", "The envoy left."],
        ),
        (
            "12 February 12 15:38 GMT The envoy resigned.",
            ["12 February 12 15:38 GMT", "The envoy resigned."],
        ),
        (
            "Jane Roe | 10:35 UK time, Monday, 18 January 2010 At every disaster teams arrive.",
            [
                "Jane Roe | 10:35 UK time, Monday, 18 January 2010",
                "At every disaster teams arrive.",
            ],
        ),
        (
            "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): The army was told to hold.",
            [
                "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET):",
                "The army was told to hold.",
            ],
        ),
        (
            "Storm damage (an error occurred while processing this directive) Roofs were torn off.",
            [
                "Storm damage",
                "(an error occurred while processing this directive)",
                "Roofs were torn off.",
            ],
        ),
        (
            "Nice post. At 2:43 pm on 18 Jan 2010, someone wrote: I disagree.",
            ["Nice post.", "At 2:43 pm on 18 Jan 2010, someone wrote:", "I disagree."],
        ),
        (
            "Good point. Posted by: reader_1 | June 24, 2010 11:13 AM | Report abuse Next one.",
            [
                "Good point.",
                "Posted by: reader_1 | June 24, 2010 11:13 AM | Report abuse",
                "Next one.",
            ],
        ),
        (
            "The minister speaks to reporters Photograph: Reuters It was a long day.",
            ["The minister speaks to reporters Photograph: Reuters", "It was a long day."],
        ),
        (
            "Photograph: Jo Lee/AP As the day wore on, the mood changed.",
            ["Photograph: Jo Lee/AP", "As the day wore on, the mood changed."],
        ),
        ("01:38 The video shows the convoy.", ["01:38", "The video shows the convoy."]),
        (
            "By Ann Lee, Health Editor LONDON | Mon Mar 2, 2009 4:23 pm EST LONDON (Wire) - Talks began.",
            [
                "By Ann Lee, Health Editor LONDON | Mon Mar 2, 2009 4:23 pm EST",
                "LONDON (Wire) - Talks began.",
            ],
        ),
        (
            "Tue Mar 3, 2009 7:47 pm GMT OSLO (Wire) - Talks ended.",
            ["Tue Mar 3, 2009 7:47 pm GMT", "OSLO (Wire) - Talks ended."],
        ),
    ],
)
def test_chrome_run_into_the_text_is_cut_off(block: str, pieces: list[str]) -> None:
    assert split_run_ins([block]) == pieces


@pytest.mark.parametrize(
    "block",
    [
        "At 10:30 GMT on Monday, troops entered the city.",
        "He said: the talks will go on.",
        "12 February 2012 was the day the envoy resigned.",
        "The video, posted on Monday, shows the convoy.",
        "March 2, 2009 4:23 pm ET I think the envoy is right.",
    ],
)
def test_text_that_only_looks_like_chrome_is_not_cut(block: str) -> None:
    assert split_run_ins([block]) == [block]


LIVE = [
    "2200: Our coverage ends here.",
    "2159: The president has finished speaking.",
    "2150: Reaction is coming in. Read the reaction 2145: The speech began late.",
    "2140: Crowds gathered outside.",
]


def test_live_page_stamps_are_cut_off_but_a_list_of_years_is_not() -> None:
    assert is_live_page(LIVE)
    pieces = split_run_ins(LIVE)
    assert "2145:" in pieces and "The speech began late." in pieces
    assert pieces[:2] == ["2200:", "Our coverage ends here."]
    years = ["1918: The first outbreak.", "1957: The second.", "1968: The third.", "2009: Now."]
    assert not is_live_page(years)
    assert split_run_ins(years) == years


def test_live_stamps_are_not_dates_of_the_text(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "live.txt").write_text("\n".join(["Live: the speech", *LIVE]), encoding="utf-8")
    (article,) = ingest(seeds, Config(root=tmp_path)).articles
    assert not any(w.rstrip(":").isdigit() for w in article.text.split())
    assert article.published is None


# ------------------------------------------------------------------ threads


def test_a_comment_header_starts_the_thread_to_the_end_of_the_page() -> None:
    blocks = [
        "Talks resume",
        *BODY,
        "1. At 12:56 12th Jun 2012, riverwatcher wrote:",
        "The talks will fail.",
        "Recommend? (3)",
        "Strong defence lines hold",  # headline-like, but inside the thread
        "More of the same.",
    ]
    body = _page(blocks)
    assert [k for k, _ in body] == ["body"] * 3 + ["comment"] * 5


def test_a_signature_takes_the_comment_before_it() -> None:
    blocks = [
        *BODY,
        "I think the envoy is right.",
        "February 10, 2011 at 7:53 am | Report abuse |",
        "Another reply.",
    ]
    assert thread_start(split_run_ins(blocks)) == 3


@pytest.mark.parametrize(
    "cue",
    [
        "This comment was removed because the moderators found it broke the House Rules.",
        "Complaint about this comment (Comment number 4)",
        "Report abuse",
        "At 6:53 P.M. on Jan 13, 2010, Jo Smith wrote: Thank you.",
    ],
)
def test_moderation_notices_links_and_headers_start_a_thread(cue: str) -> None:
    assert thread_start([*BODY, cue, "Later text."]) == 3


def test_an_article_without_comment_cues_has_no_thread() -> None:
    assert thread_start([*BODY, "He said: we will stay.", "Comments"]) is None


# ------------------------------------------------------------------ body kinds


@pytest.mark.parametrize(
    "caption",
    [
        "Fighters sit on the floor in Aleppo, Saturday Nov. 30, 2024. Thousands have fanned out "
        "across the city a day after storming it with little resistance from government troops "
        "and allied militias, residents said.(AP Photo/Jo Doe) Photo: ASSOCIATED PRESS/Jo Doe",
        "A man clears mud from his shop. REUTERS/Ana Smith",
        "Soldiers stack sandbags. Photograph: Tom Grey/Getty Images",
        "Volunteers hand out water. (Photo by Kim Lee/AFP via Getty Images)",
        "Left: a patrol. Right: a drone launch.",
        "Drones strike positions. Footage released on November 28, 2024.",
    ],
)
def test_captions_by_their_credit_or_cue(caption: str) -> None:
    assert _kinds([BODY[0], caption, BODY[1]]) == ["body", "caption", "body"]


def test_a_first_block_that_dates_its_scene_is_a_caption_not_the_title() -> None:
    scene = (
        "Cars move through the streets as residents walk by. This incident occurred on "
        "November 30, 2024, as reported by a news agency."
    )
    draft = read_article([scene, *BODY], RawDoc(blocks=[]), "DMY")
    assert draft.body[0] == ("caption", scene)
    assert draft.title is None  # the title falls back to the opening words of the body
    with_headline = read_article([scene, "Ceasefire holds", *BODY], RawDoc(blocks=[]), "DMY")
    assert with_headline.title == "Ceasefire holds"


def test_subheadings_between_paragraphs() -> None:
    blocks = [
        BODY[0],
        "Iran and its allies weakened",
        BODY[1],
        "– Why now? –",
        BODY[2],
        "WHAT HAPPENS NEXT?",
        BODY[0],
        "'Totally unprepared'",
        BODY[1],
    ]
    assert _kinds(blocks) == ["body", "subheading"] * 4 + ["body"]


@pytest.mark.parametrize(
    "line",
    ["Who will pay for the damage?", "Yikes!", "ALL HE HAD TO DO WAS GO!", "It is over."],
)
def test_questions_and_exclamations_between_paragraphs_are_text(line: str) -> None:
    assert _kinds([BODY[0], line, BODY[1]]) == ["body", "body", "body"]


def test_a_lone_name_after_the_head_is_the_author_line() -> None:
    blocks = [
        "What do we know about the offensive?",
        "By AFP",
        "November 30, 2024",
        "Fighters topple a statue in the city centre",
        "© Jo Doe, AFP",
        "Aya Rahman",
        *BODY,
    ]
    draft = read_article(blocks, RawDoc(blocks=blocks), "DMY")
    assert [k for k, _ in draft.body][:3] == ["caption", "caption", "byline"]
    assert draft.body[2] == ("byline", "Aya Rahman")


def test_related_links_prompts_and_footer_are_furniture() -> None:
    blocks = [
        *BODY,
        "Are you in the region?",
        "Send us your photos and videos using the form below.",
        BODY[0],
        "Related stories",
        "Talks stall over prisoner swap",
        "Aid agencies warn of winter",
        BODY[1],
        "The Associated Press contributed to this report.",
        "The original said the talks had ended.",
    ]
    assert _kinds(blocks) == (
        ["body"] * 3
        + ["furniture"] * 2
        + ["body"]
        + ["furniture"] * 3
        + ["body"]
        + ["furniture"] * 2
    )


def test_every_block_is_kept_in_reading_order(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    lines = [
        "Ceasefire holds",
        "Page last updated at 16:51 GMT, Tuesday, 19 January 2010 " + BODY[0],
        BODY[1],
        "Iran and its allies weakened",
        BODY[2],
        "Share this article",
        "At 2:10 pm on 02 Jun 2009, someone wrote: I disagree.",
    ]
    (seeds / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    (article,) = ingest(seeds, Config(root=tmp_path)).articles
    kinds = [p.kind for p in article.paragraphs]
    assert (
        kinds == ["furniture", "body", "body", "subheading", "body", "furniture"] + ["comment"] * 2
    )
    assert [p.index for p in article.paragraphs] == list(range(1, 9))
    assert article.text == "\n\n".join(BODY)
    assert {p.kind for p in article.paragraphs} - EXTRACTED_KINDS == {
        "furniture",
        "subheading",
        "comment",
    }
