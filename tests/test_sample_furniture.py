"""Sample-site defects of furniture read as text (review ../shared/reviews, D5, D7, D20):
on the sample no caption, credit, author line or subheading becomes a statement, an
event, an actor or a figure."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

import pytest
import yaml

from briefing.config import Config
from briefing.pipeline import generate
from briefing.records import EXTRACTED_KINDS
from briefing.textutil import slugify

from .conftest import ROOT, SAMPLE_SEEDS
from .test_furniture_fixture import FIXTURE, _page_words, units

pytestmark = pytest.mark.model

NOT_TEXT = ("caption", "subheading", "byline")
LONG_PART = 8
"""A labelled line part this long is found inside a paragraph (a shorter one, such as a
subheading's words, may stand in a sentence too)."""


@pytest.fixture(scope="module")
def sample(tmp_path_factory, trained_nlp):
    root = tmp_path_factory.mktemp("furniture-sample")
    shutil.copytree(SAMPLE_SEEDS, root / "seeds")
    return generate(Config(root=root), nlp=trained_nlp)


def _article(result, file_prefix: str):
    (article,) = [a for a in result.corpus.articles if a.file.startswith(file_prefix)]
    return article


def _cited(result) -> set[tuple[str, int]]:
    """Every (article, paragraph) a statement, event, figure, quote or mention cites."""
    b = result.briefing
    statements = [*b.statements, *(s for e in b.events for s in (e.summary, *e.statements))]
    cited = {(c.article_id, c.paragraph) for s in statements for c in s.citations}
    cited |= {(c.article_id, c.paragraph) for f in b.claims for c in f.citations}
    cited |= {(q.citation.article_id, q.citation.paragraph) for q in b.quotes}
    cited |= {(m.article_id, m.paragraph) for x in b.extractions for m in x.mentions}
    return cited


def _paragraph(article, needle: str):
    (paragraph,) = [p for p in article.paragraphs if needle in p.text]
    return paragraph


def test_d5_the_photo_caption_is_no_event_figure_or_actor(sample) -> None:
    ap = _article(sample, "003_")
    assert slugify("Omar Albam") not in {e.id for e in sample.briefing.entities}
    troops = [c for c in sample.briefing.claims if c.topic == "troops"]
    assert not any("fanned out" in c.sentence for c in troops)
    caption = _paragraph(ap, "(AP Photo/")
    assert (ap.id, caption.index) not in _cited(sample)
    assert caption.kind == "caption"
    assert "Thousands of Syrian insurgents" in caption.text  # the whole caption, kept


def test_d7_subheadings_and_the_author_line_are_no_sentences(sample) -> None:
    ap = _article(sample, "003_")
    by_text = {p.text: a for a in sample.corpus.articles for p in a.paragraphs}
    france24, afp = by_text["Iran and its allies weakened"], by_text["Aya Iskandarani"]
    texts = {s.text for s in sample.briefing.statements}
    assert not texts & {"Iran and its allies weakened", "Aya Iskandarani"}
    assert slugify("Aya Iskandarani") not in {e.id for e in sample.briefing.entities}
    found = [
        (ap, _paragraph(ap, "Syrian troops fortify northern Hama")),
        (france24, _paragraph(france24, "Iran and its allies weakened")),
    ]
    author = _paragraph(afp, "Aya Iskandarani")
    cited = _cited(sample)
    for article, paragraph in [*found, (afp, author)]:
        assert (article.id, paragraph.index) not in cited
    assert [p.kind for _, p in found] == ["subheading", "subheading"]
    assert author.kind == "byline"


def test_d20_a_caption_is_not_the_title(sample) -> None:
    article = _article(sample, "004_")
    assert article.paragraphs[0].kind == "caption"
    assert "This incident occurred on" in article.paragraphs[0].text
    assert not article.title.startswith("Cars navigate")
    first_body = next(p for p in article.paragraphs if p.kind in EXTRACTED_KINDS)
    assert first_body.text.startswith(article.title.removesuffix(" …"))
    # The caption's "as reported by" names the picture's agency, not the outlet.
    assert article.outlet == urlparse(article.url).hostname.removeprefix("www.")


def test_no_caption_credit_author_line_or_subheading_is_cited(sample) -> None:
    """Every labelled non-text line of the sample (tests/fixtures/furniture) lands in a
    paragraph that is not extracted, and nothing cites such a paragraph."""
    labels = yaml.safe_load((FIXTURE / "labels.yml").read_text(encoding="utf-8"))
    cited = _cited(sample)
    kinds = {(a.id, p.index): p.kind for a in sample.corpus.articles for p in a.paragraphs}
    assert all(kinds[key] in EXTRACTED_KINDS for key in cited)
    for entry in (e for e in labels if e["source"] == "sample"):
        text = (ROOT / entry["page"]).read_text(encoding="utf-8")
        words, _ = _page_words(text)
        file = entry["page"].split("/")[-1]
        paragraphs = [p for a in sample.corpus.articles if a.file == file for p in a.paragraphs]
        for unit in units(entry["page"], text, entry["not_body"]):
            part = " ".join(words[i] for i in unit.words)
            if unit.body or len(unit.words) < 3:
                continue
            holders = [
                p
                for p in paragraphs
                if p.text == part
                or (len(unit.words) >= LONG_PART and part in p.text)
                or (len(p.text.split()) >= LONG_PART and p.text in part)
            ]
            assert all(p.kind not in EXTRACTED_KINDS for p in holders), (file, unit.line)
    assert set(kinds.values()) >= set(NOT_TEXT)
