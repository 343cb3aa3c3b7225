"""QA round 2: Ctrl+Z typed in the body did not do what Edit > Undo (Ctrl+Z) says. The body
editor took the key for its own undo, so a front matter edit made after body edits (title,
calendar, raw YAML) was skipped and stayed while older body edits went."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from window_fixtures import app_settings, make_window, site_copy  # noqa: F401

from editor.ui import main_window as main_window_module

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def new_window(qtbot, app_settings, site_copy, monkeypatch):
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    window = make_window(qtbot, app_settings, site_copy)
    window.document.new_from_template()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    window.editor.setFocus()
    return window


def test_ctrl_z_in_the_body_undoes_the_latest_edit_like_the_menu(
    qtbot, app_settings, site_copy, monkeypatch
) -> None:
    window = new_window(qtbot, app_settings, site_copy, monkeypatch)
    title = window.document.meta.get("title")
    QTest.keyClicks(window.editor, "body-edit")
    window.document.set_meta("title", "later title")  # as the form does it
    window.editor.setFocus()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert window.document.meta.get("title") == title  # the latest edit went first
    assert "body-edit" in window.editor.toPlainText()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert "body-edit" not in window.editor.toPlainText()
    QTest.keyClick(window.editor, Qt.Key.Key_Z, CTRL_SHIFT)
    assert "body-edit" in window.editor.toPlainText()
    assert window.document.meta.get("title") == title
    QTest.keyClick(window.editor, Qt.Key.Key_Y, CTRL)
    assert window.document.meta.get("title") == "later title"


def test_ctrl_z_with_body_edits_only_still_undoes_typing(
    qtbot, app_settings, site_copy, monkeypatch
) -> None:
    window = new_window(qtbot, app_settings, site_copy, monkeypatch)
    before = window.editor.toPlainText()
    QTest.keyClicks(window.editor, "typed")
    QTest.keyClick(window.editor, Qt.Key.Key_Z, CTRL)
    assert window.editor.toPlainText() == before
    QTest.keyClick(window.editor, Qt.Key.Key_Z, CTRL_SHIFT)
    assert "typed" in window.editor.toPlainText()
