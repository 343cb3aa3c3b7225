"""Scroll sync's block map on a real editor (highlighter, spelling, undo): it follows the
document's contentsChange exactly, and a scroll after a keystroke re-splits only nearby lines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.ui.edit_ops import document_text
from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.scroll_sync import SourceBlocks, block_starts

SAMPLE_POST = next(
    (Path(__file__).resolve().parents[2] / "resources/sample_site/_posts").glob("*.md")
)
BODY = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2]
PIECES = ["a", " 가", "\n", "\n\n", "```\n", "<div>\n", "</div>", "<!--", "-->", '="', "- ", "> "]

edit_steps = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "undo", "redo"]),
        st.floats(0, 1),
        st.integers(0, 80),
        st.sampled_from(PIECES),
    ),
    min_size=1,
    max_size=12,
)


def apply(editor: MarkdownEdit, step: tuple[str, float, int, str]) -> None:
    kind, where, length, piece = step
    document = editor.document()
    cursor = QTextCursor(document)
    cursor.setPosition(int(where * (document.characterCount() - 1)))
    if kind == "insert":
        cursor.insertText(piece)
    elif kind == "delete":
        cursor.movePosition(
            QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, length
        )
        cursor.removeSelectedText()
    elif kind == "undo":
        document.undo()
    else:
        document.redo()


@settings(max_examples=60, deadline=None)
@given(edit_steps, st.booleans())
def test_block_starts_follow_random_edits_exactly(qapp, steps, scroll_each) -> None:
    editor = MarkdownEdit()
    editor.setPlainText(BODY)
    blocks = SourceBlocks(editor.document())
    assert blocks.starts() == block_starts(document_text(editor.document()))
    for step in steps:
        apply(editor, step)
        if scroll_each:
            assert blocks.starts() == block_starts(document_text(editor.document()))
    assert blocks.starts() == block_starts(document_text(editor.document()))
    editor.setPlainText("# new post\n\ntext\n")  # a whole new text
    assert blocks.starts() == block_starts(document_text(editor.document()))
    editor.deleteLater()


def test_a_scroll_after_each_keystroke_splits_only_nearby_lines(qtbot) -> None:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(BODY * 30)
    blocks = SourceBlocks(editor.document())
    blocks.starts()
    whole = editor.document().blockCount()
    assert blocks.map.lines_split == whole  # once, on first use
    block = editor.document().findBlockByNumber(whole // 2)
    while not block.text().strip() or block.text().startswith("<"):
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    for letter in "typing on":
        before = blocks.map.lines_split
        qtbot.keyClick(editor, letter)
        assert blocks.starts() == block_starts(document_text(editor.document()))
        assert blocks.map.lines_split - before < whole // 20
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    before = blocks.map.lines_split
    assert blocks.starts() == block_starts(document_text(editor.document()))
    assert blocks.map.lines_split - before < whole // 20
