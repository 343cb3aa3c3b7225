"""Where the editor's lines meet the preview's blocks, for scroll sync both ways.

The preview holds one `.pe-block` per top-level block of the rendered body; the source is
split into top-level blocks the same way (editor.render.block_split), so block i of the
source is usually block i of the page. When the counts differ the index is scaled.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextDocument

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
