"""Run one build with a fault injected, for tests/test_faults.py.

``python -m tests.faults ROOT FAULT`` builds the project at ROOT with a rule-based
pipeline (no trained model) and, for FAULT, kills itself (SIGKILL) or fails a write at
one point of the build. ``none`` builds normally.
"""

from __future__ import annotations

import errno
import os
import pathlib
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import mkdocs.utils

from briefing import atomic, pipeline
from briefing.config import Config
from briefing.errors import BriefingError

from .conftest import blank_nlp

PATTERNS = [
    {"label": "PERSON", "pattern": [{"TEXT": "Mara"}, {"TEXT": "Velt"}]},
    {"label": "GPE", "pattern": "Dunmore"},
    {"label": "ORG", "pattern": [{"TEXT": "Harbour"}, {"TEXT": "Council"}]},
]


def _kill(*args) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _after(count: int, action: Callable, original: Callable) -> Callable:
    """``original``, running ``action`` instead on its call number ``count`` + 1."""
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] > count:
            action(*args)
        return original(*args, **kwargs)

    return wrapper


def _disk_full(*args) -> None:
    """A full disk, as ``open`` reports it: naming the file (the last path given)."""
    paths = [str(arg) for arg in args if isinstance(arg, str | os.PathLike)]
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), *paths[-1:])


def _staged_writes(action: Callable, count: int) -> None:
    """``action`` on the write of the page number ``count`` + 1 into a staged folder."""
    original = pathlib.Path.write_bytes
    counted = _after(count, action, lambda path: None)

    def write_bytes(self, data):
        if atomic.STAGING in str(self):
            counted(self)
        return original(self, data)

    pathlib.Path.write_bytes = write_bytes


def _between_renames() -> None:
    """Where folders cannot be exchanged in one step: killed after the old folder was
    retired, before the new one took its place."""
    original = os.rename
    atomic._exchange = lambda first, second: False

    def rename(src, dst):
        original(src, dst)
        if atomic.RETIRED in str(dst):
            _kill()

    os.rename = rename


def _install(fault: str) -> None:
    if fault == "pages":
        _staged_writes(_kill, 3)
    elif fault == "disk-full":
        _staged_writes(_disk_full, 3)
    elif fault == "swap":
        _between_renames()
    elif fault == "mkdocs":
        mkdocs.utils.write_file = _after(5, _kill, mkdocs.utils.write_file)
    elif fault == "mkdocs-disk-full":
        mkdocs.utils.write_file = _after(5, _disk_full, mkdocs.utils.write_file)
    elif fault == "site-swap":
        atomic.swap_in = _after(1, _kill, atomic.swap_in)  # the pages' swap passes
    elif fault != "none":
        raise SystemExit(f"unknown fault {fault}")


def main(root: Path, fault: str) -> int:
    _install(fault)
    try:
        pipeline.build(Config(root=root), nlp=blank_nlp(PATTERNS))
    except BriefingError as exc:
        print(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
