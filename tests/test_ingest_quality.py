"""Scored ingestion: article boundaries, dates, outlets and rewrite links against a
hand-labelled fixture (tests/fixtures/ingest: a compilation page, a rewrite, undated
pieces, Windows-1252 and UTF-16 files, an HTML page with scripts, JSON Lines).

The minimums are pinned under the scores measured when they were set (all 1.0), so
a regression on any of them fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing.config import Config
from briefing.ingest import ingest

FIXTURE = Path(__file__).parent / "fixtures" / "ingest"
MIN_BOUNDARY_PRECISION = 0.9
MIN_BOUNDARY_RECALL = 0.9
MIN_DATE_ACCURACY = 0.9
MIN_OUTLET_ACCURACY = 0.8
MIN_REWRITE_F1 = 0.9


def _match(predicted, gold):
    """Pair gold articles with predicted ones: by file and headline, or by file alone
    when the gold article has no headline and is alone in its file."""
    pairs = []
    used: set[str] = set()
    for g in gold:
        candidates = [a for a in predicted if a.file == g["file"] and a.id not in used]
        if g["title"] is not None:
            candidates = [a for a in candidates if a.title == g["title"]]
        if len(candidates) == 1 or (candidates and g["title"] is not None):
            used.add(candidates[0].id)
            pairs.append((g, candidates[0]))
    return pairs


def score(predicted, gold) -> dict[str, float]:
    pairs = _match(predicted, gold)
    by_id = {a.id: a for a in predicted}
    dates = sum(a.published == g["date"] for g, a in pairs)
    outlets = sum((a.outlet or "").lower() == (g["outlet"] or "").lower() for g, a in pairs)
    gold_links = {(g["title"] or g["file"], g["rewrite_of"]) for g in gold if g["rewrite_of"]}
    title_of = {a.id: (g["title"] or g["file"]) for g, a in pairs}
    predicted_links = {
        (title_of.get(a.id, a.id), by_id[a.near_duplicate_of].title)
        for a in predicted
        if a.near_duplicate_of
    }
    hits = len(gold_links & predicted_links)
    precision = hits / len(predicted_links) if predicted_links else 1.0
    recall = hits / len(gold_links) if gold_links else 1.0
    return {
        "boundary_precision": len(pairs) / max(len(predicted), 1),
        "boundary_recall": len(pairs) / len(gold),
        "date_accuracy": dates / max(len(pairs), 1),
        "outlet_accuracy": outlets / max(len(pairs), 1),
        "rewrite_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def test_ingestion_quality(tmp_path: Path) -> None:
    gold = yaml.safe_load((FIXTURE / "labels.yml").read_text(encoding="utf-8"))
    corpus = ingest(FIXTURE / "seeds", Config(root=tmp_path))
    scores = score(corpus.articles, gold)
    print(scores)
    assert scores["boundary_precision"] >= MIN_BOUNDARY_PRECISION, scores
    assert scores["boundary_recall"] >= MIN_BOUNDARY_RECALL, scores
    assert scores["date_accuracy"] >= MIN_DATE_ACCURACY, scores
    assert scores["outlet_accuracy"] >= MIN_OUTLET_ACCURACY, scores
    assert scores["rewrite_f1"] >= MIN_REWRITE_F1, scores


def test_fixture_skips_are_listed(tmp_path: Path) -> None:
    corpus = ingest(FIXTURE / "seeds", Config(root=tmp_path))
    assert {s.file for s in corpus.skipped} == {"feed.jsonl, line 3", "feed.jsonl, line 4"}


def test_score_penalises_merged_and_split_articles() -> None:
    class A:
        def __init__(self, id, file, title, published=None, outlet=None, near=None):
            self.id, self.file, self.title = id, file, title
            self.published, self.outlet, self.near_duplicate_of = published, outlet, near

    gold = [
        {"file": "f", "title": "One", "date": None, "outlet": None, "rewrite_of": None},
        {"file": "f", "title": "Two", "date": None, "outlet": None, "rewrite_of": None},
    ]
    merged = score([A("a", "f", "One")], gold)
    assert merged["boundary_recall"] == 0.5 and merged["boundary_precision"] == 1.0
    split = score([A("a", "f", "One"), A("b", "f", "Two"), A("c", "f", "Three")], gold)
    assert split["boundary_precision"] == 2 / 3 and split["boundary_recall"] == 1.0
