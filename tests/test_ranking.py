"""Day ranking (resolve stage, salience pass): evidence per story family, lead
events, summaries and key days (no model needed)."""

from dataclasses import replace

from briefing.records import Article, Citation, Day, Event, Paragraph, Statement
from briefing.resolve.ranking import (
    MAX_WEIGHT,
    MIN_KEY_DAYS,
    WEIGHTS,
    Coverage,
    day_signals,
    key_days,
    ranked_days,
)


def _article(id: str, published: str, family: str | None = None) -> Article:
    return Article(id, f"{id}.txt", id, (Paragraph(1, "x"),), id, published=published,
                   family=family or id)  # fmt: skip


def _said(text: str, day: str, *where: tuple[str, int], evidence: str = "published") -> Statement:
    return Statement(text, tuple(Citation(a, p) for a, p in where), (), (), day, evidence)


def test_a_long_page_counts_once_and_independent_reports_outweigh_it() -> None:
    articles = [
        _article("blog", "2024-11-01"),
        *(_article(f"n{i}", "2024-11-02") for i in range(3)),
    ]
    blog_day = Day("2024-11-01", tuple(
        _said(f"Reader view number {i} on the matter.", "2024-11-01", ("blog", i + 1)) for i in range(60)
    ), ("blog",))  # fmt: skip
    news_day = Day("2024-11-02", tuple(
        _said("Troops entered the city.", "2024-11-02", (f"n{i}", 1)) for i in range(3)
    ), ("n0", "n1", "n2"))  # fmt: skip
    coverage = Coverage.of(articles)
    assert day_signals(blog_day, coverage).reporting == 1
    ranked = {d.date: d for d in ranked_days([blog_day, news_day], articles)}
    assert ranked["2024-11-02"].salience > ranked["2024-11-01"].salience


def test_rewrites_of_one_story_are_one_source() -> None:
    articles = [_article("a", "2024-11-02"), _article("b", "2024-11-02", family="a")]
    day = Day(
        "2024-11-02",
        (_said("Troops entered the city.", "2024-11-02", ("a", 1), ("b", 1)),),
        ("a", "b"),
    )
    signals = day_signals(day, Coverage.of(articles))
    assert signals.reporting == signals.volume == signals.corroboration == 1


def test_later_articles_naming_a_day_make_it_matter() -> None:
    later = [_article(f"l{i}", "2024-11-09") for i in range(4)]
    articles = [_article("a", "2024-11-01"), _article("b", "2024-11-02"), *later]
    named = Day("2024-11-01", (
        _said("The dam broke.", "2024-11-01", ("a", 1)),
        *(_said(f"On 1 November the dam broke, report {i}.", "2024-11-01", (f"l{i}", 4),
                evidence="1 November") for i in range(4)),
    ), ("a",))  # fmt: skip
    quiet = Day("2024-11-02", (_said("The river rose.", "2024-11-02", ("b", 1)),), ("b",))
    signals = day_signals(named, Coverage.of(articles))
    assert signals.references == 4 and signals.volume == 1
    ranked = {d.date: d for d in ranked_days([named, quiet], articles)}
    assert ranked["2024-11-01"].salience > ranked["2024-11-02"].salience


def test_no_single_signal_decides() -> None:
    assert abs(sum(WEIGHTS.values()) - 1) < 1e-9
    assert max(WEIGHTS.values()) <= MAX_WEIGHT < 0.5
    busy = [_article(f"b{i}", "2024-11-03") for i in range(20)]  # many articles, little said
    told = [_article(f"t{i}", "2024-11-04") for i in range(3)]
    day_busy = Day("2024-11-03", (_said("Talks went on.", "2024-11-03", ("b0", 9)),),
                   tuple(a.id for a in busy))  # fmt: skip
    day_told = Day("2024-11-04", tuple(
        _said("The city fell to the rebels.", "2024-11-04", (f"t{i}", 1)) for i in range(3)
    ), tuple(a.id for a in told))  # fmt: skip
    ranked = {d.date: d for d in ranked_days([day_busy, day_told], busy + told)}
    assert ranked["2024-11-04"].salience > ranked["2024-11-03"].salience


def test_summary_leads_with_what_many_families_say_in_an_opening_paragraph() -> None:
    articles = [_article(f"a{i}", "2024-11-30") for i in range(4)]
    central = _said(
        "Rebels captured the northern city after heavy fighting.", "2024-11-30", ("a0", 1)
    )
    echoes = [
        _said(f"Heavy fighting raged as rebels entered the northern city {i}.", "2024-11-30",
              (f"a{i}", 9)) for i in (1, 2, 3)
    ]  # fmt: skip
    aside = _said("A museum reopened its doors to visitors.", "2024-11-30", ("a3", 2))
    (day,) = ranked_days([Day("2024-11-30", (aside, *echoes, central), ())], articles)
    assert day.summary[0] == central and day.summary[-1] == aside


def test_lead_events_are_the_corroborated_and_central_ones() -> None:
    articles = [_article(f"a{i}", "2024-11-30") for i in range(3)]
    fell = _said("The city fell to rebels.", "2024-11-30", ("a0", 1), ("a1", 1), ("a2", 1))
    side = _said("A bridge was closed.", "2024-11-30", ("a0", 7))
    minor = Event("e1", "2024-11-30", "other", "Other", "closed", side, (side,), 1)
    major = Event("e2", "2024-11-30", "battle", "Battle", "fell", fell, (fell,), 3)
    (day,) = ranked_days([Day("2024-11-30", (side, fell), (), (minor, major))], articles)
    assert [e.id for e in day.events] == ["e2", "e1"]


def test_key_days_are_the_most_salient_share_with_a_floor() -> None:
    said = _said("x", "2024-11-01", ("a", 1))
    days = [replace(Day(f"2024-11-{i:02d}", (said,), ()), salience=i / 100, summary=(said,))
            for i in range(1, 41)]  # fmt: skip
    key = key_days(days)
    assert key == frozenset(d.date for d in days[-10:])
    assert len(key_days(days[:3])) == 3 and len(key_days(days[:8])) == MIN_KEY_DAYS
    assert not key_days([replace(days[0], summary=())])


def test_the_opening_paragraphs_are_counted_in_text_not_furniture() -> None:
    kinds = ["caption", "byline", "body", "body", "body", "body"]
    paragraphs = tuple(Paragraph(i + 1, "x", kind) for i, kind in enumerate(kinds))
    article = replace(_article("a", "2024-11-30"), paragraphs=paragraphs)
    coverage = Coverage.of([article])
    assert coverage.opens(_said("Third paragraph of text.", "2024-11-30", ("a", 5)))
    assert not coverage.opens(_said("Fourth paragraph of text.", "2024-11-30", ("a", 6)))
    assert not coverage.opens(_said("The caption.", "2024-11-30", ("a", 1)))
