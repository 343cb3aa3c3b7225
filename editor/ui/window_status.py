"""The status bar's counts: words and characters, counted in small steps once typing pauses.

Counting a 2 MB post takes ~130 ms of pure Python, which a thread would not take off the GUI
thread (it holds the GIL). So the count runs as text_stats.stats_steps, a few milliseconds
per event-loop turn: a keystroke that arrives meanwhile waits for one slice at most, and
cancels the count (the text changed; it starts again at the next pause).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.text_stats import TextStats, stats_steps
from editor.ui.status_bar import EditorStatusBar

PAUSE_MS = 300  # count once typing pauses this long, not per keystroke
SLICE_MS = 3.0  # counting work per event-loop turn (a step may run ~2 ms past it)
BLOCKS_PER_STEP = 1000  # lines read per step (~1.5 ms); reading 2 MB at once takes ~10 ms


class StatusCounts(QObject):
    """Keeps the status bar's counts equal to compute_stats(body) without long stalls."""

    def __init__(self, status: EditorStatusBar, body: QTextDocument, parent: QObject) -> None:
        super().__init__(parent)
        self._status = status
        self._body = body
        self._job: Generator[None, None, TextStats] | None = None
        self.slices = 0  # event-loop turns spent counting (tests check the work is spread)
        self.counted = 0  # counts shown
        self._pause = _timer(self, PAUSE_MS, self.count_now)
        self._next_slice = _timer(self, 0, self._run_slice)

    def text_changed(self) -> None:
        """The body changed: drop a count under way, count again after the next pause."""
        self._job = None
        self._next_slice.stop()
        self._pause.start()

    def count_now(self) -> None:
        """Start counting the body as it is now (a new post, or typing paused)."""
        self._pause.stop()
        self._job = _count_steps(self._body)
        self._next_slice.start()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def _run_slice(self) -> None:
        job = self._job
        if job is None:
            return
        self.slices += 1
        deadline = time.perf_counter() + SLICE_MS / 1000
        try:
            while time.perf_counter() < deadline:
                next(job)
        except StopIteration as done:
            self._job = None
            self.counted += 1
            self._status.show_stats(done.value)
            return
        self._next_slice.start()  # after the events waiting now (keystrokes first)


def _count_steps(body: QTextDocument) -> Generator[None, None, TextStats]:
    """Read the body a few thousand lines at a time, then count it in steps. The text
    cannot change under it: any edit drops the job (text_changed)."""
    lines = []
    block = body.firstBlock()
    while block.isValid():
        lines.append(block.text())  # raw, as document_text (toRawText) gives it
        block = block.next()
        if len(lines) % BLOCKS_PER_STEP == 0:
            yield
    text = "\n".join(lines)
    yield
    return (yield from stats_steps(text))


def show_cursor_position(
    status: EditorStatusBar, editor: QPlainTextEdit, first_line: int = 1
) -> None:
    """Line and column in the file (``first_line``: the file line of the editor's line 1)."""
    cursor = editor.textCursor()
    status.show_position(cursor.blockNumber() + first_line, character_column(cursor))


def character_column(cursor: QTextCursor) -> int:
    """The 1-based column in characters, as `post-editor check` counts them: Qt's
    positionInBlock counts UTF-16 units, two for an emoji."""
    units = cursor.positionInBlock()
    before = cursor.block().text().encode("utf-16-le")[: 2 * units].decode("utf-16-le", "ignore")
    return len(before) + 1


def _timer(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
