"""Events: clustering dated statements across articles and ranking them. No trained
model is needed."""

from dataclasses import replace

from briefing.records import Article, Citation, Corpus, Paragraph, Statement
from briefing.resolve.events import build_events

from .parsed import parsed


def _statement(article: str, text: str, entities: tuple[str, ...], day: str | None = "2024-11-30"):
    return Statement(
        text=text,
        citations=(Citation(article, 1),),
        entities=entities,
        spans=(),
        date=day,
        date_evidence="Saturday",
    )


def _corpus(*families: tuple[str, str]) -> Corpus:
    return Corpus(
        tuple(Article(a, f"{a}.txt", "t", (Paragraph(1, "x"),), a, family=f) for a, f in families),
        (),
    )


def test_one_event_told_by_several_sources_is_one_event_counted_by_families() -> None:
    corpus = _corpus(("a", "a"), ("b", "b"), ("c", "a"), ("d", "d"))
    statements = [
        _statement("a", "Rebels captured most of Aleppo on Saturday.", ("rebels", "aleppo")),
        _statement("b", "Insurgents took control of Aleppo, monitors said.", ("aleppo",)),
        _statement(
            "c", "Rebels captured most of Aleppo on Saturday, AFP said.", ("rebels", "aleppo")
        ),
        _statement("d", "Rebels captured Hama.", ("rebels", "hama")),
        _statement("d", "Jets struck Aleppo.", ("aleppo",)),
        _statement("d", "In 2016 the army took Aleppo.", ("aleppo",), day=None),
    ]
    events = build_events(corpus, statements, places={"aleppo", "hama"})
    by_summary = {e.summary.text: e for e in events}
    aleppo = next(e for e in events if e.type == "battle" and "aleppo" in e.entities)
    assert len(aleppo.statements) == 3
    assert aleppo.sources == 2  # "c" is a rewrite in family "a"
    assert [e.type for e in events].count("battle") == 2  # Hama is another event
    assert any(e.type == "explosion" for e in events)
    assert not any("2016" in text for text in by_summary)  # undated background
    assert events[0] == aleppo  # the most corroborated first


def test_the_leader_of_an_event_keeps_bridging_sentences_from_chaining_events() -> None:
    corpus = _corpus(("a", "a"), ("b", "b"), ("c", "c"))
    statements = [
        _statement("a", "Jets struck Kafr Nabl, killing four.", ("kafr-nabl",)),
        _statement("b", "Jets struck Kafr Nabl and Saraqib overnight.", ("kafr-nabl", "saraqib")),
        _statement("c", "Artillery struck Saraqib at dawn.", ("saraqib",)),
    ]
    statements[0] = replace(statements[0], sources=3)
    events = build_events(corpus, statements, places={"kafr-nabl", "saraqib"})
    assert len(events) == 2  # Saraqib's shelling is not swallowed through the bridge


def test_a_date_on_a_clause_types_the_event_of_that_clause() -> None:
    text = "The rebels have seized 40 villages after launching an offensive on Monday."
    statement = replace(parsed(text, [], ["seized", "launching"]), date_at=text.index("launching"))
    [event] = build_events(_corpus(("a", "a")), [statement])
    assert event.type == "battle" and event.predicate.endswith("offensive")
    told = "Rebels captured the base without a fight, a commander told reporters on Monday."
    statement = replace(
        parsed(told, [], ["captured", "told"]),
        verbs=((told.index("captured"), "capture"), (told.index("told"), "tell")),
        date_at=told.index("told"),
    )
    [event] = build_events(_corpus(("a", "a")), [statement])
    assert event.predicate == "captured"  # the date is the telling's, the event stays


def test_sentences_dated_only_by_publication_start_events_only_when_they_tell_a_past() -> None:
    def published(text: str) -> Statement:
        return replace(_statement("a", text, ("x",)), date_evidence="published")

    told = [
        published("Rebels captured the airbase."),
        published("Militiamen fled the town."),
        published("Insurgents have seized the dam."),  # news perfect: it just happened
        published("The army has repeatedly shelled the town."),  # a habit
        published("The Kurds fear attacks on their towns."),  # a fear, named by a noun
        published("Jets will strike the depots."),
        published("Shelling is concentrated on the front."),  # a state
        replace(  # a noun told by a past verb
            published("Troops carried out strikes on the port."), verbs=((7, ""),), tagged=True
        ),
    ]
    events = build_events(_corpus(("a", "a")), told)
    assert sorted(e.summary.text for e in events) == [
        "Insurgents have seized the dam.",
        "Militiamen fled the town.",
        "Rebels captured the airbase.",
        "Troops carried out strikes on the port.",
    ]


def test_a_party_s_account_is_an_event_claimed_by_the_party() -> None:
    text = "Rebels say they reacted to pro-government attacks on opposition held areas."
    statement = replace(
        parsed(text, [], ["say", "reacted"], claim_cue="Rebels say"), date_evidence="published"
    )
    [event] = build_events(_corpus(("a", "a")), [statement])
    assert event.type == "battle" and event.claimed_by == "Rebels"


def test_an_assessment_of_what_is_likely_starts_no_event_of_its_publication_day() -> None:
    """ "Though it has stepped up its airstrikes, these are unlikely to be as intense":
    a hedged or forecast predicate makes the sentence an assessment, not a report."""
    hedged = "And though it has stepped up its airstrikes, these are unlikely to be intense."
    forecast = "The rebels have captured the dam and are expected to push on."
    plain = "The rebels have captured the dam."
    for text, verbs in ((hedged, ["stepped", "are", "be"]), (forecast, ["captured", "push"])):
        statement = replace(parsed(text, [], verbs), date_evidence="published")
        assert build_events(_corpus(("a", "a")), [statement]) == [], text
    statement = replace(parsed(plain, [], ["captured"]), date_evidence="published")
    assert [e.predicate for e in build_events(_corpus(("a", "a")), [statement])] == ["captured"]
    # dated by its own words, the event it tells stands
    dated = replace(parsed(forecast, [], ["captured", "push"]), date_evidence="Saturday")
    assert len(build_events(_corpus(("a", "a")), [dated])) == 1
