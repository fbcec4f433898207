"""Cues: what the words around a name say it is (a place, an outlet, an armed group)."""

from briefing.records import Mention
from briefing.resolve.cues import (
    armed_group_cues,
    followed_by_place_noun,
    media_cues,
    place_cues,
)
from briefing.textutil import alternation


def _at(text: str, name: str) -> tuple[list[Mention], dict[tuple[str, int], str]]:
    start = text.index(name)
    mention = Mention("a", 1, 0, start, start + len(name), name, "GPE")
    return [mention], {("a", 1): text}


def test_place_cues_before_and_after_a_name() -> None:
    for text in (
        "Troops entered Saraqeb.",
        "Shelling in northern Saraqeb.",
        "the town of Saraqeb",
        "towns such as Idlib, Saraqeb and Ariha",
        "fighting near the Saraqeb countryside",
        "at the Saraqeb border crossing",
    ):
        assert place_cues(*_at(text, "Saraqeb")) == 1, text
    assert place_cues(*_at("Saraqeb said no.", "Saraqeb")) == 0


def test_weak_cues_count_only_as_evidence() -> None:
    mentions, paragraphs = _at("a letter from Annan", "Annan")
    assert place_cues(mentions, paragraphs) == 1
    assert place_cues(mentions, paragraphs, strong_only=True) == 0


def test_a_place_noun_after_a_name() -> None:
    mentions, paragraphs = _at("the Idlib province", "Idlib")
    assert followed_by_place_noun(mentions[0], paragraphs)
    mentions, paragraphs = _at("the Idlib offensive", "Idlib")
    assert not followed_by_place_noun(mentions[0], paragraphs)


def test_outlet_and_armed_group_cues() -> None:
    assert media_cues(*_at("the Turkish daily Zaman reported", "Zaman")) == 1
    assert media_cues(*_at("news   agency Anadolu reported", "Anadolu")) == 1  # any white space
    assert armed_group_cues(*_at("the jihadist group Jund al-Aqsa", "Jund al-Aqsa")) == 1
    assert armed_group_cues(*_at("Ahrar al-Sham, a rebel alliance, said", "Ahrar al-Sham")) == 1
    assert armed_group_cues(*_at("Ahrar al-Sham said", "Ahrar al-Sham")) == 0


def test_alternation_escapes_words_and_matches_spaces_by_gap() -> None:
    assert alternation(["a.b", "news site"]) == r"(?:a\.b|news site)"
    assert alternation(["news site"], gap=r"\s+") == r"(?:news\s+site)"
