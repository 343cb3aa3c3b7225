"""The questions the window asks, each one small function.

main_window imports them by name, so a test answers a question by replacing the name in
editor.ui.main_window (monkeypatch.setattr(main_window, "ask_save_changes", ...)),
never the dialog machinery.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QFontDialog, QMessageBox, QWidget

POST_FILTER = "Markdown posts (*.md *.markdown);;All files (*)"


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing?",
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def ask_open_path(parent: QWidget, start_dir: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open Post", start_dir, POST_FILTER)
    return path or None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save Post As", suggested, POST_FILTER)
    return path or None


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export HTML", suggested, "HTML (*.html)")
    return path or None


def ask_site_dir(parent: QWidget, start_dir: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, "Jekyll Site Folder", start_dir) or None


def ask_font(parent: QWidget, current: QFont) -> QFont | None:
    ok, font = QFontDialog.getFont(current, parent, "Editor Font")
    return font if ok else None


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)
