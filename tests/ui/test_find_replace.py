"""Find/replace (plain, whole word, case, regex; replace all = one undo) and go to line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QVBoxLayout, QWidget

from editor.ui.find_replace import FindReplaceBar, build_pattern
from editor.ui.goto_line import go_to_line, move_to_line
from editor.ui.markdown_edit import MarkdownEdit

TEXT = "디지털 전환, 전환의 시대 (괄호).\nDigital digital DIGITAL\n<b>전환</b> a1 b22 😀 전환"


@pytest.fixture
def ui(qtbot):
    window = QWidget()
    editor = MarkdownEdit()
    bar = FindReplaceBar(editor)
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(bar)
    qtbot.addWidget(window)
    window.show()
    editor.setPlainText(TEXT)
    yield editor, bar
    del window


def search(bar, query, case=False, word=False, regex=False):
    bar.case_box.setChecked(case)
    bar.word_box.setChecked(word)
    bar.regex_box.setChecked(regex)
    bar.find_edit.setText(query)


def all_found(editor, bar) -> list[str]:
    """Select matches with Next until they repeat."""
    seen: list[tuple[int, int]] = []
    found = []
    while bar.find_next():
        cursor = editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        if span in seen:
            break
        seen.append(span)
        found.append(cursor.selectedText())
    return found


def test_plain_search_is_case_insensitive_by_default(ui):
    editor, bar = ui
    search(bar, "digital")
    assert all_found(editor, bar) == ["Digital", "digital", "DIGITAL"]


def test_match_case(ui):
    editor, bar = ui
    search(bar, "digital", case=True)
    assert all_found(editor, bar) == ["digital"]


def test_whole_word_with_hangul(ui):
    editor, bar = ui
    search(bar, "전환", word=True)
    assert len(all_found(editor, bar)) == 3  # not the one in 전환의
    search(bar, "전환")
    assert len(all_found(editor, bar)) == 4


def test_regex_and_bad_regex(ui):
    editor, bar = ui
    search(bar, r"[a-z]\d+", regex=True)
    assert all_found(editor, bar) == ["a1", "b22"]
    search(bar, "(", regex=True)
    assert not bar.find_next()
    assert bar.status.text().startswith("Invalid regular expression")
    search(bar, "(", regex=False)
    assert bar.find_next()


def test_find_previous_wraps(ui):
    editor, bar = ui
    search(bar, "digital")
    bar.find_previous()
    assert editor.textCursor().selectedText() == "DIGITAL"
    bar.find_previous()
    assert editor.textCursor().selectedText() == "digital"
    assert bar.status.text() == "2 of 3"


def test_enter_and_shift_enter_in_find_field(ui, qtbot):
    editor, bar = ui
    bar.show_find()
    search(bar, "digital")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    first = editor.textCursor().selectionStart()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectionStart() > first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectionStart() == first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert bar.isHidden()


def test_match_after_emoji_selects_the_right_text(ui):
    editor, bar = ui
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("😀"))
    editor.setTextCursor(cursor)
    search(bar, "전환")
    bar.find_next()
    assert editor.textCursor().selectedText() == "전환"
    assert editor.textCursor().selectionEnd() == len(TEXT.encode("utf-16-le")) // 2


def test_replace_current_then_next(ui):
    editor, bar = ui
    bar.show_replace()
    search(bar, "digital", case=True)
    bar.replace_edit.setText("디지털")
    bar.replace_current()  # selection is not a match yet: finds it
    assert editor.textCursor().selectedText() == "digital"
    bar.replace_current()
    assert "Digital 디지털 DIGITAL" in editor.toPlainText()


def test_replace_all_is_one_undo_step_with_groups(ui):
    editor, bar = ui
    search(bar, r"([a-z])(\d+)", regex=True)
    bar.replace_edit.setText(r"\2\1")
    assert bar.replace_all() == 2
    assert "1a 22b" in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == TEXT


def test_replace_all_plain_keeps_backslashes_literal(ui):
    editor, bar = ui
    search(bar, "전환", word=True)
    bar.replace_edit.setText(r"\1변화")
    assert bar.replace_all() == 3
    assert editor.toPlainText().count(r"\1변화") == 3
    assert "전환의" in editor.toPlainText()


def test_bad_replacement_template_reports(ui):
    editor, bar = ui
    search(bar, "a(1)", regex=True)
    bar.replace_edit.setText(r"\5")
    assert bar.replace_all() == 0
    assert bar.status.text().startswith("Invalid replacement")
    assert editor.toPlainText() == TEXT


def test_show_find_takes_the_selection(ui):
    editor, bar = ui
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.show_find()
    assert bar.find_edit.text() == "전환"
    assert bar.replace_edit.isHidden()
    assert bar.status.text() == "4 matches"
    bar.show_replace()
    assert not bar.replace_edit.isHidden()


def test_build_pattern_escapes_plain_text():
    assert build_pattern("a.b", True, False, False).search("axb") is None


def test_move_to_line_clamps(ui):
    editor, _bar = ui
    move_to_line(editor, 2)
    assert editor.textCursor().blockNumber() == 1
    assert editor.textCursor().positionInBlock() == 0
    move_to_line(editor, 99)
    assert editor.textCursor().blockNumber() == 2


def _answer_line_dialog(value: int | None) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    if value is None:
        dialog.reject()
    else:
        dialog.setIntValue(value)
        dialog.accept()


def test_go_to_line_dialog(ui):
    editor, _bar = ui
    QTimer.singleShot(0, lambda: _answer_line_dialog(3))
    go_to_line(editor)
    assert editor.textCursor().blockNumber() == 2
    QTimer.singleShot(0, lambda: _answer_line_dialog(None))
    go_to_line(editor)
    assert editor.textCursor().blockNumber() == 2


def test_go_to_line_counts_file_lines_below_the_front_matter(ui):
    editor, _bar = ui
    QTimer.singleShot(0, lambda: _answer_line_dialog(14))  # the body starts at file line 12
    go_to_line(editor, None, first_line=12)
    assert editor.textCursor().blockNumber() == 2


def test_shortcuts_in_the_editor(ui, qtbot):
    editor, bar = ui
    bar.hide()
    editor.window().activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.replace_edit.isHidden()
    qtbot.keyClicks(bar.find_edit, "digital")
    assert editor.textCursor().selectedText() == "Digital"  # search as you type
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F3)
    assert editor.textCursor().selectedText() == "digital"
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_edit.isVisible()
    assert [a.text() for a in bar.actions_for_menu()] == [
        "&Find…",
        "&Replace…",
        "Find &Next",
        "Find &Previous",
    ]


def test_every_match_is_tinted_while_the_bar_is_open(ui, qtbot):
    editor, bar = ui
    bar.show_find()
    bar.find_edit.setText("전환")  # as typed (QTest cannot key in Hangul)
    bar.find_edit.textEdited.emit("전환")
    text = editor.toPlainText()
    expected = [(i, i + 2) for i in range(len(text)) if text.startswith("전환", i)]
    assert len(expected) == 4
    # the emoji before the last one takes two UTF-16 units in the editor
    expected[-1] = (expected[-1][0] + 1, expected[-1][1] + 1)
    assert bar.highlighted_spans() == expected
    bar.word_box.setChecked(True)  # "전환의" no longer counts
    assert len(bar.highlighted_spans()) == 3
    bar.find_edit.clear()
    bar.find_edit.textEdited.emit("")
    assert bar.highlighted_spans() == []


def test_tints_follow_edits_and_go_when_the_bar_closes(ui, qtbot):
    editor, bar = ui
    bar.show_find()
    qtbot.keyClicks(bar.find_edit, "digital")
    assert len(bar.highlighted_spans()) == 3
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(" digital")
    qtbot.waitUntil(lambda: len(bar.highlighted_spans()) == 4, timeout=2000)
    bar.close_bar()
    assert bar.highlighted_spans() == []


def test_replace_all_says_how_many_after_the_re_tint(ui, qtbot):
    """The re-tint after Replace all's edit used to overwrite the message with 'No matches'."""
    editor, bar = ui
    bar.show_replace()
    search(bar, "전환")
    bar.replace_edit.setText("변화")
    assert bar.replace_all() == 4
    assert bar._highlight_timer.isActive()
    assert bar.status.text() == "Replaced 4 matches"
    qtbot.waitUntil(lambda: not bar._highlight_timer.isActive())
    qtbot.wait(20)
    assert bar.status.text() == "Replaced 4 matches"
    assert bar.highlighted_spans() == []  # the tint followed the edit
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.insertPlainText(" 전환")  # the next edit counts again
    qtbot.waitUntil(lambda: bar.status.text() == "1 match")


def test_replace_all_words_one_and_none(ui):
    editor, bar = ui
    search(bar, "괄호")
    bar.replace_edit.setText("x")
    assert bar.replace_all() == 1
    assert bar.status.text() == "Replaced 1 match"
    assert bar.replace_all() == 0
    assert bar.status.text() == "No matches"


def test_replace_all_in_korean_reports_the_count_not_nothing_found(ui, qtbot, qapp):
    from editor.ui import i18n

    i18n.install_translators(qapp, "ko")
    try:
        editor, bar = ui
        bar.show_replace()
        search(bar, "전환")
        bar.replace_edit.setText("변화")
        assert bar.replace_all() == 4
        qtbot.waitUntil(lambda: not bar._highlight_timer.isActive())
        qtbot.wait(20)
        nothing_found = bar.tr("No matches")
        assert nothing_found == "찾는 내용 없음"
        assert bar.status.text() != nothing_found and "4" in bar.status.text()
    finally:
        i18n.install_translators(qapp, "en")
