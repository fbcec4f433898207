"""Kinds: person or organisation, and the finer kind of an actor. No trained model is
needed: the mentions are written by hand, as the tagger would give them."""

from briefing.resolve.kinds import actor_kind

from .test_resolve import _entities


def test_a_name_written_with_a_persons_role_is_a_person() -> None:
    entities = _entities(
        {
            "a": [
                (
                    "In a statement, spokesperson Oncu Keceli said so.",
                    "Oncu Keceli/ORG/nsubj/spokesperson",
                ),
                (
                    "Dareen Khalifa, a researcher at the group, spoke.",
                    "Dareen Khalifa/ORG/nsubj/researcher at the group",
                ),
                ("Khalifa said more.", "Khalifa/ORG"),
                ("Khalifa added a point.", "Khalifa/ORG"),
                (
                    "The Foreign Ministry spokesman Ali spoke.",
                    "Foreign Ministry/ORG/compound/spokesman",
                ),
            ]
        }
    )
    assert entities["Oncu Keceli"].kind == "person"
    assert entities["Dareen Khalifa"].kind == "person"
    assert entities["Foreign Ministry"].kind != "person"  # an institution's word decides


def test_an_organisation_described_as_armed_is_an_armed_group() -> None:
    entities = _entities(
        {
            "a": [
                ("The jihadist group Tahrir Front attacked.", "Tahrir Front/ORG"),
                ("The offensive was led by Ansar Allah, a rebel movement.", "Ansar Allah/ORG"),
                ("The Crisis Group said so.", "Crisis Group/ORG"),
            ]
        }
    )
    assert entities["Ansar Allah"].kind == "armed group"
    assert entities["Crisis Group"].kind == "organisation"


def test_outlets_described_in_the_text_are_media() -> None:
    entities = _entities(
        {
            "a": [
                ("The Turkish daily Zaman reported it.", "Zaman/PERSON"),
                ("Zaman said more.", "Zaman/PERSON"),
                ("Ahmet Kaya spoke.", "Ahmet Kaya/PERSON"),
            ]
        }
    )
    assert entities["Zaman"].kind == "media"
    assert entities["Ahmet Kaya"].kind == "person"


def test_an_organisations_head_words_or_outlet_say_its_kind() -> None:
    assert actor_kind("Syrian Arab Army", "organisation", frozenset()) == "military"
    assert actor_kind("Royal Air Force", "organisation", frozenset()) == "military"
    assert actor_kind("Tiger Forces", "organisation", frozenset()) == "armed group"
    assert actor_kind("Ministry of Defence", "organisation", frozenset()) == "government"
    assert actor_kind("Enab Baladi", "organisation", frozenset({"enab baladi"})) == "media"
    assert actor_kind("Syrian Arab Army", "person", frozenset()) == "person"
    assert actor_kind("White Helmets", "organisation", frozenset()) == "organisation"
