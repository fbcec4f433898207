"""Ingest stage: read every file under the seeds folder into :class:`Article` records.

Reading goes in numbered stages, each with named thresholds:

1. check the bytes (empty, too large, binary) and decode them (BOMs, UTF-8, then
   charset detection), then repair mojibake with ftfy;
2. turn the text into blocks: HTML and Markdown through an HTML parser that drops
   page furniture, plain text by blank lines or lines;
3. read metadata from the head of the file (date marker, date line, headline,
   byline, dateline, wire credit) and drop furniture lines (video timestamps,
   lone sign-offs);
4. link rewrites: exact copies are skipped as duplicates, near copies point to the
   article they rewrite.

A file that yields nothing becomes a :class:`Skipped` record with the reason.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

import charset_normalizer
import frontmatter
import ftfy
import markdown as markdown_lib
from selectolax.lexbor import LexborHTMLParser

from .config import Config
from .dating import DATE_DMY_WORDS, DATE_ISO, DATE_MDY_WORDS, DATE_NUMERIC, _iso, parse_written_date
from .errors import InputError
from .records import Article, Corpus, Paragraph, Skipped
from .textutil import RESERVED_IDS, fold, sha256, slugify, squash_spaces

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | MARKDOWN_SUFFIXES

# Stage 1 thresholds.
MAX_CONTROL_CHAR_SHARE = 0.02
"""Decoded text with more control characters than this share is treated as binary."""
MIN_TEXT_CHARS = 20
"""Files with fewer letters than this after cleaning are skipped as empty."""

# Stage 2 thresholds.
INLINE_HTML_MIN_TAGS = 2
"""A .txt file with at least this many HTML tags is read as an HTML fragment."""
HARD_WRAP_MIN_SHARE = 0.6
"""Share of lines 50-80 characters long, ending mid-sentence, that marks a hard-wrapped file."""
LONG_PARAGRAPH_CHARS = 1200
"""Paragraphs longer than this are split at sentence ends into citable chunks."""
CHUNK_TARGET_CHARS = 600
"""Target size of those chunks."""
MAX_CHUNK_CHARS = 2000
"""A sentence longer than this (a run-on list, a line with no full stops) is cut at spaces."""

# Stage 3 thresholds.
HEAD_LINES = 8
"""Metadata lines (date line, headline, byline) are looked for in this many first blocks."""
HEADLINE_MAX_WORDS = 30
"""A first block longer than this is body text, not a headline."""
TITLE_FALLBACK_WORDS = 14
"""Words taken from the first sentence when there is no headline."""

# Stage 4 thresholds.
SHINGLE_SIZE = 5
"""Words per shingle for near-duplicate detection."""
COMMON_SHINGLE_MAX_DOCS = 50
"""Shingles shared by more articles than this are boilerplate and not compared."""

_HTML_TAG = re.compile(r"</?(?:a|p|b|i|u|br|div|span|strong|em|h[1-6]|li|ul|ol)\b[^>]*>", re.I)
_DROP_TAGS = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript",
    "iframe", "svg", "button", "template", "head",
]  # fmt: skip
_BLOCK_SELECTOR = (
    "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, div, br, tr, section, article"
)

_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*", re.I)
_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:issued|published|posted|updated|first published)(?: on)?:?\s*)?", re.I
)
_BYLINE = re.compile(
    r"^[Bb][Yy]:?\s+(?P<who>(?:[A-Z][\w.'’-]*|[A-Z]{2,}|and|de|al|el|van|von|bin|of)"
    r"(?:[ ,]+(?:[A-Z][\w.'’-]*|[A-Z]{2,}|and|de|al|el|van|von|bin|of)){0,7})$"
)
"""A byline: "By", then up to eight capitalised words (a name, an agency); no sentence."""
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}?),?(?:\s+[A-Z][a-z.]+)?\s*\((?P<wire>[A-Za-z0-9 .&-]{2,30})\)\s*[—–-]+\s*"
)
_SIGN_OFF = re.compile(r"^\((?P<wire>[A-Za-z0-9 .&-]{2,40})\)$")
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\b\s*(?P<rest>.*)$")
_CREDIT = re.compile(r"^©\s*(?P<who>[^,]{2,40})$")
_SOURCE_LINK = re.compile(r"^source(?: link)?:\s*(?P<url>https?://\S+)\s*$", re.I)
_REPORTED_BY = re.compile(r"\b(?:as )?reported by (?P<who>[A-Z][\w&.]*(?: [A-Z][\w&.]*){0,3})")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"\w+")


@dataclass
class _Draft:
    """A file on its way to becoming an article (mutable, private to this stage)."""

    file: str
    blocks: list[str]
    links: list[str]
    html_title: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    outlet: str | None = None
    outlet_evidence: str | None = None
    byline: str | None = None
    dateline: str | None = None
    url: str | None = None


# ------------------------------------------------------------------ stage 1: bytes


def _decode(data: bytes) -> str | None:
    """Decode ``data``, or return None when it is not text."""
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
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def _control_share(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return controls / max(len(text), 1)


def _read_text(path: Path, config: Config) -> tuple[str | None, str | None]:
    """Return (text, None) or (None, reason to skip)."""
    try:
        size = path.stat().st_size
        if size > config.max_file_bytes:
            return None, f"too large ({size:,} bytes; the limit is {config.max_file_bytes:,})"
        data = path.read_bytes()
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    if not data.strip():
        return None, "empty file"
    text = _decode(data)
    if text is None or _control_share(text) > MAX_CONTROL_CHAR_SHARE:
        return None, "binary or undecodable (not text in a known encoding)"
    # Curly quotes carry meaning for quote extraction; keep them.
    text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


# ------------------------------------------------------------------ stage 2: blocks


def _html_text(html: str) -> tuple[str, list[str], str | None]:
    """Return (text with blank lines around block elements, link targets, <title>)."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = squash_spaces(title_node.text()) if title_node else None
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


def _html_blocks(html: str) -> tuple[list[str], list[str], str | None]:
    """Return (blocks, link targets, <title>) of an HTML page."""
    text, links, title = _html_text(html)
    blocks = [squash_spaces(b) for b in re.split(r"\n\s*\n", text)]
    return [b for b in blocks if b], links, title


def _is_hard_wrapped(lines: list[str]) -> bool:
    wrapped = [
        line
        for line in lines
        if 50 <= len(line) <= 80 and not line.rstrip().endswith((".", '"', "”"))
    ]
    return len(lines) >= 5 and len(wrapped) / len(lines) >= HARD_WRAP_MIN_SHARE


def _text_blocks(text: str) -> list[str]:
    """Split plain text into blocks: blank-line blocks, each line its own block
    unless the file is hard-wrapped."""
    lines = [line.strip() for line in text.split("\n")]
    if _is_hard_wrapped([line for line in lines if line]):
        return [squash_spaces(b) for b in re.split(r"\n\s*\n", text) if b.strip()]
    return [squash_spaces(line) for line in lines if line]


def _pack(pieces: Iterable[str], limit: int) -> list[str]:
    """Join pieces with spaces into runs of at most ``limit`` characters.

    A piece longer than ``limit`` stands alone.
    """
    runs: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + 1 + len(piece) > limit:
            runs.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        runs.append(current)
    return runs


def _hard_split(text: str) -> list[str]:
    """Cut ``text`` at spaces (inside a word when it has none) into pieces of at most
    :data:`MAX_CHUNK_CHARS`."""
    if len(text) <= MAX_CHUNK_CHARS:
        return [text]
    words = (
        word[i : i + MAX_CHUNK_CHARS]
        for word in text.split(" ")
        for i in range(0, max(len(word), 1), MAX_CHUNK_CHARS)
    )
    return _pack(words, MAX_CHUNK_CHARS)


def _split_long(block: str) -> list[str]:
    """Cut an over-long block into chunks of whole sentences."""
    if len(block) <= LONG_PARAGRAPH_CHARS:
        return [block]
    sentences = (piece for s in _SENTENCE_END.split(block) for piece in _hard_split(s))
    return _pack(sentences, CHUNK_TARGET_CHARS)


def _blocks(text: str, suffix: str) -> tuple[list[str], list[str], str | None]:
    if suffix in MARKDOWN_SUFFIXES:
        return _html_blocks(markdown_lib.markdown(text))
    if suffix in HTML_SUFFIXES:
        return _html_blocks(text)
    if len(_HTML_TAG.findall(text)) >= INLINE_HTML_MIN_TAGS:
        # Tags inside a text file: drop them but keep the file's own line structure.
        plain, links, _ = _html_text(text)
        return _text_blocks(plain), links, None
    return _text_blocks(text), [], None


# ------------------------------------------------------------------ stage 3: metadata


def _is_date_line(block: str) -> bool:
    """A block that is nothing but a date (with an 'Issued on:' style prefix)."""
    rest = _DATE_LINE_PREFIX.sub("", block).strip(" -–—|")
    for pattern in (DATE_ISO, DATE_MDY_WORDS, DATE_DMY_WORDS, DATE_NUMERIC):
        m = pattern.match(rest)
        if m and len(rest[m.end() :].strip(" -–—|,")) <= 12:
            return True
    return False


def _date_from_path(file: str) -> str | None:
    for part in reversed(Path(file).parts[:-1]):
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", part):
            return _iso(int(m[1]), int(m[2]), int(m[3]))
    return None


def _set_outlet(draft: _Draft, outlet: str, evidence: str) -> None:
    if draft.outlet is None:
        draft.outlet, draft.outlet_evidence = outlet.strip(" .,;:"), evidence


def _read_head(draft: _Draft, config: Config) -> None:
    """Take date lines, bylines and credits out of the head of the draft."""
    kept: list[str] = []
    for position, block in enumerate(draft.blocks):
        in_head = position < HEAD_LINES
        if in_head and _is_date_line(block):
            if draft.published is None and (day := parse_written_date(block, config.date_order)):
                draft.published, draft.published_evidence = day, block
            continue
        if in_head and (m := _BYLINE.match(block)):
            draft.byline = draft.byline or m["who"].strip()
            who = m["who"].strip()
            if re.fullmatch(r"[A-Z]{2,6}", who):
                _set_outlet(draft, who, block)
            continue
        kept.append(block)
    draft.blocks = kept


def _drop_furniture(draft: _Draft) -> None:
    """Remove video timestamps, lone credits and sign-offs, noting the outlets they name."""
    kept: list[str] = []
    for block in draft.blocks:
        if m := _TIMESTAMP.match(block):
            rest = m["rest"].strip()
            if credit := _CREDIT.match(rest):
                _set_outlet(draft, credit["who"], block)
            if not rest or credit:
                continue
        if m := _SIGN_OFF.match(block):
            _set_outlet(draft, m["wire"], block)
            continue
        if m := _CREDIT.match(block):
            _set_outlet(draft, m["who"], block)
            continue
        if m := _SOURCE_LINK.match(block):
            draft.url = draft.url or m["url"]
            continue
        kept.append(block)
    draft.blocks = kept


def _read_dateline(draft: _Draft) -> None:
    for index, block in enumerate(draft.blocks[:HEAD_LINES]):
        if m := _DATELINE.match(block):
            draft.dateline = m["place"].strip().title()
            _set_outlet(draft, m["wire"], m.group(0).strip())
            draft.blocks[index] = block[m.end() :].strip() or block
            return


def _outlet_from_text_and_links(draft: _Draft) -> None:
    for block in draft.blocks[:HEAD_LINES]:
        if m := _REPORTED_BY.search(block):
            _set_outlet(draft, m["who"], m.group(0))
            return
    domains = [urlparse(u).hostname or "" for u in ([draft.url] if draft.url else []) + draft.links]
    domains = [d.removeprefix("www.") for d in domains if d]
    if domains:
        domain, _ = Counter(domains).most_common(1)[0]
        _set_outlet(draft, domain, f"link domain {domain}")


def _looks_like_headline(block: str) -> bool:
    words = block.split()
    return (
        0 < len(words) <= HEADLINE_MAX_WORDS
        and not block.rstrip().endswith((".", ":", ";", ","))
        and not _BYLINE.match(block)
    )


def _title(draft: _Draft) -> tuple[str, bool]:
    """Return (title, read from a headline?) and drop the headline block from the body."""
    if draft.html_title and draft.blocks and squash_spaces(draft.blocks[0]) == draft.html_title:
        draft.blocks.pop(0)
        return draft.html_title, True
    if len(draft.blocks) > 1 and _looks_like_headline(draft.blocks[0]):
        return draft.blocks.pop(0), True
    if draft.html_title:
        return draft.html_title, True
    first = _SENTENCE_END.split(draft.blocks[0])[0] if draft.blocks else draft.file
    words = first.split()
    cut = " ".join(words[:TITLE_FALLBACK_WORDS])
    return (cut + " …" if len(words) > TITLE_FALLBACK_WORDS else cut), False


def _article_id(file: str, taken: set[str]) -> str:
    base = slugify(str(Path(file).with_suffix("")), fallback="article")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _draft_to_article(draft: _Draft, article_id: str) -> Article:
    title, is_headline = _title(draft)
    paragraphs = [chunk for block in draft.blocks for chunk in _split_long(block)]
    return Article(
        id=article_id,
        file=draft.file,
        title=title,
        title_is_headline=is_headline,
        paragraphs=tuple(Paragraph(i, text) for i, text in enumerate(paragraphs, start=1)),
        content_hash=sha256(title + "\n\n" + "\n\n".join(paragraphs)),
        outlet=draft.outlet,
        outlet_evidence=draft.outlet_evidence,
        byline=draft.byline,
        published=draft.published,
        published_evidence=draft.published_evidence,
        dateline=draft.dateline,
        url=draft.url,
        links=tuple(draft.links),
    )


def _markdown_front_matter(text: str) -> tuple[str, str | None, str | None]:
    """Split YAML front matter off a Markdown file: (body, title, ISO date)."""
    try:
        post = frontmatter.loads(text)
    except Exception:  # malformed front matter is left in the text, as written
        return text, None, None
    title = post.metadata.get("title")
    raw_date = post.metadata.get("date")
    day = parse_written_date(str(raw_date)) if raw_date is not None else None
    return post.content, (squash_spaces(title) if isinstance(title, str) else None), day


def _read_file(path: Path, file: str, config: Config) -> _Draft | str:
    """Read one file into a draft, or return the reason it is skipped."""
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        return "hidden file"
    if suffix not in READABLE_SUFFIXES:
        return f"unsupported file type {suffix or '(no extension)'}"
    text, reason = _read_text(path, config)
    if text is None:
        return reason or "unreadable"
    published = evidence = None
    if m := _DATE_MARKER.match(text):
        published = _iso(int(m[1]), int(m[2]), int(m[3]))
        evidence = m.group(0).strip() if published else None
        text = text[m.end() :]
    if published is None and (published := _date_from_path(file)):
        evidence = f"folder {Path(file).parent.as_posix()}"
    front_title = None
    if suffix in MARKDOWN_SUFFIXES:
        text, front_title, front_date = _markdown_front_matter(text)
        if published is None and front_date:
            published, evidence = front_date, "front matter date"
    blocks, links, html_title = _blocks(text, suffix)
    html_title = front_title or html_title
    draft = _Draft(file=file, blocks=blocks, links=links, html_title=html_title)
    draft.published, draft.published_evidence = published, evidence
    _read_head(draft, config)
    _drop_furniture(draft)
    _read_dateline(draft)
    _outlet_from_text_and_links(draft)
    if sum(len(_WORD.findall(b)) for b in draft.blocks) * 3 < MIN_TEXT_CHARS:
        return "no article text after cleaning"
    return draft


# ------------------------------------------------------------------ stage 4: rewrites


def _shingles(article: Article) -> set[int]:
    # crc32, not hash(): str hashes are salted per process and builds must repeat.
    words = _WORD.findall(fold(article.text))
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE_SIZE]).encode("utf-8"))
        for i in range(max(len(words) - SHINGLE_SIZE + 1, 1))
    }


def link_near_duplicates(articles: list[Article], threshold: float) -> list[Article]:
    """Point each rewrite at the earliest article whose 5-grams it mostly shares.

    Containment is |A ∩ B| / min(|A|, |B|); the earlier article (by date, then id)
    is taken as the original.
    """
    order = sorted(
        range(len(articles)), key=lambda i: (articles[i].published or "9", articles[i].id)
    )
    shingles = {i: _shingles(articles[i]) for i in order}
    index: dict[int, list[int]] = defaultdict(list)
    linked = list(articles)
    for i in order:
        shared: Counter[int] = Counter()
        for s in shingles[i]:
            owners = index[s]
            if len(owners) <= COMMON_SHINGLE_MAX_DOCS:
                shared.update(owners)
            owners.append(i)
        best, best_score = None, 0.0
        for j, count in shared.items():
            score = count / max(min(len(shingles[i]), len(shingles[j])), 1)
            if score >= threshold and score > best_score:
                best, best_score = j, score
        if best is not None:
            original = linked[best].near_duplicate_of or linked[best].id
            linked[i] = replace(articles[i], near_duplicate_of=original)
    return linked


# ------------------------------------------------------------------ public


def ingest(seeds: Path, config: Config) -> Corpus:
    """Read every file below ``seeds`` into articles; list what could not be read."""
    if not seeds.is_dir():
        raise InputError("seeds folder not found (put your articles there or pass --seeds)", seeds)
    files = sorted(p for p in seeds.rglob("*") if p.is_file() or p.is_symlink())
    taken: set[str] = set(RESERVED_IDS)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    by_hash: dict[str, Article] = {}
    for path in files:
        file = unicodedata.normalize("NFC", path.relative_to(seeds).as_posix())
        # A link could publish a file from outside the seeds folder.
        draft = (
            "symbolic link, not followed" if path.is_symlink() else _read_file(path, file, config)
        )
        if isinstance(draft, str):
            skipped.append(Skipped(file, draft))
            continue
        article = _draft_to_article(draft, _article_id(file, taken))
        if not article.paragraphs:
            skipped.append(Skipped(file, "no article text after cleaning (only a headline)"))
            continue
        if (twin := by_hash.get(article.content_hash)) is not None:
            skipped.append(Skipped(file, f"exact duplicate of {twin.file}"))
            continue
        by_hash[article.content_hash] = article
        articles.append(article)
    if not articles and not skipped:
        raise InputError("seeds folder holds no files", seeds)
    linked = link_near_duplicates(articles, config.near_duplicate_threshold)
    return Corpus(articles=tuple(sorted(linked, key=lambda a: a.id)), skipped=tuple(skipped))
