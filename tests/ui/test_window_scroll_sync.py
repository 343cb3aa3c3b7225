"""Scroll sync in the real window: scrolling after each keystroke re-splits only the lines
near the edit (issue #7: a 2 MB re-split per scroll cost ~90 ms), and the preview still
follows the editor to the right block."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from window_fixtures import POST_NAME, app_settings, site_copy, window  # noqa: F401 (fixtures)

from editor.ui.edit_ops import document_text
from editor.ui.scroll_sync import block_starts

pytestmark = pytest.mark.webengine


def test_scrolls_between_keystrokes_split_only_lines_near_the_edit(window, qtbot, site_copy):
    text = (site_copy / "_posts" / POST_NAME).read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    long_post = site_copy / "_posts" / "2023-09-30-long.md"
    long_post.write_text(head + "\n---\n" + body * 40, encoding="utf-8")  # ~200 KB
    assert window.open_path(long_post)
    qtbot.waitUntil(lambda: window.scroll_sync is not None, timeout=10_000)
    editor, blocks = window.editor, window.scroll_sync.blocks
    bar = editor.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=10_000)
    bar.setValue(bar.maximum() // 2)  # the first scroll splits the whole body once
    lines = editor.document().blockCount()
    assert lines - 2 <= blocks.map.lines_split <= lines
    block = editor.cursorForPosition(editor.viewport().rect().center()).block()
    while not block.text().strip() or block.text().startswith("<"):
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    for step, letter in enumerate("scroll"):
        before = blocks.map.lines_split
        qtbot.keyClick(editor, letter)
        bar.setValue(bar.value() + (3 if step % 2 else -3))  # a scroll after every key
        assert blocks.map.lines_split - before < lines // 20
    assert blocks.starts() == block_starts(document_text(editor.document()))
