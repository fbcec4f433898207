"""The salience pass (resolve stage): partyhood of claimants, day salience, the
order of a day's summary and the figure topics (no model needed)."""

from dataclasses import replace

from briefing.records import (
    Briefing,
    Citation,
    Corpus,
    Day,
    Entity,
    Event,
    FigureClaim,
    ResolvedQuote,
    Statement,
)
from briefing.resolve.ranking import ranked_days
from briefing.resolve.salience import series, with_salience, with_shown


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


def _entity(kind: str, group: str = "actor", acting: tuple = (), id: str = "x") -> Entity:
    return Entity(id, group, kind, "X", (), (), (), 1, acting=acting)


def _event(id: str, summary: Statement, claimed_by: str | None) -> Event:
    return Event(id, "2024-11-30", "battle", "Battle", "took", summary, (summary,), 1,
                 claimed_by=claimed_by)  # fmt: skip


def test_the_pass_marks_claimants_ranks_days_and_lists_figure_topics() -> None:
    claim = _said("The army said it took the town, without providing evidence.")
    events = (
        _event("e1", claim, "army"),
        _event("e2", claim, "state media"),
        _event("e3", claim, "monitor"),
        _event("e4", _said("Rebels took the town."), None),
    )
    day = Day("2024-11-30", (claim, _said("Rebels took the town.")), (), events)
    briefing = Briefing(
        title="t",
        corpus=Corpus((), ()),
        entities=(_entity("military", id="army"), _entity("organisation", id="monitor")),
        statements=day.statements,
        days=(day,),
        quotes=(),
        extractions=(),
        events=events,
    )
    decided = with_salience(briefing)
    parties = [e.claimed_by_party for e in decided.events]
    assert parties == [True, True, False, None]  # words as written: a party's own media
    assert set(decided.days[0].events) == set(decided.events)  # the day holds the same events
    (ranked,) = ranked_days([replace(day, events=decided.days[0].events)], ())
    assert decided.days[0].salience == ranked.salience > 0 and decided.days[0].key
    assert decided.days[0].summary == ranked.summary
    topics = {t.key: t for t in decided.figure_topics}
    assert "killed" in topics and topics["killed"].label
    assert any(t.unit for t in decided.figure_topics)


def _quote(kind: str, start: int, end: int, speaker: str = "he") -> ResolvedQuote:
    return ResolvedQuote(
        f"q{start}", "w", kind, None, speaker, "said", Citation("a", 1), None, start=start, end=end
    )


def test_a_fragment_inside_the_same_speakers_reported_speech_gets_no_line() -> None:
    indirect, inside, elsewhere = (
        _quote("indirect", 0, 50),
        _quote("fragment", 10, 20),
        _quote("fragment", 60, 70),
    )
    other = _quote("fragment", 10, 20, speaker="she")
    shown = {q.id: q.shown for q in with_shown([indirect, inside, elsewhere])}
    assert shown == {"q0": True, "q10": False, "q60": True}
    assert with_shown([indirect, other])[1].shown


def _claim(**fields) -> FigureClaim:
    base = dict(id="c", topic="killed", label="Killed", value="12", low=12, high=12,
                within="", running=True, date="2024-11-30", date_evidence=None, source=None,
                source_text=None, reported_by="AFP", party=False, claim_cue=None,
                sentence="12 killed.", citations=(Citation("a", 1),), sources=1)  # fmt: skip
    return FigureClaim(**{**base, **fields})


def test_running_figures_form_one_series_per_source() -> None:
    assert series(_claim(source="monitor")) == "monitor"
    assert series(_claim(source_text="The Health Ministry")) == "the health ministry"
    assert series(_claim()) == "reported by AFP"
    assert series(_claim(running=False)) == "" and series(_claim(within="civilians")) == ""
