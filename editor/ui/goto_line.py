"""Go to line: a QInputDialog for the number, then the cursor moves there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QWidget


def move_to_line(editor: QPlainTextEdit, line: int) -> None:
    """Put the cursor at the start of 1-based ``line`` (clamped) and show it centred."""
    document = editor.document()
    line = max(1, min(line, document.blockCount()))
    cursor = QTextCursor(document.findBlockByNumber(line - 1))
    editor.setTextCursor(cursor)
    editor.centerCursor()
    editor.setFocus()


def go_to_line(editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
    """Ask for a line number (current line preselected) and move there; Cancel does nothing."""
    count = editor.document().blockCount()
    current = editor.textCursor().blockNumber() + 1
    line, accepted = QInputDialog.getInt(
        parent or editor,
        QCoreApplication.translate("GoToLine", "Go to Line"),
        QCoreApplication.translate("GoToLine", "Line (1–{count}):").format(count=count),
        current,
        1,
        count,
    )
    if accepted:
        move_to_line(editor, line)
