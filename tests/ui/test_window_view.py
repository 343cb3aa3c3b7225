"""View and status: counts, cursor position, dark mode, font and zoom, remembered state."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from window_fixtures import (  # noqa: F401 (fixtures)
    app_settings,
    make_window,
    site_copy,
    type_text,
    window,
)

from editor.core.text_stats import compute_stats
from editor.ui import main_window as main_window_module

pytestmark = pytest.mark.webengine


def test_status_bar_counts_follow_the_text(window, qtbot) -> None:
    expected = compute_stats(window.editor.toPlainText())
    label = window.status.stats_label
    qtbot.waitUntil(lambda: f"{expected.words:,} words" in label.text())
    assert f"{expected.chars_with_spaces:,} chars" in label.text()
    assert f"({expected.chars_without_spaces:,} without spaces)" in label.text()
    assert f"~{expected.reading_minutes} min read" in label.text()
    window.editor.selectAll()
    type_text(qtbot, window, "하나 둘 셋")
    qtbot.waitUntil(lambda: label.text().startswith("3 words · 6 chars (4 without spaces)"))


def test_status_bar_shows_line_and_column(window, qtbot) -> None:
    cursor = window.editor.textCursor()
    block = window.editor.document().findBlockByNumber(3)
    assert block.text().startswith("<p>출처")
    cursor.setPosition(block.position() + 3)
    window.editor.setTextCursor(cursor)
    # the file's line, as `post-editor check` counts: the body starts below the front matter
    lines = window.document.path.read_text(encoding="utf-8").splitlines()
    file_line = next(i for i, line in enumerate(lines, 1) if line.startswith("<p>출처"))
    assert file_line > 4
    assert window.status.position_label.text() == f"Ln {file_line}, Col 4"
    window.document.set_meta("tags", ["a", "b"])  # two more front matter lines, say
    moved = window.document.whole_text().splitlines()
    file_line = next(i for i, line in enumerate(moved, 1) if line.startswith("<p>출처"))
    assert window.status.position_label.text() == f"Ln {file_line}, Col 4"


def window_is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def test_dark_mode_switch_and_back(window, app_settings, qtbot) -> None:
    window.theme_actions["dark"].trigger()
    assert window_is_dark()
    qtbot.waitUntil(
        lambda: window.editor.palette().color(QPalette.ColorRole.Base).lightness() < 128
    )
    assert app_settings.load_preferences().theme == "dark"
    window.theme_actions["light"].trigger()
    assert not window_is_dark()
    window.theme_actions["system"].trigger()
    assert app_settings.load_preferences().theme == "system"
    assert window.theme.is_dark == (QApplication.styleHints().colorScheme().name == "Dark")


def test_zoom_in_out_and_reset(window, app_settings) -> None:
    size = window.editor.font().pointSize()
    zoom = window.preview.zoomFactor()
    window.zoom_in_action.trigger()
    assert window.editor.font().pointSize() == size + 1
    assert window.preview.zoomFactor() == pytest.approx(zoom + 0.1)
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert window.editor.font().pointSize() == size - 1
    assert app_settings.load_preferences().font_size == size - 1
    assert window.zoom_in_action.shortcut().toString() == "Ctrl++"
    assert window.zoom_out_action.shortcut().toString() == "Ctrl+-"
    window.zoom(0)
    assert window.preview.zoomFactor() == pytest.approx(1.0)


def test_font_choice_applies_and_persists(window, monkeypatch, app_settings) -> None:
    monkeypatch.setattr(main_window_module, "ask_font", lambda *_: QFont("Noto Sans Mono", 15))
    window.choose_font()
    assert window.editor.font().family() == "Noto Sans Mono"
    assert window.editor.font().pointSize() == 15
    prefs = app_settings.load_preferences()
    assert (prefs.font_family, prefs.font_size) == ("Noto Sans Mono", 15)


def test_window_state_and_raw_mode_are_restored(window, qtbot, app_settings, site_copy) -> None:
    window.raw_yaml_action.trigger()
    assert window.form.is_raw_mode()
    window.resize(700, 500)  # the offscreen screen is small; larger gets clamped
    window.splitter.setSizes([200, 500])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(qtbot, app_settings, site_copy)
    again.show()
    assert again.form.is_raw_mode() and again.raw_yaml_action.isChecked()
    assert (again.width(), again.height()) == (700, 500)
    assert again.splitter.sizes() == sizes


def test_preview_sits_right_of_the_editor(window) -> None:
    assert window.splitter.widget(1) is window.preview
    assert window.splitter.widget(0).isAncestorOf(window.editor)


def test_no_two_actions_share_a_shortcut(window) -> None:
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    clashes = []
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            if key and key in seen and seen[key] != action.text():
                clashes.append((key, seen[key], action.text()))
            seen.setdefault(key, action.text())
    assert clashes == []
    assert {"Ctrl+S", "Ctrl+O", "Ctrl+N", "Ctrl+E", "Ctrl+G", "Ctrl+F", "Ctrl+W"} <= set(seen)


def test_spell_check_choice_is_in_the_edit_menu_and_remembered(
    window, app_settings, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # enchant writes there
    action = window.editor.spell_check_action()
    edit_menu = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    assert action in edit_menu.actions()
    assert action.isChecked()  # on by default (issue #9: it can be switched off)
    action.trigger()
    assert app_settings.load_preferences().spell_check is False
    action.trigger()
    assert app_settings.load_preferences().spell_check is True


def test_system_mode_follows_the_system_when_it_flips(window, monkeypatch, qtbot) -> None:
    from PySide6.QtCore import Qt

    from editor.ui import theme as theme_module

    window.theme_actions["system"].trigger()
    hints = QApplication.styleHints()
    # The offscreen platform cannot change its scheme: report a flip the way a desktop does.
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.theme.is_dark and window_is_dark()
    qtbot.waitUntil(
        lambda: window.editor.palette().color(QPalette.ColorRole.Base).lightness() < 128
    )
    window.theme_actions["light"].trigger()  # a chosen mode ignores the system
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not window.theme.is_dark
    monkeypatch.setattr(theme_module, "system_is_dark", lambda: False)
    window.theme_actions["system"].trigger()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not window.theme.is_dark and not window_is_dark()
