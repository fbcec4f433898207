"""A hostile-names corpus is printed and published inert (issue 17, F6 and section 6).

File names, headlines, bylines, paragraphs and the names of people and places hold
terminal escapes (ANSI colours, OSC hyperlinks), bidirectional overrides, C1
controls, and Markdown, HTML, Jinja2, YAML and table syntax. The terminal output of
``briefing build`` and every generated Markdown page must hold none of those
controls raw, no live ``<script``, front matter that parses, and safe file names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefing.cli import cli
from briefing.config import Config
from briefing.pipeline import generate
from briefing.textutil import printable
from briefing.write.charts import Point, bar_chart, series_chart
from briefing.write.maps import Marker, Tiles, place_map, tile_map

from .conftest import blank_nlp

HOSTILE = {
    "ansi": "\x1b[31mred\x1b[0m",
    "osc": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "bidi": "\u202egnp.exe\u202c",
    "isolate": "\u2066left\u2069\u202aembed\u202b",
    "c1": "\x9b2J\x85\x90q\x9c",
    "script": "<script>alert(1)</script>",
    "link": "[x](javascript:alert(1))",
    "jinja": "{{ 7*7 }}",
    "tag": "{% raw %}{% endraw %}",
    "front": "---\ntitle: pwned\n---",
    "table": "| a | b |\n|---|---|",
}
"""Hostile pieces, each put in a file name, a headline, a byline, a paragraph and a name."""

FORBIDDEN = re.compile("[\x00\x1b\x80-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal or a page raw: NUL, ESC, C1 and bidi controls."""

SAFE_PART = re.compile(r"^\.?[a-z0-9][a-z0-9._-]*$")
"""A generated file or folder name: slug characters and a suffix (a marker file of
briefing's own may start with a dot)."""
PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.md$")
"""A generated page's file name: a slug and ``.md``."""

PAD = " ".join(["Rescue teams worked through the night in the flooded valley."] * 10)
"""Plain text enough to keep the control characters under the binary-file share."""

ALIASES = r"""rename:
  Joe Quimby: "Joe \0\e[31m\u202eQuimby <script>alert(1)</script> {{ 7*7 }}"
  Springfield: "Spring\x9b\u2066field\n---\ntitle: pwned"
merge:
  - ["Joe \e[31mred\e[0mQuimby", "Joe \u202egnp.exe\u202cQuimby"]
"""
"""Curation values holding the same: NUL, ESC, bidi controls, markup, a line break."""

PERSON = "Joe {bit}Quimby"
PLACE = "Spring{bit}field"


def _one_line(bit: str) -> str:
    return " ".join(bit.split())


def _file_name(key: str, bit: str) -> str:
    return f"{key} {_one_line(bit)}".replace("/", "\u2215") + ".txt"


def _article(bit: str) -> str:
    line = _one_line(bit)
    person, place = PERSON.format(bit=line), PLACE.format(bit=line)
    return (
        f"Floods {line} hit {place}\n\n"
        f"By {person}\n\n"
        f"{place}, Monday — Officials in {place} said {line} on Monday that {person} "
        f"had ordered the evacuation of {place}. {PAD}\n\n"
        f'"We will rebuild {line}," {person} said in {place}. {PAD}\n\n'
        f"{bit}\n\n{PAD}\n"
    )


def _corpus(root: Path) -> Path:
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for key, bit in HOSTILE.items():
        (seeds / _file_name(key, bit)).write_text(_article(bit), encoding="utf-8")
    extra = {
        "CON.txt": _article("con"),
        "aux.md": "---\ntitle: <script>x</script>\x1b[2J\n---\n\n" + _article("aux"),
        "---.txt": _article("---"),
        "{{ 7*7 }}.html": f"<h1>{HOSTILE['script']}</h1><p>{_article(HOSTILE['bidi'])}</p>",
        f"nul {HOSTILE['ansi']}.txt": "Floods in Springfield.\x00 " + PAD,
        "skip \x1b]0;title\x07 me.bin": b"\x00\x01\x02",
        "x\nerror: forged\tline.bin": b"\x00",  # a line break would start a line
    }
    for name, text in extra.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (seeds / name).write_bytes(data)
    hidden = seeds / f".hidden {HOSTILE['ansi']}"
    hidden.mkdir()
    (hidden / "x.txt").write_text(_article("hidden"), encoding="utf-8")
    (root / "aliases.yml").write_text(ALIASES, encoding="utf-8")
    return root


def _patterns() -> list[dict]:
    patterns = []
    for bit in [*HOSTILE.values(), "con", "aux", "---", ""]:
        line = _one_line(bit)
        patterns.append({"label": "PERSON", "pattern": PERSON.format(bit=line)})
        patterns.append({"label": "GPE", "pattern": PLACE.format(bit=line)})
    return patterns


def _forbidden(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})


def _strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _front_matter(text: str) -> dict:
    assert text.startswith("---\n"), text[:80]
    head, sep, _ = text[4:].partition("\n---\n")
    assert sep, "front matter is not closed"
    meta = yaml.safe_load(head)
    assert isinstance(meta, dict)
    return meta


def _check_pages(site_src: Path) -> int:
    pages = sorted(site_src.rglob("*.md"))
    for path in site_src.rglob("*"):
        parts = path.relative_to(site_src).parts
        assert all(SAFE_PART.match(part) for part in parts), repr(path)
    for page in pages:
        assert PAGE_NAME.match(page.name), repr(page)
        text = page.read_text(encoding="utf-8")
        assert not _forbidden(text), (page, _forbidden(text))
        assert "<script" not in text.lower(), page
        meta = _front_matter(text)
        for value in _strings(meta):
            assert not _forbidden(value), (page, value)
            assert "<" not in value, (page, value)
    return len(pages)


@pytest.fixture
def hostile_root(tmp_path: Path) -> Path:
    return _corpus(tmp_path)


def test_hostile_corpus_is_read(hostile_root: Path) -> None:
    """The corpus is not simply skipped: the hostile articles are read."""
    result = generate(Config(root=hostile_root), nlp=blank_nlp(_patterns()))
    files = {a.file for a in result.corpus.articles}
    assert len(files) >= len(HOSTILE), sorted(files)
    assert any(FORBIDDEN.search(a.file) for a in result.corpus.articles)
    assert any(e.group == "actor" for e in result.briefing.entities)


def test_hostile_corpus_pages_are_inert(hostile_root: Path) -> None:
    generate(Config(root=hostile_root), nlp=blank_nlp(_patterns()))
    site_src = hostile_root / "site_src"
    pages = _check_pages(site_src)
    assert pages > len(HOSTILE), sorted(p.name for p in site_src.rglob("*"))
    sources = (site_src / "sources.md").read_text(encoding="utf-8")
    assert "31m" in sources  # the file names are shown, with their controls taken out
    assert "hidden" in sources


def test_printable_keeps_a_message_on_one_line() -> None:
    shown = printable("skipped a\nerror: forged\tname\r\x1b[2J\u202e.txt: empty file")
    assert "\n" not in shown and "\t" not in shown and "\r" not in shown
    assert not _forbidden(shown)
    assert shown == "skipped a\\nerror: forged\\tname\\r\\x1b[2J\\u202e.txt: empty file"


def _drawn_inert(svg: str) -> None:
    assert not _forbidden(svg), _forbidden(svg)
    assert "\n" not in svg and "<script" not in svg and "<b>" not in svg


def test_charts_and_maps_draw_hostile_names_inert() -> None:
    name = "Spring\x9b\u2066field\n---\ntitle: <b>pwned</b>\x1b[31m\u202e"
    points = [Point("2024-03-05", 10, 20), Point("2024-03-06", 30, None)]
    _drawn_inert(series_chart(name, [(name, points)]))
    _drawn_inert(
        bar_chart(name, ["2024-03-05", "2024-03-06"], [(name, {"2024-03-05": 3}), ("b", {})])
    )
    marker = Marker(name, 51.5, -0.1, "places/x.md", 2, kind=name, current=True)
    _drawn_inert(place_map(name, [marker], [name]))
    _drawn_inert(tile_map(name, [marker], Tiles("https://t.example/{z}/{x}/{y}.png", name)))


def _cli_build(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["build", "--no-site"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output, result.stderr


def _check_terminal(output: str, stderr: str) -> None:
    for text in (output, stderr):
        assert not _forbidden(text), (_forbidden(text), text)
    assert "skipped" in stderr and "31m" in stderr, stderr
    assert "\\x1b" in stderr  # shown as an escape, not obeyed
    lines = stderr.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("error: forged")], stderr


def test_cli_output_is_inert(hostile_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI in-process, with the blank pipeline in place of the trained model."""
    nlp = blank_nlp(_patterns())
    monkeypatch.setattr("briefing.pipeline.load_language", lambda names: nlp)
    output, stderr = _cli_build(hostile_root, monkeypatch)
    _check_terminal(output, stderr)
    _check_pages(hostile_root / "site_src")


@pytest.mark.model
def test_cli_output_is_inert_with_the_trained_model(
    hostile_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output, stderr = _cli_build(hostile_root, monkeypatch)
    _check_terminal(output, stderr)
    _check_pages(hostile_root / "site_src")
