"""Ingest stage: read every file under the seeds folder into :class:`Article` records.

In order, for each file:

1. **read** (:mod:`.readers`): check the bytes (symbolic link, hidden,
   unsupported type, empty, too large, binary), decode (BOMs, UTF-8, a character cut
   by truncation, then charset detection), repair mojibake, and turn the text into
   blocks, one document per page or per JSON line;
2. **split and read metadata** (:mod:`.segment`, :mod:`.furniture`): cut chrome run
   into the text, set the comment thread apart, cut compilation pages into their
   articles, read each one's headline, standfirst, date, byline, dateline and outlet
   with the evidence, and give every paragraph its kind: captions, subheadings,
   bylines, comments and page furniture are kept, in reading order, apart from the
   body (only ``records.EXTRACTED_KINDS`` are extracted); an article longer than
   ``max_article_chars`` is skipped with its length (its paragraphs are cut at
   :data:`MAX_CHUNK_CHARS` already, so no one block holds a whole text);
3. **copies** (:mod:`.copies`): exact copies are skipped as duplicates;
   rewrites and shared wire copy are linked and grouped into story families.

Nothing is lost silently: a file (or JSON line) that yields no article becomes a
:class:`Skipped` record with the reason.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..config import Config
from ..dates import parse_written_date
from ..errors import InputError
from ..records import EXTRACTED_KINDS, Article, Corpus, Paragraph, Skipped
from ..textutil import RESERVED_IDS, sha256, slugify, unique_id
from .cache import UNSET_ID, FileRead, IngestCache, skipped_file
from .copies import link_copies, shingles
from .lines import SENTENCE_END
from .readers import (
    JSONL_SUFFIXES,
    READABLE_SUFFIXES,
    RawDoc,
    read_document,
    read_json_lines,
    read_text,
)
from .segment import Draft, page_date_order, read_page

LONG_PARAGRAPH_CHARS = 1200
"""Paragraphs longer than this are split at sentence ends into citable chunks."""
CHUNK_TARGET_CHARS = 600
"""Target size of those chunks."""
MAX_CHUNK_CHARS = 2000
"""A sentence longer than this (a run-on list, a line with no full stops) is cut at spaces."""
CACHE_FOLDER = "ingest"
"""The ingest cache's folder in the cache folder (``cache_dir``)."""
TITLE_FALLBACK_WORDS = 14
"""Words taken from the first sentence when there is no headline."""
TITLE_FALLBACK_CHARS = 120
"""…and at most this many characters of them."""


@dataclass(frozen=True)
class _Source:
    """One readable file: its documents and the per-line problems of a JSON Lines file."""

    docs: list[RawDoc]
    """Its documents: one for a page, one per good line of JSON Lines."""
    bad_lines: list[tuple[int, str]]
    """(line number, reason) of each JSON line skipped."""
    date_order: str
    """The configured day/month order, used where a document proves none."""


# ------------------------------------------------------------------ paragraphs


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
    sentences = (piece for s in SENTENCE_END.split(block) for piece in _hard_split(s))
    return _pack(sentences, CHUNK_TARGET_CHARS)


# ------------------------------------------------------------------ articles


def _fallback_title(paragraphs: list[Paragraph], file: str) -> str:
    """The first words of the first body sentence (or the file name), marked as cut."""
    body = [p.text for p in paragraphs if p.kind in EXTRACTED_KINDS]
    first = SENTENCE_END.split(body[0])[0] if body else file
    words = first.split()
    cut = " ".join(words[:TITLE_FALLBACK_WORDS])
    if len(cut) > TITLE_FALLBACK_CHARS:
        return cut[:TITLE_FALLBACK_CHARS].rstrip() + " …"
    return cut + " …" if len(words) > TITLE_FALLBACK_WORDS else cut


def _to_article(draft: Draft, file: str, article_id: str) -> Article:
    paragraphs = [
        Paragraph(index, chunk, kind)
        for index, (kind, chunk) in enumerate(
            ((kind, chunk) for kind, block in draft.body for chunk in _split_long(block)), start=1
        )
    ]
    title = draft.title or _fallback_title(paragraphs, file)
    outlet, evidence = draft.best_outlet()
    return Article(
        id=article_id,
        file=file,
        title=title,
        title_is_headline=draft.title is not None,
        paragraphs=tuple(paragraphs),
        content_hash=sha256(title + "".join(f"\n\n{p.kind}\t{p.text}" for p in paragraphs)),
        outlet=outlet,
        outlet_evidence=evidence,
        byline=draft.byline,
        published=draft.published,
        published_evidence=draft.published_evidence,
        dateline=draft.dateline,
        url=draft.url,
        links=tuple(draft.links),
        standfirst=draft.standfirst,
        wire=draft.wire,
    )


def _date_from_path(file: str) -> str | None:
    """The day a folder of the path names ("2024-03-05/story.txt"), innermost first."""
    for part in reversed(Path(file).parts[:-1]):
        if len(part) == 10 and part[4] == part[7] == "-" and (day := parse_written_date(part)):
            return day
    return None


# ------------------------------------------------------------------ files


def _not_a_file(path: Path) -> str | None:
    """Why an entry of the seeds folder is no file to read: a FIFO, socket or device
    (reading one could block or never end); None for a file or a symbolic link."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return None
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device",
             stat.S_ISBLK: "a device"}  # fmt: skip
    kind = next((name for test, name in kinds.items() if test(mode)), "not a regular file")
    return f"{kind}, not a regular file"


def _inputs(seeds: Path) -> list[tuple[Path, str | None]]:
    """Every entry below ``seeds`` to read or list, in path order, each with the reason
    it is not read (or None). A hidden folder (".git") is listed once, not entered;
    symbolic links to folders are not followed."""
    found: list[tuple[Path, str | None]] = []
    for folder, dirs, files in os.walk(seeds, followlinks=False):
        here = Path(folder)
        for name in list(dirs):
            if name.startswith("."):
                found.append((here / name, "hidden folder, not read"))
                dirs.remove(name)
            elif (here / name).is_symlink():
                found.append((here / name, "symbolic link, not followed"))
        found.extend((here / name, _not_a_file(here / name)) for name in files)
    return sorted(found)


def _not_read(path: Path) -> str | None:
    """Why a file is skipped unread, by its name alone; None for a file to read."""
    suffix = path.suffix.lower()
    if path.is_symlink():  # a link could publish a file from outside the seeds folder
        return "symbolic link, not followed"
    if path.name.startswith("."):
        return "hidden file"
    if suffix not in READABLE_SUFFIXES:
        return f"unsupported file type {suffix or '(no extension)'}"
    return None


def _read_source(path: Path, config: Config, data: bytes | None = None) -> _Source | str:
    """Read one file (whose bytes are ``data``, when read already) into documents, or
    return the reason it is skipped."""
    if unread := _not_read(path):
        return unread
    suffix = path.suffix.lower()
    text, reason = read_text(path, config.max_file_bytes, data)
    if text is None:
        return reason or "unreadable"
    if suffix in JSONL_SUFFIXES:
        docs, bad = read_json_lines(text, config.date_order)
        if not docs and not bad:
            return "no JSON lines"
        return _Source(docs, bad, config.date_order)
    return _Source([read_document(text, suffix)], [], config.date_order)


def _drafts(source: _Source, file: str) -> list[tuple[RawDoc, Draft]]:
    folder_date = _date_from_path(file)
    drafts = []
    for doc in source.docs:
        if doc.published is None and folder_date:
            doc.published, doc.published_evidence = (
                folder_date,
                f"folder {Path(file).parent.as_posix()}",
            )
        # The document's own numeric dates can prove its day/month order (30/11/2024).
        order = page_date_order("\n".join(doc.blocks), source.date_order)
        drafts.extend((doc, draft) for draft in read_page(doc, order))
    return drafts


def _ids(file: str, keys: Sequence[str | None], taken: set[str]) -> list[str]:
    base = slugify(str(Path(file).with_suffix("")), fallback="article")
    if len(keys) == 1 and keys[0] is None:
        return [unique_id(base, taken)]
    return [
        unique_id(f"{base}-{slugify(key, 'line')}" if key else f"{base}-{n}", taken)
        for n, key in enumerate(keys, start=1)
    ]


def _file_read(path: Path, file: str, config: Config, data: bytes | None = None) -> FileRead:
    """Stages 1 and 2 for one file: its articles as read, before ids are given."""
    source = _read_source(path, config, data)
    if isinstance(source, str):
        return skipped_file(source)
    drafts = _drafts(source, file)
    articles = tuple(_to_article(draft, file, UNSET_ID) for _, draft in drafts)
    return FileRead(
        None,
        tuple(source.bad_lines),
        tuple(doc.key for doc, _ in drafts),
        articles,
        tuple(shingles(a) for a in articles),
    )


def _cacheable_bytes(path: Path, config: Config) -> bytes | None:
    """The bytes a readable file's cache entry is named by; None for a file skipped
    before it is read (a link, a hidden file, another type, too large, unreadable)."""
    if _not_read(path) is not None:
        return None
    try:
        return path.read_bytes() if path.stat().st_size <= config.max_file_bytes else None
    except OSError:
        return None


def _cached_read(path: Path, file: str, config: Config, cache: IngestCache | None) -> FileRead:
    """The file's read from the cache, else read and stored."""
    data = _cacheable_bytes(path, config) if cache is not None else None
    if cache is None or data is None:
        return _file_read(path, file, config)
    entry = cache.path(file, data)
    found = cache.load(entry)
    if found is None:
        found = _file_read(path, file, config, data)  # the bytes the entry is named by
        cache.store(entry, found)
    return found


def _too_long(article: Article, limit: int) -> str | None:
    """Why an article is too long to read, or None: its cost grows with its length,
    and past ``limit`` characters a text is a dump or a book, not an article."""
    length = sum(len(p.text) for p in article.paragraphs)
    if length <= limit:
        return None
    return (
        f"article of {length:,} characters, over max_article_chars ({limit:,}); "
        "raise it in briefing.yml to read it"
    )


@dataclass
class _Gathered:
    """The corpus so far, in input order."""

    articles: list[Article] = field(default_factory=list)
    """The articles kept."""
    shingles: list[set[int]] = field(default_factory=list)
    """Each kept article's shingles."""
    skipped: list[Skipped] = field(default_factory=list)
    """The files, lines and articles not kept, with why."""
    by_hash: dict[str, Article] = field(default_factory=dict)
    """The kept articles by content hash, to tell exact copies."""
    taken: set[str] = field(default_factory=lambda: set(RESERVED_IDS))
    """The ids given so far."""


def _add_file(found: _Gathered, file: str, read: FileRead, max_chars: int) -> None:
    """Stage 3's first half: a file's articles get ids; exact copies and texts too
    long to read are listed as skipped."""
    if read.reason is not None:
        found.skipped.append(Skipped(file, read.reason))
        return
    found.skipped.extend(Skipped(f"{file}, line {line}", why) for line, why in read.bad_lines)
    produced = 0
    ids = _ids(file, read.keys, found.taken)
    for article, shingled, article_id in zip(read.articles, read.shingles, ids, strict=True):
        if not article.extracted:
            continue
        article = replace(article, id=article_id)
        produced += 1
        if too_long := _too_long(article, max_chars):
            found.skipped.append(Skipped(file if len(ids) == 1 else article.id, too_long))
        elif (twin := found.by_hash.get(article.content_hash)) is not None:
            found.skipped.append(Skipped(file, f"exact duplicate of {twin.file} ({twin.id})"))
        else:
            found.by_hash[article.content_hash] = article
            found.articles.append(article)
            found.shingles.append(shingled)
    if not produced and not read.bad_lines:
        found.skipped.append(
            Skipped(file, "no article text after cleaning (only headlines or page furniture)")
        )


def ingest(seeds: Path, config: Config, cache_dir: Path | None = None) -> Corpus:
    """Read every file below ``seeds`` into articles; list what could not be read.
    With ``cache_dir``, each file's read is kept there, named by its bytes."""
    if not seeds.is_dir():
        raise InputError("seeds folder not found (put your articles there or pass --seeds)", seeds)
    options = f"{config.max_file_bytes}\n{config.date_order}"
    cache = IngestCache(cache_dir / CACHE_FOLDER, options) if cache_dir is not None else None
    found = _Gathered()
    for path, unread in _inputs(seeds):
        file = unicodedata.normalize("NFC", path.relative_to(seeds).as_posix())
        read = skipped_file(unread) if unread else _cached_read(path, file, config, cache)
        _add_file(found, file, read, config.max_article_chars)
    if not found.articles and not found.skipped:
        raise InputError("seeds folder holds no files", seeds)
    linked = link_copies(
        found.articles,
        config.near_duplicate_threshold,
        config.shared_copy_threshold,
        found.shingles,
    )
    return Corpus(articles=tuple(sorted(linked, key=lambda a: a.id)), skipped=tuple(found.skipped))
