import re

from briefing.textutil import counted, escape_markdown, figure_phrase, slugify


def test_slugs_are_safe_file_names() -> None:
    for text in ["../../etc/passwd", "Saraqéb", "CON", "a/b\\c", "", "   ", "نص عربي", "x" * 300]:
        slug = slugify(text)
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", slug), (text, slug)
    assert slugify("Saraqéb") == "saraqeb"
    assert slugify("نص عربي") != slugify("中文")


def test_escaped_text_has_no_markup_characters() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} {% raw %} `code` *b* _i_ | &amp;"
    escaped = escape_markdown(hostile)
    assert not set("<>[](){}`*_|") & set(escaped.replace("&#", ""))
    assert escaped.count("&#") >= 20


def test_line_start_syntax_is_neutralised() -> None:
    for text in ["- item", "1. first", "# heading", "---", "+ plus", "=== rule"]:
        assert escape_markdown(text)[0] == "&"


def test_bidi_controls_are_removed() -> None:
    assert escape_markdown("abc\u202edef\u2066x\u2069") == "abcdefx"


def test_verb_forms_inflect_and_take_irregular_forms_as_given() -> None:
    from briefing.textutil import verb_forms

    assert set(verb_forms("deny")) == {"deny", "denies", "denied", "denying"}
    assert set(verb_forms("stress")) == {"stress", "stresses", "stressed", "stressing"}
    assert {"say", "says", "saying", "said"} <= set(verb_forms("say/said"))
    assert "took control" in verb_forms("take control/took control")


def test_alternation_escapes_matches_any_word_and_can_try_longest_first() -> None:
    import re

    from briefing.textutil import alternation

    words = alternation(["news agency", "a.m."], gap=r"\s+")
    pattern = re.compile(f"^{words}$")
    assert pattern.match("news   agency") and pattern.match("a.m.") and not pattern.match("a-m-")
    assert re.match(alternation(["sep", "sept"], longest_first=True), "sept")[0] == "sept"
    assert re.match(alternation(["sep", "sept"]), "sept")[0] == "sep"


def test_plural_of_regular_nouns() -> None:
    from briefing.textutil import plural

    assert [plural(n) for n in ("strike", "march", "bus", "box")] == [
        "strikes", "marches", "buses", "boxes",
    ]  # fmt: skip


def test_counts_and_figures_read_as_english() -> None:
    assert counted(1, "mention") == "1 mention" and counted(3, "match") == "3 matches"
    assert figure_phrase("dozens", "towns seized") == "dozens of towns seized"
    assert figure_phrase("Thousands", "troops") == "Thousands of troops"
    assert figure_phrase("more than 50", "towns seized") == "more than 50 towns seized"
    assert figure_phrase("12", "killed") == "12 killed"
    assert figure_phrase("dozens", "killed") == "dozens killed"  # a participle: no "of"
    assert figure_phrase("hundreds", "displaced") == "hundreds displaced"
