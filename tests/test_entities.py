"""Entities: ids, names, roles, states that act, and names found again. No trained model is
needed: the mentions are written by hand, as the tagger would give them."""

from dataclasses import replace

from briefing.resolve import resolve
from briefing.textutil import unique_id

from .test_locate import FakeGazetteer
from .test_resolve import _corpus_and_extractions, _entities


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


def test_roles_are_gathered_without_courtesy_titles() -> None:

    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Foreign Minister Ada Obi spoke.", "Ada Obi/PERSON"),
                ("Mr Obi left.", "Obi/PERSON"),
            ]
        }
    )
    mentions = extractions[0].mentions
    with_roles = (replace(mentions[0], role="Foreign Minister"), replace(mentions[1], role="Mr"))
    extractions = [replace(extractions[0], mentions=with_roles)]
    (entity,) = resolve(corpus, extractions, "T").entities
    assert [(r.text, r.count) for r in entity.roles] == [("Foreign Minister", 1)]


def test_names_the_tagger_missed_are_found_again() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Rebels entered Kafr Nabl on Monday.", "Kafr Nabl/GPE"),
                ("Kafr Nabl was shelled later.", "Kafr Nabl/GPE"),
                ("Troops left Kafr Nabl and the Kafr Nabl Road.", ""),
            ]
        }
    )
    briefing = resolve(corpus, extractions, "T")
    (place,) = briefing.entities
    assert place.mention_count == 3  # the whole name, not the one inside "Kafr Nabl Road"
    last = briefing.statements[-1]
    assert last.entities == (place.id,) and last.text.startswith("Troops")


def test_ids_are_unique_slugs_and_never_a_reserved_page() -> None:
    taken = {"index"}
    assert [unique_id(b, taken) for b in ("assad", "assad", "index", "assad")] == [
        "assad",
        "assad-2",
        "index-2",
        "assad-3",
    ]
    entities = _entities(
        {
            "a": [
                ("Index spoke.", "Index/PERSON"),
                ("Hama-Homs and Hama Homs met.", "Hama-Homs/ORG;Hama Homs/PERSON"),
            ]
        }
    )
    assert entities["Index"].id == "index-2"
