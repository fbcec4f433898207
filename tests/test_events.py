"""Events: date anchoring and event typing scored against hand-labelled fixtures,
and clustering across articles. No trained model is needed."""

from dataclasses import replace
from pathlib import Path

import yaml

from briefing.records import Article, Citation, Corpus, Paragraph, Statement
from briefing.resolve.dating import anchor, date_paragraph
from briefing.resolve.events import build_events, claimant, event_type, statement_roles

FIXTURES = Path(__file__).parent / "fixtures" / "events"
MIN_ANCHORING_ACCURACY = 0.9
MIN_TYPING_ACCURACY = 0.9


def test_date_anchoring_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "anchoring.yml").read_text(encoding="utf-8"))
    right = [anchor(str(e), str(p)) == (str(w) if w else None) for e, p, w in rows]
    assert sum(right) / len(rows) >= MIN_ANCHORING_ACCURACY, [
        r for r, ok in zip(rows, right, strict=True) if not ok
    ]


def test_event_typing_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "typing.yml").read_text(encoding="utf-8"))
    got = [(t, (found[0].key if (found := event_type(t)) else None)) for t, _ in rows]
    right = [g == w for (_, g), (_, w) in zip(got, rows, strict=True)]
    assert sum(right) / len(rows) >= MIN_TYPING_ACCURACY, [
        (t, g, w) for (t, g), (_, w), ok in zip(got, rows, right, strict=True) if not ok
    ]


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


def test_paragraph_dating_against_the_hand_labelled_fixture() -> None:
    """Shifts count from a day named earlier in the paragraph; background keeps its year."""
    rows = yaml.safe_load((FIXTURES / "paragraphs.yml").read_text(encoding="utf-8"))
    total, wrong = 0, []
    for paragraph in rows:
        published = str(paragraph["published"])
        sentences = [([str(e) for e in exprs], text) for exprs, text, _ in paragraph["sentences"]]
        for (_, text, want), got in zip(
            paragraph["sentences"], date_paragraph(sentences, published), strict=True
        ):
            total += 1
            label = f"background {got.background}" if got.background else got.day
            if label != (str(want) if want else None):
                wrong.append((text, label, want))
    assert 1 - len(wrong) / total >= MIN_ANCHORING_ACCURACY, wrong


def _parsed(text: str, arguments, verbs, claim_cue=None) -> Statement:
    """A statement as a tagged parse leaves it: (entity, relation, verb offset) per
    mention, spans found by the entity's name in the text."""
    spans = tuple(
        (text.index(name), text.index(name) + len(name), name.lower()) for name, _, _ in arguments
    )
    return Statement(
        text=text,
        citations=(Citation("a", 1),),
        entities=tuple(s[2] for s in spans),
        spans=spans,
        date="2024-11-30",
        date_evidence="Saturday",
        claim_cue=claim_cue,
        verbs=tuple((text.index(v), v) for v in verbs),
        tagged=True,
        arguments=tuple(
            (name.lower(), relation, text.index(verb) if verb else -1)
            for name, relation, verb in arguments
        ),
    )


def test_a_verb_predicate_counts_only_where_a_verb_was_tagged() -> None:
    text = "Rebel advances met little resistance near Hama."
    assert event_type(text) is not None  # untagged: the word alone types it
    assert event_type(text, verbs=[(text.index("met"), "meet")]).kind.key == "diplomacy"
    assert event_type("The march began in March.", verbs=[(10, "begin")]) is None
    typed = event_type("The offensive began.", verbs=[(14, "begin")])
    assert typed.kind.key == "battle" and typed.noun


def test_roles_say_who_did_it_to_whom_and_where() -> None:
    text = "Hezbollah fighters attacked Amal positions in Tyre."
    statement = _parsed(
        text,
        [
            ("Hezbollah", "nsubj", "attacked"),
            ("Amal", "dobj", "attacked"),
            ("Tyre", "prep:in", "attacked"),
        ],
        ["attacked"],
    )
    typed = event_type(text, verbs=statement.verbs)
    roles = statement_roles(statement, typed.at, places={"tyre"})
    assert roles == {"hezbollah": "agent", "amal": "target", "tyre": "place"}
    passive = _parsed(
        "Tyre was shelled by Hezbollah.",
        [("Tyre", "nsubjpass", "shelled"), ("Hezbollah", "agent", "shelled")],
        ["shelled"],
    )
    roles = statement_roles(passive, passive.text.index("shelled"), places={"tyre"})
    assert roles == {"tyre": "place", "hezbollah": "agent"}
    led = _parsed(
        "Fighters led by Amal seized Tyre.",
        [("Amal", "agent", "led"), ("Tyre", "dobj", "seized")],
        ["led", "seized"],
    )
    led = replace(led, verbs=((led.text.index("led"), "lead"), (led.text.index("seized"), "seize")))
    assert statement_roles(led, led.text.index("seized"), places={"tyre"})["amal"] == "agent"


def test_a_claim_names_its_claimant() -> None:
    claimed = _parsed(
        "Hezbollah claimed it had destroyed three tanks.",
        [("Hezbollah", "nsubj", "claimed")],
        ["claimed", "destroyed"],
        claim_cue="claimed",
    )
    assert claimant(claimed) == "hezbollah"
    according = _parsed(
        "Ten fighters died, according to Amal, which could not be independently verified.",
        [("Amal", "prep:to", "died")],
        ["died"],
        claim_cue="could not be independently verified",
    )
    assert claimant(according) == "amal"
    media = _parsed("Tyre fell, state television said.", [("Tyre", "nsubj", "fell")], ["fell"])
    media = replace(media, claim_cue="state television said")
    assert claimant(media) == "state television said"


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
    statement = replace(_parsed(text, [], ["seized", "launching"]), date_at=text.index("launching"))
    [event] = build_events(_corpus(("a", "a")), [statement])
    assert event.type == "battle" and event.predicate.endswith("offensive")
    told = "Rebels captured the base without a fight, a commander told reporters on Monday."
    statement = replace(
        _parsed(told, [], ["captured", "told"]),
        verbs=((told.index("captured"), "capture"), (told.index("told"), "tell")),
        date_at=told.index("told"),
    )
    [event] = build_events(_corpus(("a", "a")), [statement])
    assert event.predicate == "captured"  # the date is the telling's, the event stays


def test_who_did_an_event_named_by_a_noun() -> None:
    text = "Heavy bombardments by Amal hit Tyre, and Hezbollah's offensive stalled."
    statement = _parsed(text, [("Amal", "prep:by", ""), ("Hezbollah", "poss", "")], ["hit"])
    typed = event_type(text, verbs=statement.verbs)
    assert typed.noun and typed.predicate == "bombardments"
    assert statement_roles(statement, typed.at, set(), typed)["amal"] == "agent"
    offensive = typed._replace(predicate="offensive", at=text.index("offensive"))
    assert statement_roles(statement, offensive.at, set(), offensive)["hezbollah"] == "agent"


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
