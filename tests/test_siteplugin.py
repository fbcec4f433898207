"""The plugin a build adds to MkDocs (issue 18): it changes what search indexes on the
pages that gather sentences, and nothing of any page's HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.config import Config
from briefing.pipeline import build, mkdocs_config
from briefing.siteplugin import searched_html, searched_sections
from briefing.write.templating import SECTIONS_KEY

from .conftest import blank_nlp
from .faults import PATTERNS

PAGE = (
    '<h1 id="army">Army</h1><ul><li>Written as: army</li></ul>'
    '<h2 id="key-events">Key events</h2><p>The army took the port.</p>'
    '<h2 class="x" id="names">Names</h2><p>army, the troops</p>'
    '<h2 id="sources">Sources</h2><p>Source A</p>'
)
ARTICLES = {
    f"{n}.txt": f"Port news {n}\n\nMara Velt said the Harbour Council met in Dunmore on "
    f"day {n}.\n\nThe Harbour Council said {n} boats left Dunmore.\n"
    for n in range(4)
}


def test_search_sees_the_lead_and_the_listed_sections_in_page_order() -> None:
    kept = searched_html(PAGE, frozenset({"sources", "names"}))
    assert kept.startswith('<h1 id="army">Army</h1><ul><li>Written as: army</li></ul><h2')
    assert "army, the troops" in kept and "Source A" in kept
    assert kept.index("Names") < kept.index("Sources")
    assert "took the port" not in kept


def test_a_page_without_sections_is_all_lead_and_an_empty_list_keeps_only_the_lead() -> None:
    assert searched_html("<h1>A</h1><p>text</p>", frozenset()) == "<h1>A</h1><p>text</p>"
    assert searched_html(PAGE, frozenset()) == PAGE[: PAGE.index("<h2")]


def test_only_a_listed_front_matter_value_limits_search() -> None:
    assert searched_sections({SECTIONS_KEY: ["names"]}) == {"names"}
    assert searched_sections({SECTIONS_KEY: []}) == frozenset()
    assert searched_sections({}) is None
    assert searched_sections({SECTIONS_KEY: "names"}) is None  # not a list: the whole page


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("plugin")
    (root / "seeds").mkdir()
    for name, text in ARTICLES.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    build(Config(root=root, incremental=False), nlp=blank_nlp(PATTERNS))
    return root


@pytest.mark.e2e
def test_a_sentence_is_found_on_its_article_and_an_entity_by_its_title_and_names(built) -> None:
    index = json.loads((built / "site" / "search" / "search_index.json").read_text())
    docs = index["docs"]
    hits = {e["location"].split("/")[0] for e in docs if "boats left" in e["text"]}
    assert hits == {"articles"}
    actor = [e for e in docs if e["location"].startswith("actors/harbour-council/")]
    assert actor[0]["title"] == "Harbour Council"
    assert [e["location"].split("#")[-1] for e in actor[1:]] == ["names"]
    assert any(e["location"].startswith("articles/") and "#" not in e["location"] for e in docs)


@pytest.mark.e2e
def test_every_page_is_the_html_mkdocs_alone_writes(built, tmp_path) -> None:
    from mkdocs.commands.build import build as mkdocs_build

    alone = tmp_path / "alone"
    mkdocs_build(mkdocs_config(Config(root=built), site_dir=str(alone)))
    ours = sorted(p.relative_to(built / "site") for p in (built / "site").rglob("*.html"))
    assert ours == sorted(p.relative_to(alone) for p in alone.rglob("*.html"))
    for rel in ours:
        assert (built / "site" / rel).read_bytes() == (alone / rel).read_bytes(), rel
    assert len((alone / "search" / "search_index.json").read_bytes()) > len(
        (built / "site" / "search" / "search_index.json").read_bytes()
    )
