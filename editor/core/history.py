"""Local history: the last saved versions of each post, browsable and restorable.

Public API::

    history = LocalHistory(folder, keep=20, days=30)
    history.record(post_path, data) -> bool       # after each successful save; an identical
                                                  # repeat of the newest version is skipped
    history.versions(post_path) -> list[HistoryVersion]   # newest first
    history.restore(post_path, version) -> bytes  # the caller saves them (atomically)
    history.clean_up() -> None                    # at start: temp files of killed writes

    HistoryVersion: saved_at (aware datetime), size, digest, read() -> bytes
                    (raises HistoryError if the stored copy is damaged)

Each post gets a folder named by a hash of its absolute path, holding ``post.txt`` (the
path, for humans) and one file per version, ``<time_ns>-<sha256 prefix>.version``. Versions
beyond ``keep`` or older than ``days`` are pruned at each record, except the newest, which
is always kept: a post left alone for a month must not lose its only backup.

History is a convenience beside the post, so ``record`` never raises: a full disk is logged
and reported as False, and the save that called it still counts as done.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor.core.tempfiles import clean_stale_temp_files, write_atomic

log = logging.getLogger(__name__)

_SUFFIX = ".version"
_DIGEST_CHARS = 16
_NS = 1_000_000_000


class HistoryError(ValueError):
    """A stored version that is damaged or does not belong to the post asked about."""


@dataclass(frozen=True)
class HistoryVersion:
    saved_at: datetime
    size: int
    digest: str
    file: Path

    def read(self) -> bytes:
        data = self.file.read_bytes()
        if hashlib.sha256(data).hexdigest()[:_DIGEST_CHARS] != self.digest:
            raise HistoryError(f"The saved version from {self.saved_at:%Y-%m-%d %H:%M} is damaged.")
        return data


class LocalHistory:
    def __init__(
        self,
        folder: Path,
        keep: int = 20,
        days: int = 30,
        *,
        clock: Callable[[], int] = time.time_ns,
    ) -> None:
        """``days <= 0`` keeps versions of any age; ``clock`` (ns since the epoch) is for tests."""
        if keep < 1:
            raise ValueError("keep must be at least 1")
        self.folder = Path(folder)
        self.keep = keep
        self.days = days
        self._clock = clock

    def record(self, post_path: Path, data: bytes) -> bool:
        """Add ``data`` as the newest version of ``post_path``; True if it is stored."""
        digest = hashlib.sha256(data).hexdigest()[:_DIGEST_CHARS]
        try:
            existing = self.versions(post_path)
            if existing and existing[0].digest == digest:
                return True  # the same bytes saved again: nothing new to keep
            folder = self._post_folder(post_path)
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_label(folder, post_path)
            newest_ns = _time_ns(existing[0]) if existing else 0
            name = f"{max(self._clock(), newest_ns + 1):020d}-{digest}{_SUFFIX}"
            write_atomic(folder / name, data, fsync=False)
        except OSError as error:
            log.warning("local history of %s not recorded: %s", post_path, error)
            return False
        self._prune(post_path)
        return True

    def versions(self, post_path: Path) -> list[HistoryVersion]:
        """Stored versions of ``post_path``, newest first; [] when there are none."""
        folder = self._post_folder(post_path)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return []
        found = [version for entry in entries if (version := _parse(entry)) is not None]
        found.sort(key=lambda version: version.file.name, reverse=True)
        return found

    def restore(self, post_path: Path, version: HistoryVersion | int) -> bytes:
        """The bytes of ``version`` (an item of ``versions`` or its index there).

        Raises HistoryError for a version of another post or a damaged copy, OSError when
        it cannot be read. Nothing is written: the caller saves the bytes the usual way,
        which also records the current text as a version first.
        """
        if isinstance(version, int):
            listed = self.versions(post_path)
            if not 0 <= version < len(listed):
                raise HistoryError(f"There is no saved version number {version}.")
            version = listed[version]
        if version.file.parent != self._post_folder(post_path):
            raise HistoryError("That saved version belongs to another post.")
        return version.read()

    def clean_up(self) -> None:
        """Housekeeping at start: temp files left by versions being written at a crash."""
        try:
            folders = [entry.path for entry in os.scandir(self.folder) if entry.is_dir()]
        except OSError:
            return
        for folder in folders:
            clean_stale_temp_files(Path(folder))

    def prune(self, post_path: Path) -> None:
        """Apply `keep` and `days` to one post's versions now (after the limits changed)."""
        self._prune(post_path)

    def _post_folder(self, post_path: Path) -> Path:
        key = os.fsencode(os.path.realpath(post_path))
        return self.folder / hashlib.sha256(key).hexdigest()[:24]

    def _prune(self, post_path: Path) -> None:
        cutoff = self._clock() / _NS - self.days * 86400
        for index, version in enumerate(self.versions(post_path)):
            too_many = index >= self.keep
            too_old = index > 0 and self.days > 0 and version.saved_at.timestamp() < cutoff
            if too_many or too_old:
                try:
                    os.unlink(version.file)
                except OSError as error:
                    log.warning("old history version %s not removed: %s", version.file, error)


def _write_label(folder: Path, post_path: Path) -> None:
    label = folder / "post.txt"
    if not label.exists():
        label.write_text(os.path.realpath(post_path) + "\n", encoding="utf-8", errors="replace")


def _parse(entry: os.DirEntry) -> HistoryVersion | None:
    stem, dot, _ = entry.name.partition(".")
    time_part, dash, digest = stem.partition("-")
    if not (dot and dash and time_part.isdigit() and entry.name.endswith(_SUFFIX)):
        return None
    try:
        size = entry.stat(follow_symlinks=False).st_size
    except OSError:
        return None
    saved_at = datetime.fromtimestamp(int(time_part) / _NS, UTC)
    return HistoryVersion(saved_at, size, digest, Path(entry.path))


def _time_ns(version: HistoryVersion) -> int:
    return int(version.file.name.split("-", 1)[0])
