"""What the stage caches share: a fingerprint of the code a stage runs, and records read
back from JSON with every field's type checked.

A cache entry is named by what its result depends on. For the code, that is every file
of the stage and every briefing module it imports, followed through the imports so a
new dependency cannot be forgotten (:func:`stage_sources`, :func:`fingerprint`). An
entry is read back only when each value has the type its record declares
(:func:`record`); anything else is a miss, recomputed and overwritten.
"""

from __future__ import annotations

import ast
import functools
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .textutil import sha256

PACKAGE_DIR = Path(__file__).resolve().parent
"""The ``briefing`` package, against which source files are named in the fingerprint."""


def stage_sources(stage: Path) -> tuple[Path, ...]:
    """The modules of a stage's folder and every briefing module they import."""
    todo = sorted(stage.resolve().rglob("*.py"))
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo.extend(imported_modules(path))
    return tuple(sorted(seen))


def imported_modules(path: Path) -> Iterator[Path]:
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


def _fits(value: Any, hint: Any) -> bool:
    """Whether a JSON value has the type a record's field declares (``int``, ``str |
    None``, ``tuple[tuple[int, str], ...]`` …), checked all the way down."""
    return _check(hint)(value)


@functools.cache
def _check(hint: Any) -> Callable[[Any], bool]:
    """The test of :func:`_fits` for one type, built once: a cache entry holds
    thousands of values of a few types."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        tests = tuple(_check(a) for a in args)
        return lambda value: any(test(value) for test in tests)
    if hint is type(None):
        return lambda value: value is None
    if origin is tuple:
        return _tuple_check(args)
    if hint is bool:
        return lambda value: isinstance(value, bool)
    if hint in (int, float):
        return lambda value: isinstance(value, hint) and not isinstance(value, bool)
    return lambda value: isinstance(value, hint)


def _tuple_check(args: tuple[Any, ...]) -> Callable[[Any], bool]:
    """The test of a tuple type: a JSON list of one type, or of fixed types in turn."""
    if len(args) == 2 and args[1] is Ellipsis:
        each = _check(args[0])
        return lambda value: isinstance(value, list) and all(map(each, value))
    tests = tuple(_check(a) for a in args)
    return lambda value: (
        isinstance(value, list)
        and len(value) == len(tests)
        and all(test(v) for test, v in zip(tests, value, strict=True))
    )


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """A record's field types, read once (reading them is slow)."""
    return typing.get_type_hints(cls)


def record(cls: type, raw: Any, **given: Any) -> Any:
    """One record from its JSON object, every field's type checked (TypeError if
    not); ``given`` fields are not in the JSON but passed as they are."""
    hints = _hints(cls)
    if not isinstance(raw, dict) or set(raw) | set(given) != set(hints) or set(raw) & set(given):
        raise TypeError(f"not a {cls.__name__}")
    for name, value in raw.items():
        if not _fits(value, hints[name]):
            raise TypeError(f"{cls.__name__}.{name} has the wrong type")
    return cls(**{k: tuples(v) for k, v in raw.items()}, **given)


def tuples(value: Any) -> Any:
    """JSON lists back as the tuples the frozen records hold."""
    return tuple(tuples(v) for v in value) if isinstance(value, list) else value
