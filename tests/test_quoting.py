"""Quoted spans, shared by quote extraction and event typing (no model needed)."""

from briefing.quoting import quote_spans, quoted_runs
from briefing.resolve.event_types import event_type, is_quoting


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_curly_marks_nest_and_an_open_quote_runs_to_the_end() -> None:
    assert _quoted("He said “they call it “hell” here” today.") == ["they call it “hell” here"]
    (run,) = quoted_runs("“We will fight on, he said")
    assert not run.closed and run.end == len("“We will fight on, he said")


def test_apostrophes_are_not_quotation_marks() -> None:
    assert _quoted("The detainees' families don't know.") == []
    assert _quoted("Officials called it 'a massacre' on Monday.") == ["a massacre"]


def test_event_words_inside_quotation_marks_do_not_type_the_sentence() -> None:
    assert event_type("Rebels captured the town.") is not None
    assert event_type("“Rebels captured the town,” a resident said.") is None
    assert is_quoting("“We are here,” he said.") and not is_quoting("He left.")
