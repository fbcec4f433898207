"""Grouping: normalised names, run-on names, short names and spellings. No trained model is
needed: the mentions are written by hand, as the tagger would give them."""

from briefing.resolve import resolve

from .test_resolve import _corpus_and_extractions, _entities


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


def test_a_w_between_vowels_is_a_romanisation() -> None:
    entities = _entities(
        {
            "a": [("Dawoud Rajiha spoke.", "Dawoud Rajiha/PERSON")],
            "b": [("Daoud Rajiha spoke.", "Daoud Rajiha/PERSON")],
        }
    )
    assert len(entities) == 1


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


def test_short_name_joins_the_only_full_name_in_its_article() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Bashar al-Assad spoke.", "Bashar al-Assad/PERSON"),
                ("Assad left.", "Assad/PERSON"),
            ],
            "b": [
                ("Bassel al-Assad died.", "Bassel al-Assad/PERSON"),
                ("Bashar al-Assad mourned.", "Bashar al-Assad/PERSON"),
                ("Assad wept.", "Assad/PERSON"),
            ],
        }
    )
    briefing = resolve(corpus, extractions, "T")
    by_name = {e.name: e for e in briefing.entities}
    assert {a.text for a in by_name["Bashar al-Assad"].aliases} == {"Bashar al-Assad", "Assad"}
    assert by_name["Bashar al-Assad"].mention_count == 3  # "Assad" in article b stays apart
    assert by_name["Assad"].articles == ("b",)
    assert any("short name" in rule for rule in by_name["Bashar al-Assad"].rules)


def test_a_place_name_is_not_taken_as_a_surname() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Samer Hama spoke.", "Samer Hama/PERSON"),
                ("Fighting reached Hama.", "Hama/GPE"),
                ("Hama fell.", "Hama/ORG"),
            ]
        }
    )
    names = {e.name: e.mention_count for e in resolve(corpus, extractions, "T").entities}
    assert names == {"Samer Hama": 1, "Hama": 2}
