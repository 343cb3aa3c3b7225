"""Temp files of atomic saves: how they are named, and cleaning up those a crash left behind.

Public API::

    temp_path_for(target) -> Path        # ".<name>.<random>.post-editor-tmp" beside target
    is_atomic_temp_name(name) -> bool    # does a file name follow that pattern?
    write_atomic(target, data, *, fsync=True) -> None   # temp + os.replace; raises OSError
    clean_stale_temp_files(folder, older_than_s=60) -> list[Path]   # what it removed

An atomic save writes the new bytes to a temp file in the target's folder and renames it
over the target, so the target is always either the old or the new version. A crash
between the two steps leaves the temp file behind; the app calls
``clean_stale_temp_files`` at start on the post's folder and on its own data folders.
Only names that match the pattern *and* are older than ``older_than_s`` are removed, so a
save running in another instance right now is not disturbed and user files are never hit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import time
from pathlib import Path

log = logging.getLogger(__name__)

# The same names textio.atomic_write gives its temp files (tempfile.mkstemp with prefix
# ".<name>." and this suffix), so one clean-up finds the leftovers of both; a test checks
# the two stay in step. The token keeps concurrent saves of the same file apart.
TEMP_SUFFIX = ".post-editor-tmp"
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_-]{6,32}" + re.escape(TEMP_SUFFIX) + "$")


def temp_path_for(target: Path) -> Path:
    """A fresh temp path in the target's folder (same file system, so rename is atomic)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def is_atomic_temp_name(name: str) -> bool:
    return bool(_TEMP_NAME.match(name))


def write_atomic(target: Path, data: bytes, *, fsync: bool = True) -> None:
    """Write ``data`` to ``target`` all or nothing; on error the temp file is removed.

    ``fsync=False`` skips flushing to the device: the data still survives the process
    being killed (it sits in the kernel's page cache), only not a power cut. Recovery
    copies use that to stay cheap while typing.
    """
    temp = temp_path_for(target)
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise


def clean_stale_temp_files(folder: Path, older_than_s: float = 60) -> list[Path]:
    """Remove leftover atomic-save temp files directly inside ``folder``; return them.

    Never raises: a missing or unreadable folder, or a file that cannot be removed, is
    logged and skipped, because this runs at start-up and must not stop the app.
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than_s
    try:
        entries = list(os.scandir(folder))
    except OSError as error:
        log.info("temp clean-up skipped for %s: %s", folder, error)
        return removed
    for entry in entries:
        if not is_atomic_temp_name(entry.name) or not _is_old_regular_file(entry, cutoff):
            continue
        try:
            os.unlink(entry.path)
        except OSError as error:
            log.warning("could not remove leftover temp file %s: %s", entry.path, error)
            continue
        removed.append(Path(entry.path))
    return removed


def _is_old_regular_file(entry: os.DirEntry, cutoff: float) -> bool:
    try:
        # Symlinks are left alone: removing a link we did not make is never our business.
        return entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff
    except OSError:
        return False


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
