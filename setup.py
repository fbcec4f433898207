"""Packaging: pyproject.toml declares the project; this maps the site's sources into it.

The page templates (``docs_templates/``) and the default ``mkdocs.yml`` stay at the top
of the repository, where they are edited; a built wheel carries copies of them under
``briefing/bundled/``, so an installed briefing builds a site from any folder.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = {"docs_templates": "docs_templates", "mkdocs.yml": "mkdocs.yml"}
"""Top-level source → its place under ``briefing/bundled/`` in the wheel."""


class BuildWithSiteSources(build_py):
    """build_py that also copies the templates and mkdocs.yml into the package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "briefing" / "bundled"
        for source, name in BUNDLED.items():
            path = Path(source)
            if path.is_dir():
                shutil.copytree(path, target / name, dirs_exist_ok=True)
            elif path.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target / name)


setup(cmdclass={"build_py": BuildWithSiteSources})
