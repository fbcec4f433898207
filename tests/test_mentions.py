"""Mentions: the tagger's names repaired, trimmed, rejected, and tied to their verb."""

from spacy.tokens import Doc

from briefing.extract import extract
from briefing.extract.mentions import argument, verb_of

from .conftest import blank_nlp
from .test_extract import _article


def test_mentions_are_cleaned_and_junk_rejected() -> None:
    nlp = blank_nlp(
        [
            {"label": "PERSON", "pattern": [{"LOWER": "the"}, {"TEXT": "Mayor"}]},
            {"label": "GPE", "pattern": "Lagos"},
            {"label": "ORG", "pattern": "FRANCE 24"},
            {"label": "PERSON", "pattern": [{"TEXT": "pro"}, {"TEXT": "-"}, {"TEXT": "Smith"}]},
            {"label": "PERSON", "pattern": [{"TEXT": "Ada"}, {"TEXT": "Obi"}, {"TEXT": "'s"}]},
        ]
    )
    article = _article("a", "Ada Obi's office in Lagos said pro-Smith groups met. © FRANCE 24")
    (result,) = extract([article], nlp, "blank")
    found = sorted((m.text, m.label) for m in result.mentions)
    assert found == [("Ada Obi", "PERSON"), ("Lagos", "GPE")]
    mention = next(m for m in result.mentions if m.text == "Lagos")
    assert article.paragraphs[0].text[mention.start : mention.end] == "Lagos"


def test_spans_running_past_a_name_are_trimmed() -> None:
    nlp = blank_nlp(
        [
            {"label": "PERSON", "pattern": "Herman Van Rompuy EU"},
            {"label": "PERSON", "pattern": "Zaman While"},
            {"label": "PERSON", "pattern": "Abdullah II"},
            {"label": "ORG", "pattern": "Arab League” End Quote"},
        ]
    )
    article = _article(
        "a", "Herman Van Rompuy EU met Abdullah II. Zaman While came. Arab League” End Quote here."
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted(m.text for m in result.mentions) == ["Abdullah II", "Herman Van Rompuy", "Zaman"]


def test_institutions_cut_at_for_are_joined_and_broadcasters_are_not_countries() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "United Nations Office"},
            {"label": "ORG", "pattern": "Coordination of Humanitarian Affairs"},
            {"label": "GPE", "pattern": "FRANCE"},
            {"label": "GPE", "pattern": "Syria"},
        ]
    )
    article = _article(
        "a",
        "The United Nations Office for the Coordination of Humanitarian Affairs said so. "
        "Video by FRANCE 24. Syria 2011 was different.",
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted((m.text, m.label) for m in result.mentions) == [
        ("FRANCE 24", "ORG"),
        ("Syria", "GPE"),  # a year is not part of a name
        ("United Nations Office for the Coordination of Humanitarian Affairs", "ORG"),
    ]


def test_a_ship_s_prefix_is_part_of_its_name_and_its_kind_is_not() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "INS"},
            {"label": "GPE", "pattern": "Tarang"},
            {"label": "PERSON", "pattern": "Frigate HMS Kestrel"},
            {"label": "GPE", "pattern": "Orla"},
        ]
    )
    article = _article(
        "a", "INS Tarang sailed. Frigate HMS Kestrel Docks. The crew of USS Orla waved."
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted((m.text, m.label) for m in result.mentions) == [
        ("HMS Kestrel", "PERSON"),
        ("INS Tarang", "GPE"),  # the tagger's label for the name; resolve reads the ship
        ("USS Orla", "GPE"),
    ]


def test_coordinations_and_inner_modifiers_are_not_names() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "Uighurs and Uzbeks"},
            {"label": "ORG", "pattern": "New Lines Institute for Strategy and Policy"},
            {"label": "GPE", "pattern": "Bosnia and Herzegovina"},
            {"label": "ORG", "pattern": "Target Pro-Assad"},
            {"label": "PERSON", "pattern": "Smith and Jones"},
        ]
    )
    article = _article(
        "a",
        "Uighurs and Uzbeks fought. The New Lines Institute for Strategy and Policy said "
        "Bosnia and Herzegovina agreed. Strikes Target Pro-Assad forces. Smith and Jones met.",
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted(m.text for m in result.mentions) == [
        "Bosnia and Herzegovina",
        "New Lines Institute for Strategy and Policy",
    ]


def test_names_end_at_a_comma_or_a_spaced_dash() -> None:
    nlp = blank_nlp(
        [
            {"label": "PERSON", "pattern": "Baba Amr, Inshaat"},
            {"label": "PERSON", "pattern": "Kofi Annan - Syrian"},
            {"label": "ORG", "pattern": "` Free Syrian Army"},
            {"label": "PERSON", "pattern": "Jean-Pierre Lacroix"},
        ]
    )
    article = _article(
        "a",
        "Baba Amr, Inshaat fell. Kofi Annan - Syrian talks. ` Free Syrian Army said Jean-Pierre Lacroix.",
    )
    (result,) = extract([article], nlp, "blank")
    assert sorted(m.text for m in result.mentions) == [
        "Baba Amr",
        "Free Syrian Army",
        "Jean-Pierre Lacroix",
        "Kofi Annan",
    ]


def test_a_place_before_a_day_of_the_month_is_a_dateline_not_a_broadcaster() -> None:
    nlp = blank_nlp([{"label": "GPE", "pattern": "Damascus"}])
    (result,) = extract([_article("a", "Damascus 10 July: shelling went on.")], nlp, "blank")
    assert [(m.text, m.label) for m in result.mentions] == [("Damascus", "GPE")]


def test_time_stamps_and_a_next_sentences_article_are_not_names() -> None:
    nlp = blank_nlp(
        [
            {"label": "ORG", "pattern": "04:27 GMT Help"},
            {"label": "GPE", "pattern": "Houla A"},
            {"label": "ORG", "pattern": "GMT Help"},
        ]
    )
    article = _article("a", "04:27 GMT Help scores. In Houla A UN official spoke. GMT Help.")
    (result,) = extract([article], nlp, "blank")
    assert [m.text for m in result.mentions] == ["Houla"]


def test_arguments_follow_the_parse_through_phrases_to_the_verb() -> None:
    """Relations are read from the parse (built by hand here, no model): the name in
    "HTS fighters" stands for the subject; "the town of Saraqib" for the object; a
    by-phrase is a passive's agent; a headline with no verb ends the climb."""
    vocab = blank_nlp().vocab
    words = ["HTS", "fighters", "seized", "the", "town", "of", "Saraqib", "."]
    doc = Doc(
        vocab,
        words=words,
        heads=[1, 2, 2, 4, 2, 4, 5, 2],
        deps=["compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    seized = doc[2].idx
    assert argument(doc[0:1]) == {"argument": "nsubj", "verb": seized}
    assert argument(doc[6:7]) == {"argument": "dobj", "verb": seized}
    passive = Doc(
        vocab,
        words=["Homs", "was", "shelled", "by", "Russia"],
        heads=[2, 2, 2, 2, 3],
        deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj"],
        pos=["PROPN", "AUX", "VERB", "ADP", "PROPN"],
    )
    assert argument(passive[4:5])["argument"] == "agent"
    headline = Doc(
        vocab,
        words=["Aleppo", ":", "Rebels", "advance"],
        heads=[0, 0, 3, 0],
        deps=["ROOT", "punct", "compound", "appos"],
        pos=["PROPN", "PUNCT", "NOUN", "NOUN"],
    )
    assert verb_of(headline[2]) == -1  # climbs to a root that is no verb, and stops


def test_a_nickname_inside_a_person_s_name_is_kept_but_a_quote_is_no_name() -> None:
    """A nickname is capitalised words in quotes between names; lower-case quoted words
    after a name are a quote, and the span no name."""
    nickname = [{"TEXT": "Vincent"}, {"TEXT": '"'}, {"TEXT": "The"}, {"TEXT": "Chin"}]
    nickname += [{"TEXT": '"'}, {"TEXT": "Gigante"}]
    quote = [{"TEXT": "Ada"}, {"TEXT": '"'}, {"TEXT": "we"}, {"TEXT": "left"}, {"TEXT": '"'}]
    nlp = blank_nlp([{"label": "PERSON", "pattern": p} for p in (nickname, quote)])
    article = _article("a", 'Vincent "The Chin" Gigante died. Ada "we left" said.')
    (result,) = extract([article], nlp, "blank")
    assert [(m.text, m.label) for m in result.mentions] == [
        ('Vincent "The Chin" Gigante', "PERSON")
    ]


def test_a_credit_mark_just_before_a_name_is_read_from_the_tokens_before_it() -> None:
    """A name with "©" in the three characters before it is a photo credit, not a
    mention; those characters are read from the few tokens before the name (each holds
    one at least), as the doc's whole text would give them, not by joining that text
    for every name (issue 17: linear time)."""
    from briefing.extract.mentions import _is_junk

    nlp = blank_nlp()
    for text in ("©Ada Obi", "© Ada Obi", "(© Ada Obi", "©   Ada Obi", "© x Ada Obi", "Ada Obi"):
        doc = nlp(text)
        start = next(t.i for t in doc if t.text == "Ada")
        span = doc[start : start + 2]
        credited = "©" in doc.text[max(span.start_char - 3, 0) : span.start_char]
        assert _is_junk(span, "PERSON", 6) is credited, text
    assert _is_junk(nlp("© Ada Obi")[1:3], "PERSON", 6)
    assert not _is_junk(nlp("©  x Ada Obi")[3:5], "PERSON", 6)
