"""Groups: whether a group of mentions is an actor or a place. No trained model is needed:
the mentions are written by hand, as the tagger would give them."""

from briefing.records import Mention
from briefing.resolve.groups import Group, copied, merge_groups, move_mentions, owners

from .test_resolve import _entities


def test_a_name_mostly_in_place_contexts_is_a_place_the_gazetteer_lacks() -> None:
    entities = _entities(
        {
            "a": [
                ("Shelling hit the Baba Amr district.", "Baba Amr/PERSON"),
                ("Troops entered Baba Amr.", "Baba Amr/PERSON"),
                ("Baba Amr held out.", "Baba Amr/PERSON"),
                ("A letter from Kofi Annan arrived.", "Kofi Annan/PERSON"),
                ("Kofi Annan said so.", "Kofi Annan/PERSON"),
                ("Kofi Annan left.", "Kofi Annan/PERSON"),
            ]
        }
    )
    assert entities["Baba Amr"].group == "place"
    assert entities["Kofi Annan"].group == "actor"


def test_a_site_that_acts_is_an_organisation() -> None:
    entities = _entities(
        {
            "a": [
                ("The White Helmets said twelve died.", "White Helmets/FAC/nsubj"),
                ("Rescuers from the White Helmets dug.", "White Helmets/FAC/pobj"),
                ("Shells hit the Grand Mosque.", "Grand Mosque/FAC/dobj"),
            ]
        }
    )
    assert entities["White Helmets"].group == "actor"
    assert entities["Grand Mosque"].group == "place"


def _mention(text: str, label: str, start: int = 0, syntax: str = "") -> Mention:
    return Mention("a", 1, 0, start, start + len(text), text, label, syntax=syntax)


def test_merging_keeps_the_most_mentioned_key_and_every_rule() -> None:
    groups = {
        "assad": Group("assad", [_mention("Assad", "PERSON")], {"r1"}),
        "bashar assad": Group(
            "bashar assad",
            [_mention("Bashar al-Assad", "PERSON", 10), _mention("Bashar Assad", "PERSON", 40)],
            {"r2"},
        ),
    }
    merged = copied(groups)
    assert merge_groups(merged, ["assad", "bashar assad"], "joined") == "bashar assad"
    assert list(merged) == ["bashar assad"]
    assert merged["bashar assad"].rules == {"r1", "r2", "joined"}
    assert len(merged["bashar assad"].mentions) == 3
    # the groups copied from are untouched
    assert len(groups["bashar assad"].mentions) == 2 and groups["bashar assad"].rules == {"r2"}
    assert owners(merged) == {("a", 1, 0): "bashar assad", ("a", 1, 10): "bashar assad",
                              ("a", 1, 40): "bashar assad"}  # fmt: skip


def test_moving_every_mention_empties_and_removes_a_group() -> None:
    short = _mention("Tahrir", "ORG")
    groups = {"tahrir": Group("tahrir", [short]), "hayat tahrir": Group("hayat tahrir")}
    move_mentions(groups, "tahrir", "hayat tahrir", [short], "part of it")
    assert list(groups) == ["hayat tahrir"] and groups["hayat tahrir"].mentions == [short]


def test_a_group_is_an_actor_by_the_votes_of_its_mentions() -> None:
    assert Group(
        "x", [_mention("X", "PERSON"), _mention("X", "ORG"), _mention("X", "GPE")]
    ).is_actor()
    assert not Group("x", [_mention("X", "GPE"), _mention("X", "LOC")]).is_actor()
    # "Gen Dabi" names a person whatever the tag
    assert (
        Group("dabi", [_mention("Gen Dabi", "GPE"), _mention("Dabi", "GPE", 20)]).is_actor()
        is False
    )
    assert Group("dabi", [_mention("Gen Dabi", "GPE"), _mention("Dabi", "PERSON", 20)]).is_actor()


def test_a_group_is_shown_under_its_most_written_name() -> None:
    group = Group(
        "bashar assad",
        [_mention("Bashar al-Assad", "PERSON"), _mention("President Bashar al-Assad", "PERSON", 30),
         _mention("Bashar Assad", "PERSON", 60)],
    )  # fmt: skip
    assert group.name() == "Bashar al-Assad"
