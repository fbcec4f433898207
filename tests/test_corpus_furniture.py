"""Timeline17 BBC pages (../shared/corpora/t17): reader comments and "Page last updated"
stamps are kept apart, never extracted, and never reach a day page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.config import Config
from briefing.ingest import ingest
from briefing.pipeline import generate
from briefing.records import EXTRACTED_KINDS

from .conftest import SHARED

T17 = SHARED / "corpora" / "t17"
BBC = ("H1N1_bbc", "MJ_bbc", "bpoil_bbc", "haiti_bbc")
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not T17.is_dir(), reason="../shared/corpora/t17 is not beside the project"),
]

COMMENT = re.compile(
    r"\bAt \d{1,2}[:.]\d{2}\b.{0,40}\b(?:wrote|said):|This comment (?:was|has been) removed"
    r"|Complaint about this comment|Report abuse|Recommend\?",
)
"""Shapes of a reader comment thread, written here apart from the ingest's own rules."""
UPDATED = re.compile(r"Page last updated|Last updated at \d")


def test_bbc_comments_and_update_stamps_are_kept_apart_not_extracted(tmp_path: Path) -> None:
    kept = {"comment": 0, "stamp": 0}
    for topic in BBC:
        corpus = ingest(T17 / topic, Config(root=tmp_path))
        for article in corpus.articles:
            for p in article.paragraphs:
                if p.kind in EXTRACTED_KINDS:
                    assert not COMMENT.search(p.text), (topic, article.file, p.index)
                    assert not UPDATED.search(p.text), (topic, article.file, p.index)
                elif COMMENT.search(p.text):
                    kept["comment"] += p.kind == "comment"
                elif UPDATED.search(p.text):
                    kept["stamp"] += p.kind == "furniture"
    assert kept["comment"] > 100 and kept["stamp"] > 10, kept  # kept, not dropped


@pytest.mark.model
def test_h1n1_day_pages_hold_no_comment_or_update_stamp(tmp_path: Path, trained_nlp, request):
    """A full Markdown build of H1N1_bbc; the extraction cache is kept between runs in
    pytest's cache folder (its entries are named by content, so never stale)."""
    cache = request.config.cache.mkdir("briefing-t17-h1n1")
    config = Config(root=tmp_path, seeds=T17 / "H1N1_bbc", cache_dir=cache)
    generate(config, nlp=trained_nlp)
    days = sorted((tmp_path / "site_src" / "days").glob("2*.md"))
    assert len(days) >= 10
    for page in days:
        text = page.read_text(encoding="utf-8")
        assert not COMMENT.search(text), page.name
        assert not UPDATED.search(text), page.name
