"""A post whose rest is one unclosed HTML element: typing never waits for the scroll map."""

from __future__ import annotations

import time

from PySide6.QtGui import QTextCursor

from editor.ui.block_map import BlockMap, block_starts
from editor.ui.edit_ops import document_text
from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.scroll_blocks import SYNC_SPLIT_LINES, SourceBlocks

# `<b>` typed for `</b>`: the <h3> never closes, so everything after it is one HTML block
BROKEN = '<h3><b><span style="color: #ee2323;">제목</span><b></h3>\n\n'
ROW = '<p data-ke-size="size16"><span style="color: #333;">문단 {n}</span></p>\n\n'


def broken_text(rows: int) -> str:
    return "# 위\n\n" + BROKEN + "".join(ROW.format(n=n) for n in range(rows))


def test_an_edit_after_an_unclosed_element_is_over_any_small_budget() -> None:
    lines = broken_text(3000).split("\n")
    block_map = BlockMap()
    read = lambda a, b: lines[a:b]  # noqa: E731
    first = block_map.starts(read, len(lines), budget=1000)  # the first split: always here
    assert first == block_starts("\n".join(lines))
    lines[-3] += "x"
    block_map.edited(len(lines) - 3, len(lines) - 2, len(lines) - 2)
    split = block_map.lines_split
    assert block_map.starts(read, len(lines), budget=1000) is None
    assert block_map.lines_split == split and block_map.stale  # untouched
    assert block_map.approximate_starts() == block_starts("\n".join(lines))
    assert block_map.starts(read, len(lines)) == block_starts("\n".join(lines))


def test_a_local_edit_in_a_well_formed_text_fits_a_small_budget() -> None:
    lines = ("문단입니다.\n\n" * 3000).split("\n")
    block_map = BlockMap()
    block_map.starts(lambda a, b: lines[a:b], len(lines))
    lines[3000] += "x"
    block_map.edited(3000, 3001, 3001)
    split = block_map.lines_split
    assert block_map.starts(lambda a, b: lines[a:b], len(lines), budget=50) is not None
    assert block_map.lines_split - split < 50


def test_typing_after_an_unclosed_element_never_splits_it_on_the_keystroke(qtbot) -> None:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(broken_text(4000))
    blocks = SourceBlocks(editor.document())
    blocks.starts()  # the first split, at once
    whole = blocks.map.lines_split
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    slowest = 0.0
    for letter in "타자를 칩니다":
        editor.insertPlainText(letter)  # QTest types ASCII only
        started = time.perf_counter()
        starts = blocks.starts()  # a scroll after every key
        slowest = max(slowest, time.perf_counter() - started)
        assert starts  # approximate meanwhile, never empty
    assert blocks.map.lines_split - whole < SYNC_SPLIT_LINES  # not re-read on the keystrokes
    assert slowest < 0.1  # reading 8,000 lines of HTML took ~0.2 s here
    with qtbot.waitSignal(blocks.split_arrived, timeout=20_000):  # scroll sync syncs again
        pass
    assert blocks.background_splits == 1 and not blocks.pending
    assert blocks.starts() == block_starts(document_text(editor.document()))


def test_a_worker_result_for_an_older_text_is_not_taken(qtbot) -> None:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(broken_text(4000))
    blocks = SourceBlocks(editor.document())
    blocks.starts()
    editor.appendPlainText("리")
    blocks.starts()  # over budget: the worker gets the text after a pause
    qtbot.waitUntil(lambda: blocks._job is not None, timeout=20_000)
    editor.appendPlainText("\n\n# 새 제목\n")  # while the worker splits the old text
    qtbot.waitUntil(lambda: not blocks.pending, timeout=20_000)
    blocks.starts()
    qtbot.waitUntil(lambda: not blocks.pending, timeout=20_000)
    assert blocks.starts() == block_starts(document_text(editor.document()))
