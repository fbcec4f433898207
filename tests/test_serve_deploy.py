"""`briefing serve` and `briefing deploy` run for real, in a scratch project."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = [pytest.mark.model, pytest.mark.e2e]

FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "quality" / "sudan" / "seeds"
NEW_ARTICLE = "Storm reaches Lisbon\n\nMonday, June 10, 2024\n\nA storm reached Lisbon on Monday, officials said.\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(predicate, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_serves_the_site_and_rebuilds_when_seeds_change(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_SEEDS, tmp_path / "seeds")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--quiet", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert _wait_for(lambda: (_get(base) or "").count("About these pages") > 0), (
            "site not served"
        )
        (tmp_path / "seeds" / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        assert _wait_for(lambda: "Storm reaches Lisbon" in (_get(base + "articles/") or ""))
    finally:
        server.terminate()
        server.wait(timeout=30)


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env
    ).stdout


def test_deploy_pushes_the_site_to_gh_pages(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    project = tmp_path / "project"
    _git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    shutil.copytree(FIXTURE_SEEDS, project / "seeds")
    _git("init", "-q", cwd=project)
    _git("remote", "add", "origin", str(remote), cwd=project)
    _git("add", "seeds", cwd=project)
    _git("commit", "-qm", "seeds", cwd=project)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "deploy", "--quiet", "-m", "publish briefing"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    files = _git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert "index.html" in files and "data/briefing.json" in files
    assert any(f.startswith("actors/") for f in files)
    assert "publish briefing" in _git("log", "-1", "--format=%s", "gh-pages", cwd=remote)


def test_a_failed_deploy_is_one_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE_SEEDS, project / "seeds")  # no git repository: nowhere to push
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "deploy", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: deploy failed"), result.stderr
    assert "Traceback" not in result.stderr
