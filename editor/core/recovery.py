"""Recovery copies: the text being typed, kept in a data folder so a crash loses (almost) nothing.

Public API::

    store = RecoveryStore(folder)   # the UI passes QStandardPaths.AppDataLocation / "recovery"
    store.save(post_path, text, doc_id=...) -> bool   # atomic, cheap; False (logged) on error
    store.last_error -> str | None                    # why the last save failed, plain words
    store.discard(doc_id) -> None                     # after a successful save or clean close
    store.pending() -> list[RecoveryEntry]            # copies left by a crashed session
    store.dismiss(entry) -> None                      # the writer restored or dropped it
    store.clean_up() -> None                          # at start: dead locks, stale temps
    store.close() -> None                             # at a clean exit

    RecoveryEntry: doc_id, post_path (Path | None for an unsaved post), text, saved_at
                   (aware datetime), disk_text (the post's current text, or None), differs

Copies never touch the post itself. Each is one file, ``<session>-<hash of doc_id>.recovery``:
a JSON header line, then the text as UTF-8; the header carries the length and CRC-32 so a
damaged copy is reported rather than offered as if it were whole. The session prefix means
a new session never overwrites a crashed session's copy of the same post; the copy stays
on offer until ``dismiss``. Saves go through a temp file and ``os.replace`` without
``fsync``: the copy survives the app being killed (the page cache holds it), not a power
cut, and a save of 500 KB costs about 2 ms.

``save`` never raises: it runs on the typing path, and a full disk must not take the
window down. Several app instances may share the folder: each store holds an exclusive
``flock`` on its own ``*.owner`` file, so ``pending`` offers only copies whose owner is
gone (the lock dies with its process, even on SIGKILL), never those of a live instance.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import secrets
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from editor.core.tempfiles import clean_stale_temp_files, write_atomic

try:
    import fcntl
except ImportError:  # Windows: no flock; every foreign copy is then offered
    fcntl = None

log = logging.getLogger(__name__)

_SUFFIX = ".recovery"
_OWNER_SUFFIX = ".owner"
_FORMAT = 1
_PLAIN_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EFBIG: "the file is larger than this disk or account allows",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOTDIR: "a file is in the way of the data folder",
    errno.EEXIST: "a file is in the way of the data folder",
    errno.EIO: "the disk reported an input/output error",
}


@dataclass(frozen=True)
class RecoveryEntry:
    doc_id: str
    post_path: Path | None
    text: str
    saved_at: datetime
    disk_text: str | None
    file: Path

    @property
    def differs(self) -> bool:
        """Does the recovered text say something the post on disk does not?"""
        if self.disk_text is None:
            return bool(self.text)
        return _normalise(self.text) != _normalise(self.disk_text)


class RecoveryError(ValueError):
    """A recovery file that cannot be read back whole."""


class RecoveryStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._owner = secrets.token_hex(8)
        self._lock_handle = None
        self.last_error: str | None = None  # why the last save failed, in plain words

    # -- writing ---------------------------------------------------------------------------

    def save(self, post_path: Path | None, text: str, *, doc_id: str) -> bool:
        """Keep ``text`` as this session's recovery copy of ``doc_id``; True on success."""
        try:
            self._write(self._file_for(doc_id), self._encode(post_path, text, doc_id))
        except OSError as error:
            log.warning("recovery copy of %s not saved: %s", post_path or doc_id, error)
            self.last_error = _PLAIN_REASONS.get(error.errno or 0, error.strerror or str(error))
            return False
        except Exception:  # the typing path must never see an exception from here
            log.exception("recovery copy of %s not saved", post_path or doc_id)
            self.last_error = "an internal error (details are in the log)"
            return False
        self.last_error = None
        return True

    def discard(self, doc_id: str) -> None:
        """Forget this session's copy of ``doc_id`` (saved, or closed without saving)."""
        _unlink(self._file_for(doc_id))

    def dismiss(self, entry: RecoveryEntry) -> None:
        """Remove a copy returned by ``pending`` once the writer restored or dropped it."""
        _unlink(entry.file)

    def close(self) -> None:
        """Release the owner lock at a clean exit (copies still present stay on offer)."""
        owner_file = self._owner_file(self._owner)
        if self._release_lock():
            _unlink(owner_file)

    # -- reading ---------------------------------------------------------------------------

    def pending(self) -> list[RecoveryEntry]:
        """Copies left by sessions that ended without saving or discarding, newest first.

        Copies of live sessions (this one, or another running instance) are not included.
        Damaged copies are logged and left on disk for a human to rescue.
        """
        entries = []
        for file in self._glob(_SUFFIX):
            owner = file.name.split("-", 1)[0]
            if owner == self._owner or self._owner_alive(owner):
                continue
            try:
                entries.append(_read_entry(file))
            except (OSError, RecoveryError) as error:
                log.warning("recovery copy %s unreadable: %s", file, error)
        entries.sort(key=lambda entry: entry.saved_at, reverse=True)
        return entries

    def clean_up(self) -> None:
        """Housekeeping at start: lock files of dead sessions, temp files of killed saves."""
        for file in self._glob(_OWNER_SUFFIX):
            owner = file.name[: -len(_OWNER_SUFFIX)]
            if owner != self._owner and not self._owner_alive(owner):
                _unlink(file)
        clean_stale_temp_files(self.folder)

    # -- internals -------------------------------------------------------------------------

    def _encode(self, post_path: Path | None, text: str, doc_id: str) -> bytes:
        body = text.encode("utf-8", "surrogatepass")
        header = {
            "format": _FORMAT,
            "doc_id": doc_id,
            "post_path": None if post_path is None else os.fspath(post_path),
            "saved_at": datetime.now(UTC).isoformat(),
            "length": len(body),
            "crc32": zlib.crc32(body),
        }
        return json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n" + body

    def _write(self, file: Path, data: bytes) -> None:
        try:
            self._ensure_folder_and_lock()
            write_atomic(file, data, fsync=False)
        except FileNotFoundError:
            # The data folder was removed under us: make it (and our lock) again, once.
            self._release_lock()
            self._ensure_folder_and_lock()
            write_atomic(file, data, fsync=False)

    def _file_for(self, doc_id: str) -> Path:
        # The owner prefix keeps a new session from overwriting a crashed session's copy
        # of the same post; hashing makes any doc_id a short, safe file name.
        name = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return self.folder / f"{self._owner}-{name}{_SUFFIX}"

    def _owner_file(self, owner: str) -> Path:
        return self.folder / f"{owner}{_OWNER_SUFFIX}"

    def _ensure_folder_and_lock(self) -> None:
        if self._lock_handle is not None:
            return
        # Drafts are private: the folder is for this user only.
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = open(self._owner_file(self._owner), "ab")  # noqa: SIM115 - held for life
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:  # e.g. a file system without locks: save anyway
                log.info("recovery owner lock not taken: %s", error)
        self._lock_handle = handle

    def _release_lock(self) -> bool:
        handle, self._lock_handle = self._lock_handle, None
        if handle is None:
            return False
        handle.close()
        return True

    def _owner_alive(self, owner: str) -> bool:
        if fcntl is None:
            return False
        try:
            handle = open(self._owner_file(owner), "rb")  # noqa: SIM115
        except OSError:
            return False  # no lock file: its session is gone
        with handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return True  # a live session holds it
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return False

    def _glob(self, suffix: str) -> list[Path]:
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        return [self.folder / name for name in names if name.endswith(suffix)]


def _read_entry(file: Path) -> RecoveryEntry:
    header, body = _split(file.read_bytes())
    post_path = header.get("post_path")
    post = None if post_path is None else Path(post_path)
    return RecoveryEntry(
        doc_id=str(header.get("doc_id", "")),
        post_path=post,
        text=body.decode("utf-8", "surrogatepass"),
        saved_at=_parse_time(header.get("saved_at")),
        disk_text=None if post is None else read_disk_text(post),
        file=file,
    )


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        log.warning("could not remove %s: %s", path, error)


def _split(data: bytes) -> tuple[dict, bytes]:
    newline = data.find(b"\n")
    if newline < 0:
        raise RecoveryError("no header line")
    try:
        header = json.loads(data[:newline])
    except ValueError as error:
        raise RecoveryError(f"bad header: {error}") from error
    if not isinstance(header, dict) or header.get("format") != _FORMAT:
        raise RecoveryError("unknown format")
    body = data[newline + 1 :]
    if len(body) != header.get("length") or zlib.crc32(body) != header.get("crc32"):
        raise RecoveryError("text damaged (length or checksum does not match)")
    return header, body


def _parse_time(value: object) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return datetime.fromtimestamp(0, UTC)


def read_disk_text(path: Path) -> str | None:
    """The post's current text for comparison, or None if it is gone or unreadable.

    Decoding is lenient on purpose: this text is only shown beside the recovered copy,
    never written back.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "cp949"):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(encoding)
    return data.decode("utf-8", errors="replace")


def _normalise(text: str) -> str:
    # The editor holds "\n" line ends and no BOM; the file may have "\r\n" and a BOM.
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
