"""The block starts of the editor's document for scroll sync, never at the cost of a keystroke.

After an edit, BlockMap splits again only the lines around it (a few blocks): a scroll may
come with every keystroke. One kind of post defeats that: an HTML element never closed
(`<b>` typed for `</b>` in a Tistory span) makes the rest of the post one block, and an edit
anywhere after it must read that block again to be exact: 28,000 lines of HTML took ~0.75 s
per keystroke in a 2 MB post (QA, issue #7). Such splits (more than SYNC_SPLIT_LINES lines)
run on a worker thread once typing pauses; until the result arrives, scrolling uses the
last split moved by the edits since (``BlockMap.approximate_starts``), which is off only
around the edit. The first split of a text stays on the GUI thread (~90 ms at 2 MB, once):
on the worker it cost the window ~25 MB (the thread's malloc arena) and its GIL slowed the
typing that followed (benchmarks/run.py, 500 KB: 400 -> 425 MB, key to preview 52 -> 77 ms).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from editor.ui.block_map import BlockMap, split_spans

# Splitting this many lines on the GUI thread stays well under a frame in the worst case
# measured (HTML-heavy lines, ~25 us each); more waits for the worker.
SYNC_SPLIT_LINES = 1500  # (the first split of a text is always made at once: BlockMap)
QUIET_MS = 1000  # after the last request that needed the worker: the writer paused
POLL_MS = 20  # how often the GUI thread looks for the worker's result


class SourceBlocks(QObject):
    """Block starts of a QTextDocument, updated from its contentsChange."""

    split_arrived = Signal()  # the worker's exact split replaced the approximate starts

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._line_count = document.blockCount()
        self.map = BlockMap()
        self.background_splits = 0  # splits the worker made and the map took (tests)
        self._job: _SplitJob | None = None
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._start_job)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        document.contentsChange.connect(self._changed)

    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self._document
        count = document.blockCount()
        first = document.findBlock(position).blockNumber()
        last = document.findBlock(position + added)
        new_end = last.blockNumber() + 1 if last.isValid() else count
        if first < 0:
            self.map.reset()
        else:
            self.map.edited(first, new_end - (count - self._line_count), new_end)
        self._line_count = count

    def _read_lines(self, first: int, end: int) -> list[str]:
        block = self._document.findBlockByNumber(first)
        lines = []
        for _ in range(end - first):
            lines.append(block.text())  # as document_text (toRawText) gives them
            block = block.next()
        return lines

    def starts(self) -> list[int]:
        starts = self.map.starts(self._read_lines, self._document.blockCount(), SYNC_SPLIT_LINES)
        if starts is not None:
            return starts
        self._quiet.start()  # (again): the worker splits once the writer pauses
        return self.map.approximate_starts()

    @property
    def pending(self) -> bool:
        """A split waits for a pause or runs on the worker (tests)."""
        return self._quiet.isActive() or self._job is not None

    def _start_job(self) -> None:
        if self._job is not None:
            return  # one at a time; _collect asks again if the text moved on
        lines = self._read_lines(0, self._document.blockCount())
        self._job = _SplitJob(lines, self._document.revision())
        self._poll.start()

    def _collect(self) -> None:
        job = self._job
        if job is None or job.is_alive():
            return
        self._poll.stop()
        self._job = None
        if job.revision == self._document.revision() and job.result is not None:
            self.map.install(*job.result)
            self.background_splits += 1
            self.split_arrived.emit()
        elif self.map.stale:  # typed meanwhile: catch up here if cheap, else after a pause
            count = self._document.blockCount()
            if self.map.starts(self._read_lines, count, SYNC_SPLIT_LINES) is None:
                self._quiet.start()
            else:
                self.split_arrived.emit()


class _SplitJob:
    """split_spans of a copy of the lines on a daemon thread; plain Python, no Qt."""

    def __init__(self, lines: list[str], revision: int) -> None:
        self.revision = revision
        self.result: tuple[list[tuple[int, int]], list[bool]] | None = None
        self._thread = threading.Thread(target=self._run, args=(lines,), daemon=True)
        self._thread.name = "scroll-map-split"
        self._thread.start()

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self, lines: list[str]) -> None:
        try:
            self.result = split_spans(lines)
        except Exception:  # noqa: BLE001 (never take the app down: scrolling stays approximate)
            self.result = None
