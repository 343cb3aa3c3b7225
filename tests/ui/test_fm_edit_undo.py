"""Edit > Undo / Redo undo front matter edits too, in order with body edits
(Document.undo orders body and front matter steps)."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from window_fixtures import app_settings, site_copy, window  # noqa: F401 (fixtures)

pytestmark = pytest.mark.webengine


def edit_action(window, key: QKeySequence.StandardKey):
    wanted = QKeySequence(key)
    for action in window.menuBar().actions()[1].menu().actions():  # File, Edit, ...
        if action.shortcut() == wanted:
            return action
    raise AssertionError(f"no Edit action for {key}")


def test_edit_undo_and_redo_cover_a_calendar_pick(window) -> None:
    original = window.document.front_matter_text
    window.form.calendar.clicked.emit(QDate(2023, 10, 5))
    picked = window.document.front_matter_text
    assert picked == original + "date: 2023-10-05\n"
    edit_action(window, QKeySequence.StandardKey.Undo).trigger()
    assert window.document.front_matter_text == original
    assert window.form.fields["date"].text() == "" and not window.isWindowModified()
    edit_action(window, QKeySequence.StandardKey.Redo).trigger()
    assert window.document.front_matter_text == picked
