"""Renders the preview's blocks off the GUI thread so typing never waits for Markdown.

Two renderers with one shape: `request(...)`, then `blocks_ready(seq, blocks)` with every
block of the body, cleaned for the page; the preview diffs them against what it shows.

* `RenderWorker`: a background thread. One request is in flight at a time and only the
  newest text waits behind it: a burst of keystrokes costs one render. The thread never
  calls Qt: results go through a plain queue that a GUI-thread timer polls while a request
  is out (Qt signals emitted from a Python thread while a view is being destroyed crashed
  the process now and then). Python-Markdown holds the GIL while it works, which delays
  the GUI thread's key handling a little; fine for short posts.
* `ProcessRenderer`: editor.render.worker's child process, watched with a QSocketNotifier,
  so Markdown never holds the GUI process's GIL (issue #7: the keystroke stalls of long
  posts). It costs a child process, so the preview uses it for long posts only.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal

from editor.render.worker import RenderWorker as ChildRenderWorker
from editor.ui.preview_blocks import BodyBlocks

_STOP = object()
POLL_MS = 1  # how often the GUI thread looks for a finished render while one is due


class RenderWorker(QObject):
    """`request(blocks, seq, text)`; `blocks_ready(seq, blocks)` comes back."""

    blocks_ready = Signal(int, object)

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

    def request(self, blocks: BodyBlocks, seq: int, text: str) -> None:
        if self._busy:
            self._waiting = (blocks, seq, text)  # replaces any older waiting text
            return
        self._busy = True
        self._queue.put((blocks, seq, text))
        self._poll.start()

    def stop(self) -> None:
        self._queue.put(_STOP)

    def _collect(self) -> None:
        try:
            seq, blocks = self._results.get_nowait()
        except queue.Empty:
            return
        self._poll.stop()
        self._busy = False
        waiting, self._waiting = self._waiting, None
        self.blocks_ready.emit(seq, blocks)
        if waiting is not None:
            self.request(*waiting)


def _serve(requests: queue.Queue, results: queue.Queue, error_html: Callable[[str], str]) -> None:
    while True:
        item = requests.get()
        if item is _STOP:
            return
        body, seq, text = item
        try:
            blocks = body.blocks_for(text)
        except Exception as error:  # shown in the page; the editor's text is untouched
            body.forget_page()
            blocks = [error_html(f"{type(error).__name__}: {error}")]
        results.put((seq, blocks))


class ProcessRenderer(QObject):
    """`request(seq, text)` rendered in a child process; `blocks_ready(seq, blocks)`.

    Errors (a renderer that raises, a child that died and was restarted) come back as one
    error block; the next good render replaces it. `ready` is False until the child has
    loaded its renderer, so the caller can keep using the thread until then.
    """

    blocks_ready = Signal(int, object)

    def __init__(
        self,
        error_html: Callable[[str], str],
        clean_for: tuple[str | None, str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clean_for = clean_for
        self._error_html = error_html
        self._worker = ChildRenderWorker(clean_for=clean_for)
        self._last_seq = -1
        self.last_warning: str | None = None  # a correction or restart note with a result
        self._notifier = QSocketNotifier(self._worker.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._collect)
        worker = self._worker  # not self: the lambda must not keep this object alive
        self.destroyed.connect(lambda *_: worker.close())

    @property
    def ready(self) -> bool:
        return self._worker.ready

    @property
    def pid(self) -> int | None:
        return self._worker.pid

    def request(self, seq: int, text: str) -> None:
        self._last_seq = seq
        self._worker.submit(seq, text)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._worker.close()

    def _collect(self) -> None:
        update = self._worker.poll()
        if update is None:
            return
        if update.seq < 0:  # errors only: nothing rendered
            self.blocks_ready.emit(self._last_seq, [self._error_html(update.error or "")])
            return
        self.last_warning = update.error
        self.blocks_ready.emit(update.seq, update.htmls)
