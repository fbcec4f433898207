"""The HTML site rebuilt where its Markdown changed, the rest carried over from the last build.

MkDocs' own ``--dirty`` build renders only the pages whose source is newer than their
HTML. Three things make that safe here, where MkDocs alone would not be:

1. **same site settings**: the previous site's marker holds a fingerprint of what every
   page's HTML depends on besides its own Markdown (mkdocs.yml, the navigation's files,
   the versions of MkDocs and the theme, the overrides, the code of the site plugin and
   of this module, :data:`SITE_CODE`); when it differs, or a plugin
   other than search is on, the whole site is built;
2. **carried pages**: the staged site starts with the previous site's output of each
   page (or data file) whose source was carried unchanged into the staged docs (the
   same file, linked) and written after it; MkDocs leaves those alone. The theme's
   files are copied with their time stamps, since MkDocs writes into the files it
   rewrites, and the previous site must stay whole until the swap. Nothing else is
   carried: a removed page's HTML goes with the previous site;
3. **search index**: a dirty build indexes only the pages it rendered, so the index is
   merged back: each page's entries from this build where it was rendered, else from
   the previous index, in the order a full build writes them.

The result is byte-identical to a full build of the same Markdown (tests check this).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from importlib import metadata
from pathlib import Path

from . import atomic, siteplugin

MARKER = ".briefing-site"
"""Marks the HTML folder as one a build made, so the next build may replace it
(MkDocs empties its site_dir; hidden files like this one it keeps)."""
MARKER_TEXT = "Built by briefing; the next build replaces it.\nsettings: {}\n"
SEARCH_INDEX = Path("search") / "search_index.json"
INDEX_PLUGINS = {*siteplugin.SEARCH_PLUGINS, siteplugin.PLUGIN_NAME}
"""Plugins whose output a dirty build keeps right (the search index, merged here)."""
_DIRTY_WARNING = "A 'dirty' build is being performed"
SITE_CODE = (Path(siteplugin.__file__), Path(__file__))
"""The code that shapes the HTML and the search index besides MkDocs and the Markdown
(the plugin, this merge): a change to it renders every page again, even when
briefing's version number is the same."""


def fingerprint(mk_config, mkdocs_file: Path, overrides: dict) -> str:
    """What every page's HTML depends on besides its own Markdown."""
    docs = Path(mk_config["docs_dir"])
    nav_files = sorted(
        f"{rel}:{(docs / rel).is_file()}" for rel in _nav_sources(mk_config.get("nav") or [])
    )
    parts = [
        mkdocs_file.read_bytes().decode("utf-8", "replace"),
        json.dumps({k: str(v) for k, v in sorted(overrides.items())}),
        *nav_files,
        *(f"{name}={_version(name)}" for name in ("mkdocs", "mkdocs-material", "briefing")),
        *(_digest(path) for path in SITE_CODE),
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _nav_sources(nav) -> list[str]:
    """The Markdown files the navigation names."""
    found: list[str] = []
    for item in nav if isinstance(nav, list) else [nav]:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += _nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def marker_text(settings: str) -> bytes:
    return MARKER_TEXT.format(settings).encode("utf-8")


def can_carry(mk_config, previous: Path, settings: str) -> bool:
    """Stage 1: whether the previous site was built with these settings and plugins."""
    plugins = set(mk_config["plugins"].keys())
    marker = previous / MARKER
    return (
        plugins <= INDEX_PLUGINS
        and marker.is_file()
        and marker.read_bytes() == marker_text(settings)
        and (previous / SEARCH_INDEX).is_file()
    )


def carry_over(mk_config, previous: Path, old_docs: Path, staging: Path) -> dict[str, bool]:
    """Stage 2: fill ``staging`` from the previous site; every page's URL, in the order
    a full build indexes them, with whether it was carried. What no file of this build
    produces (a removed page's HTML) is left behind."""
    docs = Path(mk_config["docs_dir"])
    pages: dict[str, bool] = {}
    for file in _site_files(mk_config):
        old_output = previous / file.dest_uri
        if Path(file.abs_src_path or "").is_relative_to(docs):
            # not newer than its output, so MkDocs will not write it: a link is safe
            kept = _unchanged(docs / file.src_uri, old_docs / file.src_uri, old_output)
            if kept:
                atomic.keep_file(old_output, staging / file.dest_uri)
            if file.is_documentation_page():
                pages[_page_url(file)] = kept
        elif old_output.is_file():  # the theme's: copied with its time, so left alone
            (staging / file.dest_uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(old_output, staging / file.dest_uri)
    return pages


def _site_files(mk_config):
    """Every file MkDocs copies or renders: the docs' and the theme's."""
    from mkdocs.structure.files import get_files

    files = get_files(mk_config)
    files.add_files_from_theme(mk_config.theme.get_env(), mk_config)
    return files


def _unchanged(source: Path, old_source: Path, old_output: Path) -> bool:
    """The source is the very file the previous docs held (carried, not rewritten),
    and its previous output was written after it."""
    try:
        return os.path.samefile(source, old_source) and (
            old_output.stat().st_mtime >= source.stat().st_mtime
        )
    except OSError:
        return False


def merge_search_index(previous: Path, staging: Path, pages: dict[str, bool]) -> None:
    """Stage 3: the index a full build writes, from this build's entries and the
    previous index's for the pages carried over (``pages``: :func:`carry_over`'s)."""
    fresh = json.loads((staging / SEARCH_INDEX).read_text(encoding="utf-8"))
    old = json.loads((previous / SEARCH_INDEX).read_text(encoding="utf-8"))
    by_page = {True: _entries_by_page(old["docs"]), False: _entries_by_page(fresh["docs"])}
    docs = [entry for url, kept in pages.items() for entry in by_page[kept].get(url, [])]
    data = json.dumps({"config": fresh["config"], "docs": docs}, separators=(",", ":"), default=str)
    atomic.write_file(staging / SEARCH_INDEX, data.encode("utf-8"))


def _page_url(file) -> str:
    """The URL the search index names a page by (MkDocs' ``Page.url``: the home page's
    is empty)."""
    return "" if file.url in (".", "./") else file.url


def _entries_by_page(entries: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for entry in entries:
        grouped.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    return grouped


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation wrong; here it cannot (the
    settings, navigation included, are the same), and in strict mode the warning
    would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)
