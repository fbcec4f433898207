"""Write stage: render the briefing into Markdown pages and the JSON export.

1. **render** (:mod:`.pages`): every page and the export, one at a time; the pages'
   wording is in the Jinja2 templates, links are written by :mod:`.links`, the export
   by :mod:`.export` (JSON, its schema in :mod:`.schema`) and :mod:`.tables` (CSV,
   GeoJSON). Article text is untrusted: every value a template prints is
   escaped unless it was built here as Markup.
2. **sync** (:mod:`.sync`): each file is staged as it is rendered, in a new folder
   that then replaces the output folder whole; unchanged files keep their time stamps.

The stage renders what resolve decided (partyhood, day salience and summaries,
figure topics); it decides nothing about the story itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..records import Briefing
from .maps import Tiles
from .pages import render
from .sync import Content, check_ownership, sync

__all__ = ["OUTSIDE_NAV", "Tiles", "WriteReport", "check_ownership", "write"]

OUTSIDE_NAV = (
    "/actors/*.md",
    "/actors/*/*.md",
    "/places/*.md",
    "/places/*/*.md",
    "/days/*.md",
    "/articles/*.md",
    "/figures/*.md",
    "/quotes/*.md",
)
"""The pages written here that the navigation does not list, reached by links (as
MkDocs' ``not_in_nav`` patterns): a navigation listing every page would make each
page's HTML, and the build, grow with the site."""


@dataclass(frozen=True)
class WriteReport:
    """What the write stage did."""

    written: int
    """Files created or changed."""
    unchanged: int
    """Files already up to date."""
    removed: int
    """Stale files deleted."""
    pages: dict[str, int]
    """Page counts by section (actors, places, days, articles, other)."""
    folder: Path
    """Where the pages are: the output folder, or (mode "stage") the staged folder
    that is to replace it."""


def write(
    briefing: Briefing,
    out_dir: Path,
    templates: Path,
    tiles: Tiles | None = None,
    site_url: str = "",
    mode: str = "swap",
) -> WriteReport:
    """Render the briefing and synchronise ``out_dir`` with it; ``tiles``, when given,
    adds an interactive map over them to the front page; ``site_url`` (where the site
    is published) makes the exports' page addresses absolute; ``mode`` (see
    :func:`.sync.sync`) swaps the folder in whole, leaves it staged, or replaces the
    changed files one by one (for a live preview)."""
    counts: Counter[str] = Counter()

    def counted(pages: Iterable[tuple[str, Content]]) -> Iterable[tuple[str, Content]]:
        for rel, content in pages:
            if rel.endswith(".md"):
                counts[rel.split("/")[0] if "/" in rel else "other"] += 1
            yield rel, content

    pages = render(briefing, templates, tiles, site_url)
    written, unchanged, removed, folder = sync(counted(pages), out_dir, mode)
    return WriteReport(written, unchanged, removed, dict(sorted(counts.items())), folder)
