"""QA round 2: another program changes or deletes the open post while the writer has unsaved
text. Pressing Enter on the question must not throw the writer's text away, and a deleted
file is not reported as "changed" with a Reload that can only fail."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from window_fixtures import (  # noqa: F401 (fixtures)
    POST_NAME,
    app_settings,
    site_copy,
    type_text,
)

from editor.core.history import LocalHistory
from editor.core.recovery import RecoveryStore
from editor.ui import dialogs
from editor.ui import main_window as main_window_module
from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.theme import ThemeController


@pytest.fixture
def window(qtbot, app_settings, site_copy, tmp_path, monkeypatch) -> MainWindow:
    """A window that watches its post on disk (it has the recovery and history stores)."""
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    recovery = RecoveryStore(tmp_path / "recovery")
    theme = ThemeController(QApplication.instance())
    history = LocalHistory(tmp_path / "history")
    win = MainWindow(app_settings, theme, Site(site_copy), recovery=recovery, history=history)
    qtbot.addWidget(win)
    assert win.open_path(site_copy / "_posts" / POST_NAME)
    win.show()
    yield win
    recovery.close()


def press_enter_on_next_box(seen: list) -> None:
    """Read the next modal box, then press Enter in it (its default button answers)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        default = box.defaultButton()
        seen.append((box.windowTitle(), box.text(), default and box.buttonRole(default)))
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(("unsaved", "answer"), [(True, "keep"), (False, "reload")])
def test_enter_keeps_unsaved_text_and_reloads_a_clean_one(qapp, unsaved, answer) -> None:
    parent = QWidget()
    parent.setWindowTitle("post.md[*]")
    parent.setWindowModified(unsaved)
    seen: list = []
    press_enter_on_next_box(seen)
    assert dialogs.ask_external_change(parent, "post.md", "") == answer
    assert len(seen) == 1


@pytest.mark.webengine
def test_a_deleted_post_is_reported_as_deleted_and_saving_writes_it_back(
    window, qtbot, site_copy, monkeypatch
) -> None:
    changed: list[str] = []
    deleted: list[str] = []
    monkeypatch.setattr(
        main_window_module, "ask_external_change", lambda *args: changed.append("x") or "keep"
    )
    monkeypatch.setattr(
        main_window_module,
        "tell_deleted_on_disk",
        lambda _parent, name: deleted.append(name),
        raising=False,
    )
    overwrite: list[str] = []
    monkeypatch.setattr(
        main_window_module, "ask_overwrite_changed", lambda *_: overwrite.append("x") or False
    )
    type_text(qtbot, window, "지우기 전에 쓴 글 ")
    post = site_copy / "_posts" / POST_NAME
    post.unlink()
    qtbot.waitUntil(lambda: bool(deleted or changed), timeout=5000)
    qtbot.wait(300)  # a second report would come within the watcher's settle time
    assert (deleted, changed) == ([POST_NAME], [])
    assert window.editor.toPlainText().startswith("지우기 전에 쓴 글 ")
    assert window.save()
    assert overwrite == []  # nothing to overwrite: the file is simply written back
    assert post.read_text(encoding="utf-8").split("---\n", 2)[2].startswith("지우기 전에")


def test_the_deleted_notice_is_one_box_with_the_file_name(qapp) -> None:
    seen: list = []
    press_enter_on_next_box(seen)
    dialogs.tell_deleted_on_disk(None, "post.md")
    [(title, text, _role)] = seen
    assert "post.md" in text and title
