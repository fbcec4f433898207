"""Scored extraction quality: actors and places against a hand-labelled fixture.
The fixtures (tests/fixtures/quality/<story>/) are short wire stories on stories
unlike the sample's, labelled by hand, with transliteration variants, acronyms,
titles and possessives, and actors named by what they are ("the military", "Columbus
police", "Prosecutors"; one story, crime, is from outside any conflict). A predicted
entity counts as correct when its display name is one of the surface forms of a gold
entity; a second predicted entity for the same gold entity (a split) counts as wrong.
The minimums are pinned a little under the means first measured over three stories
(precision 0.98, recall 0.94, actor/place accuracy 0.98, purity 0.99, person/non-person
accuracy of actors 1.0 with en_core_web_sm 3.8.0), so a regression fails the suite.
With described actors and the crime story the means are 0.99, 0.92, 0.95, 0.99, 0.97.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from briefing.config import Config
from briefing.pipeline import generate
from briefing.textutil import fold

pytestmark = pytest.mark.model

FIXTURES = Path(__file__).parent / "fixtures" / "quality"
MIN_PRECISION = 0.93
MIN_RECALL = 0.9
MIN_GROUP_ACCURACY = 0.9
MIN_PURITY = 0.95
MIN_PERSON_ACCURACY = 0.9


def score(entities, gold: dict[str, list[list[str]]]) -> dict[str, float]:
    """Precision, recall, actor/place accuracy and merge purity of ``entities``.

    Purity: of all the names each predicted entity groups, the share that belong to
    its main gold entity (1.0 when no two real entities were merged).
    """
    forms = {
        fold(form): (group, index)
        for group in ("actors", "places")
        for index, aliases in enumerate(gold[group])
        for form in aliases
    }
    people = {forms[fold(name)] for name in gold.get("people", [])}
    matched: dict[tuple[str, int], str] = {}
    correct = right_group = right_kind = actors = 0
    pure = grouped = 0
    for entity in entities:
        owners = Counter(forms[fold(a.text)] for a in entity.aliases if fold(a.text) in forms)
        if owners:
            pure += owners.most_common(1)[0][1]
            grouped += sum(owners.values())
        hit = forms.get(fold(entity.name))
        if hit is None or hit in matched:
            continue
        matched[hit] = entity.group
        correct += 1
        right_group += entity.group + "s" == hit[0]
        if hit[0] == "actors" and entity.group == "actor":
            actors += 1
            right_kind += (entity.kind == "person") == (hit in people)
    total_gold = sum(len(gold[group]) for group in ("actors", "places"))
    return {
        "precision": correct / max(len(entities), 1),
        "recall": len(matched) / total_gold,
        "group_accuracy": right_group / max(correct, 1),
        "purity": pure / max(grouped, 1),
        "person_accuracy": right_kind / max(actors, 1),
    }


def test_score_counts_splits_misses_impure_merges_and_wrong_kinds() -> None:
    class A:
        def __init__(self, text: str) -> None:
            self.text = text

    class E:
        def __init__(self, name: str, group: str, *aliases: str, kind: str = "organisation"):
            self.name, self.group, self.kind = name, group, kind
            self.aliases = [A(a) for a in (name, *aliases)]

    gold = {
        "actors": [["Rapid Support Forces", "RSF"], ["Hamas"], ["Burhan"]],
        "places": [["Sudan"], ["Chad"], ["Hama"]],
        "people": ["Burhan"],
    }
    result = score(
        [
            E("RSF", "actor"),
            E("Rapid Support Forces", "actor"),
            E("Sudan", "actor"),
            E("Hama", "place", "Hamas"),
            E("Burhan", "actor"),
        ],
        gold,
    )
    assert result == {
        "precision": 4 / 5,
        "recall": 4 / 6,
        "group_accuracy": 3 / 4,
        "purity": 5 / 6,
        "person_accuracy": 1 / 2,
    }


STORIES = sorted(p for p in FIXTURES.iterdir() if (p / "labels.yml").is_file())


def test_entity_extraction_quality(tmp_path: Path, trained_nlp) -> None:
    totals: Counter[str] = Counter()
    for story in STORIES:
        gold = yaml.safe_load((story / "labels.yml").read_text(encoding="utf-8"))
        config = Config(root=tmp_path / story.name, seeds=story / "seeds")
        result = generate(config, nlp=trained_nlp)
        scores = score(result.briefing.entities, gold)
        print(story.name, scores)
        totals.update(scores)
    scores = {k: v / len(STORIES) for k, v in totals.items()}
    print("mean", scores)
    assert scores["precision"] >= MIN_PRECISION, scores
    assert scores["recall"] >= MIN_RECALL, scores
    assert scores["group_accuracy"] >= MIN_GROUP_ACCURACY, scores
    assert scores["purity"] >= MIN_PURITY, scores
    assert scores["person_accuracy"] >= MIN_PERSON_ACCURACY, scores
