"""Where the editor's lines meet the preview's blocks, for scroll sync both ways.

The preview holds one `.pe-block` per top-level block of the rendered body; the source is
split into top-level blocks the same way (editor.render.block_split), so block i of the
source is usually block i of the page. When the counts differ the index is scaled.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from editor.render.block_split import split_blocks


def block_starts(text: str) -> list[int]:
    """0-based first line of each top-level source block."""
    return [block.start_line for block in split_blocks(text)] or [0]


def block_for_line(starts: list[int], line: int) -> int:
    """Index of the source block holding 0-based `line`."""
    return max(0, bisect_right(starts, line) - 1)


def within_block(starts: list[int], index: int, line: int, line_count: int) -> float:
    """How far (0..1) `line` is into block `index`."""
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else max(line_count, start + 1)
    return min(1.0, max(0.0, (line - start) / max(1, end - start)))


def line_for_page_block(starts: list[int], page_index: int, page_count: int) -> int:
    """0-based first line of the source block shown as page block `page_index`."""
    if page_count <= 0:
        return 0
    index = page_index if page_count == len(starts) else page_index * len(starts) // page_count
    return starts[min(max(0, index), len(starts) - 1)]


class SourceBlocks:
    """Block starts of a QTextDocument, recomputed only when its text changed."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._revision = -1
        self._starts: list[int] = [0]

    def starts(self) -> list[int]:
        revision = self._document.revision()
        if revision != self._revision:
            self._starts = block_starts(self._document.toPlainText())
            self._revision = revision
        return self._starts


class ScrollSync(QObject):
    """Editor scrolling moves the preview to the same block; a click in the preview moves
    the editor's cursor to that block's first line."""

    def __init__(self, editor: QPlainTextEdit, preview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._preview = preview
        self._blocks = SourceBlocks(editor.document())
        self._from_preview = False  # the editor moves because of a click: do not echo it
        editor.verticalScrollBar().valueChanged.connect(self.editor_scrolled)
        preview.preview_page.block_clicked.connect(self.preview_clicked)

    def editor_scrolled(self, value: int) -> None:
        if self._from_preview:
            return
        editor = self._editor
        bar = editor.verticalScrollBar()
        fraction = value / bar.maximum() if bar.maximum() > 0 else 0.0
        line = editor.firstVisibleBlock().blockNumber()
        starts = self._blocks.starts()
        index = block_for_line(starts, line)
        within = within_block(starts, index, line, editor.document().blockCount())
        self._preview.scroll_to_block(index, len(starts), within, fraction)

    def preview_clicked(self, index: int, count: int) -> None:
        editor = self._editor
        line = line_for_page_block(self._blocks.starts(), index, count)
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().findBlockByNumber(line).position())
        self._from_preview = True
        try:
            editor.setTextCursor(cursor)
            editor.centerCursor()
        finally:
            self._from_preview = False
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
