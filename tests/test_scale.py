"""A story that grows (issue 18): extraction on every core or on a Dask cluster gives
the records of one process, and a rebuild after a new, changed or removed article
renders only the pages it touches yet is byte-identical to a clean build."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefing import rebuild
from briefing.config import Config
from briefing.extract import extract, parallel
from briefing.ingest import ingest
from briefing.pipeline import build, generate

from .conftest import MODEL_NAMES, SAMPLE_SEEDS, blank_nlp
from .faults import PATTERNS
from .helpers import tree_bytes

ARTICLES = {
    f"{n}.txt": f"Port news {n}\n\nMara Velt said the Harbour Council met in Dunmore on "
    f"day {n}.\n\nThe Harbour Council said {n} boats left Dunmore.\n"
    for n in range(6)
}
NEW_ARTICLE = (
    "Council reopens the port\n\nThe Harbour Council reopened the port of Dunmore on "
    "Wednesday, Mara Velt said.\n"
)


def _seeds(root: Path, articles: dict[str, str]) -> Path:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    return root


def test_a_pool_of_workers_gives_the_records_of_one_process(tmp_path, monkeypatch) -> None:
    root = _seeds(tmp_path, ARTICLES)
    articles = ingest(root / "seeds", Config(root=root)).articles
    nlp = blank_nlp(PATTERNS)
    alone = extract(articles, nlp, "blank", workers=1)
    monkeypatch.setattr(parallel, "PARAGRAPHS_PER_TASK", 1)  # a batch per article
    assert len(list(parallel.batches(articles))) == len(articles)
    pooled = extract(articles, nlp, "blank", workers=2)
    assert pooled == alone
    assert [r.article_id for r in pooled] == [a.id for a in articles]
    assert any(r.mentions for r in pooled)


def test_a_pool_worker_runs_in_another_process(tmp_path) -> None:
    root = _seeds(tmp_path, ARTICLES)
    articles = ingest(root / "seeds", Config(root=root)).articles
    nlp = blank_nlp(PATTERNS)
    seen: list[int] = []

    @nlp.component("note_pid")
    def note_pid(doc):  # runs where the parsing runs
        seen.append(os.getpid())
        doc.user_data["pid"] = os.getpid()
        return doc

    nlp.add_pipe("note_pid")
    list(parallel.run(articles, nlp, workers=2))
    assert seen == []  # nothing was parsed in this process


@pytest.mark.model
@pytest.mark.e2e
def test_a_local_dask_cluster_of_two_workers_builds_the_same_pages(tmp_path, trained_nlp) -> None:
    articles = sorted(SAMPLE_SEEDS.iterdir())[:4]
    pages = {}
    for where in ("", "local"):
        root = tmp_path / (where or "here")
        (root / "seeds").mkdir(parents=True)
        for path in articles:
            shutil.copyfile(path, root / "seeds" / path.name)
        config = Config(root=root, model=MODEL_NAMES, workers=2, scheduler=where)
        generate(config, nlp=trained_nlp)
        pages[where] = tree_bytes(root / "site_src")
        assert any(root.joinpath(".briefing_cache").rglob("*.json"))  # the same cache
    assert pages["local"] == pages[""]


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> dict:
    """A project built, then rebuilt after one new article, beside a clean build of
    the grown corpus; with the HTML files of the first build, by inode."""
    nlp = blank_nlp(PATTERNS)
    root = _seeds(tmp_path_factory.mktemp("grown"), ARTICLES)
    build(Config(root=root), nlp=nlp)
    first = {p.stat().st_ino: p for p in (root / "site").rglob("*.html")}
    (root / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    result = build(Config(root=root), nlp=nlp)
    clean = _seeds(tmp_path_factory.mktemp("clean"), {**ARTICLES, "new.txt": NEW_ARTICLE})
    build(Config(root=clean, incremental=False), nlp=nlp)
    return {"root": root, "clean": clean, "first": first, "result": result}


@pytest.mark.e2e
def test_a_rebuild_after_a_new_article_is_byte_identical_to_a_clean_build(grown) -> None:
    for name in ("site_src", "site"):
        assert tree_bytes(grown["root"] / name) == tree_bytes(grown["clean"] / name), name


@pytest.mark.e2e
def test_a_rebuild_renders_only_the_pages_whose_markdown_changed(grown) -> None:
    site = grown["root"] / "site"
    html = list(site.rglob("*.html"))
    carried = [p for p in html if p.stat().st_ino in grown["first"]]
    assert carried, "no page was carried over"
    assert len(carried) < len(html)
    written = grown["result"].report.written
    assert len(html) - len(carried) <= written + 2  # the changed pages and 404/home
    new_page = next((grown["root"] / "site_src" / "articles").glob("new*.md"))
    assert (site / "articles" / new_page.stem / "index.html").stat().st_ino not in grown["first"]


@pytest.mark.e2e
def test_the_merged_search_index_finds_the_new_and_the_old_pages(grown) -> None:
    index = json.loads((grown["root"] / "site" / "search" / "search_index.json").read_text())
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "reopened the port" in text and "boats left" in text
    found = {e["location"].split("/")[0] for e in index["docs"] if "boats left" in e["text"]}
    assert "articles" in found and not found & {"actors", "places"}  # each hit once


@pytest.mark.e2e
def test_a_removed_or_changed_article_rebuilds_to_a_clean_build(tmp_path) -> None:
    nlp = blank_nlp(PATTERNS)
    changed = {**ARTICLES, "1.txt": NEW_ARTICLE}
    del changed["2.txt"]
    root = _seeds(tmp_path / "grown", ARTICLES)
    build(Config(root=root), nlp=nlp)
    (root / "seeds" / "2.txt").unlink()
    (root / "seeds" / "1.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build(Config(root=root), nlp=nlp)
    clean = _seeds(tmp_path / "clean", changed)
    build(Config(root=clean, incremental=False), nlp=nlp)
    assert tree_bytes(root / "site") == tree_bytes(clean / "site")


@pytest.mark.e2e
def test_other_site_settings_render_every_page_again(tmp_path) -> None:
    nlp = blank_nlp(PATTERNS)
    root = _seeds(tmp_path, ARTICLES)
    config = Config(root=root)
    build(config, nlp=nlp)
    first = {p.stat().st_ino for p in (root / "site").rglob("*.html")}
    build(replace(config, title="Another title"), nlp=nlp)
    again = {p.stat().st_ino for p in (root / "site").rglob("*.html")}
    assert not first & again


def test_a_change_to_the_code_that_shapes_the_html_renders_every_page_again(
    tmp_path, monkeypatch
) -> None:
    """The version number stays the same between commits; the plugin's code does not."""
    code, mkdocs_file = tmp_path / "plugin.py", tmp_path / "mkdocs.yml"
    code.write_text("A = 1\n", encoding="utf-8")
    mkdocs_file.write_text("site_name: x\n", encoding="utf-8")
    monkeypatch.setattr(rebuild, "SITE_CODE", (code,))
    settings = {"docs_dir": str(tmp_path), "nav": None}
    before = rebuild.fingerprint(settings, mkdocs_file, {})
    assert rebuild.fingerprint(settings, mkdocs_file, {}) == before
    code.write_text("A = 2\n", encoding="utf-8")
    assert rebuild.fingerprint(settings, mkdocs_file, {}) != before


def _dated(day: int, body: str) -> str:
    return f"Port news of {day} March\n\n{day} March 2024\n\n{body}\n"


def test_a_new_day_leaves_the_pages_of_what_it_does_not_name_as_they_were(tmp_path) -> None:
    """A growing story's next day rewrites the pages of what its reports name, not of
    everything: an entity's chart runs to its own last day, not the story's."""
    nlp = blank_nlp(PATTERNS)
    root = _seeds(
        tmp_path,
        {
            f"{day}.txt": _dated(day, "Mara Velt said the Harbour Council met in Dunmore.")
            for day in (4, 5)
        },
    )
    generate(Config(root=root), nlp=nlp)
    before = tree_bytes(root / "site_src")
    _seeds(root, {"6.txt": _dated(6, "The Harbour Council said ten boats left.")})
    generate(Config(root=root), nlp=nlp)
    after = tree_bytes(root / "site_src")
    person = next(k for k in before if k.startswith("actors/") and "velt" in k)
    council = next(k for k in before if k.startswith("actors/") and "council" in k)
    assert any(k.startswith("days/") and k not in before for k in after)  # a day added
    assert after[council] != before[council]
    assert after[person] == before[person]
