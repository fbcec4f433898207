"""Figures: numbers and what they count, scored against a hand-labelled fixture."""

from pathlib import Path

import pytest
import yaml

from briefing.errors import LexiconError
from briefing.resolve.figures import amount, figures, load_topics

FIXTURE = Path(__file__).parent / "fixtures" / "figures" / "sentences.yml"
MIN_PRECISION = 0.9
MIN_RECALL = 0.9


def test_figures_against_the_hand_labelled_fixture() -> None:
    rows = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    found = expected = right = 0
    wrong = []
    for text, labelled in rows:
        want = {(str(v), lo, hi, t, *within) for v, lo, hi, t, *within in labelled}
        got = {
            (f.value, f.low, f.high, f.topic, *([f.within] if f.within else []))
            for f in figures(text)
        }
        found, expected, right = found + len(got), expected + len(want), right + len(got & want)
        if got != want:
            wrong.append((text, sorted(got, key=str), sorted(want, key=str)))
    precision, recall = right / max(found, 1), right / expected
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (precision, recall, wrong)


def test_amounts_written_in_words_and_digits() -> None:
    assert amount("1,000") == 1000
    assert amount("1.5 million") == 1_500_000
    assert amount("twenty-five") == 25
    assert amount("a dozen") == 12
    assert amount("none") is None


def test_parts_and_running_totals() -> None:
    toll, part = figures("The death toll has risen to 242, including 24 civilians.")
    assert (toll.running, part.within, part.topic) == (True, "civilians", "killed")
    (single,) = figures("A strike on the market killed 12 people on Tuesday.")
    assert not single.running


@pytest.mark.e2e
def test_a_figure_on_a_day_without_a_day_page_builds(make_seeds) -> None:
    from briefing.config import Config
    from briefing.pipeline import build

    from .conftest import blank_nlp

    root = make_seeds(
        {
            "a.txt": "Toll rises\n\nThursday, December 5, 2024\n\n"
            "On Tuesday, the death toll rose to 30.\n\nMarlow residents returned home.\n"
        }
    )
    nlp = blank_nlp(
        [{"label": "GPE", "pattern": "Marlow"}, {"label": "DATE", "pattern": "Tuesday"}]
    )
    result = build(Config(root=root), nlp=nlp)  # MkDocs runs strict: no dead link
    (claim,) = result.briefing.claims
    assert (claim.value, claim.date) == ("30", "2024-12-03")
    assert "2024-12-03" not in {d.date for d in result.briefing.days}
    page = (root / "site_src" / "figures" / "killed.md").read_text(encoding="utf-8")
    assert "Tuesday 3 December 2024" in page and "days/2024-12-03.md" not in page


def test_the_topics_file_is_read_in_order(tmp_path: Path) -> None:
    path = tmp_path / "figures.yml"
    path.write_text("killed:\n  after: [dead]\n  before:\ndistance:\n  unit: true\n")
    killed, distance = load_topics(path)
    assert (killed.key, killed.label, killed.after, killed.before) == (
        "killed",
        "killed",
        ("dead",),
        (),
    )
    assert distance.unit and not distance.weak


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("killed:\n  after: dead\n", "killed.after"),
        ("killed:\n  weak: sometimes\n", "killed.weak"),
        ("killed:\n  after: [dead, yes]\n", "killed.after"),
        ("killed:\n  words: [dead]\n", "killed.words"),
        ("killed: dead\n", "killed"),
    ],
)
def test_a_malformed_topics_file_names_the_file_and_the_key(
    tmp_path: Path, written: str, names: str
) -> None:
    path = tmp_path / "figures.yml"
    path.write_text(written)
    with pytest.raises(LexiconError) as error:
        load_topics(path)
    assert str(path) in str(error.value) and names in str(error.value)
