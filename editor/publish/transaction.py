"""All-or-nothing file changes: stage every file beside its target, then rename; undo on error.

Staging writes temporary files in the target folders (same file system, so the renames are
atomic). Installing keeps a hard-linked backup of every file it replaces and moves removed
files aside, so a failure at any step (disk full, permission, a crash of one call) can put
each path back exactly as it was. Folders created on the way are removed again.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from editor.core.image_store import ensure_safe_target
from editor.core.tempfiles import temp_path_for


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class FileTransaction:
    def __init__(self, site_root: Path) -> None:
        self.root = site_root
        self.created_dirs: list[Path] = []
        self.staged: list[tuple[Path, Path]] = []  # (temp, target)
        self.undo: list[tuple[str, Path, Path | None]] = []  # (kind, path, backup)
        self.backups: list[Path] = []

    def _make_parents(self, folder: Path) -> None:
        missing = []
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            ensure_safe_target(self.root, path)
            os.mkdir(path)
            self.created_dirs.append(path)

    def stage(self, target: Path, data: bytes) -> None:
        """Write ``data`` to a temporary file beside ``target``."""
        ensure_safe_target(self.root, target)
        self._make_parents(target.parent)
        ensure_safe_target(self.root, target)
        temp = temp_path_for(target)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        self.staged.append((temp, target))
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(temp, stat.S_IMODE(target.stat().st_mode))

    def install(self, temp: Path, target: Path) -> None:
        """Rename one staged file over its target, keeping a backup of what it replaces."""
        ensure_safe_target(self.root, target)
        if os.path.lexists(target):
            backup = temp_path_for(target)
            try:
                os.link(target, backup)  # the target never goes missing
            except OSError:
                os.replace(target, backup)  # file systems without hard links
            self.backups.append(backup)
            os.replace(temp, target)
            self.undo.append(("replaced", target, backup))
        else:
            os.replace(temp, target)
            self.undo.append(("created", target, None))

    def remove(self, path: Path) -> None:
        ensure_safe_target(self.root, path)
        backup = temp_path_for(path)
        os.replace(path, backup)
        self.backups.append(backup)
        self.undo.append(("removed", path, backup))

    def install_all(self) -> None:
        for temp, target in self.staged:
            self.install(temp, target)

    def rollback(self) -> list[str]:
        """Put every path back; returns what could not be restored (empty when all went well)."""
        failures: list[str] = []
        for kind, path, backup in reversed(self.undo):
            try:
                if kind == "created":
                    os.unlink(path)
                else:
                    os.replace(backup, path)
            except OSError as error:
                failures.append(f"{path}: {error}")
        self.undo.clear()
        for temp, _ in self.staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        for backup in self.backups:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(backup)
        for folder in reversed(self.created_dirs):
            with contextlib.suppress(OSError):
                os.rmdir(folder)
        return failures

    def finish(self) -> None:
        """Drop the backups once every change is in place."""
        for backup in self.backups:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        self.backups.clear()
