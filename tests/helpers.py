"""Shared checks for the end-to-end tests."""

from __future__ import annotations

import re
from pathlib import Path

LINK = re.compile(r"\]\(([^)\s]+)\)")
ANCHOR = re.compile(r"\{:? ?#([\w-]+) ?\}")
HTML_ID = re.compile(r'<[a-z]+ [^>]*\bid="([\w-]+)"')


def broken_links(site_src: Path) -> list[str]:
    """Every relative Markdown link whose target page or paragraph anchor is missing."""
    problems = []
    anchors: dict[Path, set[str]] = {}
    for page in sorted(site_src.rglob("*.md")):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://")):
                continue
            path, _, anchor = target.partition("#")
            resolved = (page.parent / path).resolve() if path else page.resolve()
            if not resolved.is_file():
                problems.append(f"{page.relative_to(site_src)} → {target}: no such file")
                continue
            if anchor:
                if resolved not in anchors:
                    text = resolved.read_text(encoding="utf-8")
                    anchors[resolved] = set(ANCHOR.findall(text)) | set(HTML_ID.findall(text))
                if anchor not in anchors[resolved]:
                    problems.append(f"{page.relative_to(site_src)} → {target}: no such anchor")
    return problems


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
