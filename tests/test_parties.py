"""Parties to the conflict: by an entity's kind and role, or by the words as written."""

from briefing.records import Alias, Citation, Entity
from briefing.resolve.parties import is_party


def _entity(kind: str, group: str = "actor", acting: tuple = ()) -> Entity:
    return Entity("x", group, kind, "X", (), (), (), 1, acting=acting)


def test_parties_to_a_conflict() -> None:
    assert is_party(_entity("armed group")) and is_party(_entity("government"))
    assert not is_party(_entity("organisation")) and not is_party(_entity("person"))
    assert is_party(None, "Syrian state television") and is_party(None, "a rebel commander")
    assert not is_party(None, "a Britain-based war monitor")


def test_a_person_is_a_party_by_role() -> None:
    spokesman = Entity(
        "x", "actor", "person", "X", (), (), (), 1, roles=(Alias("army spokesman", 2),)
    )
    assert is_party(spokesman) and not is_party(_entity("person"))


def test_a_state_acting_as_a_party() -> None:
    assert is_party(_entity("country", "place", acting=(Citation("a", 1),)))
    assert not is_party(_entity("country", "place"))
