"""Hand freed heap memory back to the system once large work has settled.

Opening a long post frees a lot inside the app process (the first-screen render, the
thread's block cache the render child replaces, the streamed HTML chunks); glibc keeps
those pages unless asked (:func:`editor.core.heap.release_free_heap`). Trimming is cheap
(a few ms) but not free, so it runs once, after the app has been quiet for a moment, not
after every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from editor.core.heap import forget_imported_sources, release_free_heap

QUIET_MS = 1000  # after the last large patch: the page and the highlighter have settled


class HeapTrimmer(QObject):
    """``after_large_work()`` (re)starts a quiet timer; when it fires the heap is trimmed."""

    def __init__(self, parent: QObject | None = None, quiet_ms: int = QUIET_MS) -> None:
        super().__init__(parent)
        self.trims = 0  # how many times the heap was trimmed (tests)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self._trim)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def after_large_work(self) -> None:
        self._timer.start()

    def _trim(self) -> None:
        forget_imported_sources()  # the render stack was imported for the post meanwhile
        release_free_heap()
        self.trims += 1
