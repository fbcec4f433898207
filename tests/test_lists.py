"""Lists of names: a listed name takes the label the other members agree on. No trained
model is needed: the mentions are written by hand, as the tagger would give them."""

from .test_resolve import _entities


def test_a_name_listed_among_organisations_is_an_organisation() -> None:
    entities = _entities(
        {
            "a": [
                (
                    "Factions including Hayat Tahrir al-Sham, the Syrian National Army, "
                    "and Ahrar al-Sham attacked.",
                    "Hayat Tahrir al-Sham/ORG;Syrian National Army/ORG;Ahrar al-Sham/PERSON",
                ),
                # A possessive is not a member of the list it seems to start.
                (
                    "He spoke with Fouad Hussein, Saudi Arabia’s minister, and Antony Blinken.",
                    "Fouad Hussein/PERSON;Saudi Arabia/GPE;Antony Blinken/PERSON",
                ),
            ]
        }
    )
    assert entities["Ahrar al-Sham"].kind != "person"
    assert entities["Ahrar al-Sham"].group == "actor"
    assert entities["Saudi Arabia"].group == "place"
