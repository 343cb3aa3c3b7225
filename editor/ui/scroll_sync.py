"""Where the editor's lines meet the preview's blocks, for scroll sync both ways.

The preview holds one `.pe-block` per top-level block of the rendered body; the source is
split into top-level blocks the same way (editor.render.block_split), so block i of the
source is usually block i of the page. When the counts differ the index is scaled.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QPlainTextEdit

from editor.render.block_split import (
    CONSTRUCT_START,
    SIMPLE_ELEMENT,
    construct_chain_end,
    read_locally,
    split_blocks,
)
from editor.render.extensions.rouge_code import FENCED_CODEBLOCK_START

_LINE_REST_BLANK = re.compile(r"[ \t]*(?:\n|$)")
_HTML_BLOCK_START = re.compile(r"[ ]{0,3}<")  # the HTML parser's own block start
_ANGLE = re.compile(r"[<>]")
_SELF_CONTAINED: dict[str, bool] = {}  # block text -> self_contained(); blocks repeat
_SELF_CONTAINED_LIMIT = 8192


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


class BlockMap:
    """The top-level block spans of a text, kept equal to ``split_blocks`` edit by edit.

    A scroll may come after every keystroke (typing at the window's edge, wrapping), and
    splitting 2 MB takes ~90 ms; so after an edit only the lines around it are split again.

    Why that is exact: ``split_blocks`` reads forward only. Where a chunk ends depends on the
    lines from its start on, and whether a chunk joins the block before depends on that
    block's lines and the chunk's first line. So it restarts cleanly at any block start R
    above the edit whose blocks before R did not read past their own end ("self-contained",
    below), and from a later unchanged block start W on it gives the old blocks, shifted,
    once the re-split lines [R, W) end with the same (unchanged, self-contained) block as
    before. When no such W is found the split runs to the end of the text, as before.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] | None = None  # None: split all on next use
        self._safe: list[bool] = []
        self._dirty: tuple[int, int] | None = None  # changed lines [lo, hi), current numbers
        self._delta = 0  # line count now minus line count at the last split
        self.lines_split = 0  # how many lines split_blocks read since creation (for tests)

    def reset(self) -> None:
        """The whole text was replaced: split it all on next use."""
        self._spans, self._dirty, self._delta = None, None, 0

    def edited(self, first: int, old_end: int, new_end: int) -> None:
        """Lines [first, old_end) became lines [first, new_end) (numbers at edit time)."""
        if self._spans is None:
            return
        if self._dirty is None:
            lo, hi = first, new_end
        else:
            lo, hi = self._dirty
            if hi >= old_end:
                hi += new_end - old_end
            elif hi > first:
                hi = new_end
            lo, hi = min(lo, first), max(hi, new_end)
        self._dirty = (lo, hi)
        self._delta += new_end - old_end

    def starts(self, read_lines: Callable[[int, int], list[str]], line_count: int) -> list[int]:
        """0-based first line of each block; ``read_lines(a, b)`` gives lines [a, b)."""
        if self._spans is None:
            self._spans, self._safe = self._split(read_lines, 0, line_count)
            self._dirty, self._delta = None, 0
        elif self._dirty is not None:
            self._update(read_lines, line_count)
        return [start for start, _end in self._spans] or [0]

    def _split(
        self, read_lines: Callable[[int, int], list[str]], first: int, end: int
    ) -> tuple[list[tuple[int, int]], list[bool]]:
        lines = read_lines(first, end)
        self.lines_split += len(lines)
        blocks = split_blocks("\n".join(lines))
        spans = [(first + b.start_line, first + b.end_line) for b in blocks]
        return spans, [self_contained(b.text) for b in blocks]

    def _update(self, read_lines: Callable[[int, int], list[str]], line_count: int) -> None:
        spans, safe, (lo, hi), delta = self._spans, self._safe, self._dirty, self._delta
        starts = [start for start, _end in spans]
        # restart at the last block starting above the edit, or at the first one that
        # may have read past its end (it may read the edited lines)
        keep = max(0, bisect_left(starts, lo) - 1)
        if False in safe[:keep]:
            keep = safe.index(False)
        restart = spans[keep][0] if keep else 0
        # resume candidates: block `resume` starts after an unchanged block
        resume = bisect_left(starts, max(lo, hi - delta)) + 1
        while resume < len(spans):
            new_spans, new_safe = self._split(read_lines, restart, spans[resume][0] + delta)
            if not all(new_safe[:-1]):
                break  # e.g. a fence left open: what follows depends on lines further on
            before = spans[resume - 1]
            if new_safe[-1] and new_spans[-1:] == [(before[0] + delta, before[1] + delta)]:
                tail = [(start + delta, end + delta) for start, end in spans[resume:]]
                self._set(spans[:keep] + new_spans + tail, safe[:keep] + new_safe + safe[resume:])
                return
            # twice the lines next time: the lines split stay under 2x the last try
            reach = 2 * spans[resume][0] - restart
            resume = max(resume + 1, bisect_left(starts, reach))
        new_spans, new_safe = self._split(read_lines, restart, line_count)
        self._set(spans[:keep] + new_spans, safe[:keep] + new_safe)

    def _set(self, spans: list[tuple[int, int]], safe: list[bool]) -> None:
        self._spans, self._safe, self._dirty, self._delta = spans, safe, None, 0


def self_contained(block_text: str) -> bool:
    """Whether ``split_blocks`` found this block's end without reading past it.

    Mirrors its walk over the block's lines: each fence or HTML block must have been read
    whole inside the block (an unclosed fence is no fence until a later line closes it, an
    unclosed element runs to the end of the text), a failed HTML start must have failed on
    the block's own characters, and no quoted attribute value, comment or instruction may
    be left open (the HTML parser would look for its end further on).
    """
    known = _SELF_CONTAINED.get(block_text)
    if known is None:
        if len(_SELF_CONTAINED) >= _SELF_CONTAINED_LIMIT:
            _SELF_CONTAINED.clear()
        known = _SELF_CONTAINED[block_text] = _walk_is_local(block_text)
    return known


def _walk_is_local(block_text: str) -> bool:
    text = block_text + "\n"
    if not read_locally(text):
        return False
    lines = block_text.split("\n")
    offset = index = 0
    while index < len(lines):
        line = lines[index]
        if CONSTRUCT_START.match(line) and not SIMPLE_ELEMENT.match(line):
            end, html_only = construct_chain_end(text, offset)
            if end is not None and html_only and end >= len(text):
                return False  # an element left open runs to the end of the text
            if not _stops_locally(text, offset if end is None else end):
                return False
            if end is not None:
                after = text.count("\n", 0, end - 1) + 1  # the line after the construct
                offset += sum(len(skipped) + 1 for skipped in lines[index:after])
                index = after
                continue
        offset += len(line) + 1
        index += 1
    return True


def _stops_locally(text: str, position: int) -> bool:
    """Whether the construct walk that stopped at ``position`` (the end of a construct,
    or a construct start that did not parse) would stop there whatever follows the text."""
    if _LINE_REST_BLANK.match(text, position):
        return True  # the construct ended its line
    if FENCED_CODEBLOCK_START.match(text, position):
        return False  # a fence without its closing line (yet)
    start = _HTML_BLOCK_START.match(text, position)
    if start is None:
        return True
    # A start tag that did not parse may still parse with more text, unless the parser met
    # a "<" or ">" outside quotes before the end; past the last quote, none can be inside.
    last_quote = max(text.rfind('"'), text.rfind("'"))
    return _ANGLE.search(text, max(start.end(), last_quote + 1)) is not None


class SourceBlocks:
    """Block starts of a QTextDocument, updated from its contentsChange."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._line_count = document.blockCount()
        self.map = BlockMap()
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
        return self.map.starts(self._read_lines, self._document.blockCount())


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
        self.blocks = SourceBlocks(editor.document())  # public for tests: blocks.map.lines_split
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
