from briefing.records import Article, ArticleExtraction, Corpus, Mention, Paragraph, Quote, Sentence
from briefing.resolve import resolve
from briefing.textutil import sha256


def _corpus_and_extractions(articles: dict[str, list[tuple[str, str]]], published="2024-12-01"):
    """Build one-sentence-per-paragraph articles whose mentions are (text, label)."""
    built, extractions = [], []
    for article_id, paragraphs in articles.items():
        paras, sentences, mentions = [], [], []
        for index, (text, _) in enumerate(paragraphs, start=1):
            paras.append(Paragraph(index, text))
            sentences.append(Sentence(article_id, index, index - 1, 0, len(text), text))
        for index, (text, spec) in enumerate(paragraphs, start=1):
            for part in filter(None, spec.split(";")):
                # "surface/LABEL", optionally "/syntax" and "/role as written"
                surface, label, *more = part.split("/")
                start = text.index(surface)
                mentions.append(
                    Mention(
                        article_id,
                        index,
                        index - 1,
                        start,
                        start + len(surface),
                        surface,
                        label,
                        role=more[1] if len(more) > 1 else None,
                        syntax=more[0] if more else "",
                    )
                )
        built.append(
            Article(
                article_id,
                f"{article_id}.txt",
                "t",
                tuple(paras),
                sha256(article_id),
                published=published,
            )
        )
        extractions.append(ArticleExtraction(article_id, tuple(sentences), tuple(mentions), (), ()))
    return Corpus(tuple(built), ()), extractions


def _entities(articles, **kwargs):
    """Entities by name, resolved from hand-built articles (see above)."""
    corpus, extractions = _corpus_and_extractions(articles)
    return {e.name: e for e in resolve(corpus, extractions, "T", **kwargs).entities}


def _names(briefing) -> dict[str, tuple[str, set[str]]]:
    return {e.name: (e.group, {a.text for a in e.aliases}) for e in briefing.entities}


def test_variants_merge_and_kind_follows_the_majority() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Hayat Tahrir al-Sham (HTS) took the city.", "Hayat Tahrir al-Sham/ORG"),
                ("HTS fighters entered Idlib.", "HTS/ORG;Idlib/GPE"),
                ("Hayat Tahrir Al Sham said so.", "Hayat Tahrir Al Sham/PERSON"),
                ("Idlib fell.", "Idlib/ORG"),
                ("Idlib province was calm.", "Idlib province/GPE"),
            ]
        }
    )
    groups = sorted(_names(resolve(corpus, extractions, "T")).values(), key=lambda g: g[0])
    assert groups == [
        ("actor", {"Hayat Tahrir al-Sham", "HTS", "Hayat Tahrir Al Sham"}),
        ("place", {"Idlib", "Idlib province"}),
    ]


def test_statements_merge_verbatim_repeats_and_are_dated() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [("Rebels entered Hama on Saturday.", "Hama/GPE")],
            "b": [
                ("Rebels entered Hama on Saturday.", "Hama/GPE"),
                ("Talks began in 2016 in Geneva.", "Geneva/GPE"),
            ],
        }
    )
    extractions = [
        ArticleExtraction(
            e.article_id,
            e.sentences,
            e.mentions,
            tuple(
                __import__("briefing.records").records.DateMention(
                    e.article_id, s.paragraph, s.index, word
                )
                for s in e.sentences
                for word in ("Saturday", "2016")
                if word in s.text
            ),
            (),
        )
        for e in extractions
    ]
    briefing = resolve(corpus, extractions, "T")
    statements = {s.text: s for s in briefing.statements}
    hama = statements["Rebels entered Hama on Saturday."]
    assert [c.article_id for c in hama.citations] == ["a", "b"]
    assert (hama.date, hama.date_evidence) == ("2024-11-30", "Saturday")
    assert statements["Talks began in 2016 in Geneva."].date is None
    assert [d.date for d in briefing.days] == ["2024-11-30", "2024-12-01"]
    assert briefing.days[0].statements == (hama,)


def test_pronoun_speaker_resolves_to_the_last_person_named() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Ada Obi arrived in Lagos.", "Ada Obi/PERSON;Lagos/GPE"),
                ("“We stay,” she said.", ""),
            ]
        }
    )
    quote = Quote("a", 2, 1, "We stay", "direct", "she", "said", 1, 8, 10, 13, 2)
    extractions = [
        ArticleExtraction("a", extractions[0].sentences, extractions[0].mentions, (), (quote,))
    ]
    briefing = resolve(corpus, extractions, "T")
    (resolved,) = briefing.quotes
    assert resolved.speaker == next(e.id for e in briefing.entities if e.name == "Ada Obi")
    assert (resolved.speaker_text, resolved.speaker_found) == ("she", "pronoun")


def test_a_description_is_tied_only_to_an_entity_introduced_with_it() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                (
                    "Obi Ltd, a shipping company, and the Lagos Port Authority met.",
                    "Obi Ltd/ORG;Lagos Port Authority/ORG",
                ),
                ("“We stay,” the company said.", ""),
                ("“We go,” the official said.", ""),
            ]
        }
    )
    quotes = (
        Quote("a", 2, 1, "We stay", "direct", "the company", "said", 1, 8, 10, 21, 2),
        Quote("a", 3, 2, "We go", "direct", "the official", "said", 1, 6, 8, 20, 3),
    )
    extractions = [
        ArticleExtraction("a", extractions[0].sentences, extractions[0].mentions, (), quotes)
    ]
    company, official = resolve(corpus, extractions, "T").quotes
    assert (company.speaker, company.speaker_found) == ("obi-ltd", "description")
    assert (official.speaker, official.speaker_text) == (None, "the official")  # never guessed


def test_claims_are_marked_with_their_cue() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("State TV claimed troops retook Hama.", "Hama/GPE"),
                ("Rebels entered Hama, without providing evidence.", "Hama/GPE"),
                ("Rain fell in Hama.", "Hama/GPE"),
                ("State media reported four deaths in Hama.", "Hama/GPE"),
            ]
        }
    )
    cues = {s.text: s.claim_cue for s in resolve(corpus, extractions, "T").statements}
    assert cues == {
        # A party's own media is a claim, and the cue says whose.
        "State TV claimed troops retook Hama.": "State TV claimed",
        "State media reported four deaths in Hama.": "State media reported",
        "Rebels entered Hama, without providing evidence.": "without providing evidence",
        "Rain fell in Hama.": None,
    }


def test_rewrites_count_once_as_sources() -> None:
    from dataclasses import replace

    corpus, extractions = _corpus_and_extractions(
        {
            "a": [("Rebels entered Hama.", "Hama/GPE")],
            "b": [("Rebels entered Hama.", "Hama/GPE")],
            "c": [("Rebels entered Hama.", "Hama/GPE")],
        }
    )
    families = {"a": "a", "b": "a", "c": "c"}  # b rewrites a; c is independent
    corpus = replace(
        corpus, articles=tuple(replace(a, family=families[a.id]) for a in corpus.articles)
    )
    (statement,) = resolve(corpus, extractions, "T").statements
    assert len(statement.citations) == 3 and statement.sources == 2


def test_a_figure_is_given_by_the_speaker_of_the_words_holding_it() -> None:
    monitor = "At least 242 people were killed since Wednesday, the Syrian Observatory said."
    state = "Syrian state television claimed the army had killed nearly 1,000 insurgents."
    plain = "A strike on the market killed 12 people."
    corpus, extractions = _corpus_and_extractions(
        {"a": [(monitor, "Syrian Observatory/ORG"), (state, ""), (plain, "")]}
    )
    said = monitor.index("the Syrian")
    quotes = (
        Quote("a", 1, 0, monitor[:47], "indirect", "the Syrian Observatory", "said",
              0, 47, said, said + 22, 1),
        Quote("a", 2, 1, state[31:-1], "indirect", "Syrian state television", "claimed",
              31, len(state) - 1, 0, 23, 2),
    )  # fmt: skip
    extractions = [
        ArticleExtraction("a", extractions[0].sentences, extractions[0].mentions, (), quotes)
    ]
    claims = {c.value: c for c in resolve(corpus, extractions, "T").claims}
    toll, claimed, incident = claims["At least 242"], claims["nearly 1,000"], claims["12"]
    assert (toll.source, toll.party, toll.claim_cue, toll.running) == (
        "syrian-observatory",
        False,
        None,
        True,
    )
    assert toll.date == "2024-12-01"  # as of publication, not "since Wednesday"
    assert (claimed.source, claimed.source_text, claimed.party) == (
        None,
        "Syrian state television",
        True,
    )
    assert claimed.claim_cue and (claimed.low, claimed.high) == (None, 1000)
    assert (incident.source, incident.source_text, incident.running) == (None, None, False)


def test_she_does_not_stand_for_a_man_the_corpus_calls_he() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("Ada Obi arrived in Lagos.", "Ada Obi/PERSON;Lagos/GPE"),
                ("John Eze greeted the crowd.", "John Eze/PERSON/nsubj"),
                ("“We stay,” she said.", ""),
            ],
            "b": [
                ("John Eze spoke first.", "John Eze/PERSON"),
                ("He left early.", ""),
                ("Ada Obi came later.", "Ada Obi/PERSON"),
                ("She stayed.", ""),
            ],
        }
    )
    quote = Quote("a", 3, 2, "We stay", "direct", "she", "said", 1, 8, 10, 13, 3)
    extractions = [
        ArticleExtraction("a", extractions[0].sentences, extractions[0].mentions, (), (quote,)),
        extractions[1],
    ]
    (resolved,) = resolve(corpus, extractions, "T").quotes
    assert resolved.speaker == "ada-obi"  # not John Eze, named last and as a subject


def test_he_after_an_unnamed_speaker_is_left_as_written() -> None:
    corpus, extractions = _corpus_and_extractions(
        {
            "a": [
                ("John Eze met envoys.", "John Eze/PERSON/nsubj"),
                ("A Western diplomat said talks failed.", ""),
                ("“We will try again,” he added.", ""),
            ]
        }
    )
    quotes = (
        Quote("a", 2, 1, "talks failed", "indirect", "A Western diplomat", "said",
              24, 36, 0, 18, 2),
        Quote("a", 3, 2, "We will try again", "direct", "he", "added", 1, 18, 21, 23, 3),
    )  # fmt: skip
    extractions = [
        ArticleExtraction("a", extractions[0].sentences, extractions[0].mentions, (), quotes)
    ]
    diplomat, again = resolve(corpus, extractions, "T").quotes
    assert diplomat.speaker is None and again.speaker is None  # not John Eze
