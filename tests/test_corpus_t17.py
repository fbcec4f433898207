"""Timeline17 (../shared/corpora/t17): every article dated by its folder, no silent loss."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import Config
from briefing.ingest import ingest

from .conftest import SHARED

T17 = SHARED / "corpora" / "t17"
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not T17.is_dir(), reason="../shared/corpora/t17 is not beside the project"),
]


def test_every_t17_file_is_an_article_dated_by_its_folder_or_a_listed_skip() -> None:
    for topic in sorted(p for p in T17.iterdir() if p.is_dir()):
        corpus = ingest(topic, Config(root=topic))
        accounted = {a.file for a in corpus.articles} | {
            s.file.split(", line ")[0] for s in corpus.skipped
        }
        files = {p.relative_to(topic).as_posix() for p in topic.rglob("*") if p.is_file()}
        assert files == accounted, topic.name
        for article in corpus.articles:
            folder = Path(article.file).parts[0]
            if folder[:4].isdigit():
                assert article.published == folder, (topic.name, article.file)
        for skipped in corpus.skipped:
            assert skipped.reason.strip(), skipped
        per_file = [a.file for a in corpus.articles]
        assert len(per_file) == len(set(per_file)), f"{topic.name}: a news file was split"
