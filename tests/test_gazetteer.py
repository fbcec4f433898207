"""The gazetteer: place names compared without their article, answers cached by version."""

from briefing.resolve import gazetteer
from briefing.resolve.gazetteer import CachedGazetteer, comparable

from .test_locate import FakeGazetteer


def test_comparable_names_lose_the_arabic_article_and_accents() -> None:
    assert comparable("al-Raqqa") == comparable("ar-Raqqa") == comparable("Raqqa") == "raqqa"
    assert comparable("ad-Dana") == "dana"
    assert comparable("Ḩamāh") == "hamah"


def test_gazetteer_answers_are_cached_on_disk_by_version(tmp_path) -> None:
    loads = []

    def load():
        loads.append(1)
        return FakeGazetteer()

    path = tmp_path / "gazetteer.json"
    first = CachedGazetteer(path, load, "v1")
    answers = (first.exact("Damascus"), first.close("Saraqeb", frozenset({"SY"})))
    first.save()
    assert len(loads) == 1

    again = CachedGazetteer(path, load, "v1")
    assert (again.exact("Damascus"), again.close("Saraqeb", frozenset({"SY"}))) == answers
    assert len(loads) == 1 and not again.loaded  # nothing new asked: tables never loaded

    newer = CachedGazetteer(path, load, "v2")
    assert newer.exact("Damascus") == answers[0]
    assert len(loads) == 2  # another version answers afresh


def test_the_cache_version_follows_the_article_forms(tmp_path, monkeypatch) -> None:
    before = gazetteer.gazetteer_version()
    words = tmp_path / "romanisations.yml"
    words.write_text(gazetteer._ROMANISATIONS.read_text(encoding="utf-8") + "\n# edited\n")
    monkeypatch.setattr(gazetteer, "_ROMANISATIONS", words)
    assert gazetteer.gazetteer_version() != before
