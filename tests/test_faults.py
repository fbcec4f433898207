"""Fault injection (issue 17): a build killed (SIGKILL) or failing a write at any
point leaves the previous ``site_src/`` and ``site/`` whole, and the next build is
byte-identical to a clean one."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import atomic

from .conftest import ROOT

pytestmark = pytest.mark.e2e

ARTICLES = {
    "a.txt": "Harbour vote delayed\n\nMara Velt said the Harbour Council would meet in "
    "Dunmore on Monday.\n",
    "b.txt": "Storm reaches the coast\n\nHigh winds closed the port of Dunmore on "
    "Tuesday, the Harbour Council said.\n",
}
NEW_ARTICLE = (
    "Council reopens the port\n\nThe Harbour Council reopened the port of Dunmore on "
    "Wednesday, Mara Velt said.\n"
)
OUTPUTS = ("site_src", "site")


def _run(root: Path, fault: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.faults", str(root), fault],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _project(root: Path, articles: dict[str, str]) -> Path:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The outputs of a clean build of the grown corpus."""
    root = _project(tmp_path_factory.mktemp("clean"), {**ARTICLES, "c.txt": NEW_ARTICLE})
    assert _run(root, "none").returncode == 0
    return {name: _tree(root / name) for name in OUTPUTS}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project built once, before its corpus grows by one article."""
    root = _project(tmp_path_factory.mktemp("built"), ARTICLES)
    assert _run(root, "none").returncode == 0
    return root


@pytest.mark.parametrize(
    "fault", ["pages", "swap", "mkdocs", "site-swap", "disk-full", "mkdocs-disk-full"]
)
def test_a_failed_build_leaves_the_old_site_whole_and_the_next_build_is_clean(
    tmp_path: Path, built: Path, clean: dict, fault: str
) -> None:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    before = {name: _tree(root / name) for name in OUTPUTS}
    (root / "seeds" / "c.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    failed = _run(root, fault)

    if fault.endswith("disk-full"):
        assert failed.returncode == 1, failed.stderr
        line = failed.stdout.strip()
        assert "No space left on device" in line and "\n" not in line
        assert str(root) in line  # names the file
    else:
        assert failed.returncode == -signal.SIGKILL, failed.stderr
    for name in OUTPUTS:
        atomic.recover(root / name)  # what the next build does first
    assert _tree(root / "site") == before["site"]
    # killed between the two swaps, each folder is whole, site_src already the new one
    pages = clean if fault == "site-swap" else before
    assert _tree(root / "site_src") == pages["site_src"]
    assert _run(root, "none").returncode == 0
    for name in OUTPUTS:
        assert _tree(root / name) == clean[name], name
    left = [p.name for p in root.iterdir() if atomic.STAGING in p.name or atomic.RETIRED in p.name]
    assert not left
