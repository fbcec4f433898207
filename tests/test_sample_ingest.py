"""Ingestion of the sample corpus: the compilation page, the rewrite, no furniture."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.config import Config
from briefing.ingest import ingest
from briefing.records import EXTRACTED_KINDS

from .conftest import SAMPLE_SEEDS

FURNITURE = re.compile(
    r"^\d{1,2}:\d{2}\b|^no comments|^post a comment|^source link|^©|^issued on|^by:|^\(\w[\w ]*\)$",
    re.I,
)


def _corpus(tmp_path: Path):
    return ingest(SAMPLE_SEEDS, Config(root=tmp_path))


def test_the_compilation_page_yields_its_articles(tmp_path: Path) -> None:
    articles = [a for a in _corpus(tmp_path).articles if a.file.startswith("002_")]
    assert len(articles) == 7
    assert all(a.title_is_headline and a.published for a in articles)
    assert len({a.title for a in articles}) == 7
    assert sum(a.byline is not None for a in articles) >= 5
    assert {a.published for a in articles} == {"2024-11-29", "2024-11-30", "2024-12-01"}


def test_the_rewrite_points_to_its_original_and_shared_copy_is_one_family(tmp_path: Path) -> None:
    by_file = {}
    for article in _corpus(tmp_path).articles:
        by_file.setdefault(article.file.split("_")[0], []).append(article)
    (original,), (rewrite,) = by_file["000"], by_file["001"]
    assert rewrite.near_duplicate_of == original.id
    assert rewrite.published == original.published and rewrite.published_inferred
    (ap,) = by_file["003"]
    assert ap.shares_copy_with and ap.family == by_file["002"][0].id


def test_no_article_body_holds_page_furniture(tmp_path: Path) -> None:
    kept = []
    for article in _corpus(tmp_path).articles:
        for paragraph in article.paragraphs:
            if paragraph.kind in EXTRACTED_KINDS:
                assert not FURNITURE.search(paragraph.text), (article.id, paragraph.text)
            else:
                kept.append(paragraph.text)
    assert any(FURNITURE.search(text) for text in kept)  # kept apart, not dropped
