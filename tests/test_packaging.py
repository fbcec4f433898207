"""A tool that installs and runs anywhere: the wheel carries the templates and
mkdocs.yml, ``briefing new`` makes a project that builds and publishes, and
``site_url`` fills the sitemap."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from briefing.cli import main

from .conftest import ROOT, SAMPLE_SEEDS

WORKFLOWS = (
    ROOT / ".github" / "workflows" / "pages.yml",
    ROOT / "briefing" / "scaffold" / ".github" / "workflows" / "pages.yml",
)
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")


def _run(args: list[str], cwd: Path, python: str = sys.executable) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [python, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=900
    )


@pytest.mark.model
@pytest.mark.e2e
def test_the_wheel_builds_a_site_from_a_folder_holding_only_seeds(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run(
        [
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        tmp_path,
    )
    assert built.returncode == 0, built.stderr
    env_dir = tmp_path / "venv"
    # The dependencies (spaCy, the model, MkDocs) come from this environment; briefing
    # itself only from the wheel, never from the source tree.
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = str(env_dir / "bin" / "python")
    wheel = next(dist.glob("briefing-*.whl"))
    installed = _run(["-m", "pip", "install", "-q", "--no-deps", str(wheel)], tmp_path, python)
    assert installed.returncode == 0, installed.stderr
    project = tmp_path / "project"
    shutil.copytree(SAMPLE_SEEDS, project / "seeds")
    where = _run(["-c", "import briefing; print(briefing.__file__)"], project, python)
    assert where.stdout.startswith(str(env_dir)), where.stdout
    result = _run(["-m", "briefing", "build", "--quiet"], project, python)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir()) == [
        ".briefing_cache",
        "seeds",
        "site",
        "site_src",
    ]


@pytest.mark.model
@pytest.mark.e2e
def test_a_new_project_builds_and_site_url_fills_the_sitemap(tmp_path: Path) -> None:
    project = tmp_path / "story"
    main(["new", str(project)])
    for name in ("briefing.yml", "aliases.yml", "mkdocs.yml", ".gitignore", *WORKFLOWS[1:2]):
        assert (
            project / (name if isinstance(name, str) else ".github/workflows/pages.yml")
        ).is_file()
    for seed in sorted(SAMPLE_SEEDS.iterdir())[:2]:
        shutil.copy(seed, project / "seeds" / seed.name)
    url = "https://example.org/story/"
    result = _run(["-m", "briefing", "build", "--quiet", "--site-url", url], project)
    assert result.returncode == 0, result.stderr
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{url}</loc>" in sitemap and f"<loc>{url}timeline/</loc>" in sitemap
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}">' in home
    with pytest.raises(SystemExit):  # not an empty folder: nothing is overwritten
        main(["new", str(project)])


def test_the_pages_workflows_are_valid_and_match_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("## Publishing", 1)[1].split("\n## ", 1)[0]
    for path in WORKFLOWS:
        flow = yaml.safe_load(path.read_text(encoding="utf-8"))
        steps = flow["jobs"]["build"]["steps"] + flow["jobs"]["deploy"]["steps"]
        used = [s["uses"].split("@")[0] for s in steps if "uses" in s]
        assert all(action in used for action in PAGES_ACTIONS), path
        assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
        build = next(s["run"] for s in steps if "briefing build" in s.get("run", ""))
        assert "--site-url" in build
    for action in PAGES_ACTIONS:
        assert f"`{action}`" in publishing
    assert "Settings → Pages" in publishing and "GitHub Actions" in publishing
