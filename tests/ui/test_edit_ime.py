"""Korean input: preedit never counts as an edit; the committed syllable arrives once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent, QTextCursor

from editor.ui.markdown_edit import MarkdownEdit


@pytest.fixture
def editor(qtbot):
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    widget.setPlainText("디지털 <b>전환</b>\n둘째 줄")
    cursor = widget.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    widget.setTextCursor(cursor)
    return widget


class Recorder:
    def __init__(self, editor: MarkdownEdit) -> None:
        self.settled = 0
        self.text_changed = 0
        self.changes: list[tuple[int, int, int]] = []
        editor.textSettled.connect(self._settled)
        editor.textChanged.connect(self._text_changed)
        editor.document().contentsChange.connect(lambda *a: self.changes.append(a))

    def _settled(self) -> None:
        self.settled += 1

    def _text_changed(self) -> None:
        self.text_changed += 1


def send_preedit(editor, text: str) -> None:
    QCoreApplication.sendEvent(editor, QInputMethodEvent(text, []))


def send_commit(editor, text: str, preedit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(editor, event)


def test_preedit_sequence_then_commit(editor):
    before = editor.toPlainText()
    record = Recorder(editor)
    editor.highlighter.blocks_highlighted = 0
    for syllable in ("ㅎ", "하", "한"):
        send_preedit(editor, syllable)
        assert editor.composing
        assert editor.toPlainText() == before  # preedit is not text
    assert record.settled == 0  # no preview update mid-syllable
    # Qt marks the block dirty once per preedit step: one change of net size 0, one line
    # rehighlighted -- no storm.
    assert len(record.changes) == 3
    assert all(removed == added for _pos, removed, added in record.changes)
    assert editor.highlighter.blocks_highlighted == 3
    send_commit(editor, "한")
    assert not editor.composing
    assert editor.toPlainText() == before + "한"
    assert record.settled == 1
    assert record.text_changed == 4
    net = [added - removed for _pos, removed, added in record.changes]
    assert net == [0, 0, 0, 1]
    assert editor.highlighter.blocks_highlighted == 4


def test_commit_with_next_syllable_preedit(editor):
    before = editor.toPlainText()
    record = Recorder(editor)
    send_preedit(editor, "한")
    send_commit(editor, "한", preedit="ㄱ")  # 한 done, next syllable started
    assert editor.composing
    assert record.settled == 1
    send_commit(editor, "글")
    assert editor.toPlainText() == before + "한글"
    assert record.settled == 2


def test_committed_text_is_one_undo_step_each(editor):
    before = editor.toPlainText()
    send_preedit(editor, "ㅎ")
    send_commit(editor, "한")
    assert editor.toPlainText() == before + "한"
    editor.undo()
    assert editor.toPlainText() == before


def test_cancelled_composition_changes_nothing(editor):
    before = editor.toPlainText()
    record = Recorder(editor)
    send_preedit(editor, "하")
    send_preedit(editor, "")
    assert editor.toPlainText() == before
    assert record.settled == 0
    assert not editor.composing


def test_typed_and_programmatic_edits_settle(editor, qtbot):
    record = Recorder(editor)
    qtbot.keyClicks(editor, "ab")
    assert record.settled == 2
    editor.textCursor().insertText("x")
    assert record.settled == 3
