"""Local history: pick one of the post's saved versions, see how it differs, restore it."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.history import HistoryError, HistoryVersion
from editor.core.post import Post
from editor.ui.safety import text_diff


def version_text(version: HistoryVersion) -> str:
    """The version's whole text as the editor shows it (LF); raises HistoryError/OSError."""
    return Post.from_bytes(version.read()).text_lf()


def version_label(version: HistoryVersion) -> str:
    when = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return f"{when}  ·  {version.size / 1024:.1f} KB"


class HistoryDialog(QDialog):
    """Versions newest first on the left, the difference to the window's text on the right."""

    def __init__(
        self, versions: list[HistoryVersion], current_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Local History")
        self.resize(900, 560)
        self.versions = versions
        self.current_text = current_text
        self.list = QListWidget(self)
        self.list.addItems([version_label(v) for v in versions])
        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.diff, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if versions:
            self.list.setCurrentRow(0)

    def selected(self) -> HistoryVersion | None:
        row = self.list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _show(self, row: int) -> None:
        version = self.versions[row]
        try:
            diff = text_diff(self.current_text, version_text(version), "now", "saved version")
            self.restore_button.setEnabled(True)
        except (HistoryError, OSError) as error:
            diff = str(error)
            self.restore_button.setEnabled(False)
        self.diff.setPlainText(diff)
