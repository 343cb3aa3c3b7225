"""Outline panel: lists Markdown and Tistory headings nested by level, refreshes, jumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.outline_panel import REFRESH_DELAY_MS, OutlinePanel

REFERENCE = (
    Path(__file__).resolve().parents[2]
    / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
)
TEXT = (
    "# Top\n\nintro\n\n"
    '<h2 data-ke-size="size26">산업 디지털 전환</h2>\n\n'
    "### Detail\n\n```\n## not a heading\n```\n\nSetext\n------\n"
)


@pytest.fixture
def panel(qtbot):
    editor = MarkdownEdit()
    outline = OutlinePanel(editor)
    qtbot.addWidget(editor)
    qtbot.addWidget(outline)
    editor.setPlainText(TEXT)
    outline.show()
    return outline


def titles(item) -> list:
    return [(item.child(i).text(0), titles(item.child(i))) for i in range(item.childCount())]


def test_tree_nests_by_level(panel):
    tree = panel.tree.invisibleRootItem()
    assert titles(tree) == [
        ("Top", [("산업 디지털 전환", [("Detail", [])]), ("Setext", [])]),
    ]


def test_click_jumps_to_heading(panel, qtbot):
    tistory = panel.tree.topLevelItem(0).child(0)
    rect = panel.tree.visualItemRect(tistory)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.editor.textCursor().blockNumber() == 4
    panel._jump(panel.tree.topLevelItem(0).child(1))
    assert panel.editor.textCursor().block().text() == "Setext"


def test_refreshes_after_edits_debounced(panel, qtbot):
    cursor = QTextCursor(panel.editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n## Added\n")
    assert len(panel.headings) == 4  # not yet: waits for the pause
    qtbot.waitUntil(lambda: len(panel.headings) == 5, timeout=REFRESH_DELAY_MS * 5)
    assert panel.headings[-1].title == "Added"


def test_hidden_panel_refreshes_when_shown(panel, qtbot):
    panel.hide()
    panel.editor.setPlainText("## Only")
    qtbot.wait(REFRESH_DELAY_MS + 100)
    assert len(panel.headings) == 4
    panel.show()
    assert [h.title for h in panel.headings] == ["Only"]


def test_reference_post(panel):
    panel.editor.setPlainText(REFERENCE.read_text(encoding="utf-8"))
    panel.refresh()
    assert panel.tree.topLevelItem(0).text(0) == "산업 디지털 전환 선도사업 추진 계획"
