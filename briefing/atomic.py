"""Replacing output files and folders whole, so a build that fails or is killed at
any point leaves the previous output as it was.

1. **stage**: a build writes a new folder beside its target (:func:`staging_folder`),
   a file to a temporary file beside it (:func:`write_file`).
2. **swap**: the staged folder takes the target's place in one step where the system
   can exchange two folders (Linux ``renameat2``); elsewhere by two renames, the old
   folder kept under a retired name until the new one is in place.
3. **recover**: the next build puts a retired folder back when a build was killed
   between those two renames, and removes what killed builds left beside the target.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import threading
from pathlib import Path

from .errors import OutputError

STAGING = "briefing-new"
"""Infix of a folder a build is writing; it replaces its target when complete."""
RETIRED = "briefing-old"
"""Infix of a target's previous folder, kept until its replacement is in place."""
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _beside(target: Path, infix: str, pid: int) -> Path:
    return target.parent / f".{target.name}.{infix}-{pid}"


def staging_folder(target: Path) -> Path:
    """A new, empty folder beside ``target`` for this build to fill."""
    staging = _beside(target, STAGING, os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
    except OSError as exc:
        raise OutputError(f"cannot create a folder beside it: {exc.strerror}", target) from exc
    return staging


def write_file(path: Path, data: bytes, shown: Path | None = None) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place;
    a failure names ``shown`` (else ``path``) and leaves any previous file whole."""
    temp = path.parent / f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise OutputError(f"cannot write: {exc.strerror or exc}", shown or path) from exc


def keep_file(old: Path, new: Path) -> None:
    """Carry an unchanged file into a staged folder: a hard link keeps its time stamp
    (what MkDocs' and editors' change checks read) at no cost; else a copy."""
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    if os.name != "posix":
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, target: Path) -> None:
    """Stage 2: put the complete ``staging`` folder in ``target``'s place."""
    try:
        if not target.exists():
            os.rename(staging, target)
        elif _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # now the previous output
        else:
            retired = _beside(target, RETIRED, os.getpid())
            os.rename(target, retired)
            os.rename(staging, target)
            shutil.rmtree(retired, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"cannot replace the folder: {exc.strerror or exc}", target) from exc


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftovers(target: Path, infix: str) -> list[Path]:
    """Folders a build that is no longer running left beside ``target``."""
    prefix = f".{target.name}.{infix}-"
    if not target.parent.is_dir():
        return []
    found = []
    for path in sorted(target.parent.iterdir()):
        pid = path.name[len(prefix) :]
        if path.name.startswith(prefix) and pid.isdigit() and not _running(int(pid)):
            found.append(path)
    return found


def recover(target: Path) -> None:
    """Stage 3: restore a retired folder whose replacement never arrived, then remove
    every folder killed builds left beside ``target``."""
    retired = _leftovers(target, RETIRED)
    if retired and not target.exists():
        os.rename(retired[-1], target)
    for path in _leftovers(target, RETIRED) + _leftovers(target, STAGING):
        shutil.rmtree(path, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a staged folder after a failed build (the next build would too)."""
    shutil.rmtree(staging, ignore_errors=True)
