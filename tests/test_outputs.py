"""Owned outputs (issue 17, F1): a build never deletes what it did not write. Every
way of pointing an output folder at the user's files is refused with one line,
before anything is read or written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.config import Config, load_config
from briefing.errors import ConfigError, OutputError, StrictModeError
from briefing.pipeline import SITE_MARKER, build

from .conftest import blank_nlp

ARTICLE = "Flood waters rose in the valley on Monday, officials said.\n"


def _project(tmp_path: Path, seeds: str = "seeds") -> Path:
    (tmp_path / seeds).mkdir(parents=True)
    (tmp_path / seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "briefing", "build", "--quiet", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


@pytest.mark.parametrize(
    "settings",
    [
        {"seeds": "site"},  # the articles kept in a folder named like the HTML output
        {"site_dir": "seeds"},
        {"site_src": "seeds"},
        {"site_dir": "."},  # above the seeds
        {"site_dir": "seeds/html"},  # inside the seeds
        {"cache_dir": "seeds"},
        {"cache_dir": "seeds/.cache"},
        {"site_src": "out", "site_dir": "out/html"},
    ],
)
def test_an_output_folder_that_would_touch_the_inputs_is_refused(tmp_path: Path, settings) -> None:
    seeds = settings.get("seeds", "seeds")
    root = _project(tmp_path, seeds)
    if "seeds" in settings:  # from the command line
        args = [f"--seeds={seeds}"]
    else:  # from briefing.yml
        lines = "".join(f"{key}: {value}\n" for key, value in settings.items())
        (root / "briefing.yml").write_text(lines, encoding="utf-8")
        with pytest.raises(ConfigError):
            load_config(root / "briefing.yml")
        args = []
    result = _cli(root, *args)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "error:" in result.stderr and "Traceback" not in result.stderr
    assert (root / seeds / "a.txt").read_text(encoding="utf-8") == ARTICLE  # nothing lost
    assert not (root / "site_src").exists() and not (root / ".briefing_cache").exists()


def test_a_site_dir_holding_the_users_files_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path)
    (root / "mine").mkdir()
    (root / "mine" / "notes.txt").write_text("my notes\n", encoding="utf-8")
    config = Config(root=root, site_dir=Path("mine"))
    with pytest.raises(OutputError, match="site_dir"):
        build(config, nlp=blank_nlp())
    assert (root / "mine" / "notes.txt").read_text(encoding="utf-8") == "my notes\n"
    assert not (root / "site_src").exists() and not (root / ".briefing_cache").exists()


@pytest.mark.e2e
def test_a_built_site_is_marked_and_rebuilt_in_place(tmp_path: Path) -> None:
    root = _project(tmp_path)
    config = Config(root=root)
    site = build(config, nlp=blank_nlp()).site_dir
    assert (site / SITE_MARKER).is_file()
    (site / "stale.html").write_text("old\n", encoding="utf-8")
    build(config, nlp=blank_nlp())  # ours: MkDocs may empty it
    assert not (site / "stale.html").exists() and (site / "index.html").is_file()


def test_hidden_folders_fifos_and_sockets_are_listed_not_read(tmp_path: Path) -> None:
    from briefing.ingest import ingest

    root = _project(tmp_path)
    (root / "seeds" / ".git").mkdir()
    (root / "seeds" / ".git" / "notes.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(root / "seeds" / "pipe.txt")  # reading it would block the build
    corpus = ingest(root / "seeds", Config(root=root))
    assert [a.file for a in corpus.articles] == ["a.txt"]
    assert {s.file: s.reason for s in corpus.skipped} == {
        ".git": "hidden folder, not read",
        "pipe.txt": "a FIFO, not a regular file",
    }


def test_names_windows_reserves_are_no_slugs() -> None:
    from briefing.textutil import slugify

    assert [slugify(n) for n in ("CON", "aux", "Com1", "LPT9", "Conway")] == [
        "con-item", "aux-item", "com1-item", "lpt9-item", "conway",
    ]  # fmt: skip


def test_control_characters_are_inert_in_the_terminal_and_on_pages(tmp_path: Path) -> None:
    root = _project(tmp_path)
    hostile = "evil\x1b]0;owned\x07\x1b[31m.bin"
    (root / "seeds" / hostile).write_bytes(b"x")
    result = _cli(root, "--no-site")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b]0;owned\\x07" in result.stderr  # shown, escaped
    sources = (root / "site_src" / "sources.md").read_text(encoding="utf-8")
    assert "\x1b" not in sources and "\x07" not in sources and "owned" in sources


def test_an_aliases_yml_that_is_not_a_file_is_an_error(tmp_path: Path) -> None:
    from briefing.resolve.curation import load_curation

    (tmp_path / "aliases.yml").mkdir()
    with pytest.raises(ConfigError, match="not a file"):
        load_curation(tmp_path / "aliases.yml")
    assert load_curation(tmp_path / "absent.yml").merge == ()  # absent: no curation


def test_an_aliases_entry_naming_no_entity_is_a_warning_and_fails_in_strict_mode(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path)
    (root / "seeds" / "a.txt").write_text(
        "Flood waters rose in Valmora on Monday, officials in Valmora said.\n", encoding="utf-8"
    )
    (root / "aliases.yml").write_text(
        "merge:\n  - [Valmora, Valmorra]\nrename:\n  Nowhere Town: Somewhere\n"
        "kind:\n  valmora: place\n",
        encoding="utf-8",
    )
    nlp = blank_nlp([{"label": "GPE", "pattern": "Valmora"}])
    notes = build(Config(root=root), nlp=nlp, run_mkdocs=False).notes
    assert any("merge: 'Valmorra' names no entity" in note for note in notes)
    assert any("rename: 'nowhere town' names no entity" in note for note in notes)
    assert not any("Valmora'" in note or "kind:" in note for note in notes)  # these matched
    with pytest.raises(StrictModeError, match="name no entity"):
        build(Config(root=root, strict=True), nlp=nlp, run_mkdocs=False)


def _pages(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*.md")
    }


def test_an_unchanged_page_keeps_its_file_and_time_stamp(tmp_path: Path) -> None:
    root = _project(tmp_path)
    build(Config(root=root), nlp=blank_nlp(), run_mkdocs=False)
    before = _pages(root / "site_src")
    (root / "seeds" / "b.txt").write_text("Rain fell on Tuesday.\n", encoding="utf-8")
    report = build(Config(root=root), nlp=blank_nlp(), run_mkdocs=False).report
    after = _pages(root / "site_src")
    same = [rel for rel in before if rel in after and after[rel][0] == before[rel][0]]
    assert report.written and report.unchanged >= len(same) > 0
    assert all(after[rel][1] == before[rel][1] for rel in same)  # carried over, not rewritten


def test_control_characters_in_a_curation_rename_reach_no_page(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "seeds" / "a.txt").write_text("Rain fell on Valmora on Monday.\n", encoding="utf-8")
    (root / "aliases.yml").write_text(
        'rename:\n  Valmora: "Val\\0mo\\x1b[31mra\\u202e"\n', encoding="utf-8"
    )
    build(Config(root=root), nlp=blank_nlp([{"label": "GPE", "pattern": "Valmora"}]),
          run_mkdocs=False)  # fmt: skip
    pages = "".join(p.read_text(encoding="utf-8") for p in (root / "site_src").rglob("*.md"))
    places = [p.read_text(encoding="utf-8") for p in (root / "site_src" / "places").glob("*.md")]
    assert any("title: Valmo" in page for page in places)  # renamed, its controls gone
    assert not any(c in pages for c in ("\x00", "\x1b", "\u202e"))


def test_a_folder_is_swapped_in_whole_and_a_retired_one_is_put_back(tmp_path: Path) -> None:
    from briefing import atomic

    target = tmp_path / "out"
    target.mkdir()
    (target / "old.md").write_text("old\n", encoding="utf-8")
    staging = atomic.staging_folder(target)
    (staging / "new.md").write_text("new\n", encoding="utf-8")
    atomic.swap_in(staging, target)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert [p.name for p in target.iterdir()] == ["new.md"]
    # a build killed between the two renames of a system that cannot exchange folders
    retired = tmp_path / f".out.{atomic.RETIRED}-999999999"
    target.rename(retired)
    atomic.recover(target)
    assert [p.name for p in target.iterdir()] == ["new.md"] and not retired.exists()


def test_an_article_longer_than_the_bound_is_skipped_with_its_length(tmp_path: Path) -> None:
    from briefing.ingest import ingest

    root = _project(tmp_path)
    (root / "seeds" / "dump.txt").write_text("Rain fell again. " * 700, encoding="utf-8")
    corpus = ingest(root / "seeds", Config(root=root, max_article_chars=10_000))
    assert [a.file for a in corpus.articles] == ["a.txt"]
    (skipped,) = corpus.skipped
    assert skipped.file == "dump.txt" and re.search(r"of 11,[0-9]{3} characters", skipped.reason)
    assert "max_article_chars (10,000)" in skipped.reason


def test_a_mkdocs_yml_listing_no_pages_outside_the_navigation_still_builds(
    tmp_path: Path,
) -> None:
    """A project's mkdocs.yml from before a page family was added knows nothing of its
    pages; the strict build must not fail over them."""
    root = _project(tmp_path)
    packaged = (Path(__file__).resolve().parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    older = packaged.split("not_in_nav:")[0] + "validation:" + packaged.split("validation:")[1]
    (root / "mkdocs.yml").write_text(older, encoding="utf-8")
    result = build(Config(root=root), nlp=blank_nlp())
    assert (result.site_dir / "articles").is_dir() and result.report.pages["articles"] >= 1
