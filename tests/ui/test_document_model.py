"""Document: one open post, its saved state, line endings kept, errors raised not shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.core_api import SaveError
from editor.ui.document import Document, template_text

REFERENCE = next(
    (Path(__file__).resolve().parents[2] / "resources/sample_site/_posts").glob("*.md")
)


@pytest.fixture
def editor(qtbot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def document(editor) -> Document:
    return Document(editor.document())


def append(editor: QPlainTextEdit, text: str) -> None:
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)


def test_open_puts_the_body_in_the_editor_and_is_clean(document, editor, qtbot) -> None:
    with qtbot.waitSignals([document.post_replaced, document.path_changed]):
        document.open(REFERENCE)
    assert editor.toPlainText() == REFERENCE.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert document.meta["title"].startswith("디지털 전환")
    assert document.front_matter_text.startswith("title: 디지털 전환")
    assert not document.is_modified()
    assert document.display_name == REFERENCE.name


def test_crlf_file_keeps_its_line_endings(document, editor, tmp_path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"---\r\ntitle: A\r\n---\r\nline one\r\nline two\r\n")
    document.open(path)
    assert "\r" not in editor.toPlainText()  # the editor works in LF
    append(editor, "line three\n")
    document.save()
    assert path.read_bytes() == b"---\r\ntitle: A\r\n---\r\nline one\r\nline two\r\nline three\r\n"
    assert not document.is_modified()


def test_body_edit_and_undo_toggle_modified(document, editor, qtbot) -> None:
    document.open(REFERENCE)
    with qtbot.waitSignal(document.modified_changed) as blocker:
        append(editor, "x")
    assert blocker.args == [True]
    with qtbot.waitSignal(document.modified_changed) as blocker:
        editor.undo()
    assert blocker.args == [False]


def test_front_matter_edit_marks_modified_and_reverting_clears_it(document) -> None:
    document.open(REFERENCE)
    original = document.front_matter_text
    document.set_meta("title", "새 제목")
    assert document.is_modified()
    assert "title: 새 제목" in document.front_matter_text
    document.set_front_matter_text(original)
    assert not document.is_modified()


def test_post_property_carries_the_current_body(document, editor) -> None:
    document.open(REFERENCE)
    append(editor, "\n마지막 줄\n")
    assert document.post.body.endswith("\n마지막 줄\n")


def test_save_without_a_path_raises_and_keeps_text(document, editor) -> None:
    document.new_from_template()
    append(editor, "draft")
    with pytest.raises(SaveError):
        document.save()
    assert editor.toPlainText().endswith("draft")
    assert document.is_modified()


def test_save_as_moves_the_document_to_the_new_path(document, tmp_path, qtbot) -> None:
    document.open(REFERENCE)
    target = tmp_path / "copy.md"
    with qtbot.waitSignals([document.path_changed, document.saved]):
        document.save(target)
    assert document.path == target.resolve()
    assert target.read_bytes() == REFERENCE.read_bytes()


def test_undecodable_file_opens_read_only_and_refuses_to_save(document, editor, tmp_path):
    path = tmp_path / "bad.md"
    data = b"---\ntitle: x\n---\nok \xff\xfe bytes\n"
    path.write_bytes(data)
    document.open(path)
    assert document.read_only_reason
    append(editor, "more")
    with pytest.raises(SaveError):
        document.save()
    assert path.read_bytes() == data
    assert editor.toPlainText().endswith("more")


def test_missing_file_raises_and_keeps_the_open_post(document, editor, tmp_path) -> None:
    document.open(REFERENCE)
    before = editor.toPlainText()
    with pytest.raises(OSError):
        document.open(tmp_path / "missing.md")
    assert editor.toPlainText() == before and document.path == REFERENCE.resolve()


def test_template_has_todays_date() -> None:
    import datetime

    text = template_text(datetime.date(2025, 3, 4))
    assert "date: 2025-03-04\n" in text and text.startswith("---\n")


def test_a_fresh_document_holds_the_template_in_the_editor(document, editor) -> None:
    assert editor.toPlainText().endswith("여기에 본문을 쓰세요.\n")
    assert document.post.body == document.body_text().replace(
        "\n", document.post.text_format.newline
    )
    assert not document.is_modified() and document.path is None


def test_no_break_spaces_survive_an_edit_and_save(document, editor, tmp_path) -> None:
    # QTextDocument.toPlainText turns U+00A0 into a plain space; seven corpus posts have
    # raw no-break spaces, which must not change when the writer edits something else.
    path = tmp_path / "nbsp.md"
    path.write_bytes("---\ntitle: A\n---\n가\u00a0나 text\n".encode())
    document.open(path)
    append(editor, "more\n")
    document.save()
    assert path.read_bytes() == "---\ntitle: A\n---\n가\u00a0나 text\nmore\n".encode()


def test_a_front_matter_block_typed_into_a_plain_posts_body_is_saved_once(
    document, editor, tmp_path
) -> None:
    path = tmp_path / "plain.md"
    path.write_text("hello\n", encoding="utf-8")
    document.open(path)
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("---\ntitle: x\n---\n")
    assert document.post.body == "---\ntitle: x\n---\nhello\n"  # the preview reads it here
    append(editor, "more\n")
    document.save()
    assert path.read_text(encoding="utf-8") == "---\ntitle: x\n---\nhello\nmore\n"  # not twice
