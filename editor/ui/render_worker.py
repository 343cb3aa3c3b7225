"""Renders body patches on a background thread so typing never waits for Markdown.

One request is in flight at a time and only the newest text waits behind it: a burst of
keystrokes costs one render, and patches reach the page in the order they were made.
The thread never calls Qt: results go through a plain queue that a GUI-thread timer polls
while a request is out (Qt signals emitted from a Python thread while a view is being
destroyed crashed the process now and then).
Python-Markdown holds the GIL while it works, but the interpreter hands the GIL back
every few milliseconds, so the GUI thread keeps handling keys; a worker process would
remove even that (issue #7).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.ui.preview_blocks import ALL_BLOCKS, BodyBlocks, Patch

_STOP = object()
POLL_MS = 1  # how often the GUI thread looks for a finished patch while one is due


class RenderWorker(QObject):
    """`request(blocks, generation, text)`; `patch_ready(generation, patch)` comes back."""

    patch_ready = Signal(int, object)

    def __init__(self, error_html: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._error_html = error_html
        self._queue: queue.Queue = queue.Queue()
        self._results: queue.Queue = queue.Queue()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.setTimerType(Qt.TimerType.PreciseTimer)
        self._poll.timeout.connect(self._collect)
        self._busy = False
        self._waiting: tuple[BodyBlocks, int, str] | None = None
        self._thread = threading.Thread(
            target=_serve,
            args=(self._queue, self._results, error_html),
            daemon=True,
            name="preview-render",
        )
        self._thread.start()
        requests = self._queue  # not self: the lambda must not keep the worker alive
        self.destroyed.connect(lambda *_: requests.put(_STOP))

    @property
    def busy(self) -> bool:
        return self._busy or self._waiting is not None

    def request(self, blocks: BodyBlocks, generation: int, text: str) -> None:
        if self._busy:
            self._waiting = (blocks, generation, text)  # replaces any older waiting text
            return
        self._busy = True
        self._queue.put((blocks, generation, text))
        self._poll.start()

    def stop(self) -> None:
        self._queue.put(_STOP)

    def _collect(self) -> None:
        try:
            generation, patch = self._results.get_nowait()
        except queue.Empty:
            return
        self._poll.stop()
        self._on_ready(generation, patch)

    def _on_ready(self, generation: int, patch: Patch) -> None:
        self._busy = False
        waiting, self._waiting = self._waiting, None
        self.patch_ready.emit(generation, patch)
        if waiting is not None:
            self.request(*waiting)


def _serve(requests: queue.Queue, results: queue.Queue, error_html: Callable[[str], str]) -> None:
    while True:
        item = requests.get()
        if item is _STOP:
            return
        blocks, generation, text = item
        try:
            patch = blocks.patch_for(text)
        except Exception as error:  # shown in the page; the editor's text is untouched
            blocks.forget_page()
            patch = (0, ALL_BLOCKS, [error_html(f"{type(error).__name__}: {error}")])
        results.put((generation, patch))
