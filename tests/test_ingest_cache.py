"""The ingest cache gives the corpus a clean read gives, and never a stale one."""

import json
import shutil
from pathlib import Path

from briefing.config import Config
from briefing.ingest import CACHE_FOLDER, ingest

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BODY = "The council met on Tuesday.\n\nOfficials said 200 homes were damaged in the flood.\n"
ODD_FILES = {
    "lines.jsonl": '{"id": "a", "title": "One", "text": "Rain fell on the town again."}\n'
    "not json\n"
    '{"id": "b", "title": "Two", "text": "The river rose by a metre overnight."}\n',
    "copy.txt": "Flood\n\n" + BODY,
    "again.txt": "Flood\n\n" + BODY,  # an exact copy: skipped, naming copy.txt
    "empty.txt": "   \n",
    "notes.pdf": "%PDF-1.4",
    "2024-03-05/dated.txt": "River rises\n\n" + BODY.replace("200", "300"),
}


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SHARED_SEEDS, seeds)
    for name, text in ODD_FILES.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / CACHE_FOLDER).glob("*.json"))


def test_a_read_from_the_cache_is_the_clean_read(tmp_path: Path) -> None:
    seeds, cache, config = _seeds(tmp_path), tmp_path / "cache", Config(root=tmp_path)
    clean = ingest(seeds, config)
    assert clean.skipped and any(a.near_duplicate_of or a.shares_copy_with for a in clean.articles)
    assert ingest(seeds, config, cache) == clean  # filling the cache
    assert _entries(cache)
    assert ingest(seeds, config, cache) == clean  # read back from it


def test_a_changed_file_is_read_again_and_a_bad_entry_is_a_miss(tmp_path: Path) -> None:
    seeds, cache, config = _seeds(tmp_path), tmp_path / "cache", Config(root=tmp_path)
    ingest(seeds, config, cache)
    before = set(_entries(cache))
    changed = seeds / "copy.txt"
    changed.write_text("Flood\n\n" + BODY.replace("Tuesday", "Monday"), encoding="utf-8")
    corpus = ingest(seeds, config, cache)
    assert corpus == ingest(seeds, config)
    assert any("Monday" in a.text for a in corpus.articles)
    (new,) = set(_entries(cache)) - before
    new.write_text(json.dumps({"reason": None, "bad_lines": [], "keys": [1], "articles": []}))
    assert ingest(seeds, config, cache) == corpus  # the bad entry is read again…
    assert json.loads(new.read_text())["articles"]  # …and overwritten with a good one


def test_the_reading_options_name_the_entries(tmp_path: Path) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / "cache"
    ingest(seeds, Config(root=tmp_path), cache)
    before = set(_entries(cache))
    ingest(seeds, Config(root=tmp_path, date_order="MDY"), cache)
    assert before < set(_entries(cache))
