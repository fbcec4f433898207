"""Resolve stages that read the context of a name: lists, partial names, modifiers,
typos, roles, descriptions and countries that act. No trained model is needed: the
mentions are written by hand, as the tagger would give them."""

from briefing.resolve import resolve

from .test_locate import FakeGazetteer, _city
from .test_resolve import _corpus_and_extractions


def _entities(articles, **kwargs):
    corpus, extractions = _corpus_and_extractions(articles)
    return {e.name: e for e in resolve(corpus, extractions, "T", **kwargs).entities}


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


def test_names_only_used_as_modifiers_are_peoples_not_entities() -> None:
    entities = _entities(
        {
            "a": [
                ("Troops of the Alawite sect fled.", "Alawite/PERSON/compound"),
                ("Many inhabitants are Alawites.", "Alawites/GPE/attr"),
                ("Talks in the Kazakh capital Astana.", "Kazakh/GPE/compound;Astana/GPE/appos"),
                ("HTS fighters entered.", "HTS/ORG/compound"),
                ("Fighting in Zarzour province.", "Zarzour/GPE/compound"),
            ]
        }
    )
    assert "Alawite" not in entities and "Alawites" not in entities and "Kazakh" not in entities
    assert {"HTS", "Astana", "Zarzour"} <= entities.keys()


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


def test_a_country_that_is_a_subject_acts_as_a_state() -> None:
    entities = _entities(
        {
            "a": [
                ("Syria demanded talks.", "Syria/GPE/nsubj"),
                ("Fighting in Syria went on.", "Syria/GPE/pobj"),
                ("Hama fell.", "Hama/GPE/nsubj"),
            ]
        },
        gazetteer=FakeGazetteer(),
    )
    assert [(c.article_id, c.paragraph) for c in entities["Syria"].acting] == [("a", 1)]
    assert entities["Hama"].acting == ()  # a city that "fell" is not a state acting


def test_run_together_names_and_peoples_do_not_swallow_real_names() -> None:
    syrians = [("Syrian troops moved.", "Syrian/NORP")] * 3
    entities = _entities(
        {
            "a": [
                *syrians,
                ("Joshua Landis Syrian expert said so.", "Joshua Landis Syrian/PERSON"),
                ("Joshua Landis added more.", "Joshua Landis/PERSON"),
                ("Landis said again.", "Landis/PERSON"),
            ],
            "b": [
                ("President Assad Manaf Tlas defected.", "Assad Manaf Tlas/PERSON"),
                ("Manaf Tlas left.", "Manaf Tlas/PERSON"),
                ("Assad spoke.", "Assad/PERSON"),
            ],
        }
    )
    # The run-on span is counted for the person, and never names a page of its own.
    assert {a.text for a in entities["Joshua Landis"].aliases} == {
        "Joshua Landis",
        "Landis",
        "Joshua Landis Syrian",
    }
    assert "Joshua Landis Syrian" not in entities
    assert "Manaf Tlas" in entities and "Assad Manaf Tlas" not in entities
    assert entities["Manaf Tlas"].mention_count == 2


def test_a_swap_across_kinds_is_not_a_typo() -> None:
    iran = [("Iran answered.", "Iran/GPE")] * 5
    entities = _entities({"a": [*iran, ("The agency Irna reported.", "Irna/ORG")]})
    assert {"Iran", "Irna"} <= entities.keys()


def test_alike_names_left_apart_are_proposed_never_merged() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                (
                    "The Syrian Observatory for Human Rights said so.",
                    "Syrian Observatory for Human Rights/ORG",
                ),
                (
                    "The Syrian Observatory of Human Rights agreed.",
                    "Syrian Observatory of Human Rights/ORG",
                ),
                ("Hamas fighters left Hama.", "Hamas/ORG;Hama/GPE"),
                ("Iran and Iraq met.", "Iran/GPE;Iraq/GPE"),
            ]
        }
    )
    briefing = resolve(corpus, extractions, "T")
    assert [(p.first, p.second) for p in briefing.proposals] == [
        ("syrian-observatory-for-human-rights", "syrian-observatory-of-human-rights")
    ]
    assert len(briefing.entities) == 6


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


def test_british_and_american_spellings_of_an_institution_are_one() -> None:
    entities = _entities(
        {
            "a": [
                ("The Gulf Co-operation Council met.", "Gulf Co-operation Council/ORG"),
                ("The Gulf Cooperation Council agreed.", "Gulf Cooperation Council/ORG"),
                (
                    "The Collective Security Treaty Organisation met.",
                    "Collective Security Treaty Organisation/ORG",
                ),
                (
                    "The Collective Security Treaty Organization agreed.",
                    "Collective Security Treaty Organization/ORG",
                ),
            ]
        }
    )
    assert len(entities) == 2


def test_names_run_on_into_a_place_or_an_outlet_are_cut_back() -> None:
    entities = _entities(
        {
            "a": [
                ("Shelling hit Baba Amr.", "Baba Amr/PERSON"),
                ("Baba Amr held.", "Baba Amr/PERSON"),
                ("In Syria, Baba Amr Syria fell.", "Syria/GPE;Baba Amr Syria/PERSON"),
                ("The BBC reported.", "BBC/ORG"),
                ("BBC Moscow said so.", "BBC Moscow/ORG"),
                ("Moscow answered.", "Moscow/GPE"),
                ("Samer Hama spoke.", "Samer Hama/PERSON"),
                ("Samer waved.", "Samer/PERSON"),
                ("Hama fell.", "Hama/GPE"),
                ("Jeremy Bowen reported.", "Jeremy Bowen/PERSON"),
                ("BBC News aired it.", "BBC News/ORG"),
                ("Jeremy Bowen BBC News, Damascus.", "Jeremy Bowen BBC News/PERSON"),
                ("Damascus University closed.", "Damascus University/ORG"),
                ("Damascus was calm.", "Damascus/GPE"),
                ("The University said so.", "University/ORG"),
            ]
        }
    )
    assert not {"Baba Amr Syria", "BBC Moscow", "Jeremy Bowen BBC News"} & entities.keys()
    assert entities["Baba Amr"].mention_count == 3
    assert entities["BBC"].mention_count == 2
    assert {"Samer Hama", "Damascus University"} <= entities.keys()


def test_more_romanisations_of_one_name_merge() -> None:
    entities = _entities(
        {
            "a": [
                ("Hisham Hassan spoke.", "Hisham Hassan/PERSON"),
                ("Jihad Makdissi spoke.", "Jihad Makdissi/PERSON"),
                ("Nasser Judeh spoke.", "Nasser Judeh/PERSON"),
            ],
            "b": [
                ("Hicham Hassan spoke.", "Hicham Hassan/PERSON"),
                ("Jihad Maqdissi spoke.", "Jihad Maqdissi/PERSON"),
                ("Nasser Judah spoke.", "Nasser Judah/PERSON"),
            ],
        }
    )
    assert len(entities) == 3


def test_a_common_word_is_not_a_place_even_if_a_gazetteer_has_it() -> None:
    class Gazetteer(FakeGazetteer):
        def exact(self, name):
            if name == "East":
                return [_city(99, "Eastern Province", "SY", "Syria", 5_000)]
            return super().exact(name)

    entities = _entities(
        {
            "a": [
                ("As far East as Damascus.", "East/LOC;Damascus/GPE"),
                ("Fighting moved east of the city.", ""),
                ("The east was calm.", ""),
            ]
        },
        gazetteer=Gazetteer(),
    )
    assert "East" not in entities and "Damascus" in entities
    assert {a.text for a in entities["Damascus"].aliases} == {"Damascus"}


def test_a_name_run_into_a_common_word_is_the_name() -> None:
    entities = _entities(
        {
            "a": [
                ("Hama fell.", "Hama/GPE"),
                ("Hama Heavy shelling went on.", "Hama Heavy/GPE"),
                ("There was heavy fighting and heavy losses.", ""),
                ("The Arab League met; arab and league are words here: league.", "Arab League/ORG"),
                ("Arab states agreed.", "Arab/NORP"),
            ]
        }
    )
    assert "Hama Heavy" not in entities and entities["Hama"].mention_count == 2
    assert "Arab League" in entities


def test_an_acronym_inside_a_name_is_spelled_out_when_the_corpus_does() -> None:
    entities = _entities(
        {
            "a": [
                ("The United Nations (UN) said so.", "United Nations/ORG"),
                ("The United Nations Security Council met.", "United Nations Security Council/ORG"),
                ("The UN Security Council voted.", "UN Security Council/ORG"),
            ]
        }
    )
    aliases = {a.text for a in entities["United Nations Security Council"].aliases}
    assert aliases == {"United Nations Security Council", "UN Security Council"}


def test_a_w_between_vowels_is_a_romanisation() -> None:
    entities = _entities(
        {
            "a": [("Dawoud Rajiha spoke.", "Dawoud Rajiha/PERSON")],
            "b": [("Daoud Rajiha spoke.", "Daoud Rajiha/PERSON")],
        }
    )
    assert len(entities) == 1


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


def test_an_acronym_from_another_language_is_defined_by_the_text() -> None:
    entities = _entities(
        {
            "a": [
                ("The Democratic Union Party (PYD) took the town.", "Democratic Union Party/ORG"),
                ("The PYD said so.", "PYD/ORG"),
                ("The Syrian Observatory (AP) reported.", "Syrian Observatory/ORG"),
                ("AP said more.", "AP/ORG"),
            ]
        }
    )
    assert {a.text for a in entities["Democratic Union Party"].aliases} == {
        "Democratic Union Party",
        "PYD",
    }
    assert "AP" in entities  # shares no initial with "Syrian Observatory"


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


def test_spellings_with_ay_and_ai_are_one_place_and_initials_must_agree() -> None:
    entities = _entities(
        {
            "a": [("Troops entered Qusayr.", "Qusayr/GPE"), ("Marie spoke.", "Marie/PERSON")],
            "b": [
                ("Troops left Qusair.", "Qusair/GPE"),
                ("Adel al-Omari spoke.", "Adel al-Omari/PERSON"),
            ],
        }
    )
    assert len([e for e in entities.values() if e.group == "place"]) == 1
    assert "Marie" in entities  # "Omari" ends alike but is not her name
