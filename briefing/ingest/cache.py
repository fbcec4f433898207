"""The ingest cache: what each file gave, one JSON file per input file, named by its bytes.

Reading a file (decoding, repairing, cutting chrome and compilations, reading the
metadata) depends only on its bytes, its path below the seeds folder (ids, a folder's
date, the format), the options that read it, and the ingest code and word lists, so
the entry's name hashes all of them (:data:`INGEST_VERSION`). A rebuild after one new
article reads that file alone; ids, duplicates and copies are still decided over the
whole corpus, from the cached articles, so the corpus is the one a clean read gives.
An entry that is unreadable or not what ingest writes is a miss, read again and
overwritten.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from array import array
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import atomic, lexicon
from ..cachefiles import fingerprint, record, stage_sources
from ..records import Article, Paragraph
from ..textutil import sha256

INGEST_VERSION = fingerprint((*stage_sources(Path(__file__).parent), *lexicon.lexicon_files()))
"""Fingerprint of the code and word lists ingest reads: a change to them renames every entry."""
UNSET_ID = ""
"""The id of a cached article: ids are given over the whole corpus, after reading."""


@dataclass(frozen=True)
class FileRead:
    """What one file gave, before ids are given and copies are found."""

    reason: str | None
    """Why the file gave no documents (it is skipped with this reason), or None."""
    bad_lines: tuple[tuple[int, str], ...]
    """(line number, reason) of each JSON line skipped."""
    keys: tuple[str | None, ...]
    """The key of the document each article came from (a JSON id or line), in order."""
    articles: tuple[Article, ...]
    """The articles read, in order, each with an empty id."""
    shingles: tuple[set[int], ...]
    """Each article's shingles (:func:`.copies.shingles`), read once."""


def skipped_file(reason: str) -> FileRead:
    """A file that gave no documents."""
    return FileRead(reason, (), (), (), ())


class IngestCache:
    """The entries of one version of ingest and one set of reading options."""

    def __init__(self, directory: Path, options: str) -> None:
        self.directory = directory
        """Folder holding the entries."""
        self.options = options
        """The options that read a file, as text (the size limit, the date order)."""

    def path(self, file: str, data: bytes) -> Path:
        """The entry of the file at ``file`` (below the seeds folder) holding ``data``."""
        key = sha256(
            f"{INGEST_VERSION}\n{self.options}\n{file}\n{hashlib.sha256(data).hexdigest()}"
        )
        return self.directory / f"{key}.json"

    def load(self, entry: Path) -> FileRead | None:
        """The read stored at ``entry`` (:meth:`path`); None when missing, unreadable
        or not valid."""
        try:
            return _from_json(json.loads(entry.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def store(self, entry: Path, read: FileRead) -> None:
        """Write the entry atomically (parallel builds may share the cache)."""
        text = json.dumps(_to_json(read), ensure_ascii=False).encode("utf-8")
        atomic.write_file(entry, text)


def _packed(shingles: set[int]) -> str:
    """Shingles (32-bit hashes) as base64 of little-endian words, sorted."""
    words = array("I", sorted(shingles))
    if sys.byteorder == "big":
        words.byteswap()
    return base64.b64encode(words.tobytes()).decode("ascii")


def _unpacked(text: str) -> set[int]:
    words = array("I")
    words.frombytes(base64.b64decode(text.encode("ascii"), validate=True))
    if sys.byteorder == "big":
        words.byteswap()
    return set(words)


def _to_json(read: FileRead) -> dict:
    articles = []
    for article, shingles in zip(read.articles, read.shingles, strict=True):
        fields = asdict(article)
        del fields["id"], fields["paragraphs"]
        paragraphs = [asdict(p) for p in article.paragraphs]
        articles.append({"fields": fields, "paragraphs": paragraphs, "shingles": _packed(shingles)})
    return {"reason": read.reason, "bad_lines": read.bad_lines, "keys": read.keys,
            "articles": articles}  # fmt: skip


def _from_json(raw: dict) -> FileRead:
    reason, keys = raw["reason"], tuple(raw["keys"])
    bad = tuple((int(n), str(why)) for n, why in raw["bad_lines"])
    if not (reason is None or isinstance(reason, str)) or not _keys(keys):
        raise TypeError("not a file's read")
    articles = tuple(_article(entry) for entry in raw["articles"])
    shingles = tuple(_unpacked(entry["shingles"]) for entry in raw["articles"])
    if len(keys) != len(articles):
        raise TypeError("not a file's read")
    return FileRead(reason, bad, keys, articles, shingles)


def _keys(keys: Sequence[object]) -> bool:
    return all(k is None or isinstance(k, str) for k in keys)


def _article(entry: dict) -> Article:
    paragraphs = tuple(record(Paragraph, p) for p in entry["paragraphs"])
    return record(Article, entry["fields"], id=UNSET_ID, paragraphs=paragraphs)
