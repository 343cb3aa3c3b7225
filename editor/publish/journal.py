"""The publish journal: what a half-done publish changed, so a killed process can be undone.

Public API::

    journal_path(site_root) -> Path                     # <site>/.post-editor/publish-journal.json
    PublishJournal(site_root).write(record) / .delete()  # used by FileTransaction
    recover_interrupted_publish(site_root) -> list[str]  # what it restored, [] when nothing

FileTransaction writes the journal (atomically, fsynced) before its first rename. It lists
every change: the target, its staged temp file and the backup name the replaced (or removed)
original is kept under. Deleting the journal is the commit point. A process killed between
the two (SIGKILL, power cut) leaves the journal behind, and recovery puts every path back.
The folder starts with a dot, so Jekyll never copies it into _site.

While a transaction runs it holds an flock on the journal, so recovery in another process
(or another call in this one) never rolls back a publish that is still under way.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path

from editor.core.image_store import UnsafePathError, ensure_safe_target
from editor.core.tempfiles import is_atomic_temp_name, temp_path_for
from editor.publish.wording import Phrase

try:
    import fcntl
except ImportError:  # Windows: no flock; recovery then trusts that no publish runs twice
    fcntl = None  # type: ignore[assignment]

JOURNAL_DIR = ".post-editor"
JOURNAL_NAME = "publish-journal.json"


def journal_path(site_root: Path) -> Path:
    return Path(os.path.abspath(site_root)) / JOURNAL_DIR / JOURNAL_NAME


def _lock(fd: int, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    except OSError:
        return True  # file systems without flock: go on unlocked
    return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut must not lose the journal's name)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PublishJournal:
    """The journal of one transaction; keeps its file open and locked until delete()."""

    def __init__(self, site_root: Path) -> None:
        self.path = journal_path(site_root)
        self.fd: int | None = None
        self.made_dir = False

    def write(self, record: dict) -> None:
        """Atomically replace the journal with ``record``; on error nothing is left behind."""
        folder = self.path.parent
        if not folder.exists():
            ensure_safe_target(self.path.parent.parent, folder)
            os.mkdir(folder)
            self.made_dir = True
        if self.fd is None and os.path.lexists(self.path):
            # Another transaction's journal (recovery found it locked, or could not read it):
            # never overwrite it, or a kill of that publish could no longer be undone.
            raise OSError(
                errno.EBUSY, f"another publish into this site is unfinished ({self.path})"
            )
        record = {**record, "made_dir": self.made_dir}
        temp = temp_path_for(self.path)
        fd = -1
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            _lock(fd, wait=True)
            _write_all(fd, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))
            os.fsync(fd)
            os.replace(temp, self.path)
            _fsync_folder(folder)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            for path in (temp, self.path):
                with contextlib.suppress(OSError):
                    os.unlink(path)
            self._drop_folder()
            raise
        self._close()
        self.fd = fd

    def delete(self) -> None:
        """Remove the journal (the commit point, or the end of a rollback)."""
        # No folder fsync: should a power cut bring the journal back, recovery rolls the
        # publish back to the old, consistent site (the renames were not fsynced either).
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        self._close()
        self._drop_folder()

    def release(self) -> None:
        """Unlock and close, leaving the journal on disk for recovery."""
        self._close()

    def _close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def _drop_folder(self) -> None:
        if self.made_dir and self.fd is None:
            with contextlib.suppress(OSError):
                os.rmdir(self.path.parent)


def recover_interrupted_publish(site_root: Path) -> list[str]:
    """Undo a publish whose process died before its commit point; say what was restored.

    Returns [] when there is nothing to do (or a publish is running right now). A damaged
    journal is left in place and reported, never guessed at.
    """
    path = journal_path(site_root)
    _remove_journal_temps(path.parent)
    if not os.path.lexists(path):
        with contextlib.suppress(OSError):
            os.rmdir(path.parent)  # only when empty: a kill came before the journal was written
        return []
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return []
    except OSError as error:
        said = f"could not read the publish journal {path}: {error}"
        return [Phrase(said, "journal-unreadable", path=path, reason=error)]
    try:
        if not _lock(fd, wait=False):
            return []
        with os.fdopen(os.dup(fd), "rb") as handle:
            record = json.loads(handle.read().decode("utf-8"))
        messages = _recover(Path(os.path.abspath(site_root)), record)
    except (ValueError, KeyError, TypeError, UnsafePathError, OSError) as error:
        said = f"publish journal {path} left in place, could not recover: {error}"
        return [Phrase(said, "journal-kept", path=path, reason=error)]
    finally:
        os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    if record.get("made_dir"):
        with contextlib.suppress(OSError):
            os.rmdir(path.parent)
    return messages


def _remove_journal_temps(folder: Path) -> None:
    """Temp files of a journal write that a kill interrupted (never the site's own files)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(f".{JOURNAL_NAME}.") and is_atomic_temp_name(entry.name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _resolve(root: Path, relative: str | None) -> Path | None:
    if relative is None:
        return None
    path = root / relative
    ensure_safe_target(root, path)  # a hostile journal must not reach outside the site
    return path


def _recover(root: Path, record: dict) -> list[str]:
    changes = [
        {key: _resolve(root, change.get(key)) for key in ("target", "temp", "backup")}
        | {"kind": change["kind"]}
        for change in record["changes"]
    ]
    folders = [_resolve(root, folder) for folder in record.get("dirs", [])]
    if _commit_landed(root, record.get("git_head")):
        said = "an interrupted publish had already committed to git: kept it, cleaned up"
        messages = [Phrase(said, "recovery-committed")]
    else:
        undone = [_roll_back(root, change) for change in reversed(changes)]
        said = f"rolled back an interrupted publish of {len(changes)} file(s)"
        summary = Phrase(said, "recovery-rolled-back", count=len(changes))
        messages = [summary, *undone]
        if record.get("git_head") is not None:
            messages.append(_unstage(root, record["git_head"], changes))
    for change in changes:
        for leftover in (change["temp"], change["backup"]):
            if leftover is not None and os.path.lexists(leftover):
                os.unlink(leftover)
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            os.rmdir(folder)  # only when empty: a folder someone filled since is kept
    return [message for message in messages if message]


def _roll_back(root: Path, change: dict) -> str:
    target, backup = change["target"], change["backup"]
    name = target.relative_to(root).as_posix()
    if backup is not None and os.path.lexists(backup):
        os.replace(backup, target)  # a no-op when both are hard links to the same file
        if os.path.lexists(backup):
            os.unlink(backup)
            return ""  # the original never left its place
        return Phrase(f"restored {name}", "recovery-restored", name=name)
    if change["kind"] == "create" and os.path.lexists(target):
        os.unlink(target)
        return Phrase(f"removed the half-published {name}", "recovery-removed", name=name)
    return ""


def _commit_landed(root: Path, head_before: str | None) -> bool:
    """Did the git commit of the interrupted publish happen? Then undoing the files would
    leave the work tree behind HEAD, so the publish is kept instead."""
    if head_before is None:
        return False
    from editor.publish import gitops

    try:
        result = gitops.run_git(root, "rev-parse", "--verify", "-q", "HEAD", check=False)
    except gitops.GitError:
        return False
    return result.returncode == 0 and result.stdout.strip() != head_before


def _unstage(root: Path, head_before: str, changes: list[dict]) -> str:
    """Put the index entries of the published paths back to HEAD (a kill after ``git add``
    would otherwise leave files staged that the rollback just removed)."""
    from editor.publish import gitops

    paths = [change["target"].relative_to(root).as_posix() for change in changes]
    if head_before:
        args = ("reset", "-q", "HEAD", "--", *paths)
    else:  # unborn branch: nothing to reset to, drop the entries instead
        args = ("rm", "-q", "--cached", "--ignore-unmatch", "--", *paths)
    try:
        done = gitops.run_git(root, *args, check=False)
        failed = done.returncode != 0
        reason = (done.stderr.strip() or f"git exited with {done.returncode}") if failed else ""
    except gitops.GitError as error:
        reason = str(error)
    if not reason:
        return ""
    said = f"could not unstage the published paths in git: {reason}"
    return Phrase(said, "recovery-unstage-failed", reason=reason)
