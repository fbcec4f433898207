"""The extraction cache: one JSON file per article, named by what the result depends on.

An article's records depend only on its text, the model and the code and word lists
extraction reads, so the entry's name hashes (in this order) :data:`EXTRACTOR_VERSION`,
the model's signature, the article's id and its content hash. A rebuild after one new
article runs the model on that article alone; any change to extraction's sources
gives every article a new name, so stale entries are never read.
"""

from __future__ import annotations

import ast
import functools
import json
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import atomic, lexicon
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


def _fits(value: Any, hint: Any) -> bool:
    """Whether a JSON value has the type a record's field declares (``int``, ``str |
    None``, ``tuple[tuple[int, str], ...]`` …), checked all the way down."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if hint is type(None):
        return value is None
    if origin is tuple:
        if not isinstance(value, list):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_fits(v, args[0]) for v in value)
        return len(value) == len(args) and all(map(_fits, value, args))
    if hint is bool:
        return isinstance(value, bool)
    if hint in (int, float):
        return isinstance(value, hint) and not isinstance(value, bool)
    return isinstance(value, hint)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A record's field types, read once (reading them is slow)."""
    return typing.get_type_hints(cls)


def _record(cls: type, raw: Any) -> Any:
    """One record from its JSON object, every field's type checked; TypeError if not."""
    hints = _hints(cls)
    if not isinstance(raw, dict) or set(raw) != set(hints):
        raise TypeError(f"not a {cls.__name__}")
    for name, hint in hints.items():
        if not _fits(raw[name], hint):
            raise TypeError(f"{cls.__name__}.{name} has the wrong type")
    return cls(**{k: _tuples(v) for k, v in raw.items()})


def _tuples(value: Any) -> Any:
    """JSON lists back as the tuples the frozen records hold."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _from_json(raw: dict) -> ArticleExtraction:
    if not isinstance(raw, dict) or not isinstance(raw.get("article_id"), str):
        raise TypeError("not an extraction")
    return ArticleExtraction(
        article_id=raw["article_id"],
        sentences=tuple(_record(Sentence, s) for s in raw["sentences"]),
        mentions=tuple(_record(Mention, m) for m in raw["mentions"]),
        dates=tuple(_record(DateMention, d) for d in raw["dates"]),
        quotes=tuple(_record(Quote, q) for q in raw["quotes"]),
    )
