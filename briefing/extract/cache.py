"""The extraction cache: one JSON file per article, named by what the result depends on.

An article's records depend only on its text, the model and the code and word lists
extraction reads, so the entry's name hashes (in this order) :data:`EXTRACTOR_VERSION`,
the model's signature, the article's id and its content hash. A rebuild after one new
article runs the model on that article alone; any change to extraction's sources
gives every article a new name, so stale entries are never read.
"""

from __future__ import annotations

import ast
import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import lexicon
from ..records import Article, ArticleExtraction, DateMention, Mention, Quote, Sentence
from ..textutil import sha256

PACKAGE_DIR = Path(__file__).resolve().parent.parent
"""The ``briefing`` package, against which source files are named in the fingerprint."""


def extraction_sources() -> tuple[Path, ...]:
    """Every file extraction reads: the modules of the extract stage, every briefing
    module they import (followed through the imports, so a new dependency cannot be
    forgotten), and the lexicon."""
    stage = sorted(Path(__file__).resolve().parent.rglob("*.py"))
    seen: set[Path] = set()
    todo = list(stage)
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(_imported_modules(path))
    return (*sorted(seen), *lexicon.lexicon_files())


def _imported_modules(path: Path) -> Iterator[Path]:
    """The files of the briefing modules ``path`` imports."""
    package = path.parent.relative_to(PACKAGE_DIR.parent).parts
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("briefing"):
                    yield from _files_of(alias.name.split("."))
            continue
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package[: len(package) - node.level + 1]
        elif (node.module or "").startswith("briefing"):
            base = ()
        else:
            continue
        module = (*base, *(node.module or "").split(".")) if node.module else base
        for name in [None, *(alias.name for alias in node.names)]:
            yield from _files_of((*module, name) if name else module)


def _files_of(parts: Sequence[str]) -> Iterator[Path]:
    """The file of module ``parts`` (``("briefing", "records")``), if it is one."""
    target = PACKAGE_DIR.parent.joinpath(*parts)
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            yield candidate.resolve()


def fingerprint(files: Iterable[Path], root: Path = PACKAGE_DIR) -> str:
    """Hash of the names (relative to ``root``) and contents of ``files``."""
    return sha256(
        "".join(
            f"{path.relative_to(root).as_posix()}\0{path.read_text(encoding='utf-8')}"
            for path in files
        )
    )[:16]


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
        """The stored records of ``article``; None when missing or unreadable."""
        try:
            raw = json.loads(self.path(article).read_text(encoding="utf-8"))
            return _from_json(raw)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a missing or stale entry is simply recomputed

    def store(self, article: Article, extraction: ArticleExtraction) -> None:
        """Write the entry of ``article`` atomically (parallel builds may share the cache)."""
        path = self.path(article)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(asdict(extraction), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def _from_json(raw: dict) -> ArticleExtraction:
    return ArticleExtraction(
        article_id=raw["article_id"],
        sentences=tuple(
            Sentence(**{**s, "verbs": tuple(tuple(v) for v in s["verbs"])})
            for s in raw["sentences"]
        ),
        mentions=tuple(Mention(**m) for m in raw["mentions"]),
        dates=tuple(DateMention(**d) for d in raw["dates"]),
        quotes=tuple(Quote(**q) for q in raw["quotes"]),
    )
