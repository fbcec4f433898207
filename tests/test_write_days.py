"""Day salience and the order of a day's summary in the export (no model needed)."""

from briefing.records import Citation, Day, Statement
from briefing.write import _day_summary, _salience


def _said(text: str, sources: int = 1, evidence: str = "published") -> Statement:
    return Statement(
        text=text,
        citations=(Citation("a", 1),),
        entities=("x",),
        spans=(),
        date="2024-11-30",
        date_evidence=evidence,
        sources=sources,
    )


def test_salience_weighs_sentences_that_date_themselves_above_publication() -> None:
    own = Day("2024-11-29", (_said("Rebels took the town on Friday.", 2, "on Friday"),), ())
    reported = Day("2024-11-30", (_said("Analysts weighed the war.", 2),) * 3, ())
    assert _salience(own) == 6 and _salience(reported) == 6
    assert _salience(Day("2024-11-28", (), ())) == 0


def test_summary_puts_central_and_corroborated_sentences_first() -> None:
    central = _said("Rebels captured the northern city after heavy fighting.")
    echo = _said("Heavy fighting raged as rebels entered the northern city.")
    aside = _said("A museum reopened its doors to visitors.")
    corroborated = _said("Heavy fighting went on near the city, rebels said.", sources=4)
    day = Day("2024-11-30", (aside, central, echo, corroborated), ())
    order = _day_summary(day)
    assert order[0] == corroborated and order[-1] == aside
    assert order.index(central) < order.index(aside)
