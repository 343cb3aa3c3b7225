"""Restoring a version (local history, crash recovery) is an edit the writer can undo."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.document import Document

POST = "---\ntitle: 지금\ntags: [a]\n---\n지금 본문\n둘째 줄\n"
OLDER = "---\ntitle: 예전\n---\n예전 본문\n"


@pytest.fixture
def editor(qtbot) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def document(editor, tmp_path) -> Document:
    document = Document(editor.document())
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    document.open(path)
    return document


def test_restore_replaces_front_matter_and_body(document) -> None:
    document.restore_text(OLDER)
    assert document.whole_text() == OLDER
    assert document.is_modified()


def test_undo_after_restore_brings_back_the_text_before(document) -> None:
    document.restore_text(OLDER)
    for _ in range(4):  # a restore may take a body step and a front matter step
        if document.whole_text() == POST:
            break
        document.undo()
    assert document.whole_text() == POST
    assert not document.is_modified()
    for _ in range(4):
        if document.whole_text() == OLDER:
            break
        document.redo()
    assert document.whole_text() == OLDER


def test_restore_of_a_post_without_front_matter_is_undone_too(document) -> None:
    document.restore_text("맨 본문\n")
    assert document.whole_text() == "맨 본문\n"
    for _ in range(4):
        if document.whole_text() == POST:
            break
        document.undo()
    assert document.whole_text() == POST
