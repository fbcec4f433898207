import codecs
from pathlib import Path

import pytest

from briefing.config import Config
from briefing.errors import InputError
from briefing.ingest import ingest

BODY = (
    "The council met on Tuesday to discuss the flooding in the northern districts.\n\n"
    "Officials said more than 200 homes had been damaged and roads were closed.\n"
)


def _ingest(root: Path, **overrides):
    return ingest(root / "seeds", Config(root=root, **overrides))


def test_plain_text_headline_date_line_and_paragraphs(make_seeds) -> None:
    root = make_seeds(
        {"a.txt": "River floods northern towns\n\nTuesday, March 05, 2024\n\n" + BODY}
    )
    (article,) = _ingest(root).articles
    assert article.title == "River floods northern towns"
    assert article.published == "2024-03-05"
    assert article.published_evidence == "Tuesday, March 05, 2024"
    assert [p.index for p in article.paragraphs] == [1, 2]
    assert article.paragraphs[1].text.startswith("Officials said")


def test_date_marker_wire_dateline_and_sign_off(make_seeds) -> None:
    root = make_seeds({"a.txt": " date 2024-12-01 LAGOS (AP) — " + BODY + "\n(AP)\n"})
    (article,) = _ingest(root).articles
    assert article.published == "2024-12-01"
    assert article.dateline == "Lagos"
    assert article.outlet == "AP"
    assert "(AP)" not in article.text
    assert [p.kind for p in article.paragraphs if p.text == "(AP)"] == ["furniture"]  # kept


def test_numeric_date_order_comes_from_config_unless_unambiguous(make_seeds) -> None:
    root = make_seeds(
        {
            "a.txt": "Issued on: 01/12/2024 -\n" + BODY,
            "b.txt": "Issued on: 12/30/2024\n" + BODY.replace("200", "300"),
        }
    )
    corpus = _ingest(root, date_order="MDY")
    dates = {a.file: a.published for a in corpus.articles}
    assert dates == {"a.txt": "2024-01-12", "b.txt": "2024-12-30"}
    assert _ingest(root, date_order="DMY").articles[0].published == "2024-12-01"


def test_date_folder_in_path(make_seeds) -> None:
    root = make_seeds({"2012-07-24/82.txt": BODY})
    (article,) = _ingest(root).articles
    assert article.published == "2012-07-24"


def test_no_date_is_left_unknown_not_today(make_seeds) -> None:
    root = make_seeds({"a.txt": BODY})
    assert _ingest(root).articles[0].published is None


def test_html_page_drops_furniture_and_keeps_links(make_seeds) -> None:
    html = """<html><head><title>Storm hits coast</title><script>var x = 'evil';</script>
    <style>p {color: red}</style></head><body><nav>Home | World</nav>
    <h1>Storm hits coast</h1><p>The storm reached <a href="https://example.org/storm">the coast</a> at noon.</p>
    <p>Thousands were evacuated overnight, officials said.</p><footer>Copyright 2024</footer></body></html>"""
    root = make_seeds({"page.html": html})
    (article,) = _ingest(root).articles
    text = article.text
    assert article.title == "Storm hits coast"
    assert "var x" not in text and "color" not in text and "Home | World" not in text
    assert "Copyright" not in text
    assert article.paragraphs[0].text == "The storm reached the coast at noon."
    assert article.links == ("https://example.org/storm",)
    assert article.outlet == "example.org"


def test_inline_html_in_a_text_file_is_read_as_html(make_seeds) -> None:
    root = make_seeds(
        {
            "a.txt": 'The <a href="https://news.example.com/x">army</a> said <b>more</b> troops arrived. '
            * 3
        }
    )
    (article,) = _ingest(root).articles
    assert "<a" not in article.text and "<b>" not in article.text
    assert article.outlet == "news.example.com"


def test_markdown_is_read(make_seeds) -> None:
    root = make_seeds(
        {
            "a.md": "# Quake strikes\n\nA *strong* earthquake hit the region on Monday, killing 12 people.\n"
        }
    )
    (article,) = _ingest(root).articles
    assert article.title == "Quake strikes"
    assert (
        article.paragraphs[0].text
        == "A strong earthquake hit the region on Monday, killing 12 people."
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            codecs.BOM_UTF8 + "Café owners said the protest was “peaceful” and calm.".encode(),
            "Café",
        ),
        ("Café owners said the protest was peaceful and calm today.".encode("utf-16"), "Café"),
        ("Café owners said the protest was “peaceful” and calm.".encode("cp1252"), "“peaceful”"),
    ],
)
def test_encodings_are_detected(make_seeds, data: bytes, expected: str) -> None:
    root = make_seeds({"a.txt": data})
    (article,) = _ingest(root).articles
    assert expected in article.text


def test_mojibake_is_repaired(make_seeds) -> None:
    root = make_seeds(
        {"a.txt": "The minister’s office said the talks were constructive and would resume."}
    )
    broken = (root / "seeds" / "a.txt").read_text(encoding="utf-8").encode("utf-8").decode("cp1252")
    (root / "seeds" / "a.txt").write_text(broken, encoding="utf-8")
    (article,) = _ingest(root).articles
    assert "minister’s" in article.text


def test_bad_files_are_skipped_with_reasons(make_seeds) -> None:
    root = make_seeds(
        {
            "empty.txt": "",
            "blank.txt": "   \n\n ",
            "binary.txt": bytes(range(256)) * 3,
            "big.txt": "word " * 400,
            "image.png": b"\x89PNG\r\n\x1a\n",
            "good.txt": BODY,
        }
    )
    corpus = _ingest(root, max_file_bytes=1000)
    reasons = {s.file: s.reason for s in corpus.skipped}
    assert [a.file for a in corpus.articles] == ["good.txt"]
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["big.txt"]
    assert reasons["image.png"] == "unsupported file type .png"


def test_exact_duplicates_are_skipped_and_rewrites_linked(make_seeds) -> None:
    original = (
        "Rebels captured the town of Marib on Saturday after three days of heavy fighting with "
        "government troops, a spokesman said, adding that dozens of fighters were killed. "
        "Residents fled north towards the capital as shelling continued through the night."
    )
    rewrite = original.replace("Rebels", "Insurgents").replace("Residents", "Civilians")
    root = make_seeds({"a.txt": original, "b.txt": original, "c.txt": rewrite})
    corpus = _ingest(root)
    assert [s.reason for s in corpus.skipped] == ["exact duplicate of a.txt (a)"]
    ids = {a.file: a for a in corpus.articles}
    assert ids["c.txt"].near_duplicate_of == ids["a.txt"].id
    assert ids["a.txt"].near_duplicate_of is None


def test_unrelated_articles_are_not_linked(make_seeds) -> None:
    root = make_seeds(
        {
            "a.txt": BODY,
            "b.txt": "A new bridge opened in the capital, the mayor said at a ceremony on Friday.",
        }
    )
    assert all(a.near_duplicate_of is None for a in _ingest(root).articles)


def test_ids_are_stable_and_unique(make_seeds) -> None:
    root = make_seeds({"story.txt": BODY, "story.md": BODY.replace("200", "300")})
    first = [a.id for a in _ingest(root).articles]
    assert first == [a.id for a in _ingest(root).articles]
    assert len(set(first)) == 2


def test_missing_seeds_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="seeds folder not found"):
        _ingest(tmp_path)


def test_symlinks_are_not_followed(make_seeds, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The private notes of the analyst say the source lives in Lagos.")
    root = make_seeds({"good.txt": BODY})
    (root / "seeds" / "link.txt").symlink_to(secret)
    corpus = _ingest(root)
    assert [a.file for a in corpus.articles] == ["good.txt"]
    assert [(s.file, s.reason) for s in corpus.skipped] == [
        ("link.txt", "symbolic link, not followed")
    ]


def test_reserved_page_names_are_not_used_as_ids(make_seeds) -> None:
    root = make_seeds({"index.txt": BODY})
    (article,) = _ingest(root).articles
    assert article.id != "index"


def test_long_paragraph_without_full_stops_is_cut_into_chunks(make_seeds) -> None:
    root = make_seeds({"a.txt": "word " * 3000 + "x" * 4500})
    (article,) = _ingest(root).articles
    assert len(article.paragraphs) > 5
    assert max(len(p.text) for p in article.paragraphs) <= 2000
    assert "".join(article.text.split()) == "word" * 3000 + "x" * 4500


def test_inline_html_in_text_keeps_line_structure(make_seeds) -> None:
    text = (
        "Floods hit the <b>north</b>\n\nTuesday, March 05, 2024\n\n"
        'The <a href="https://news.example.com/a">river</a> rose overnight.\nRoads were closed.\n'
    )
    root = make_seeds({"a.txt": text})
    (article,) = _ingest(root).articles
    assert article.title == "Floods hit the north"
    assert article.published == "2024-03-05"
    assert [p.text for p in article.paragraphs] == [
        "The river rose overnight.",
        "Roads were closed.",
    ]


def test_a_sentence_starting_with_by_is_not_a_byline(make_seeds) -> None:
    root = make_seeds({"a.txt": "By nightfall, the rebels had taken the airport.\n" + BODY})
    (article,) = _ingest(root).articles
    assert article.byline is None
    assert "By nightfall" in article.text
    root = make_seeds(
        {"b.txt": "Headline here\nBy Patrick Cockburn\n" + BODY.replace("200", "250")}
    )
    assert {a.byline for a in _ingest(root).articles} == {None, "Patrick Cockburn"}


def test_markdown_front_matter_gives_title_and_date(make_seeds) -> None:
    md = '---\ntitle: "Quake: the toll rises"\ndate: 2024-02-03\nlayout: x\n---\n\nThe toll rose to 40 on Saturday, officials said.\n'
    root = make_seeds({"a.md": md})
    (article,) = _ingest(root).articles
    assert (article.title, article.published) == ("Quake: the toll rises", "2024-02-03")
    assert "layout" not in article.text


def test_headline_only_page_is_skipped(make_seeds) -> None:
    root = make_seeds(
        {
            "a.html": "<html><head><title>Only a headline here</title></head><body><h1>Only a headline here</h1></body></html>"
        }
    )
    corpus = _ingest(root)
    assert not corpus.articles and "no article text" in corpus.skipped[0].reason


def test_rewrite_of_a_rewrite_points_to_the_original(make_seeds) -> None:
    base = (
        "Rebels captured the town of Marib on Saturday after three days of heavy fighting with "
        "government troops, a spokesman said, adding that dozens of fighters were killed in the clashes. "
        "Residents fled north towards the capital as shelling continued through the night and into Sunday."
    )
    second = base.replace("Rebels", "Insurgents")
    third = second.replace("Residents", "Civilians")
    root = make_seeds({"a.txt": base, "b.txt": second, "c.txt": third})
    links = {a.file: a.near_duplicate_of for a in _ingest(root).articles}
    assert links == {"a.txt": None, "b.txt": "a", "c.txt": "a"}


def test_impossible_dates_are_ignored(make_seeds) -> None:
    root = make_seeds({"a.txt": " date 0001-01-01 " + BODY})
    (article,) = _ingest(root).articles
    assert (article.published, article.published_evidence) == (None, None)


def test_html_digest_articles_keep_their_own_headlines(make_seeds) -> None:
    html = """<html><head><title>Daily digest - My Blog</title></head><body>
    <h2>Ferry sinks off the northern coast</h2><p>By Ana Ruiz</p><p>March 4, 2024</p>
    <p>A ferry sank on Monday, officials said.</p><p>Rescue boats reached it within an hour.</p>
    <h2>Port reopens after two days</h2><p>By Tom Reed</p><p>March 5, 2024</p>
    <p>The port reopened on Tuesday.</p><p>Ships queued outside.</p></body></html>"""
    root = make_seeds({"digest.html": html})
    articles = _ingest(root).articles
    assert [(a.title, a.byline, a.published) for a in articles] == [
        ("Ferry sinks off the northern coast", "Ana Ruiz", "2024-03-04"),
        ("Port reopens after two days", "Tom Reed", "2024-03-05"),
    ]


def test_h1_is_preferred_to_a_title_with_the_site_name(make_seeds) -> None:
    html = (
        "<html><head><title>Council approves budget | The Daily Gazette</title></head><body>"
        "<h1>Council approves budget</h1><p>By Jane Smith</p>"
        "<p>The council approved the budget on Monday.</p><p>It passed by five votes.</p></body></html>"
    )
    (article,) = _ingest(make_seeds({"a.html": html})).articles
    assert (article.title, article.byline) == ("Council approves budget", "Jane Smith")


def test_the_publisher_and_the_wire_are_told_apart(make_seeds) -> None:
    """A wire's sign-off or dateline says where the copy came from; the page's own
    credit (its video's "©", "Video by:") says who published it."""
    root = make_seeds(
        {
            "a.txt": "Tuesday, March 05, 2024\n\n03:57© HARBOUR TV\n\n" + BODY + "\n(AP)\n",
            "b.txt": "Tuesday, March 05, 2024\n\nVideo by: HARBOUR TV\n\n"
            + BODY.replace("200", "300")
            + "\n(AFP)\n",
            "c.txt": " date 2024-12-01 LAGOS (AP) — " + BODY.replace("200", "400"),
        }
    )
    found = {a.file: (a.outlet, a.wire) for a in _ingest(root).articles}
    assert found == {
        "a.txt": ("HARBOUR TV", "AP"),
        "b.txt": ("HARBOUR TV", "AFP"),
        "c.txt": ("AP", "AP"),  # nothing else names a publisher: the wire's own copy
    }


def test_a_photographers_credit_is_not_the_publisher(make_seeds) -> None:
    body = "Lakeside Daily reports on the river." + " " + BODY
    root = make_seeds(
        {
            "a.txt": "Tuesday, March 05, 2024\n\n© Jane Doe, AFP\n\n" + BODY,
            "b.html": f'<p>{body} <a href="https://www.lakesidedaily.com/x">More</a></p>',
        }
    )
    found = {a.file: (a.outlet, a.wire, a.outlet_evidence) for a in _ingest(root).articles}
    assert found["a.txt"][:2] == (None, None)  # the picture's agency published nothing here
    # A link domain becomes the name the page gives it.
    assert found["b.html"][0] == "Lakeside Daily" and "lakesidedaily.com" in found["b.html"][2]
