"""The front matter is never lost: raw-YAML typing, saving, autosave and crash recovery,
driven through the real window (issue #6, "nothing lost")."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from window_fixtures import (  # noqa: F401 (fixtures)
    POST_NAME,
    REPO,
    app_settings,
    site_copy,
    window,
)

from editor.core.recovery import RecoveryStore
from editor.ui import main_window as main_window_module
from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.theme import ThemeController

pytestmark = pytest.mark.webengine

TITLE_LINE = "title: 디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?"


def post_file(site: Path) -> Path:
    return site / "_posts" / POST_NAME


def type_at_end_of_raw_yaml(window: MainWindow, keys: str) -> None:
    """Switch to the raw view with its toggle, put the cursor at the end, type key by key."""
    if not window.form.is_raw_mode():
        QTest.mouseClick(window.form.raw_toggle, Qt.MouseButton.LeftButton)
    raw = window.form.raw_edit
    raw.setFocus()
    raw.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(raw, keys)


def press_ctrl_s(window: MainWindow) -> None:
    QTest.keyClick(window.form.raw_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def front_matter_of(text: str) -> str:
    assert text.startswith("---\n"), text[:200]
    end = text.index("\n---\n", 3)
    return text[4 : end + 1]


@pytest.mark.parametrize("typed", ["layout: post", "tags: [a, b]"])
def test_typing_a_key_at_the_end_of_the_raw_yaml_then_saving_keeps_it(
    window, site_copy, qtbot, typed
) -> None:
    before = post_file(site_copy).read_text(encoding="utf-8")
    type_at_end_of_raw_yaml(window, typed)
    press_ctrl_s(window)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=3000)
    saved = post_file(site_copy).read_text(encoding="utf-8")
    expected_yaml = front_matter_of(before) + typed + "\n"
    assert front_matter_of(saved) == expected_yaml
    assert saved.endswith(before[before.index("\n---\n", 3) + 5 :])  # body untouched
    assert window.form.raw_edit.toPlainText() == front_matter_of(before) + typed  # as typed


def test_passing_through_invalid_yaml_shows_the_error_and_loses_nothing(
    window, site_copy, qtbot
) -> None:
    type_at_end_of_raw_yaml(window, "tags: [a")
    error = window.form.raw_error_label
    assert error.isVisibleTo(window.form) and error.text().startswith("Line 11, column 9: ")
    press_ctrl_s(window)  # an invalid front matter is saved as typed, with a warning
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=3000)
    saved = post_file(site_copy).read_text(encoding="utf-8")
    assert saved.startswith("---\n" + TITLE_LINE) and "\ntags: [a\n---\n" in saved
    qtbot.waitUntil(lambda: "not valid YAML" in window.status.currentMessage(), timeout=2000)
    assert "line 12, column 9" in window.status.currentMessage()  # file lines here
    QTest.keyClicks(window.form.raw_edit, ", b]")
    assert not window.form.raw_error_label.isVisibleTo(window.form)
    press_ctrl_s(window)
    qtbot.waitUntil(lambda: "tags: [a, b]\n---\n" in post_file(site_copy).read_text("utf-8"))
    assert window.document.meta["tags"] == ["a", "b"]
    assert window.document.meta["title"].startswith("디지털 전환")


def test_form_after_broken_yaml_is_empty_disabled_and_says_why(window, qtbot) -> None:
    type_at_end_of_raw_yaml(window, "layout:")
    QTest.keyClick(window.form.raw_edit, Qt.Key.Key_Return)
    QTest.keyClicks(window.form.raw_edit, "  - [x")
    QTest.mouseClick(window.form.raw_toggle, Qt.MouseButton.LeftButton)  # back to the form
    form = window.form
    assert not form.is_raw_mode()
    assert not form.form_page.isEnabled()
    assert form.error_label.isVisibleTo(form) and "line" in form.error_label.text()
    assert form.fields["title"].text() == ""  # no stale values that look like real data
    assert form.fields["categories"].text() == ""
    assert TITLE_LINE in window.document.front_matter_text  # the text is still there


def test_form_after_raw_editing_keeps_the_other_keys(window, site_copy, qtbot) -> None:
    type_at_end_of_raw_yaml(window, "layout: post")
    QTest.mouseClick(window.form.raw_toggle, Qt.MouseButton.LeftButton)
    title = window.form.fields["title"]
    assert title.text().startswith("디지털 전환")
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "New title")
    assert window.document.save()
    saved = post_file(site_copy).read_text(encoding="utf-8")
    assert saved.startswith("---\ntitle: New title\ncategories:\n  - News\n")
    assert "\nlayout: post\n---\n" in saved


# ----- crash recovery with a broken front matter (a real child window, SIGKILLed) -----

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from editor.qt_env import prepare_webengine_environment
prepare_webengine_environment()
app = QApplication([])
from editor.core.recovery import RecoveryStore
from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.settings import AppSettings
from editor.ui.theme import ThemeController
recovery_dir, site, settings_file, typed = sys.argv[1:5]
settings = AppSettings(QSettings(settings_file, QSettings.Format.IniFormat))
store = RecoveryStore(Path(recovery_dir))
window = MainWindow(settings, ThemeController(app), Site(Path(site)), recovery=store)
window.open_path(Path(site) / "_posts" / "2023-09-29-digital-transformation.md")
window.show()
QTest.mouseClick(window.form.raw_toggle, Qt.MouseButton.LeftButton)
raw = window.form.raw_edit
raw.setFocus()
raw.moveCursor(QTextCursor.MoveOperation.End)
QTest.keyClicks(raw, typed)
deadline = time.monotonic() + 10
while not list(Path(recovery_dir).glob("*.recovery")) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
for _ in range(30):  # let the last copy (with the last key) be written
    app.processEvents()
    time.sleep(0.05)
print("copied", flush=True)
time.sleep(60)  # killed here
"""


def test_crash_with_broken_raw_yaml_recovers_the_front_matter(
    qtbot, app_settings, site_copy, tmp_path, monkeypatch
) -> None:
    typed = "tags: [a"
    recovery_dir = tmp_path / "recovery"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(recovery_dir), str(site_copy)]
        + [str(tmp_path / "child.ini"), typed],
        cwd=REPO,
        stdout=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout.readline().strip() == b"copied"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    before = post_file(site_copy).read_text(encoding="utf-8")
    monkeypatch.setattr(main_window_module, "ask_recover", lambda *_: "restore")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    recovery = RecoveryStore(recovery_dir)
    from PySide6.QtWidgets import QApplication

    window = MainWindow(
        app_settings, ThemeController(QApplication.instance()), Site(site_copy), recovery
    )
    qtbot.addWidget(window)
    assert window.safety.offer_recovery() == 1
    expected = front_matter_of(before) + typed
    assert window.document.front_matter_text.rstrip("\n") == expected
    assert window.document.meta_error is not None
    assert window.form.raw_edit.toPlainText().rstrip("\n") == expected
    assert window.save()
    saved = post_file(site_copy).read_text(encoding="utf-8")
    assert front_matter_of(saved) == expected + "\n"
    assert saved.endswith(before[before.index("\n---\n", 3) + 5 :])
    recovery.close()


def test_window_reopens_its_post_with_the_saved_broken_front_matter(
    qtbot, app_settings, site_copy, window
) -> None:
    from PySide6.QtWidgets import QApplication

    type_at_end_of_raw_yaml(window, "tags: [a")
    assert window.save()
    again = MainWindow(app_settings, ThemeController(QApplication.instance()), Site(site_copy))
    qtbot.addWidget(again)
    assert again.open_path(post_file(site_copy))
    assert again.document.meta_error is not None
    assert again.form.raw_edit.toPlainText().endswith("\ntags: [a\n")
    assert again.document.front_matter_text == window.document.front_matter_text + "\n"


def test_calendar_pick_in_the_window_is_undone_by_ctrl_z_and_by_the_document(
    window, site_copy, qtbot
) -> None:
    from PySide6.QtCore import QDate

    form = window.form
    original = window.document.front_matter_text
    form.date_button.menu().aboutToShow.emit()  # the calendar opens on the file name's day
    assert form.calendar.selectedDate() == QDate(2023, 9, 29)
    form.calendar.clicked.emit(QDate(2023, 10, 5))
    assert window.document.front_matter_text == original + "date: 2023-10-05\n"
    field = form.fields["date"]
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.front_matter_text == original and not window.isWindowModified()
    form.calendar.clicked.emit(QDate(2023, 10, 6))
    window.document.undo()  # Edit > Undo, once the menu calls Document.undo
    assert window.document.front_matter_text == original and field.text() == ""
    window.document.redo()
    assert window.save()
    assert "\ndate: 2023-10-06\n---\n" in post_file(site_copy).read_text(encoding="utf-8")
