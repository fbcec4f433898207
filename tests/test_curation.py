from pathlib import Path

import pytest

from briefing.config import Config
from briefing.errors import ConfigError
from briefing.pipeline import generate
from briefing.resolve import resolve
from briefing.resolve.curation import load_curation, parse_curation

from .conftest import blank_nlp
from .test_resolve import _corpus_and_extractions

ARTICLES = {
    "a": [
        ("Islamic State fighters attacked Hama.", "Islamic State/ORG;Hama/ORG"),
        ("ISIS said Hama fell.", "ISIS/ORG;Hama/ORG"),
        ("Photo shows Bashar Assad.", "Photo/ORG;Bashar Assad/PERSON"),
        ("Bashar al-Assad spoke, and Assad left.", "Bashar al-Assad/PERSON;Assad/PERSON"),
    ]
}


def _entities(curation_yaml: str | None):
    corpus, extractions = _corpus_and_extractions(ARTICLES)
    import yaml

    curation = (
        parse_curation(yaml.safe_load(curation_yaml), "aliases.yml") if curation_yaml else None
    )
    return {e.name: e for e in resolve(corpus, extractions, "T", curation=curation).entities}


def test_without_curation_the_rules_decide() -> None:
    entities = _entities(None)
    assert {"Islamic State", "ISIS", "Hama", "Photo"} <= entities.keys()
    assert entities["Hama"].group == "actor"


def test_merge_rename_kind_drop_and_split() -> None:
    entities = _entities(
        """
merge:
  - [Islamic State, ISIS]
kind:
  Hama: {group: place, kind: city}
rename:
  Bashar Assad: President Bashar al-Assad
drop: [Photo]
split: [Assad]
"""
    )
    hts = entities["Islamic State"]
    assert {a.text for a in hts.aliases} == {"Islamic State", "ISIS"}
    assert any("merged by aliases.yml" in r for r in hts.rules)
    assert (entities["Hama"].group, entities["Hama"].kind) == ("place", "city")
    assert "Photo" not in entities
    assert "President Bashar al-Assad" in entities
    assert "Assad" in entities and any("kept apart" in r for r in entities["Assad"].rules)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("merge: [[One]]", "merge entry 1 needs two names"),
        ("kind: {Hama: town}", "must be actor or place"),
        ("colour: red", "unknown key 'colour'"),
        ("rename: {A: 3}", "rename of 'A' must be a name"),
        ("- a\n- b", "must be a mapping"),
    ],
)
def test_bad_curation_is_reported(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "aliases.yml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=problem) as info:
        load_curation(path)
    assert str(path) in str(info.value)


def test_missing_file_means_no_curation(tmp_path: Path) -> None:
    assert load_curation(tmp_path / "aliases.yml").merge == ()


def test_build_reads_aliases_yml(make_seeds) -> None:
    root = make_seeds(
        {"a.txt": "Officials in Springfield said the Quimby office was closed on Monday."}
    )
    (root / "aliases.yml").write_text(
        "kind: {Quimby: {group: actor, kind: person}}\ndrop: [Springfield]\n"
    )
    nlp = blank_nlp(
        [{"label": "GPE", "pattern": "Springfield"}, {"label": "GPE", "pattern": "Quimby"}]
    )
    entities = generate(Config(root=root), nlp=nlp).briefing.entities
    assert [(e.name, e.group, e.kind) for e in entities] == [("Quimby", "actor", "person")]
