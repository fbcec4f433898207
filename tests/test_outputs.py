"""Owned outputs (issue 17, F1): a build never deletes what it did not write. Every
way of pointing an output folder at the user's files is refused with one line,
before anything is read or written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.config import Config, load_config
from briefing.errors import ConfigError, OutputError
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
