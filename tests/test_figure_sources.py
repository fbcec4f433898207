"""Figure sources: each figure with who gives it, as of when, and whether a party."""

from briefing.records import Citation, Entity, ResolvedQuote
from briefing.resolve.claims import CLAIM_CUES
from briefing.resolve.dating import sentence_dating
from briefing.resolve.figure_sources import figure_claims

from .records import corpus, extraction

SATURDAY = "2024-11-30"
SAID = "At least 242 people were killed, the Observatory said."
PARAGRAPHS = [
    SAID,
    "Twelve soldiers died, state television said.",
    "The toll has risen to 300 since Wednesday.",
    "In 2016, 400 people were killed.",
]


def _said(article: str) -> ResolvedQuote:
    return ResolvedQuote(
        id=f"{article}-q1",
        text="At least 242 people were killed",
        kind="indirect",
        speaker="observatory",
        speaker_text="the Observatory",
        cue="said",
        citation=Citation(article, 1),
        date=SATURDAY,
        start=0,
        end=31,
        speaker_start=33,
        speaker_end=48,
    )


def test_figures_have_their_source_day_party_and_repeats() -> None:
    texts = corpus(
        ("a", "wire", SATURDAY, PARAGRAPHS),
        ("b", "wire", SATURDAY, [SAID]),
        ("c", None, SATURDAY, [SAID]),
    )
    found = [
        extraction("a", PARAGRAPHS, dates={2: ["Wednesday"], 3: ["2016"]}),
        extraction("b", [SAID]),
        extraction("c", [SAID]),
    ]
    observatory = Entity("observatory", "actor", "organisation", "Observatory", (), (), (), 1)
    dating = sentence_dating(texts, found, "DMY")
    claims = figure_claims(
        texts, found, [_said("a"), _said("b")], {"observatory": observatory}, dating, CLAIM_CUES
    )
    by_value = {c.value: c for c in claims}
    assert set(by_value) == {"At least 242", "Twelve", "300"}  # 2016 is history
    toll = by_value["At least 242"]
    assert (toll.source, toll.party, toll.low, toll.high) == ("observatory", False, 242, None)
    assert toll.citations == (Citation("a", 1), Citation("b", 1), Citation("c", 1))
    assert toll.sources == 2 and toll.id == "a-p1-f1"
    soldiers = by_value["Twelve"]
    assert soldiers.source is None and soldiers.reported_by == "outlet a"
    assert soldiers.party and soldiers.claim_cue == "state television said"
    running = by_value["300"]
    assert running.date == SATURDAY and running.date_evidence == "published" and running.running
