"""Was a post changed on disk by someone else (another editor, a git checkout)?

Public API::

    @dataclass(frozen=True)
    class DiskStamp:            # what we knew about the file when we last read or saved it
        mtime_ns: int; size: int; digest: str

    stamp(path) -> DiskStamp | None          # None when the file is missing or unreadable
    changed_on_disk(path, known) -> bool     # content-based: a `touch` or a checkout that
                                             # writes the same bytes is not a change

The window takes a stamp after each load and each successful save, and asks
``changed_on_disk`` before it saves (autosave never overwrites a newer file without asking)
and when the file watcher fires. Comparing digests rather than mtimes matters because mtime
granularity can hide a quick same-size rewrite, and tools such as git rewrite files with
identical content, which must not nag the writer.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

_CHUNK = 1 << 20


@dataclass(frozen=True)
class DiskStamp:
    mtime_ns: int
    size: int
    digest: str


def digest_bytes(data: bytes) -> str:
    """The digest used in stamps, for callers that already hold the saved bytes."""
    return hashlib.sha256(data).hexdigest()


def stamp_bytes(path: Path, data: bytes) -> DiskStamp | None:
    """A stamp for a file we just wrote with ``data``: no need to read it back."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return DiskStamp(info.st_mtime_ns, info.st_size, digest_bytes(data))


def stamp(path: Path) -> DiskStamp | None:
    """Stamp the file as it is now, or None if it is missing, a folder or unreadable."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            hasher = hashlib.sha256()
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
    except OSError:
        return None
    return DiskStamp(info.st_mtime_ns, info.st_size, hasher.hexdigest())


def changed_on_disk(path: Path, known: DiskStamp | None) -> bool:
    """True when the file's content differs from ``known``.

    A file that appeared where none was known, or vanished where one was known, counts
    as changed. Only the digest decides otherwise: mtime and size are kept in the stamp
    for display and cheap logging, not for the decision.
    """
    current = stamp(path)
    if current is None or known is None:
        return (current is None) != (known is None)
    return current.digest != known.digest
