from pathlib import Path

import pytest
import yaml

from briefing.dates import parse_written_date
from briefing.records import Article, ArticleExtraction, Corpus, DateMention, Paragraph, Sentence
from briefing.resolve.dating import anchor, date_paragraph, date_sentence, sentence_dating

SUNDAY = "2024-12-01"
FIXTURES = Path(__file__).parent / "fixtures" / "events"
MIN_ANCHORING_ACCURACY = 0.9


@pytest.fixture
def make_extraction():
    """One article published on SUNDAY, one sentence; each date expression with what
    the parse attaches it to."""

    def make(text: str, attaches: dict[str, str]) -> tuple[Corpus, ArticleExtraction]:
        article = Article("a", "a.txt", "t", (Paragraph(1, text),), "h", published=SUNDAY)
        dates = tuple(DateMention("a", 1, 0, e, attaches=a) for e, a in attaches.items())
        sentence = Sentence("a", 1, 0, 0, len(text), text)
        return Corpus((article,), ()), ArticleExtraction("a", (sentence,), (), dates, ())

    return make


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sunday, December 01, 2024", "2024-12-01"),
        ("November 30, 2024", "2024-11-30"),
        ("30 November 2024", "2024-11-30"),
        ("on Nov. 3, 2023 the", "2023-11-03"),
        ("2024-02-29", "2024-02-29"),
        ("2023-02-29", None),
        ("no date here", None),
    ],
)
def test_written_dates(text: str, expected: str | None) -> None:
    assert parse_written_date(text) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Saturday", "2024-11-30"),
        ("Wednesday", "2024-11-27"),
        ("Sunday", SUNDAY),
        ("late Sunday", SUNDAY),
        ("yesterday", "2024-11-30"),
        ("today", SUNDAY),
        ("November 27", "2024-11-27"),
        ("last week", None),
        ("2016", None),
        ("more than a decade", None),
        ("Saturday evening", "2024-11-30"),
    ],
)
def test_relative_expressions_are_anchored_to_publication(
    expression: str, expected: str | None
) -> None:
    assert anchor(expression, SUNDAY) == expected


def test_relative_expression_without_publication_date_is_unknown() -> None:
    assert anchor("Saturday", None) is None


def test_sentence_dating_prefers_own_date_then_publication() -> None:
    assert date_sentence(["Saturday"], SUNDAY) == ("2024-11-30", "Saturday", None)
    assert date_sentence([], SUNDAY) == (SUNDAY, "published", None)
    assert date_sentence(["last week"], SUNDAY) == (None, None, None)
    assert date_sentence([], None) == (None, None, None)


def test_background_is_dated_to_its_year_and_has_no_day() -> None:
    assert date_sentence(["2016"], SUNDAY) == (None, "2016", "2016")
    assert date_sentence(["the 2016 battle"], SUNDAY).background == "2016"
    assert date_sentence(["15 March 2011"], SUNDAY) == (None, "15 March 2011", "2011")
    # the story's own year names no day of it (nor the past: "by the end of 2024")
    assert date_sentence(["in 2024"], SUNDAY) == (None, None, None)


def test_a_year_in_passing_does_not_date_the_sentence() -> None:
    """ "..., which were centres of the 2011 protests that spiralled into more than a
    decade of conflict": the parse puts both expressions inside noun phrases, so the
    sentence is dated by its article, not filed under 2011."""
    text = "Fighters said they have taken towns which were centres of the 2011 protests."
    passing = {"2011", "more than a decade"}
    dated = date_sentence(["2011", "more than a decade"], SUNDAY, text=text, passing=passing)
    assert dated == (SUNDAY, "published", None)
    # the same year dating the verb makes it background
    assert date_sentence(["2011"], SUNDAY, text=text).background == "2011"
    # a story day named in passing still dates it; a day long past named so does not
    assert date_sentence(["Saturday"], SUNDAY, passing={"Saturday"}).day == "2024-11-30"
    dated = date_sentence(["15 March 2011"], SUNDAY, passing={"15 March 2011"})
    assert dated == (SUNDAY, "published", None)


def test_the_parse_puts_a_date_in_passing(make_extraction) -> None:
    """Hand-built extraction: the date mention the parse attaches to a noun."""
    corpus, found = make_extraction(
        "Rebels took Saraqeb, a centre of the 2011 protests.", {"2011": "noun"}
    )
    assert sentence_dating(corpus, [found], "DMY")[("a", 0)] == (SUNDAY, "published", None)
    corpus, found = make_extraction("Protests erupted in 2011.", {"2011": "verb"})
    assert sentence_dating(corpus, [found], "DMY")[("a", 0)].background == "2011"


@pytest.mark.parametrize(
    "expression", ["7:26 pm EDT", "1500 GMT", "3 p.m.", "the past 24 hours", "noon"]
)
def test_a_clock_time_is_no_evidence_of_a_day(expression: str) -> None:
    assert date_sentence([expression], SUNDAY) == (SUNDAY, "published", None)
    # nor the context of a shift after it
    after = date_paragraph(
        [([expression], "Jets struck."), (["the next day"], "More came.")], SUNDAY
    )
    assert after[1].day is None


def test_a_time_stamp_dates_no_day_but_publication() -> None:
    stamp = "Sat Mar 19, 2011 3:50 pm EDT"
    assert date_sentence([stamp], "2011-03-20") == ("2011-03-20", "published", None)
    posted = "March 1, 2011 at 6:19 pm"  # a reader's comment, stamped
    assert date_sentence([posted], "2011-03-03") == ("2011-03-03", "published", None)
    # a stamp the tagger cut in two: a year with the clock time after it in the text
    text = "GENEVA | Tue Apr 26, 2010 10:37 am EDT GENEVA (Reuters) - Talks resumed."
    dated = date_sentence(["26, 2010", "10:37 am EDT"], "2011-04-26", text=text)
    assert dated == ("2011-04-26", "published", None)
    # a day with a clock time in running text is that day
    assert date_sentence(["Saturday at 3 p.m."], SUNDAY).day == "2024-11-30"
    assert date_sentence(["3 a.m. on 29 November 2024"], SUNDAY).day == "2024-11-29"


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("The conflict has displaced more than half of the population.", ""),
        ("This conflict, in which 300,000 were killed, was savage.", ""),
        ("The country's civil war, which began in 2011, has killed many.", "2011"),
        ("The fighting has displaced more than a third of the region's population.", ""),
    ],
)
def test_the_conflict_as_a_whole_is_background(text: str, background: str) -> None:
    passing = {"2011"}
    expressions = ["2011"] if "2011" in text else []
    dated = date_sentence(expressions, SUNDAY, text=text, passing=passing)
    assert dated.day is None and dated.background == background


@pytest.mark.parametrize(
    "text",
    [
        "The war monitor said 20 people were killed.",  # a compound, not the war
        "The latest war has killed 20 people.",  # a phase of it
        "Rebels have seized half of the city.",  # no population
    ],
)
def test_a_sentence_of_the_day_is_no_background(text: str) -> None:
    assert date_sentence([], SUNDAY, text=text) == (SUNDAY, "published", None)
    # and a whole-conflict subject with a day of its own is that day's
    text = "The war entered a new phase on Saturday."
    assert date_sentence(["Saturday"], SUNDAY, text=text).day == "2024-11-30"


def test_shifts_count_from_the_day_the_paragraph_named() -> None:
    assert date_sentence(["A day earlier"], SUNDAY, context="2024-11-27").day == "2024-11-26"
    assert date_sentence(["A day earlier"], SUNDAY).day == "2024-11-30"
    assert date_sentence(["the next day"], SUNDAY, context="2024-11-27").day == "2024-11-28"
    assert date_sentence(["the next day"], SUNDAY).day is None  # the future of what?
    assert date_sentence(["two days ago"], SUNDAY, context="2024-11-20").day == "2024-11-29"


def test_phrases_the_tagger_misses_are_found_in_the_text() -> None:
    dated = date_sentence([], SUNDAY, text="Jets struck the city overnight, residents said.")
    assert dated == ("2024-11-30", "overnight", None)
    dated = date_sentence([], SUNDAY, context="2024-11-28", text="The previous day, rebels fled.")
    assert dated == ("2024-11-27", "The previous day", None)


def test_anchoring_near_the_calendar_limits_does_not_crash() -> None:
    assert anchor("yesterday", "0001-01-01") is None
    assert anchor("Saturday", "0001-01-01") is None


def test_date_anchoring_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load((FIXTURES / "anchoring.yml").read_text(encoding="utf-8"))
    right = [anchor(str(e), str(p)) == (str(w) if w else None) for e, p, w in rows]
    assert sum(right) / len(rows) >= MIN_ANCHORING_ACCURACY, [
        r for r, ok in zip(rows, right, strict=True) if not ok
    ]


def test_paragraph_dating_against_the_hand_labelled_fixture() -> None:
    """Shifts count from a day named earlier in the paragraph; background keeps its year."""
    rows = yaml.safe_load((FIXTURES / "paragraphs.yml").read_text(encoding="utf-8"))
    total, wrong = 0, []
    for paragraph in rows:
        published = str(paragraph["published"])
        sentences = [([str(e) for e in exprs], text) for exprs, text, _ in paragraph["sentences"]]
        for (_, text, want), got in zip(
            paragraph["sentences"], date_paragraph(sentences, published), strict=True
        ):
            total += 1
            label = f"background {got.background}" if got.background else got.day
            if label != (str(want) if want else None):
                wrong.append((text, label, want))
    assert 1 - len(wrong) / total >= MIN_ANCHORING_ACCURACY, wrong
