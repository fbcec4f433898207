"""Scored extraction quality: actors and places against a hand-labelled fixture.

The fixture (tests/fixtures/quality) is two short wire stories on a story unlike the
sample's, labelled by hand. A predicted entity counts as correct when its display
name is one of the surface forms of a gold entity; a second predicted entity for the
same gold entity (a split) counts as wrong. The minimums are pinned a little under
the scores measured when they were set (precision 0.95, recall 0.90, actor/place
accuracy 0.84 with en_core_web_sm 3.8.0), so a regression fails the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.config import Config
from briefing.pipeline import generate
from briefing.textutil import fold

pytestmark = pytest.mark.model

FIXTURE = Path(__file__).parent / "fixtures" / "quality"
MIN_PRECISION = 0.85
MIN_RECALL = 0.85
MIN_GROUP_ACCURACY = 0.75


def score(entities, gold: dict[str, list[list[str]]]) -> dict[str, float]:
    """Precision, recall and actor/place accuracy of ``entities`` against ``gold``."""
    forms = {
        fold(form): (group, index)
        for group, members in gold.items()
        for index, aliases in enumerate(members)
        for form in aliases
    }
    matched: dict[tuple[str, int], str] = {}
    correct = right_group = 0
    for entity in entities:
        hit = forms.get(fold(entity.name))
        if hit is None or hit in matched:
            continue
        matched[hit] = entity.group
        correct += 1
        right_group += entity.group + "s" == hit[0]
    total_gold = sum(len(members) for members in gold.values())
    return {
        "precision": correct / max(len(entities), 1),
        "recall": len(matched) / total_gold,
        "group_accuracy": right_group / max(correct, 1),
    }


def test_score_counts_splits_and_misses() -> None:
    class E:
        def __init__(self, name: str, group: str) -> None:
            self.name, self.group = name, group

    gold = {"actors": [["Rapid Support Forces", "RSF"]], "places": [["Sudan"], ["Chad"]]}
    result = score(
        [E("RSF", "actor"), E("Rapid Support Forces", "actor"), E("Sudan", "actor")], gold
    )
    assert result == {"precision": 2 / 3, "recall": 2 / 3, "group_accuracy": 0.5}


def test_entity_extraction_quality(tmp_path: Path, trained_nlp) -> None:
    gold = yaml.safe_load((FIXTURE / "labels.yml").read_text(encoding="utf-8"))
    config = Config(root=tmp_path, seeds=FIXTURE / "seeds")
    result = generate(config, nlp=trained_nlp)
    scores = score(result.briefing.entities, gold)
    print(scores)
    assert scores["precision"] >= MIN_PRECISION, scores
    assert scores["recall"] >= MIN_RECALL, scores
    assert scores["group_accuracy"] >= MIN_GROUP_ACCURACY, scores
