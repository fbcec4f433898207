"""Joins: partial names and misspellings join the one name they are part or a typo of. No
trained model is needed: the mentions are written by hand, as the tagger would give
them."""

from .test_resolve import _entities


def test_partial_names_join_the_one_longer_name_that_extends_them() -> None:
    entities = _entities(
        {
            "a": [
                ("Hayat Tahrir al-Sham took Aleppo.", "Hayat Tahrir al-Sham/ORG"),
                (
                    "Hayat Tahrir said so, and Tahrir al-Sham agreed.",
                    "Hayat Tahrir/ORG;Tahrir al-Sham/PERSON",
                ),
                ("The Three Brotherhood Alliance advanced.", "Three Brotherhood Alliance/ORG"),
                ("The Brotherhood Alliance said three towns fell.", "Brotherhood Alliance/ORG"),
                ("Troops crossed the Euphrates River.", "Euphrates River/LOC"),
                ("They reached the Euphrates.", "Euphrates/LOC"),
                ("Iranian troops and Iranian advisers.", "Iranian/NORP"),
                ("Iranian officials spoke.", "Iranian/NORP"),
                (
                    "The Iranian Revolutionary Guard Corps sent men.",
                    "Iranian Revolutionary Guard Corps/ORG",
                ),
                ("The Revolutionary Guard Corps denied it.", "Revolutionary Guard Corps/ORG"),
            ],
            "b": [
                (
                    "The United Nations Office said the office was shut.",
                    "United Nations Office/ORG",
                ),
                ("The United Nations appealed.", "United Nations/ORG"),
            ],
        }
    )
    aliases = {name: {a.text for a in e.aliases} for name, e in entities.items()}
    assert aliases["Hayat Tahrir al-Sham"] == {
        "Hayat Tahrir al-Sham",
        "Hayat Tahrir",
        "Tahrir al-Sham",
    }
    assert aliases["Three Brotherhood Alliance"] == {
        "Three Brotherhood Alliance",
        "Brotherhood Alliance",
    }
    assert aliases["Euphrates River"] == {"Euphrates River", "Euphrates"}
    # A word for a people before a name is part of it; after it, it is not (see below).
    assert "Revolutionary Guard Corps" in aliases["Iranian Revolutionary Guard Corps"]
    # "Office" is a common word here: the UN office is a part of the UN, not its name.
    assert {"United Nations", "United Nations Office"} <= entities.keys()


def test_an_organisation_named_after_its_town_joins_its_short_name_however_rare() -> None:
    red_sox = [("The Red Sox won again.", "Red Sox/ORG")] * 4
    entities = _entities(
        {
            "a": [
                ("The Boston Red Sox signed him in Boston.", "Boston Red Sox/ORG;Boston/GPE"),
                *red_sox,
            ],
            "b": [("Fans in Boston cheered.", "Boston/GPE"), *red_sox],
            "c": [("It is a Chicago Red Sox shirt.", "Chicago Red Sox/ORG"), *red_sox],
        }
    )
    assert {a.text for a in entities["Boston Red Sox"].aliases} == {"Red Sox", "Boston Red Sox"}
    assert entities["Boston"].group == "place"
    assert "Chicago Red Sox" in entities  # "Chicago" is no place of this corpus


def test_a_short_name_joins_its_full_name_with_of_however_rare_and_however_spelled() -> None:
    academy = [("The Academy said so.", "Academy/ORG")] * 10
    full = "Academy of Motion Picture Arts and Sciences"
    slip = "Academy of Motion Pictures Arts and Sciences"
    entities = _entities(
        {
            "a": [(f"The {full} met.", f"{full}/ORG"), *academy],
            "b": [(f"The {slip} met.", f"{slip}/ORG"), *academy],
        }
    )
    assert {a.text for a in entities[full].aliases} == {full, slip, "Academy"}


def test_a_headline_run_on_of_a_name_is_no_second_longer_name() -> None:
    # "Ellen DeGeneres Returns" holds "Ellen DeGeneres": one person, not two Ellens.
    entities = _entities(
        {
            "a": [
                ("Ellen DeGeneres Returns To Host", "Ellen DeGeneres Returns/PERSON"),
                *[("Ellen DeGeneres will host.", "Ellen DeGeneres/PERSON")] * 4,
            ],
            "b": [
                ("Ellen DeGeneres spoke.", "Ellen DeGeneres/PERSON"),
                ("Ellen laughed.", "Ellen/PERSON"),
            ],
        }
    )
    assert "Ellen" in {a.text for a in entities["Ellen DeGeneres"].aliases}
    assert "Ellen" not in entities


def test_a_partial_name_shared_by_two_longer_names_stays_apart() -> None:
    entities = _entities(
        {
            "a": [
                (
                    "Bashar al-Assad and Hafez al-Assad were named.",
                    "Bashar al-Assad/PERSON;Hafez al-Assad/PERSON",
                ),
                ("Bashar spoke first.", "Bashar/PERSON"),
                ("Mr al-Assad spoke.", "al-Assad/PERSON"),
            ]
        }
    )
    assert "Bashar al-Assad" in entities and "Hafez al-Assad" in entities
    assert {a.text for a in entities["Bashar al-Assad"].aliases} == {"Bashar al-Assad", "Bashar"}
    assert "al-Assad" in entities


def test_a_first_name_two_people_share_joins_neither() -> None:
    entities = _entities(
        {
            "a": [("Bashar al-Assad spoke.", "Bashar al-Assad/PERSON")],
            "b": [
                ("Bashar Jaafari, the envoy, spoke.", "Bashar Jaafari/PERSON"),
                ("Bashar said no.", "Bashar/PERSON"),
            ],
        }
    )
    assert {a.text for a in entities["Bashar Jaafari"].aliases} == {"Bashar Jaafari"}
    assert "Bashar" in entities


def test_a_one_off_name_with_two_letters_swapped_is_a_typo() -> None:
    frequent = [("Syrian troops moved.", "Syrian/NORP")] * 5 + [("Iraq spoke.", "Iraq/GPE")] * 5
    entities = _entities(
        {
            "a": [
                *frequent,
                ("Forces loyal to Syrain President Assad.", "Syrain/ORG;Assad/PERSON"),
                ("Iran answered.", "Iran/GPE"),
            ]
        }
    )
    assert "Syrain" not in entities
    assert {"Iran", "Iraq"} <= entities.keys()


def test_a_surname_misspelled_joins_the_person_and_a_moved_letter_is_a_typo() -> None:
    # The tagger calls the surname alone a people (NORP); its typos join the person,
    # and are not dropped as a people's word misspelled.
    surname = [("Klitschko won.", "Klitschko/NORP")] * 6
    entities = _entities(
        {
            "a": [
                ("Wladimir Klitschko won.", "Wladimir Klitschko/PERSON"),
                *surname,
                ("Kiltschko and Klitchsko, the crowd sang.", "Kiltschko/PERSON;Klitchsko/PERSON"),
            ],
            "b": [("Simons and Simson met.", "Simons/PERSON;Simson/PERSON")] * 2,
        }
    )
    aliases = {a.text for a in entities["Wladimir Klitschko"].aliases}
    assert {"Kiltschko", "Klitchsko"} <= aliases
    assert {"Simons", "Simson"} <= entities.keys()  # short, and as frequent: two names


def test_a_swap_across_kinds_is_not_a_typo() -> None:
    iran = [("Iran answered.", "Iran/GPE")] * 5
    entities = _entities({"a": [*iran, ("The agency Irna reported.", "Irna/ORG")]})
    assert {"Iran", "Irna"} <= entities.keys()
