"""Qt side of data safety: timed recovery copies and watching the post for outside changes.

Public API::

    saver = Autosaver(store, doc_id, get_text, get_path, idle_ms=1000, max_interval_ms=600)
    saver.notify_edited()   # on each committed edit (e.g. QTextDocument.contentsChanged)
    saver.flush()           # write now if anything is unsaved (before a risky step, on close)
    saver.discard()         # after a successful save of the post, or closing without saving
    saver.saveFailed(str)   # signal: the recovery copy could not be written (disk full ...)

    watcher = ExternalChangeWatcher()
    watcher.watch(path, stamp)       # after loading the post
    watcher.acknowledge(stamp)       # after our own save, a reload, or "keep mine"
    watcher.check_now()              # e.g. when the window regains focus
    watcher.changedOnDisk(Path)      # signal: the content on disk is not what we know

    app_data_folder("recovery")      # QStandardPaths.AppDataLocation / name: on Linux
                                     # $XDG_DATA_HOME/<org>/<app>/recovery (also "history")

Autosave timing. A copy is written ``idle_ms`` after typing stops, and never later than
``max_interval_ms`` after the first edit not yet copied, however fast the typing. The
issue asks for "1 s after typing stops, at least every 10 s while typing" *and* for a
SIGKILL while typing to lose at most the last second; only a cap under one second meets
both, so the default cap is 600 ms: with 800 ms, 500 KB crash trials on a busy machine lost
up to 0.93 s (timers fire late, the copy itself takes time), too close to the promise.
That is cheap: for a 500 KB post the store writes in about 2 ms and
QPlainTextEdit.toPlainText takes ~2 ms (13 ms at 2 MB). Both timers are precise timers (a
coarse timer may fire 5 % late). ``get_text`` should return the whole post as it would be
saved (front matter and body), so that a crash loses no front-matter edits either.

External changes. Editors and git often replace a file (write a new one, rename it over
the old); QFileSystemWatcher then drops the path. The watcher therefore also watches the
folder, re-adds the file when it reappears, and decides by content (DiskStamp digest), so
a ``touch`` or a checkout of identical bytes stays silent. Bursts of events are merged by a
short timer, and each distinct new content is reported once until acknowledged.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QStandardPaths, Qt, QTimer, Signal

from editor.core.disk_state import DiskStamp, stamp
from editor.core.recovery import RecoveryStore

_NOTHING = object()  # no change reported since the last acknowledge


def app_data_folder(name: str) -> Path:
    """A folder for the app's own data (recovery copies, local history), never a post's.

    Set the organisation and application names first (editor.app does), or Qt falls back
    to the executable's name. Not created here: the stores make it when they first write.
    """
    location = QStandardPaths.StandardLocation.AppDataLocation
    base = QStandardPaths.writableLocation(location)
    if not base:  # no home folder at all: still somewhere private to this user
        base = str(Path.home() / ".local" / "share" / "post-editor")
    return Path(base) / name


def _precise_single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer


class Autosaver(QObject):
    """Keeps the recovery copy of one open document up to date."""

    saveFailed = Signal(str)
    saved = Signal()

    def __init__(
        self,
        store: RecoveryStore,
        doc_id: str,
        get_text: Callable[[], str],
        get_path: Callable[[], Path | None],
        idle_ms: int = 1000,
        max_interval_ms: int = 600,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._doc_id = doc_id
        self._get_text = get_text
        self._get_path = get_path
        self._dirty = False
        self._failing = False
        self._idle = _precise_single_shot(self, idle_ms, self.flush)
        self._cap = _precise_single_shot(self, max_interval_ms, self.flush)

    @property
    def has_unsaved_edits(self) -> bool:
        return self._dirty

    def notify_edited(self) -> None:
        """Note an edit: restart the idle wait; start the cap on the first unsaved edit."""
        self._dirty = True
        self._idle.start()
        if not self._cap.isActive():
            self._cap.start()

    def flush(self) -> bool:
        """Write the copy now if there are unsaved edits; False only if the write failed."""
        self._idle.stop()
        self._cap.stop()
        if not self._dirty:
            return True
        ok = self._store.save(self._get_path(), self._get_text(), doc_id=self._doc_id)
        if ok:
            self._dirty = False
            self._failing = False
            self.saved.emit()
        else:
            self._cap.start()  # try again soon; the text is still in the window
            if not self._failing:  # say it once, not every retry
                self._failing = True
                reason = self._store.last_error or self.tr("an unknown error")
                self.saveFailed.emit(
                    self.tr(
                        "The recovery copy could not be written: {reason}. "
                        "Your text is still here; save the post to keep it."
                    ).format(reason=reason)
                )
        return ok

    def discard(self) -> None:
        """Drop the copy: the post was saved, or closed without saving on purpose."""
        self._idle.stop()
        self._cap.stop()
        self._dirty = False
        self._failing = False
        self._store.discard(self._doc_id)


class ExternalChangeWatcher(QObject):
    """Tells the window when the post's content on disk is no longer what it knows."""

    changedOnDisk = Signal(Path)

    def __init__(self, settle_ms: int = 150, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule_check)
        self._watcher.directoryChanged.connect(self._schedule_check)
        self._settle = _precise_single_shot(self, settle_ms, self.check_now)
        self._path: Path | None = None
        self._known: DiskStamp | None = None
        self._reported: object = _NOTHING

    @property
    def path(self) -> Path | None:
        return self._path

    def watch(self, path: Path, known: DiskStamp | None) -> None:
        """Start watching ``path``, whose content we know as ``known`` (None: no file yet)."""
        self.unwatch()
        self._path = Path(path)
        self._known = known
        self._reported = _NOTHING
        self._rewatch()

    def unwatch(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._settle.stop()
        self._path = None

    def acknowledge(self, known: DiskStamp | None) -> None:
        """The window now knows this content (it saved, reloaded, or chose to keep its own)."""
        self._known = known
        self._reported = _NOTHING
        self._rewatch()

    def check_now(self) -> None:
        """Compare the file with what we know and emit changedOnDisk once per new content."""
        if self._path is None:
            return
        self._rewatch()
        current = stamp(self._path)
        if _same_content(current, self._known):
            self._reported = _NOTHING  # back to what we know (changed, then changed back)
            return
        if self._reported is not _NOTHING and _same_content(current, self._reported):
            return  # this content was already reported; do not nag
        self._reported = current
        self.changedOnDisk.emit(self._path)

    def _schedule_check(self, _changed: str = "") -> None:
        self._settle.start()

    def _rewatch(self) -> None:
        """Watch the folder always, and the file whenever it exists (it may be replaced)."""
        if self._path is None:
            return
        # Only existing paths: Qt warns about the others (a folder may be gone meanwhile).
        wanted = [str(path) for path in (self._path.parent, self._path) if path.exists()]
        watched = set(self._watcher.files() + self._watcher.directories())
        missing = [path for path in wanted if path not in watched]
        if missing:
            self._watcher.addPaths(missing)


def _same_content(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return a.digest == b.digest
