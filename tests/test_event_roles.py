"""Event roles: who did it and to whom, from a tagged parse."""

from dataclasses import replace

from briefing.resolve.event_roles import event_roles, statement_roles
from briefing.resolve.event_types import event_type

from .parsed import parsed


def test_roles_say_who_did_it_to_whom_and_where() -> None:
    text = "Hezbollah fighters attacked Amal positions in Tyre."
    statement = parsed(
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
    passive = parsed(
        "Tyre was shelled by Hezbollah.",
        [("Tyre", "nsubjpass", "shelled"), ("Hezbollah", "agent", "shelled")],
        ["shelled"],
    )
    roles = statement_roles(passive, passive.text.index("shelled"), places={"tyre"})
    assert roles == {"tyre": "place", "hezbollah": "agent"}
    led = parsed(
        "Fighters led by Amal seized Tyre.",
        [("Amal", "agent", "led"), ("Tyre", "dobj", "seized")],
        ["led", "seized"],
    )
    led = replace(led, verbs=((led.text.index("led"), "lead"), (led.text.index("seized"), "seize")))
    assert statement_roles(led, led.text.index("seized"), places={"tyre"})["amal"] == "agent"


def test_who_did_an_event_named_by_a_noun() -> None:
    text = "Heavy bombardments by Amal hit Tyre, and Hezbollah's offensive stalled."
    statement = parsed(text, [("Amal", "prep:by", ""), ("Hezbollah", "poss", "")], ["hit"])
    typed = event_type(text, verbs=statement.verbs)
    assert typed.noun and typed.predicate == "bombardments"
    assert statement_roles(statement, typed.at, set(), typed)["amal"] == "agent"
    offensive = typed._replace(predicate="offensive", at=text.index("offensive"))
    assert statement_roles(statement, offensive.at, set(), offensive)["hezbollah"] == "agent"


def test_an_events_role_is_its_most_frequent_and_most_specific() -> None:
    found = [
        {"hts": "agent", "aleppo": "place"},
        {"hts": "present", "army": "target"},
        {"hts": "present", "army": "agent"},
    ]
    assert event_roles(found) == (("hts", "agent"), ("aleppo", "place"), ("army", "agent"))
