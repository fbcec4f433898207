"""A corpus of bad files builds without a crash, and every file is accounted for."""

from __future__ import annotations

import codecs
import json

import pytest

from briefing.config import Config
from briefing.pipeline import build

from .conftest import blank_nlp

GOOD = "Floods hit the town of Marlow on Monday, officials said, and roads were closed."


@pytest.mark.e2e
def test_bad_files_are_listed_and_the_build_goes_on(make_seeds) -> None:
    root = make_seeds(
        {
            "good.txt": GOOD,
            "empty.txt": b"",
            "binary.txt": bytes(range(256)) * 4,
            "huge.txt": ("word " * 4_200_000).encode(),  # 21 MB, over the 5 MB default limit
            "truncated.txt": "Café owners in Marlow said the water rose fast, Zürich".encode()[:-1],
            "utf16.txt": codecs.BOM_UTF16_LE
            + "Schools in Marlow reopened on Tuesday.".encode("utf-16-le"),
            "page.html": (
                "<html><head><script>alert(1)</script></head><body><iframe src='x'></iframe>"
                "<p>The mayor of Marlow said repairs would take a month.</p></body></html>"
            ),
            "scripts-only.html": "<html><head><script>var a = 1;</script></head><body><iframe></iframe></body></html>",
            "photo.jpg": b"\xff\xd8\xff\xe0" + bytes(100),
            "lines.jsonl": '{"text": "Marlow residents returned home."}\nnot json\n',
        }
    )
    result = build(Config(root=root), nlp=blank_nlp([{"label": "GPE", "pattern": "Marlow"}]))
    skipped = {s.file: s.reason for s in result.corpus.skipped}
    read = {a.file for a in result.corpus.articles}
    assert read == {"good.txt", "truncated.txt", "utf16.txt", "page.html", "lines.jsonl"}
    assert skipped.keys() == {
        "empty.txt",
        "binary.txt",
        "huge.txt",
        "scripts-only.html",
        "photo.jpg",
        "lines.jsonl, line 2",
    }
    assert "too large" in skipped["huge.txt"] and "binary" in skipped["binary.txt"]

    sources = (root / "site_src" / "sources.md").read_text(encoding="utf-8")
    for name in read | {f for f in skipped if "," not in f}:
        assert name.replace("_", "&#95;") in sources, name
    export = json.loads((result.site_dir / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in export["skipped"]} == skipped.keys()
    page = next(a for a in result.corpus.articles if a.file == "page.html")
    assert "alert" not in page.text
