"""Article text is untrusted: it must come out as inert text in the built site."""

import html
import json
import re
from pathlib import Path

import frontmatter
import pytest

from briefing.config import Config
from briefing.pipeline import build

from .conftest import blank_nlp

HOSTILE = """Evil <script>alert(1)</script> headline {{ 7*7 }}

---
title: pwned
layout: evil
---

Officials in Springfield said {{ 7*7 }} and {% raw %} were fine, and <script>alert(1)</script> ran nowhere.

Click [x](javascript:alert(1)) for more, said Mayor Joe Quimby.

<img src=x onerror=alert(2)> | a | b |
"""


@pytest.mark.e2e
def test_hostile_article_text_is_inert_in_the_built_site(make_seeds) -> None:
    root = make_seeds(
        {"evil.txt": HOSTILE, "ok.txt": "Springfield was quiet on Monday, Joe Quimby said."}
    )
    nlp = blank_nlp(
        [{"label": "GPE", "pattern": "Springfield"}, {"label": "PERSON", "pattern": "Joe Quimby"}]
    )
    result = build(Config(root=root), nlp=nlp)
    site = result.site_dir
    assert site is not None

    pages = [p for p in site.rglob("*.html")]
    assert any("evil" in p.parts for p in pages)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert 'href="javascript:' not in text, page
        assert "<img src=x" not in text, page
        assert ">49<" not in text and " 49 " not in text, page
        head = re.search(r"<title>(.*?)</title>", text, re.S)
        assert head and "<" not in head.group(1), page

    article_html = (site / "articles" / "evil" / "index.html").read_text(encoding="utf-8")
    visible = html.unescape(re.sub(r"<[^>]+>", "", article_html))
    for literal in (
        "{{ 7*7 }}",
        "{% raw %}",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
    ):
        assert literal in visible, literal

    md = frontmatter.loads((root / "site_src" / "articles" / "evil.md").read_text(encoding="utf-8"))
    assert set(md.metadata) == {"title", "article", "page", "published"}
    assert "pwned" not in md.metadata.values()

    export = json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))
    assert any("{{ 7*7 }}" in a["text"] for a in export["articles"])


def test_output_folder_with_foreign_files_is_not_cleaned(make_seeds, tmp_path: Path) -> None:
    from briefing.errors import OutputError

    root = make_seeds({"a.txt": "Springfield was quiet on Monday, officials said."})
    (root / "site_src").mkdir()
    (root / "site_src" / "my-notes.md").write_text("precious")
    nlp = blank_nlp([{"label": "GPE", "pattern": "Springfield"}])
    with pytest.raises(OutputError, match="not written by briefing"):
        build(Config(root=root), nlp=nlp, run_mkdocs=False)
    assert (root / "site_src" / "my-notes.md").read_text() == "precious"
