"""All-or-nothing file changes: stage every file beside its target, then rename; undo on error.

Staging writes temporary files in the target folders (same file system, so the renames are
atomic). Installing keeps a hard-linked backup of every file it replaces and moves removed
files aside, so a failure at any step (disk full, permission, a crash of one call) can put
each path back exactly as it was. Folders created on the way are removed again.

begin() chooses every temp and backup name up front and writes them to an on-disk journal
(editor/publish/journal.py) before the first file is touched, so even a killed process
(SIGKILL, power cut) can be rolled back by recover_interrupted_publish(). finish() deletes
the journal: that is the commit point.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from editor.core.image_store import ensure_safe_target
from editor.core.tempfiles import temp_path_for
from editor.publish.journal import PublishJournal


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
        self.temp_for: dict[Path, Path] = {}
        self.backup_for: dict[Path, Path] = {}
        self.journal: PublishJournal | None = None

    def begin(self, targets: list[Path], removals: list[Path], git_head: str | None = None) -> None:
        """Name every temp file and backup, and write the journal, before changing anything.
        ``git_head`` (HEAD before a publish that commits) lets recovery tell whether the
        commit landed."""
        changes, folders = [], []
        for target in targets:
            ensure_safe_target(self.root, target)
            self.temp_for[target] = temp_path_for(target)
            exists = os.path.lexists(target)
            if exists:
                self.backup_for[target] = temp_path_for(target)
            changes.append(self._change("replace" if exists else "create", target))
            folders += [f for f in _missing_folders(target.parent) if f not in folders]
        for path in removals:
            ensure_safe_target(self.root, path)
            self.backup_for[path] = temp_path_for(path)
            changes.append(self._change("remove", path))
        record = {"version": 1, "changes": changes, "dirs": [self._rel(f) for f in folders]}
        journal = PublishJournal(self.root)
        journal.write({**record, "git_head": git_head})  # cleans up after itself on error
        self.journal = journal  # only now is the journal ours to delete

    def _rel(self, path: Path | None) -> str | None:
        return (
            None
            if path is None
            else Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        )

    def _change(self, kind: str, target: Path) -> dict:
        return {
            "kind": kind,
            "target": self._rel(target),
            "temp": self._rel(self.temp_for.get(target)),
            "backup": self._rel(self.backup_for.get(target)),
        }

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
        temp = self.temp_for.get(target) or temp_path_for(target)
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
            backup = self.backup_for.get(target) or temp_path_for(target)
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
        backup = self.backup_for.get(path) or temp_path_for(path)
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
        if self.journal is not None and not failures:
            self.journal.delete()
        elif self.journal is not None:
            self.journal.release()  # kept on disk: recovery retries what could not be restored
        return failures

    def finish(self) -> None:
        """Commit: delete the journal, then drop the backups (a kill in between leaves only
        temp-named backups, which clean_stale_temp_files recognises)."""
        if self.journal is not None:
            self.journal.delete()
        for backup in self.backups:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        self.backups.clear()


def _missing_folders(folder: Path) -> list[Path]:
    """The folders stage() will create for a file in ``folder``, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return list(reversed(missing))
