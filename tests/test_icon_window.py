"""The application icon in use: the app sets it for every window (editor/app.py), and the
self-test fails when the window lacks it or an icon file does not load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.app import app_icon, set_app_identity
from editor.resources import ICON_SIZES, icon_png_paths
from editor.ui import selftest

REPO = Path(__file__).resolve().parent.parent
ALL_SIZES = ", ".join(map(str, ICON_SIZES))


@pytest.fixture
def app_with_identity(qapp):
    """The test QApplication with the app's icon and desktop name, restored afterwards."""
    from PySide6.QtGui import QIcon

    before_icon, before_name = qapp.windowIcon(), qapp.desktopFileName()
    set_app_identity(qapp)
    yield qapp
    qapp.setWindowIcon(before_icon if not before_icon.isNull() else QIcon())
    qapp.setDesktopFileName(before_name)


def image_bytes(image) -> bytes:
    image = image.convertToFormat(image.Format.Format_RGBA8888)
    return bytes(image.constBits())[: image.sizeInBytes()]


def test_the_app_icon_has_every_size(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)


def test_a_missing_icon_file_is_left_out_not_fatal(qapp, monkeypatch, tmp_path) -> None:
    icons = tmp_path / "icons"
    shutil.copytree(REPO / "resources" / "icons", icons)
    (icons / "post-editor-48.png").unlink()
    monkeypatch.setattr("editor.resources.resources_dir", lambda: tmp_path)
    sizes = [size.width() for size in app_icon().availableSizes()]
    assert sorted(sizes) == [size for size in ICON_SIZES if size != 48]


@pytest.mark.webengine
def test_the_main_window_carries_the_icon(app_with_identity, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtGui import QImage

    from editor.ui.core_api import Site
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import AppSettings
    from editor.ui.theme import ThemeController

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    theme = ThemeController(app_with_identity, settings.load_preferences().theme)
    window = MainWindow(settings, theme, Site(REPO / "resources" / "sample_site"))
    qtbot.addWidget(window)
    window.show()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    # at 16 px the window shows the pixel-drawn PNG itself, not a scaled-down big one
    small = icon.pixmap(QSize(16, 16)).toImage()
    assert image_bytes(small) == image_bytes(QImage(str(icon_png_paths()[16])))
    assert app_with_identity.desktopFileName() == "post-editor"  # = resources/post-editor.desktop
    check = selftest.window_check(window, require_icon=True)
    assert check.ok and check.detail.endswith(f"; icon {ALL_SIZES} px"), check.line()


def test_the_selftest_fails_a_window_without_the_icon(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    window.setWindowTitle("bare")
    qtbot.addWidget(window)
    window.show()
    assert window.windowIcon().isNull()  # the test app has no icon set
    check = selftest.window_check(window, require_icon=True)
    assert check.line() == f"FAIL window shown: the window icon lacks {ALL_SIZES} px"
    # in-process callers that build their own window do not ask for the icon
    assert selftest.window_check(window, require_icon=False).line() == (
        "ok   window shown (bare; no window icon)"
    )


def test_the_selftest_names_a_broken_icon_file(monkeypatch, tmp_path) -> None:
    shutil.copytree(REPO / "resources", tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
        "sample_site"))  # fmt: skip
    shutil.copytree(REPO / "resources" / "sample_site", tmp_path / "sample_site")
    icons = tmp_path / "icons"
    shutil.copy(icons / "post-editor-32.png", icons / "post-editor-64.png")  # wrong size
    (icons / "post-editor-512.png").write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    (icons / "post-editor-16.png").unlink()
    monkeypatch.setattr("editor.resources.resources_dir", lambda: tmp_path)
    check = selftest.check_resources()
    assert not check.ok
    assert check.detail == (
        "icon post-editor-16.png does not load; icon post-editor-64.png is 32x32 px; "
        "icon post-editor-512.png does not load"
    )


def test_the_selftest_passes_the_real_icon_files() -> None:
    assert selftest.icon_file_problems() == []
    assert selftest.check_resources().ok


@pytest.mark.webengine
def test_the_real_app_shows_its_icon(tmp_path) -> None:
    """`post-editor --selftest` from source goes through app.run_gui, which sets the icon."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "c"), XDG_DATA_HOME=str(tmp_path / "d"))
    result = subprocess.run(
        [sys.executable, "-m", "editor", "--selftest"],
        capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    first = result.stdout.splitlines()[0]
    assert first.startswith("ok   window shown (") and first.endswith(f"; icon {ALL_SIZES} px)")
