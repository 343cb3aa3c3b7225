"""Where the editor's lines meet the preview's blocks, for scroll sync both ways.

The preview holds one `.pe-block` per top-level block of the rendered body; the source is
split into top-level blocks the same way (editor.render.block_split), so block i of the
source is usually block i of the page. When the counts differ the index is scaled.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.block_map import (  # noqa: F401 (block_starts, BlockMap: tests use them here)
    BlockMap,
    block_for_line,
    block_starts,
    line_for_page_block,
    self_contained,
)
from editor.ui.scroll_blocks import SourceBlocks

# The page's scroll sync (resources/preview/preview.js); the page answers nothing.
_SYNC_SCROLL = "window.postEditor && window.postEditor.syncScroll(%d, %.5f, %d, %.5f, %d, %.5f);"


def source_point(starts: list[int], line: float, line_count: int) -> tuple[int, float]:
    """The block holding 0-based `line` (a fraction: how far down that line) and how far
    (0..1) into the block it is."""
    index = block_for_line(starts, int(line))
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else max(line_count, start + 1)
    return index, min(1.0, max(0.0, (line - start) / max(1, end - start)))


def end_weight(value: int, maximum: int, page_step: int) -> float:
    """How much the editor's last visible line decides where the preview goes: 0 until the
    editor's last screenful, then rising to 1 at its end (the preview's end)."""
    if maximum <= 0:
        return 0.0
    ramp_start = max(0, maximum - page_step)
    return min(1.0, max(0.0, (value - ramp_start) / (maximum - ramp_start)))


class ScrollSync(QObject):
    """Editor scrolling moves the preview to the same place; a click in the preview moves
    the editor's cursor to that block's first line.

    The preview gets the source blocks of the editor's first and last visible lines: the
    first goes to the top of the preview, except over the editor's last screenful, where
    the last line moves to the bottom, so the end of the post shows the end of the page.
    When the whole post fits in the editor, the preview follows the cursor from its top
    (cursor on line 1) to its end (cursor on the last line)."""

    def __init__(self, editor: QPlainTextEdit, preview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._preview = preview
        self.blocks = SourceBlocks(editor.document(), self)  # tests: blocks.map.lines_split
        self.blocks.split_arrived.connect(self.editor_scrolled)  # exact now: sync again
        self._from_preview = False  # the editor moves because of a click: do not echo it
        editor.verticalScrollBar().valueChanged.connect(self.editor_scrolled)
        editor.cursorPositionChanged.connect(self._cursor_moved)
        preview.preview_page.block_clicked.connect(self.preview_clicked)

    def editor_scrolled(self, _value: int = 0) -> None:
        if self._from_preview:
            return
        starts = self.blocks.starts()
        editor = self._editor
        count = editor.document().blockCount()
        bar = editor.verticalScrollBar()
        if bar.maximum() > 0:
            first = source_point(starts, self._visible_line(0), count)
            last = source_point(starts, self._visible_line(editor.viewport().height()), count)
            weight = end_weight(bar.value(), bar.maximum(), bar.pageStep())
        else:  # no scrolling: the cursor's line, from the page's top to its end
            first, last = (0, 0.0), (len(starts) - 1, 1.0)
            weight = editor.textCursor().blockNumber() / max(1, count - 1)
        script = _SYNC_SCROLL % (*first, *last, len(starts), weight)
        self._preview.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.MainWorld)

    def _visible_line(self, y: int) -> float:
        """The line at `y` in the editor's viewport, with how far down that line y is."""
        editor = self._editor
        block = editor.cursorForPosition(QPoint(0, max(0, y - 1))).block()
        box = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
        into = (y - box.top()) / box.height() if box.height() > 0 else 0.0
        return block.blockNumber() + min(1.0, max(0.0, into))

    def _cursor_moved(self) -> None:
        if self._editor.verticalScrollBar().maximum() == 0:
            self.editor_scrolled()

    def preview_clicked(self, index: int, count: int) -> None:
        editor = self._editor
        line = line_for_page_block(self.blocks.starts(), index, count)
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().findBlockByNumber(line).position())
        self._from_preview = True
        try:
            editor.setTextCursor(cursor)
            editor.centerCursor()
        finally:
            self._from_preview = False
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
