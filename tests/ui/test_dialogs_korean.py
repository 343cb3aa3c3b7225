"""The window's questions in Korean: the diff behind Show Details names its sides in the UI
language, and an error box words editor.core's English messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.ui import dialogs, i18n
from editor.ui.safety import text_diff


def answer_next_box(seen: list[QMessageBox], button: QMessageBox.ButtonRole) -> None:
    """Read the next modal box, then press its button with that role (or close it)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((box.windowTitle(), box.text(), box.detailedText()))
        chosen = [b for b in box.buttons() if box.buttonRole(b) == button]
        chosen[0].click() if chosen else box.close()

    QTimer.singleShot(0, answer)


def test_the_recovery_diff_names_its_sides_in_korean(korean):
    diff = text_diff("a\nb\n", "a\nc\n", "on disk", "recovered")
    seen: list = []
    answer_next_box(seen, QMessageBox.ButtonRole.RejectRole)
    assert dialogs.ask_recover(None, "post.md", "2026-11-27 10:00:00", diff) == "later"
    [(title, _text, details)] = seen
    assert title == "저장하지 않은 글 복구"
    assert details.splitlines()[:2] == ["--- 디스크의 파일", "+++ 복구용 사본"]
    assert "-b" in details and "+c" in details


def test_an_external_change_without_differences_says_so_in_korean(korean):
    diff = text_diff("same\n", "same\n", "in the window", "on disk")
    seen: list = []
    answer_next_box(seen, QMessageBox.ButtonRole.RejectRole)
    assert dialogs.ask_external_change(None, "post.md", diff) == "keep"
    assert seen[0][2] == "(차이 없음)"


def test_in_english_the_diff_is_unchanged(qapp):
    i18n.install_translators(qapp, "en")
    diff = text_diff("a\n", "b\n", "in the window", "on disk")
    assert dialogs.worded_diff(diff) == diff
    assert dialogs.worded_diff("(no differences)") == "(no differences)"
    other = "--- in the window, really\n+++ x\n-a\n+b"
    assert dialogs.worded_diff(other) == other  # only safety's own names are worded


def test_an_error_box_words_a_core_message_in_korean(korean, tmp_path):
    message = f"Could not save {tmp_path}/x.md: the disk is full. The file on disk was not changed."
    seen: list = []
    answer_next_box(seen, QMessageBox.ButtonRole.AcceptRole)
    dialogs.show_error(None, "저장할 수 없음", message)
    assert seen[0][1] == (
        f"{tmp_path}/x.md을(를) 저장하지 못했습니다: 디스크가 가득 찼습니다. "
        "디스크의 파일은 바뀌지 않았습니다."
    )


def test_the_unsaved_changes_question_offers_save_discard_cancel_in_korean(korean):
    box = dialogs.save_changes_box(None, "post.md")
    buttons = QMessageBox.StandardButton
    texts = [box.button(b).text() for b in (buttons.Save, buttons.Discard, buttons.Cancel)]
    assert texts == ["저장", "버리기", "취소"]  # Qt's own Korean says 무시 (ignore) for Discard
    assert box.text() == "닫기 전에 post.md의 변경 내용을 저장할까요?"


@pytest.mark.parametrize(
    ("role", "answer"),
    [
        (QMessageBox.ButtonRole.AcceptRole, "save"),
        (QMessageBox.ButtonRole.DestructiveRole, "discard"),
        (QMessageBox.ButtonRole.RejectRole, "cancel"),
    ],
)
def test_the_unsaved_changes_question_answers(qapp, role, answer):
    seen: list = []
    answer_next_box(seen, role)
    assert dialogs.ask_save_changes(None, "post.md") == answer
    assert seen[0][0] == "Unsaved changes"
