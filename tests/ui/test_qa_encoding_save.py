"""QA round 2: a CP949 post that gets a character CP949 cannot store (an emoji). The error
said "save the file as UTF-8", but neither Save nor Save As could: the writer's only way out
was to delete the character. Now the window offers to save it as UTF-8."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from window_fixtures import app_settings, make_window, site_copy, type_text  # noqa: F401

from editor.ui import dialogs
from editor.ui import main_window as main_window_module

CP949_POST = "---\ntitle: 한글 제목\n---\n\n본문 한글입니다. 똠방각하 뷁.\n"


@pytest.fixture
def cp949_window(qtbot, app_settings, site_copy, monkeypatch):
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, m: errors.append(m))
    post = site_copy / "_posts" / "2024-01-02-cp949.md"
    post.write_bytes(CP949_POST.encode("cp949"))
    window = make_window(qtbot, app_settings, site_copy)
    assert window.open_path(post)
    window.errors = errors
    return window, post


def answer_utf8(monkeypatch, answer: bool) -> list[tuple]:
    asked: list[tuple] = []
    monkeypatch.setattr(
        main_window_module,
        "ask_save_as_utf8",
        lambda _parent, name, encoding: asked.append((name, encoding)) or answer,
        raising=False,
    )
    return asked


def test_yes_saves_the_post_as_utf8_with_the_new_character(cp949_window, qtbot, monkeypatch):
    window, post = cp949_window
    asked = answer_utf8(monkeypatch, True)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window, "추가 😀")
    assert window.save()
    assert asked == [(post.name, "cp949")] and window.errors == []
    saved = post.read_bytes().decode("utf-8")  # strict: the whole file is UTF-8 now
    assert saved.startswith("---\ntitle: 한글 제목\n") and saved.endswith("추가 😀")
    assert not window.document.is_modified()
    type_text(qtbot, window, "!")  # later saves stay UTF-8 and do not ask again
    assert window.save() and len(asked) == 1
    assert post.read_bytes().decode("utf-8").endswith("😀!")


def test_no_keeps_the_file_and_the_text_and_says_why(cp949_window, qtbot, monkeypatch):
    window, post = cp949_window
    answer_utf8(monkeypatch, False)
    type_text(qtbot, window, "😀")
    assert not window.save()
    assert post.read_bytes() == CP949_POST.encode("cp949")
    assert len(window.errors) == 1 and "cp949" in window.errors[0]
    assert "😀" in window.editor.toPlainText() and window.document.is_modified()


def test_a_utf8_post_that_cannot_be_written_is_not_offered_utf8(
    qtbot, app_settings, site_copy, monkeypatch
):
    """Only an encoding problem leads to the question; a disk error is just reported."""
    window = make_window(qtbot, app_settings, site_copy)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, m: errors.append(m))
    asked = answer_utf8(monkeypatch, True)
    window.document.new_from_template()
    assert not window._save_to(site_copy / "no-such-folder" / "post.md")
    assert asked == [] and len(errors) == 1


def test_the_question_names_the_file_and_enter_saves_as_utf8(qapp) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    assert dialogs.ask_save_as_utf8(None, "post.md", "cp949") is True
    assert "post.md" in seen[0] and "UTF-8" in seen[0]
