"""Nothing lost: recovery copies while typing, outside changes noticed, history on save.

One DocumentSafety per window. It listens to the Document and asks through the small
functions in main_window (ask_recover, ask_external_change, ask_overwrite_changed), which
tests replace. The stores are Qt-free (editor.core.recovery, .history, .disk_state).
"""

from __future__ import annotations

import difflib
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from editor.core.disk_state import DiskStamp, changed_on_disk, stamp, stamp_bytes
from editor.core.history import LocalHistory
from editor.core.recovery import RecoveryEntry, RecoveryStore, read_disk_text
from editor.core.tempfiles import clean_stale_temp_files
from editor.ui.autosave import Autosaver, ExternalChangeWatcher, app_data_folder
from editor.ui.document import Document

DIFF_LINES = 400  # a dialog shows at most this many diff lines


def default_stores(keep: int = 20, days: int = 30) -> tuple[RecoveryStore, LocalHistory]:
    """The app's stores in its data folder, cleaned of what a crash left behind."""
    recovery = RecoveryStore(app_data_folder("recovery"))
    history = LocalHistory(app_data_folder("history"), keep=keep, days=days)
    recovery.clean_up()
    history.clean_up()
    return recovery, history


def text_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), old_name, new_name, lineterm="", n=2
    )
    shown = list(lines)[:DIFF_LINES]
    return "\n".join(shown) if shown else "(no differences)"


class DocumentSafety(QObject):
    def __init__(
        self,
        window,
        document: Document,
        recovery: RecoveryStore,
        history: LocalHistory | None = None,
        idle_ms: int = 1000,
        max_interval_ms: int = 600,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self.recovery = recovery
        self.history = history
        self._known: DiskStamp | None = None
        self._timing = (idle_ms, max_interval_ms)
        self._doc_id = ""
        self.autosaver: Autosaver | None = None
        self.watcher = ExternalChangeWatcher(parent=self)
        self.watcher.changedOnDisk.connect(self._on_changed_on_disk)
        document.changed.connect(self._on_edited)
        document.post_replaced.connect(self._on_post_replaced)
        document.saved.connect(self._on_saved)
        self._on_post_replaced()

    # ----- the document's life -----
    def _new_doc_id(self) -> str:
        path = self._document.path
        return str(path) if path is not None else f"untitled-{uuid.uuid4().hex}"

    def _follow(self, doc_id: str) -> None:
        """Keep recovery copies under `doc_id` from now on (a new post, or Save As)."""
        if self.autosaver is not None:
            self.autosaver.discard()
            self.autosaver.deleteLater()
        self._doc_id = doc_id
        document = self._document
        idle_ms, max_interval_ms = self._timing
        self.autosaver = Autosaver(
            self.recovery,
            doc_id,
            document.whole_text,
            lambda: document.path,
            idle_ms,
            max_interval_ms,
            self,
        )
        self.autosaver.saveFailed.connect(self._on_save_failed)

    def _on_edited(self) -> None:
        if self.autosaver is not None:
            self.autosaver.notify_edited()

    def _on_post_replaced(self) -> None:
        self._follow(self._new_doc_id())  # the old post was saved or dropped on purpose
        path = self._document.path
        self._known = stamp(path) if path is not None else None
        if path is None:
            self.watcher.unwatch()
        else:
            clean_stale_temp_files(path.parent)  # what a save killed halfway left behind
            self.watcher.watch(path, self._known)
        if self._document.is_modified():  # restored text: keep a copy at once
            self.autosaver.notify_edited()

    def _on_saved(self, path: Path) -> None:
        data = self._document.saved_bytes()
        self._known = stamp_bytes(path, data)
        if self._doc_id != str(path):  # Save As: copies and watching follow the new file
            self._follow(str(path))
            self.watcher.watch(path, self._known)
        else:
            self.watcher.acknowledge(self._known)
        self.autosaver.discard()
        if self.history is not None:
            self.history.record(path, data)

    def document_closed(self) -> None:
        """The window closes the post (saved, or changes discarded on purpose)."""
        if self.autosaver is not None:
            self.autosaver.discard()
        self.watcher.unwatch()

    # ----- saving over outside changes -----
    def may_save_to(self, path: Path | None) -> bool:
        """False when the file changed on disk and the writer chose not to overwrite it."""
        from editor.ui import main_window  # the question lives there so tests can answer it

        current = self._document.path
        if path is not None and current is not None and Path(path) != current:
            return True  # Save As to another file
        if current is None or not changed_on_disk(current, self._known):
            return True
        return main_window.ask_overwrite_changed(self._window, current.name)

    def _on_changed_on_disk(self, path: Path) -> None:
        from editor.ui import main_window

        if not path.exists():  # deleted or moved away: nothing to reload or compare
            main_window.tell_deleted_on_disk(self._window, path.name)
            self._known = None  # so Save writes the file back without asking to overwrite
            self.watcher.acknowledge(None)
            return
        disk_text = read_disk_text(path) or ""
        diff = text_diff(self._document.whole_text(), disk_text, "in the window", "on disk")
        answer = main_window.ask_external_change(self._window, path.name, diff)
        if answer == "reload":
            self._window.open_path(path, add_to_recent=False)
        else:  # keep mine: the window's text wins the next save without asking again
            self._known = stamp(path)
            self.watcher.acknowledge(self._known)

    def _on_save_failed(self, message: str) -> None:
        self._window.status.showMessage(message, 15000)

    # ----- after a crash -----
    def offer_recovery(self) -> int:
        """Offer each copy a crashed session left; returns how many were restored."""
        from editor.ui import main_window

        restored = 0
        for entry in self.recovery.pending():
            if not entry.differs:
                self.recovery.dismiss(entry)  # the file already says the same
                continue
            name = (
                entry.post_path.name
                if entry.post_path
                else QCoreApplication.translate("Dialogs", "an untitled post")
            )
            diff = text_diff(entry.disk_text or "", entry.text, "on disk", "recovered")
            when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            answer = main_window.ask_recover(self._window, name, when, diff)
            if answer == "discard":
                self.recovery.dismiss(entry)
            elif answer == "restore" and restored == 0 and self._restore(entry):
                self.recovery.dismiss(entry)
                restored += 1
        return restored

    def _restore(self, entry: RecoveryEntry) -> bool:
        path = entry.post_path
        if path is not None and Path(path).exists():
            if not self._window.open_path(path):
                return False
        else:
            self._document.new_from_template()
        self._document.restore_text(entry.text)
        return True
