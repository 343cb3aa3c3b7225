"""The Markdown highlighter, with long passes spread over the event loop (issue #7: open).

QSyntaxHighlighter highlights every changed line at once, in the same turn of the event loop.
Opening a 2 MB post (16,000 lines) cost ~2.5 s on the GUI thread before the preview could
even start loading, and the spell checker's arrival (its dictionaries load in the background)
re-highlighted all of it again: ~3 s more. Measured with a fresh app, `benchmarks/run.py
--fresh`: 5-7 s from open to the first preview paint at 2 MB, of which ~5.5 s were these two
passes.

`LazyMarkdownHighlighter` highlights exactly as `MarkdownHighlighter` does, but:

* one synchronous run (a `setPlainText`, a paste, a new ``` that changes every following
  line) stops after `SYNC_BUDGET_S`; the lines from there on are *pending*: left without
  formats for now and highlighted in order, `SLICE_S` per event-loop turn, by a zero timer.
  The first SYNC_LINES lines of a run are always highlighted, so a screenful shows its
  colours at once and a short text is never deferred. A line is
  pending when it lies at or after the *frontier*, a QTextCursor: edits move it with the
  text, so a pending line never slips behind it. Edits before the frontier highlight as
  usual (the carried-over state stops at the frontier); edits after it wait for the pass.
* a re-highlight that keeps every line's state (the spell checker attached or detached, a
  word added to the dictionary, dark mode) keeps the current formats and refreshes the lines
  in slices as well, starting with SYNC_LINES lines from the visible one (`visible_block`)
  at once, instead of all at once.

Once the passes are done, every line has the formats and state a whole synchronous pass gives
(tests/ui/test_lazy_highlighter.py compares them, also after edits made mid-pass).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from editor.ui.highlighter import MarkdownHighlighter

# One synchronous run may take this long before the rest waits for the pass: well under a
# frame, and enough for a screenful (~100 lines of the reference post in ~8 ms).
SYNC_BUDGET_S = 0.008
# ... but never fewer lines than this (a screenful and some): short texts, and the lines in
# view after a spelling or colour change, are always highlighted at once.
SYNC_LINES = 100
# Each turn of the pass: short, so keystrokes, the preview's page load and its scripts get
# their turn between slices.
SLICE_S = 0.008
RUN_GAP_S = 0.001  # a pause between two lines this long starts a new run (and budget)
PASS_LINES = 32  # lines the pass highlights in one go (~3 ms of the reference post)
# While the writer types (an edit less than TYPING_PAUSE_S ago), shorter slices: each hop of
# a keystroke's way to the preview (render request, result, page script) waits for a slice.
TYPING_SLICE_S = 0.002
TYPING_PAUSE_S = 0.5
PENDING_STATE = -2  # the block state of a pending line (Qt's "never highlighted" is -1)
REFRESH_STATE = -3  # lines about to be refreshed together (see _refresh_step)


class LazyMarkdownHighlighter(MarkdownHighlighter):
    """MarkdownHighlighter whose long passes run in slices; see the module docstring."""

    def __init__(self, document: QTextDocument, dark: bool = False) -> None:
        self._frontier: QTextCursor | None = None  # lines from here on are pending
        self._refresh: _Refresh | None = None  # lines to re-highlight, keeping their state
        self._run_started = 0.0  # when the current synchronous run began
        self._run_lines = 0  # lines it highlighted so far
        self._last_line_done = 0.0  # when highlightBlock last finished a line (outside the pass)
        self._last_edit = 0.0  # when Qt last highlighted for an edit (not for the pass)
        self._in_pass = False
        super().__init__(document, dark)
        # The first line to refresh (the editor's first visible one; the top if unknown).
        self.visible_block: Callable[[], int] = lambda: 0
        self._pass_timer = QTimer(self)
        self._pass_timer.setSingleShot(True)
        self._pass_timer.setInterval(0)
        self._pass_timer.timeout.connect(self._run_slice)

    # -- public -------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """Lines still wait for their (re-)highlighting."""
        return self._frontier is not None or self._refresh is not None

    def finish(self) -> None:
        """Highlight every pending line now (tests; anything that needs all formats)."""
        with _quiet(self.document()):
            while self.pending:
                self._step()
        self._pass_timer.stop()

    def rehighlight(self) -> None:
        """Re-highlight everything in slices, keeping the current formats until then.

        Only for changes that keep each line's carried-over state (spelling, colours):
        the text's own changes reach highlightBlock through QSyntaxHighlighter."""
        document = self.document()
        if document is None:
            return
        start = document.findBlockByNumber(max(0, self.visible_block()))
        self._refresh = _Refresh(document, start if start.isValid() else document.begin())
        with _quiet(document):  # the visible lines (a short text: all) at once
            done = 0
            while self._refresh is not None and done < SYNC_LINES:
                done += self._refresh_step(min(PASS_LINES, SYNC_LINES - done))
        if self.pending:
            self._pass_timer.start()

    def set_spell_checker(self, checker) -> None:
        if checker is self._spell:
            return
        self._spell = checker
        self.rehighlight()

    def set_dark(self, dark: bool) -> None:
        super().set_dark(dark)  # clears the format cache and calls rehighlight() (ours)

    # -- Qt's hook -----------------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        if not self._in_pass:
            self._last_edit = time.perf_counter()
        if self._is_pending(block):
            self.setCurrentBlockState(PENDING_STATE)  # no formats until the pass comes
            return
        if not self._in_pass and self._over_budget():
            self._set_frontier(block.position())
            self.setCurrentBlockState(PENDING_STATE)
            return
        super().highlightBlock(text)
        self._last_line_done = time.perf_counter()

    # -- the pass ------------------------------------------------------------------------------
    def _is_pending(self, block: QTextBlock) -> bool:
        return self._frontier is not None and block.position() >= self._frontier.block().position()

    def _over_budget(self) -> bool:
        # Qt calls highlightBlock line after line within one run, microseconds apart; a
        # longer gap means a new run (a later edit), which gets a budget of its own.
        now = time.perf_counter()
        if now - self._last_line_done > RUN_GAP_S:
            self._run_started, self._run_lines = now, 0
        self._run_lines += 1
        return self._run_lines > SYNC_LINES and now - self._run_started > SYNC_BUDGET_S

    def _set_frontier(self, position: int) -> None:
        if self._frontier is not None:
            position = min(position, self._frontier.block().position())
        else:
            self._frontier = QTextCursor(self.document())
            self._frontier.setKeepPositionOnInsert(True)  # text typed at it stays pending
        self._frontier.setPosition(position)
        self._pass_timer.start()

    def _run_slice(self) -> None:
        now = time.perf_counter()
        typing = now - self._last_edit < TYPING_PAUSE_S
        deadline = now + (TYPING_SLICE_S if typing else SLICE_S)
        with _quiet(self.document()):
            while self.pending and time.perf_counter() < deadline:
                self._step()
        if self.pending:
            self._pass_timer.start()

    def _step(self) -> None:
        """Highlight the first pending lines, or else refresh the next line."""
        self._in_pass = True
        try:
            if self._frontier is not None:
                self._advance_frontier()
            elif self._refresh is not None:
                self._refresh_step(PASS_LINES)
        finally:
            self._in_pass = False

    def _refresh_step(self, limit: int) -> int:
        """Re-highlight the next PASS_LINES lines (not pending ones: the pass does those).

        In one go, not line by line: marking them REFRESH_STATE makes Qt carry on from the
        first to the last. A one-line change makes QPlainTextEdit lay the line out at once;
        line by line, a 2 MB post got all its 16,000 lines laid out (+28 MB, and the time),
        where a change over several lines only drops their layouts until they are shown."""
        blocks = []
        for block in self._refresh.next_blocks(limit):
            if self._is_pending(block):
                break
            blocks.append(block)
        if not blocks:
            if self._refresh.done:
                self._refresh = None
            return 1  # (pending lines) still a step
        for block in blocks:
            block.setUserState(REFRESH_STATE)
        self._in_pass, was_in_pass = True, self._in_pass
        try:
            self.rehighlightBlock(blocks[0])
        finally:
            self._in_pass = was_in_pass
        return len(blocks)

    def _advance_frontier(self) -> None:
        first = self._frontier.block()
        after = self.document().findBlockByNumber(first.blockNumber() + PASS_LINES)
        if after.isValid():
            self._frontier.setPosition(after.position())
        else:
            self._frontier = None  # the pass reaches the last line: nothing stays pending
        # These lines are no longer pending. Highlighting the first from the (correct) state
        # above it changes its state (pending lines have PENDING_STATE), so Qt goes on line
        # by line, one relayout for all, and stops at the frontier (pending: state unchanged).
        self.rehighlightBlock(first)


@contextmanager
def _quiet(document: QTextDocument | None) -> Iterator[None]:
    """No document signals while the pass sets formats.

    rehighlightBlock outside an edit ends with contentsChanged (so QPlainTextEdit's
    textChanged): the window would take every slice of the pass for an edit of the text
    (a preview render of the whole body, an autosave). The layout still repaints: it is
    told directly, not by a signal."""
    was_blocked = document.blockSignals(True) if document is not None else False
    try:
        yield
    finally:
        if document is not None:
            document.blockSignals(was_blocked)


class _Refresh:
    """Walks every line once: from `start` to the end, then from the top up to `start`.

    Positions are QTextCursors, so edits during the walk move them with the text."""

    def __init__(self, document: QTextDocument, start: QTextBlock) -> None:
        self._document = document
        self._next = QTextCursor(document)
        self._next.setPosition(start.position())
        self._stop = QTextCursor(document)
        self._stop.setPosition(start.position())
        self._wrapped = False  # walking from the top up to `start`
        self._done = False

    @property
    def done(self) -> bool:
        return self._done

    def next_blocks(self, limit: int) -> list[QTextBlock]:
        """Up to ``limit`` following lines, one after the other (none when all had their
        turn); fewer where the walk wraps from the end to the top.

        The lines are walked as blocks and the cursor moved once, at the end: moving a
        QTextCursor lays out the line it lands on (it works out its x), and a cursor moved
        through every line had QPlainTextEdit shape all of them (+9 MB kept at 500 KB, with
        the CPU time, on each spelling or theme change: benchmarks/README.md)."""
        blocks: list[QTextBlock] = []
        block = self._next.block()
        stop = self._stop.block().position()
        while len(blocks) < limit and not self._done:
            if self._wrapped and block.position() >= stop:
                self._done = True
                break
            blocks.append(block)
            following = block.next()
            if following.isValid():
                block = following
            elif self._wrapped:
                self._done = True  # the last line, reached from the top: `start` was past it
            else:
                block = self._document.begin()
                self._wrapped = True
                break
        if not self._done:
            self._next.setPosition(block.position())
        return blocks
