"""The extraction cache: one JSON file per article, named by what the result depends on.

An article's records depend only on its text, the model and the code and word lists
extraction reads, so the entry's name hashes (in this order) :data:`EXTRACTOR_VERSION`,
the model's signature, the article's id and its content hash. A rebuild after one new
article runs the model on that article alone; any change to extraction's sources
gives every article a new name, so stale entries are never read.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import atomic, lexicon
from ..cachefiles import fingerprint, record, stage_sources
from ..records import Article, ArticleExtraction, DateMention, Mention, Quote, Sentence
from ..textutil import sha256


def extraction_sources() -> tuple[Path, ...]:
    """Every file extraction reads: the modules of the extract stage, every briefing
    module they import, and the lexicon."""
    return (*stage_sources(Path(__file__).parent), *lexicon.lexicon_files())


EXTRACTOR_VERSION = fingerprint(extraction_sources())
"""Fingerprint of everything extraction depends on: any change to it invalidates the cache."""


@dataclass(frozen=True)
class ExtractionCache:
    """The cache entries of one model and one version of extraction."""

    directory: Path
    """Folder holding the entries."""
    model: str
    """Signature of the spaCy pipeline."""
    version: str
    """:data:`EXTRACTOR_VERSION` of the code that wrote the entries."""

    def path(self, article: Article) -> Path:
        """The entry of ``article``."""
        key = sha256(f"{self.version}\n{self.model}\n{article.id}\n{article.content_hash}")
        return self.directory / f"{key}.json"

    def load(self, article: Article) -> ArticleExtraction | None:
        """The stored records of ``article``; None when missing, unreadable or not
        what extraction writes (an entry whose values have the wrong types is a miss,
        noted once per build: see :func:`invalid_entries`)."""
        try:
            raw = json.loads(self.path(article).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            _INVALID.append(self.path(article))
            return None
        try:
            return _from_json(raw)
        except (KeyError, TypeError, ValueError, AttributeError):
            _INVALID.append(self.path(article))
            return None  # recomputed, and overwritten with a good entry

    def store(self, article: Article, extraction: ArticleExtraction) -> None:
        """Write the entry of ``article`` atomically (parallel builds may share the cache)."""
        data = json.dumps(asdict(extraction), ensure_ascii=False).encode("utf-8")
        atomic.write_file(self.path(article), data)


_INVALID: list[Path] = []
"""Entries found invalid since :func:`invalid_entries` was last called."""


def invalid_entries() -> list[Path]:
    """The entries found invalid (and recomputed) since the last call, and forget them."""
    found = list(_INVALID)
    _INVALID.clear()
    return found


def _from_json(raw: dict) -> ArticleExtraction:
    if not isinstance(raw, dict) or not isinstance(raw.get("article_id"), str):
        raise TypeError("not an extraction")
    return ArticleExtraction(
        article_id=raw["article_id"],
        sentences=tuple(record(Sentence, s) for s in raw["sentences"]),
        mentions=tuple(record(Mention, m) for m in raw["mentions"]),
        dates=tuple(record(DateMention, d) for d in raw["dates"]),
        quotes=tuple(record(Quote, q) for q in raw["quotes"]),
    )
