"""Outline panel: the post's Markdown and HTML headings as a tree; click to jump.

Refreshes on committed edits (``MarkdownEdit.textSettled``) after a short pause, and only
while visible, so typing never pays for the whole-document scan.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor.core.outline import Heading, extract_headings
from editor.ui.edit_ops import document_text
from editor.ui.goto_line import move_to_line

REFRESH_DELAY_MS = 400
_LINE_ROLE = Qt.ItemDataRole.UserRole


class OutlinePanel(QWidget):
    """Headings of ``editor``'s text; ``headings`` holds the last extraction."""

    def __init__(self, editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.editor = editor
        self.headings: list[Heading] = []
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._stale = True
        self._built = False
        changed = getattr(editor, "textSettled", None) or editor.textChanged
        changed.connect(self._schedule)
        self.tree.itemClicked.connect(self._jump)
        self.tree.itemActivated.connect(self._jump)

    def _schedule(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the tree now (nested by heading level)."""
        self._timer.stop()
        self._stale = False
        headings = extract_headings(document_text(self.editor.document()))
        if self._built and headings == self.headings:
            return  # typing inside a paragraph: keep the tree (and its scroll position)
        self._built = True
        self.headings = headings
        self.tree.clear()
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for heading in headings:
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            item = QTreeWidgetItem([heading.title or self.tr("(untitled)")])
            item.setData(0, _LINE_ROLE, heading.line)
            item.setToolTip(0, self.tr("Line {number}").format(number=heading.line + 1))
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((heading.level, item))
        self.tree.expandAll()

    def _jump(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        move_to_line(self.editor, int(item.data(0, _LINE_ROLE)) + 1)
