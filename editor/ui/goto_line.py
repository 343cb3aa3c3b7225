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


def go_to_line(editor: QPlainTextEdit, parent: QWidget | None = None, first_line: int = 1) -> None:
    """Ask for a line number (current line preselected) and move there; Cancel does nothing.

    ``first_line`` is the file line of the editor's first line (the body starts below the
    front matter), so the numbers asked for are the file's, as `post-editor check` gives them.
    """
    last = first_line + editor.document().blockCount() - 1
    current = editor.textCursor().blockNumber() + first_line
    line, accepted = QInputDialog.getInt(
        parent or editor,
        QCoreApplication.translate("GoToLine", "Go to Line"),
        QCoreApplication.translate("GoToLine", "Line ({first}–{last}):").format(
            first=first_line, last=last
        ),
        current,
        first_line,
        last,
    )
    if accepted:
        move_to_line(editor, line - first_line + 1)
