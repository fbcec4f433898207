"""A new briefing project: ``briefing new DIR``.

The files it writes are kept in ``briefing/scaffold/`` (a commented ``briefing.yml``,
an example ``aliases.yml``, a ``.gitignore`` and a GitHub Actions workflow that
publishes the site to Pages); ``mkdocs.yml`` is the package's own. The page templates
are not copied: the package's serve until the project adds its own
``docs_templates/``.
"""

from __future__ import annotations

from pathlib import Path

from .errors import OutputError
from .pipeline import packaged_file

SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
"""The files a new project starts with."""
FILES = {
    "briefing.yml": SCAFFOLD / "briefing.yml",
    "aliases.yml": SCAFFOLD / "aliases.yml",
    ".gitignore": SCAFFOLD / "gitignore",
    ".github/workflows/pages.yml": SCAFFOLD / ".github" / "workflows" / "pages.yml",
}
"""Path in the new project → where its content comes from."""
SEEDS_KEEP = "seeds/.gitkeep"
"""Keeps the empty seeds folder in git (hidden files are never read as articles)."""


def scaffold(folder: Path) -> list[Path]:
    """Write a new project into ``folder`` (absent or empty); the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError("is not an empty folder: a new project needs one", folder)
    mkdocs = packaged_file(Path("mkdocs.yml"))
    sources = {**FILES, **({"mkdocs.yml": mkdocs} if mkdocs else {})}
    written = []
    try:
        for name, source in sources.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
            written.append(target)
        keep = folder / SEEDS_KEEP
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_bytes(b"")
    except OSError as exc:
        raise OutputError(f"cannot write the new project: {exc.strerror or exc}", folder) from exc
    return [*written, keep]
