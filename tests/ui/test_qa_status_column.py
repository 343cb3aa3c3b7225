"""QA round 2: the status bar's column after an emoji. Qt counts UTF-16 units (an emoji is
two), `post-editor check` counts characters; the status bar said Col 6 where check's
FILE:4:4 pointed, so a writer could not find the reported place by its column."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.checks import check_post
from editor.core.post import Post
from editor.ui.status_bar import EditorStatusBar, format_position
from editor.ui.window_status import show_cursor_position

LINE = "😀😀 <span>x</b>"


def test_the_column_counts_characters_as_check_does(qtbot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText("---\ntitle: e\n---\n" + LINE)
    post = Post.from_text(editor.toPlainText())
    problem = next(p for p in check_post(post) if "<span>" in p.message)
    assert problem.column == 4  # characters: 😀, 😀, space, then <
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.Right, n=problem.column - 1)
    editor.setTextCursor(cursor)
    assert editor.document().characterAt(cursor.position()) == "<"
    status = EditorStatusBar()
    qtbot.addWidget(status)
    show_cursor_position(status, editor)
    assert status.position_label.text() == format_position(4, problem.column)
