"""Readers for the ingest stage: bytes → text → blocks, one reader per format.

A reader returns :class:`RawDoc` records (one per article the file holds on its own
terms: one for a page, one per line for JSON Lines) or the reason the file is skipped.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import frontmatter
import ftfy
import markdown as markdown_lib
from selectolax.lexbor import LexborHTMLParser

from ..dates import parse_written_date
from ..textutil import squash_spaces

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES

MAX_CONTROL_CHAR_SHARE = 0.02
"""Decoded text with more control characters than this share is treated as binary."""
TRUNCATION_TAIL_BYTES = 3
"""A UTF-8 error this close to the end is a character cut by truncation, dropped."""
INLINE_HTML_MIN_TAGS = 2
"""A .txt file with at least this many HTML tags has its tags dropped."""
WRAP_MIN, WRAP_MAX = 50, 80
"""Lengths of a line broken by a hard wrap (typewriter and e-mail widths)."""
HARD_WRAP_MIN_LINES = 5
"""Fewer lines say nothing about how a text is wrapped."""
HARD_WRAP_MIN_SHARE = 0.6
"""Share of lines :data:`WRAP_MIN` to :data:`WRAP_MAX` characters long, ending
mid-sentence, that marks a hard-wrapped file."""

_HTML_TAG = re.compile(r"</?(?:a|p|b|i|u|br|div|span|strong|em|h[1-6]|li|ul|ol)\b[^>]*>", re.I)
_DROP_TAGS = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
    "iframe", "svg", "button", "template", "head", "object", "embed",
]  # fmt: skip
_BLOCK_SELECTOR = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, div, br, tr, td, th, section, article"
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*", re.I)

# JSON Lines field names, in order of preference, as news datasets ship them.
JSON_ID_FIELDS = ("id", "doc_id", "article_id", "uuid")
JSON_DATE_FIELDS = (
    "date",
    "published",
    "publish_date",
    "published_at",
    "publishedAt",
    "date_publish",
    "pubdate",
    "time",
    "timestamp",
)
JSON_TITLE_FIELDS = ("title", "headline")
JSON_TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
JSON_URL_FIELDS = ("url", "link", "source_url")
JSON_OUTLET_FIELDS = ("source", "outlet", "publisher", "source_domain", "site")
JSON_BYLINE_FIELDS = ("byline", "author", "authors")


@dataclass
class RawDoc:
    """Text blocks of one document and the metadata its format states outright."""

    blocks: list[str]
    """Text blocks (paragraph candidates) in reading order."""
    links: list[str] = field(default_factory=list)
    """http(s) link targets."""
    title: str | None = None
    """Title stated by the format (<title>, front matter, JSON field)."""
    published: str | None = None
    """ISO date stated by the format (date marker, front matter, JSON field, folder)."""
    published_evidence: str | None = None
    """Where that date was read."""
    url: str | None = None
    """Original address stated by the format."""
    outlet: str | None = None
    """Outlet stated by the format (JSON field)."""
    byline: str | None = None
    """Byline stated by the format (JSON field)."""
    key: str | None = None
    """Id of the document within its file (a JSON id or line number), or None."""
    split: bool = True
    """Whether the document may be a compilation of several articles."""


# ------------------------------------------------------------------ bytes


def decode(data: bytes) -> str | None:
    """Decode ``data``, or return None when it is not text in a known encoding."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if (
            exc.start >= len(data) - TRUNCATION_TAIL_BYTES
            and exc.reason == "unexpected end of data"
        ):
            return data[: exc.start].decode("utf-8", errors="strict")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    if _is_legacy_latin(best.encoding):
        # Single-byte Latin code pages are hard to tell apart by statistics; in
        # English-language news, Windows-1252 is by far the likeliest of them.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _is_legacy_latin(encoding: str) -> bool:
    name = encoding.lower().replace("-", "_")
    return name.startswith(("cp125", "windows_125", "iso8859", "latin", "mac_")) and name not in (
        "cp1251",
        "windows_1251",
        "cp1253",
        "cp1255",
        "cp1256",
        "iso8859_5",
        "iso8859_7",
        "iso8859_6",
        "iso8859_8",
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def read_text(
    path: Path, max_bytes: int, data: bytes | None = None
) -> tuple[str | None, str | None]:
    """Return (text, None) or (None, the reason to skip the file); ``data``, when
    given, is the file's bytes, read already."""
    try:
        size = path.stat().st_size if data is None else len(data)
        if size > max_bytes:
            return None, f"too large ({size:,} bytes; the limit is {max_bytes:,})"
        data = path.read_bytes() if data is None else data
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    if not data.strip():
        return None, "empty file"
    text = decode(data)
    if text is None or _control_share(text) > MAX_CONTROL_CHAR_SHARE:
        return None, "binary or undecodable (not text in a known encoding)"
    # Curly quotes carry meaning for quote extraction; keep them.
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


# ------------------------------------------------------------------ blocks


def html_text(html: str) -> tuple[str, list[str], str | None]:
    """Return (text with blank lines around block elements, link targets, <title>)."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = squash_spaces(title_node.text()) if title_node else None
    h1 = tree.css_first("h1")
    heading = squash_spaces(h1.text()) if h1 else None
    if heading and (title is None or heading in title):
        title = heading  # the <title> often adds " | Site name" to the headline
    tree.strip_tags(_DROP_TAGS)
    links = [
        href
        for node in tree.css("a[href]")
        if (href := (node.attributes.get("href") or "").strip()).startswith(("http://", "https://"))
    ]
    for node in tree.css(_BLOCK_SELECTOR):
        node.insert_before("\n\n")
        node.insert_after("\n\n")
    root = tree.body or tree.root
    text = root.text(separator="") if root is not None else ""
    return text, list(dict.fromkeys(links)), title or None


def html_blocks(html: str) -> tuple[list[str], list[str], str | None]:
    """Return (blocks, link targets, <title>) of an HTML page."""
    text, links, title = html_text(html)
    blocks = [squash_spaces(b) for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if b], links, title


def _is_hard_wrapped(lines: list[str]) -> bool:
    wrapped = [
        line
        for line in lines
        if WRAP_MIN <= len(line) <= WRAP_MAX and not line.rstrip().endswith((".", '"', "”"))
    ]
    return len(lines) >= HARD_WRAP_MIN_LINES and len(wrapped) / len(lines) >= HARD_WRAP_MIN_SHARE


def text_blocks(text: str) -> list[str]:
    """Split plain text into blocks: one per line, or per blank-line block when the
    text is hard-wrapped."""
    lines = [line.strip() for line in text.split("\n")]
    if _is_hard_wrapped([line for line in lines if line]):
        return [squash_spaces(b) for b in re.split(r"\n\s*\n", text) if b.strip()]
    return [squash_spaces(line) for line in lines if line]


def _front_matter(text: str) -> tuple[str, str | None, str | None]:
    """Split YAML front matter off a Markdown file: (body, title, ISO date)."""
    try:
        post = frontmatter.loads(text)
    except Exception:  # malformed front matter is left in the text, as written
        return text, None, None
    title = post.metadata.get("title")
    raw_date = post.metadata.get("date")
    day = parse_written_date(str(raw_date)) if raw_date is not None else None
    return post.content, (squash_spaces(title) if isinstance(title, str) else None), day


# ------------------------------------------------------------------ JSON Lines


def _as_text(value: object) -> str | None:
    """A JSON value as text: strings as they are, a list joined, an object's name or
    text; numbers, booleans and anything else are not text."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, list):
        parts = [t for v in value if (t := _as_text(v))]
        return ", ".join(parts) if parts else None
    if isinstance(value, dict):
        for key in ("name", "text", "value", "en"):
            if key in value and (t := _as_text(value[key])):
                return t
    return None


def _first(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        if (value := _as_text(record.get(name))) is not None:
            return value
    return None


def _json_doc(record: dict, line: int, date_order: str) -> RawDoc | str:
    text = _first(record, JSON_TEXT_FIELDS)
    if not text or not text.strip():
        return "no text field (" + "/".join(JSON_TEXT_FIELDS) + ")"
    raw_date = _first(record, JSON_DATE_FIELDS)
    published = parse_written_date(raw_date, date_order) if raw_date else None
    title = _first(record, JSON_TITLE_FIELDS)
    return RawDoc(
        blocks=text_blocks(text),
        title=squash_spaces(title) if title else None,
        published=published,
        published_evidence=f"JSON field: {raw_date}" if published else None,
        url=_first(record, JSON_URL_FIELDS),
        outlet=_first(record, JSON_OUTLET_FIELDS),
        byline=_first(record, JSON_BYLINE_FIELDS),
        key=_first(record, JSON_ID_FIELDS) or f"line-{line}",
        split=False,
    )


def read_json_lines(
    text: str, date_order: str = "DMY"
) -> tuple[list[RawDoc], list[tuple[int, str]]]:
    """One document per line; returns the documents and (line, reason) for bad lines."""
    docs: list[RawDoc] = []
    bad: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append((number, f"not valid JSON ({exc.msg})"))
            continue
        except (ValueError, RecursionError):  # absurd numbers or nesting
            bad.append((number, "not usable JSON (too deeply nested or a number too long)"))
            continue
        if not isinstance(record, dict):
            bad.append((number, "not a JSON object"))
            continue
        doc = _json_doc(record, number, date_order)
        if isinstance(doc, str):
            bad.append((number, doc))
        else:
            docs.append(doc)
    return docs, bad


# ------------------------------------------------------------------ one file


def read_document(text: str, suffix: str) -> RawDoc:
    """Read a page (text, HTML or Markdown) into one document."""
    published = evidence = None
    if m := _DATE_MARKER.match(text):
        published = parse_written_date(f"{m[1]}-{m[2]}-{m[3]}")
        evidence = m.group(0).strip() if published else None
        text = text[m.end() :]
    title = None
    if suffix in MARKDOWN_SUFFIXES:
        text, title, front_date = _front_matter(text)
        if published is None and front_date:
            published, evidence = front_date, "front matter date"
        blocks, links, html_title = html_blocks(markdown_lib.markdown(text))
    elif suffix in HTML_SUFFIXES:
        blocks, links, html_title = html_blocks(text)
    elif len(_HTML_TAG.findall(text)) >= INLINE_HTML_MIN_TAGS:
        # Tags inside a text file: drop them but keep the file's own line structure.
        plain, links, html_title = html_text(text)
        blocks = text_blocks(plain)
    else:
        blocks, links, html_title = text_blocks(text), [], None
    return RawDoc(
        blocks=blocks,
        links=links,
        title=title or html_title,
        published=published,
        published_evidence=evidence,
    )
