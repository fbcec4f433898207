"""Described actors: "the Syrian army", "government forces", "rebels", "police" become
actors grouped by whose they are. No trained model: parses are built by hand, and
mentions are written as extraction gives them."""

from dataclasses import replace

from spacy.tokens import Doc

from briefing.extract.described import described_spans
from briefing.resolve import resolve
from briefing.resolve.described import Described, read_description
from briefing.resolve.event_roles import statement_roles
from briefing.resolve.event_types import Typed, load_event_types

from .conftest import blank_nlp
from .parsed import parsed
from .test_locate import FakeGazetteer
from .test_resolve import _corpus_and_extractions


def _doc(words, heads, deps, pos, ents=None, spaces=None) -> Doc:
    vocab = blank_nlp().vocab
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)


def test_a_role_noun_heading_its_phrase_is_taken_with_whose_words() -> None:
    doc = _doc(
        ["The", "Syrian", "army", "and", "pro", "-", "government", "troops", "advanced"],
        [2, 2, 8, 2, 6, 6, 7, 2, 8],
        ["det", "amod", "nsubj", "cc", "amod", "punct", "amod", "conj", "ROOT"],
        ["DET", "ADJ", "NOUN", "CCONJ", "ADJ", "PUNCT", "NOUN", "NOUN", "VERB"],
        ["O", "B-NORP", "O", "O", "O", "O", "O", "O", "O"],
        [True, True, True, True, False, False, True, True, False],
    )
    assert [s.text for s in described_spans(doc)] == ["Syrian army", "pro-government troops"]


def test_a_role_noun_that_modifies_or_belongs_to_a_name_is_not_taken() -> None:
    doc = _doc(
        ["HTS", "fighters", "met", "army", "chiefs", "in", "their", "forces", "'", "area"],
        [1, 2, 2, 4, 2, 2, 7, 5, 9, 7],
        ["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "poss", "pobj", "punct", "appos"],
        ["PROPN", "NOUN", "VERB", "NOUN", "NOUN", "ADP", "PRON", "NOUN", "PUNCT", "NOUN"],
        ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert [s.text for s in described_spans(doc)] == []
    unparsed = Doc(blank_nlp().vocab, words=["The", "army", "said"])
    assert list(described_spans(unparsed)) == []  # a head cannot be told from a modifier


def test_a_description_is_read_as_a_role_and_whose_it_is() -> None:
    home = "SY"
    cases = {
        "Syrian army": Described("military", "SY", True),
        "government forces": Described("military", "SY", False),
        "pro-government troops": Described("military", "SY", False),
        "pro-Assad troops": Described("military", "SY", False),
        "pro-Russian militias": Described("militias", "", False, "RU"),
        "Russia's air force": Described("military", "RU", True),
        "Russian air strikes": Described("military", "RU", True),
        "US Navy": Described("navy", "US", True),
        "Turkish security officials": Described("government", "TR", True),
        "the regime": Described("government", "SY", False, bare=True),
        "state media": Described("state media", "SY", False, bare=True),
        "opposition fighters": Described("rebels", "", False),
        "anti-government forces": Described("rebels", "", False),
        "Islamist rebels": Described("rebels", "", False),
        "Kurdish forces": Described("militias", "kurdish", True),
        "Iran-backed militias": Described("militias", "", False, "IR"),
        "Iranian militias": Described("militias", "", False, "IR"),
        "Kurdish-led administration": Described("government", "kurdish", True),
        "civilians": Described("civilians", "", False),
    }
    assert {text: read_description(text, home) for text in cases} == cases
    # Alone, "officials" or "forces" may be anyone's: no actor.
    assert read_description("officials", home) is None
    assert read_description("forces", home) is None
    assert read_description("opposition officials", home) is None
    assert read_description("anti-Houthi forces", home) is None  # against whom, not whose
    # With no country in the story, the police are still one actor.
    assert read_description("police", "") == Described("police", "", False, bare=True)


def _described(articles):
    """Hand-built articles whose "X/DESCRIBED" mentions are described actors."""
    return _corpus_and_extractions(articles)


def test_descriptions_of_one_actor_are_one_entity_linked_to_its_country() -> None:
    corpus, extractions = _described(
        {
            "a": [
                ("The Syrian army advanced.", "Syrian army/DESCRIBED/nsubj"),
                ("Government forces shelled Hama.", "Government forces/DESCRIBED/nsubj;Hama/GPE"),
                ("Fighting in Syria went on.", "Syria/GPE/pobj"),
            ],
            "b": [
                ("Syrian troops and rebels clashed.", "Syrian troops/DESCRIBED;rebels/DESCRIBED"),
                ("Insurgents took Hama.", "Insurgents/DESCRIBED/nsubj;Hama/GPE"),
                ("The rebels held it.", "rebels/DESCRIBED/nsubj"),
                ("Syria said so.", "Syria/GPE/nsubj"),
            ],
        }
    )
    briefing = resolve(corpus, extractions, "T", gazetteer=FakeGazetteer())
    by_name = {e.name: e for e in briefing.entities}
    military = by_name["Syrian army"]  # the phrase naming it with its owner
    assert {a.text for a in military.aliases} == {
        "Syrian army",
        "Government forces",
        "Syrian troops",
    }
    assert military.kind == "military" and military.group == "actor"
    assert military.country == by_name["Syria"].id
    rebels = by_name["Rebels"]  # a side: shown as most often written
    assert {a.text for a in rebels.aliases} == {"rebels", "Insurgents"}
    assert rebels.kind == "armed group" and rebels.country is None


def test_a_country_word_coordinated_with_a_described_actor_describes_one_too() -> None:
    corpus, extractions = _described(
        {
            "a": [
                (
                    "Syrian and Russian warplanes struck Idlib.",
                    "Syrian/NORP/amod;Russian warplanes/DESCRIBED/nsubj",
                ),
                ("Syria and Russia deny it.", "Syria/GPE;Russia/GPE"),
            ]
        }
    )
    briefing = resolve(corpus, extractions, "T", gazetteer=FakeGazetteer())
    by_id = {e.id: e for e in briefing.entities}
    syrian = by_id[briefing.mention_entity[("a", 1, 0)]]  # "Syrian" of "Syrian and ..."
    russian = next(
        e for e in briefing.entities if "Russian warplanes" in {a.text for a in e.aliases}
    )
    assert syrian.kind == russian.kind == "military" and syrian.id != russian.id
    assert by_id[syrian.country or ""].name == "Syria"
    assert "Syrian" not in {a.text for a in syrian.aliases}  # a word of it, not its name


def test_a_capital_that_speaks_stands_for_its_government() -> None:
    text = "Damascus said the talks failed."
    corpus, extractions = _described({"a": [(text, "Damascus/GPE")], "b": [(text, "Damascus/GPE")]})
    said = text.index("said")
    extractions = [
        replace(e, mentions=tuple(replace(m, argument="nsubj", verb=said) for m in e.mentions))
        for e in extractions
    ]
    (entity,) = resolve(corpus, extractions, "T").entities
    assert entity.kind == "government" and entity.name == "Damascus (government)"
    assert [a.text for a in entity.aliases] == ["Damascus"]
    assert any("capital" in rule for rule in entity.rules)


def test_an_organisation_named_only_by_a_country_and_a_role_joins_the_described_actor() -> None:
    corpus, extractions = _described(
        {
            "a": [("The Syrian Army said so.", "Syrian Army/ORG/nsubj")],
            "b": [("The Syrian army said so.", "Syrian army/DESCRIBED/nsubj")],
            "c": [("The Free Syrian Army said so.", "Free Syrian Army/ORG/nsubj")],
        }
    )
    names = sorted(e.name for e in resolve(corpus, extractions, "T").entities)
    assert names == ["Free Syrian Army", "Syrian Army"]


def test_the_subject_of_the_verb_governing_an_event_noun_did_it() -> None:
    types = load_event_types()
    statement = parsed(
        "Russian warplanes carried out strikes on Idlib.",
        [("Russian warplanes", "nsubj", "carried"), ("Idlib", "prep:on", "carried")],
        ["carried"],
    )
    at = statement.text.index("strikes")
    typed = Typed(types[0], "strikes", at, True)
    roles = statement_roles(statement, at, {"idlib"}, typed)
    assert roles == {"russian warplanes": "agent", "idlib": "place"}
    # The subject of a verb before another verb did not do the event.
    reported = parsed(
        "Russia said warplanes carried out strikes.",
        [("Russia", "nsubj", "said")],
        ["said", "carried"],
    )
    at = reported.text.index("strikes")
    assert statement_roles(reported, at, set(), Typed(types[0], "strikes", at, True)) == {
        "russia": "present"
    }


def test_a_place_s_name_and_a_role_is_that_place_s_actor_and_bare_roles_join_it() -> None:
    """ "Damascus Police", tagged a person as the small model may: the police of a place
    the story names; "the police" alone, with no other written, are the same."""
    corpus, extractions = _described(
        {
            "a": [
                ("Damascus Police said the man died.", "Damascus Police/PERSON/nsubj"),
                ("Police closed the road in Damascus.", "Police/DESCRIBED/nsubj;Damascus/GPE"),
            ],
            "b": [("The police said more.", "police/DESCRIBED/nsubj")],
        }
    )
    entities = resolve(corpus, extractions, "T", gazetteer=FakeGazetteer()).entities
    police = [e for e in entities if e.kind == "police"]
    assert [(e.name, {a.text for a in e.aliases}) for e in police] == [
        ("Damascus Police", {"Damascus Police", "Police", "police"})
    ]


def test_a_side_is_linked_to_the_named_group_the_text_says_leads_it() -> None:
    corpus, extractions = _described(
        {
            "a": [
                (
                    "Insurgents led by the Islamist group Hayat Tahrir al-Sham took Hama.",
                    "Insurgents/DESCRIBED/nsubj;Islamist/NORP;Hayat Tahrir al-Sham/ORG;Hama/GPE",
                ),
                (
                    "The rebels advanced, and Hayat Tahrir al-Sham said so.",
                    "rebels/DESCRIBED;Hayat Tahrir al-Sham/ORG",
                ),
            ]
        }
    )
    entities = {e.name: e for e in resolve(corpus, extractions, "T").entities}
    (leader,) = entities["Insurgents"].led_by  # said once: "and ... said" leads nothing
    assert leader.entity == entities["Hayat Tahrir al-Sham"].id and leader.count == 1


def test_a_name_after_pro_is_a_side_but_a_backing_verb_is_no_modifier() -> None:
    doc = _doc(
        [
            "Russia",
            "backed",
            "pro",
            "-",
            "Assad",
            "troops",
            "and",
            "Iran",
            "-",
            "backed",
            "militias",
        ],
        [1, 1, 5, 4, 5, 1, 5, 10, 9, 10, 5],
        [
            "nsubj",
            "ROOT",
            "amod",
            "punct",
            "compound",
            "dobj",
            "cc",
            "npadvmod",
            "punct",
            "amod",
            "conj",
        ],
        [
            "PROPN",
            "VERB",
            "ADJ",
            "PUNCT",
            "PROPN",
            "NOUN",
            "CCONJ",
            "PROPN",
            "PUNCT",
            "VERB",
            "NOUN",
        ],
        ["B-GPE", "O", "O", "O", "B-PERSON", "O", "O", "B-GPE", "O", "O", "O"],
        [True, True, False, False, True, True, True, False, False, True, False],
    )
    assert [s.text for s in described_spans(doc)] == ["pro-Assad troops", "Iran-backed militias"]
