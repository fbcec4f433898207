"""The extraction cache key covers every file extraction reads."""

import shutil
from pathlib import Path

import pytest

from briefing import cachefiles
from briefing.cachefiles import PACKAGE_DIR, fingerprint
from briefing.extract import cache, extract
from briefing.extract.cache import EXTRACTOR_VERSION, extraction_sources

from .conftest import blank_nlp
from .test_extract import CountingPipe, _article


def _copied_sources(tmp_path: Path) -> list[Path]:
    copies = []
    for path in extraction_sources():
        copy = tmp_path / path.relative_to(PACKAGE_DIR)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        copies.append(copy)
    return copies


def test_the_key_covers_modules_in_sub_packages_core_modules_and_the_lexicon() -> None:
    names = {path.relative_to(PACKAGE_DIR).as_posix() for path in extraction_sources()}
    assert {"extract/__init__.py", "extract/quotes/direct.py", "records.py", "quoting.py"} <= names
    assert "write/pages.py" not in names and "resolve/events.py" not in names
    assert {"textutil.py", "lexicon.py", "lexicon/names.yml", "lexicon/mentions.yml"} <= names


def _with_one_word_changed(tmp_path: Path) -> str:
    """The key of a copy of extraction's sources whose lexicon has one title more."""
    copies = _copied_sources(tmp_path)
    assert fingerprint(copies, tmp_path) == EXTRACTOR_VERSION
    names = tmp_path / "lexicon" / "names.yml"
    text = names.read_text(encoding="utf-8")
    assert "ambassador," in text
    names.write_text(text.replace("ambassador,", "ambassador, consul,", 1), encoding="utf-8")
    return fingerprint(copies, tmp_path)


def test_changing_one_lexicon_word_changes_the_key(tmp_path: Path) -> None:
    assert _with_one_word_changed(tmp_path) != EXTRACTOR_VERSION


def test_a_new_key_invalidates_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = CountingPipe(blank_nlp())
    article = _article("a", "Rain fell.")
    entries = tmp_path / "cache"
    extract([article], nlp, "blank", cache_dir=entries)
    extract([article], nlp, "blank", cache_dir=entries)
    assert nlp.texts == ["Rain fell."]  # read back from the cache
    monkeypatch.setattr(cache, "EXTRACTOR_VERSION", _with_one_word_changed(tmp_path / "src"))
    extract([article], nlp, "blank", cache_dir=entries)
    assert nlp.texts == ["Rain fell.", "Rain fell."]  # parsed again


def test_the_key_follows_both_forms_of_import(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "briefing"
    (package / "extract").mkdir(parents=True)
    for name in ("__init__.py", "dates.py", "quoting.py", "unused.py"):
        (package / name).write_text("")
    module = package / "extract" / "probe.py"
    module.write_text("import briefing.dates\nfrom ..quoting import quote_spans\n")
    monkeypatch.setattr(cachefiles, "PACKAGE_DIR", package)
    found = {p.relative_to(package).as_posix() for p in cachefiles.imported_modules(module)}
    assert {"dates.py", "quoting.py"} <= found and "unused.py" not in found


def test_an_entry_with_wrong_value_types_is_a_miss_noted_once(tmp_path: Path) -> None:
    """Valid JSON holding the wrong types (issue 17, F7) is recomputed, not trusted."""
    import json

    from briefing.extract.cache import invalid_entries

    article = _article("a", "Rain fell.")
    nlp = CountingPipe(blank_nlp())
    entries = tmp_path / "cache"
    extract([article], nlp, "blank", cache_dir=entries)
    (entry,) = entries.glob("*.json")
    good = json.loads(entry.read_text(encoding="utf-8"))
    invalid_entries()  # forget earlier builds' notes
    for broken in (
        {**good, "sentences": [{**good["sentences"][0], "start": "zero"}]},
        {**good, "mentions": "none"},
        [1, 2, 3],
    ):
        entry.write_text(json.dumps(broken), encoding="utf-8")
        first = extract([article], nlp, "blank", cache_dir=entries)
        assert first[0].sentences[0].start == 0  # recomputed, not read
        assert invalid_entries() == [entry]
    assert json.loads(entry.read_text(encoding="utf-8")) == good  # rewritten whole
    assert extract([article], nlp, "blank", cache_dir=entries) == first
    assert invalid_entries() == []
