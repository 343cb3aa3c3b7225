"""Shared setup for the window tests: a private copy of the sample site, settings in a
temp INI file, and a MainWindow with the reference post open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.settings import AppSettings
from editor.ui.theme import ThemeController

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"
POST_NAME = "2023-09-29-digital-transformation.md"


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, target)
    return target


@pytest.fixture
def app_settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def make_window(qtbot, app_settings: AppSettings, site_root: Path) -> MainWindow:
    from PySide6.QtWidgets import QApplication

    theme = ThemeController(QApplication.instance(), app_settings.load_preferences().theme)
    window = MainWindow(app_settings, theme, Site(site_root))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, app_settings: AppSettings, site_copy: Path, monkeypatch) -> MainWindow:
    # a window left with changes must not block teardown on a real dialog
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    win = make_window(qtbot, app_settings, site_copy)
    assert win.open_path(site_copy / "_posts" / POST_NAME)
    win.show()
    return win


def type_text(qtbot, window: MainWindow, text: str) -> None:
    """ASCII as key presses; other text committed the way an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window.editor.setFocus()
    if text.isascii():
        QTest.keyClicks(window.editor, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(window.editor, event)
