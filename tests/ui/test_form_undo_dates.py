"""Front matter form: every change is an undo step (issue #4), the calendar writes the
site's kind of date (issue #6 QA), and raw-YAML edits never lose text (hypothesis)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.post import Post
from editor.core.post_date import default_day
from editor.ui.core_api import Site
from editor.ui.document import Document
from editor.ui.front_matter_form import FrontMatterForm

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
REFERENCE = next((SAMPLE_SITE / "_posts").glob("*.md"))


def make_form(qtbot, post_path: Path | None, site_root: Path = SAMPLE_SITE) -> FrontMatterForm:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    document = Document(editor.document())
    if post_path is not None:
        document.open(post_path)
    form = FrontMatterForm(document)
    form.body_editor = editor  # qtbot keeps weak references only
    qtbot.addWidget(form)
    form.set_site(Site(site_root))
    form.show()
    return form


@pytest.fixture
def post_copy(tmp_path: Path) -> Path:
    target = tmp_path / REFERENCE.name
    shutil.copyfile(REFERENCE, target)
    return target


@pytest.fixture
def form(qtbot, post_copy) -> FrontMatterForm:
    return make_form(qtbot, post_copy)


def open_calendar_and_pick(form: FrontMatterForm, day: dt.date) -> None:
    form._show_date_in_calendar()  # what the "…" menu does as it opens
    form.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
    form.calendar.clicked.emit(QDate(day.year, day.month, day.day))


# ----- the calendar -----


def test_calendar_for_a_post_without_date_starts_at_the_file_names_day(form) -> None:
    form._show_date_in_calendar()
    assert form.calendar.selectedDate().toPython() == dt.date(2023, 9, 29)


def test_calendar_for_a_new_post_starts_today_in_the_sites_zone(qtbot) -> None:
    form = make_form(qtbot, None)  # the new-post template; its date is today's
    form.fields["date"].clear()
    form._show_date_in_calendar()
    seoul_today = default_day(None, "Asia/Seoul")
    assert form.calendar.selectedDate().toPython() == seoul_today


def test_picking_a_day_for_a_post_without_date_writes_the_day_alone(form) -> None:
    open_calendar_and_pick(form, dt.date(2023, 10, 5))
    lines = form.document.front_matter_text.splitlines()
    assert lines[-1] == "date: 2023-10-05"  # no invented time, no +0000
    assert form.fields["date"].text() == "2023-10-05"


def test_picking_a_day_keeps_the_written_time_and_zone(form, qtbot) -> None:
    field = form.fields["date"]
    field.setFocus()
    QTest.keyClicks(field, "2023-09-29 10:00:00 +0900")
    open_calendar_and_pick(form, dt.date(2023, 10, 1))
    assert "date: 2023-10-01 10:00:00 +0900" in form.document.front_matter_text.splitlines()


# ----- undo -----


def test_a_calendar_pick_is_undone_by_ctrl_z_in_the_field(form) -> None:
    original = form.document.front_matter_text
    open_calendar_and_pick(form, dt.date(2023, 10, 5))
    field = form.fields["date"]
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""
    assert form.document.front_matter_text == original
    assert not form.document.is_modified()


def test_a_calendar_pick_is_undone_and_redone_by_the_document(form) -> None:
    original = form.document.front_matter_text
    open_calendar_and_pick(form, dt.date(2023, 10, 5))
    picked = form.document.front_matter_text
    form.document.undo()  # what Edit > Undo calls
    assert form.document.front_matter_text == original
    assert form.fields["date"].text() == ""
    assert not form.document.is_modified()
    form.document.redo()
    assert form.document.front_matter_text == picked
    assert form.fields["date"].text() == "2023-10-05"


def test_undo_walks_body_and_front_matter_edits_in_the_order_they_were_made(form) -> None:
    body = form.body_editor
    doc = form.document
    start_body, start_yaml = doc.body_text(), doc.front_matter_text
    body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(body, "first")
    title = form.fields["title"]
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "New title")  # typing in one field: one step
    body.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.keyClicks(body, "second")
    assert doc.body_text() == "second" + start_body + "first"
    states = []
    for _ in range(3):
        doc.undo()
        states.append((doc.body_text(), doc.meta["title"]))
    new_title, old_title = "New title", "디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?"
    assert states == [
        (start_body + "first", new_title),
        (start_body + "first", old_title),
        (start_body, old_title),
    ]
    assert doc.front_matter_text == start_yaml and not doc.is_modified()
    for _ in range(3):
        doc.redo()
    assert doc.body_text() == "second" + start_body + "first"
    assert doc.meta["title"] == new_title


def test_raw_yaml_typing_is_one_undo_step_and_a_new_edit_ends_the_redo(form) -> None:
    doc = form.document
    original = doc.front_matter_text
    form.set_raw_mode(True)
    form.raw_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(form.raw_edit, "layout: post")
    doc.undo()
    assert doc.front_matter_text == original and form.raw_edit.toPlainText() == original
    assert "layout" not in doc.meta
    form.raw_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(form.raw_edit, "tags: [a]")
    doc.redo()  # nothing to redo any more: the body's redo (none) is asked, nothing changes
    assert doc.meta["tags"] == ["a"] and "layout" not in doc.meta


def test_undoing_the_first_front_matter_of_a_post_without_one_removes_the_fences(
    qtbot, tmp_path
) -> None:
    path = tmp_path / "2023-01-01-plain.md"
    path.write_text("just text\n", encoding="utf-8")
    form = make_form(qtbot, path)
    title = form.fields["title"]
    title.setFocus()
    QTest.keyClicks(title, "Hi")
    assert form.document.whole_text() == "---\ntitle: Hi\n---\njust text\n"
    form.document.undo()
    assert form.document.whole_text() == "just text\n" and not form.document.is_modified()


def raw_text(raw: QPlainTextEdit) -> str:
    return raw.document().toRawText().replace("\u2029", "\n")


def test_a_no_break_space_in_the_yaml_survives_raw_editing(qtbot, tmp_path) -> None:
    path = tmp_path / "2023-01-01-nbsp.md"
    path.write_text("---\ntitle: a\u00a0b\n---\nbody\n", encoding="utf-8")
    form = make_form(qtbot, path)
    form.set_raw_mode(True)
    form.raw_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(form.raw_edit, "layout: post")
    assert form.document.meta["title"] == "a\u00a0b"
    form.document.save()
    assert path.read_text("utf-8") == "---\ntitle: a\u00a0b\nlayout: post\n---\nbody\n"


# ----- hypothesis: raw YAML edits and saves never lose text -----

PIECES = ["a", "b: c", ":", " ", "\n", "[", "]", "{", "- x", "#", "'", '"', "---", "...", "\t"]
PIECES += ["\u00a0", "한글", "😀"]  # no-break space (toPlainText would lose it), astral


WHERE = st.one_of(st.just(1.0), st.just(0.0), st.floats(0, 1))  # the ends matter most


@st.composite
def raw_edits(draw):
    return draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("type"), WHERE, st.sampled_from(PIECES)),
                st.tuples(st.just("delete"), WHERE, st.integers(1, 6)),
                st.tuples(st.just("save"), st.just(0.0), st.just(0)),
            ),
            max_size=14,
        )
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=raw_edits())
@example(edits=[("type", 1.0, "layout: post"), ("save", 0.0, 0)])  # the QA tester's steps
def test_random_raw_yaml_edits_and_saves_never_lose_text(qtbot, tmp_path, edits) -> None:
    path = tmp_path / REFERENCE.name
    shutil.copyfile(REFERENCE, path)
    body = Post.load(path).body
    form = make_form(qtbot, path)
    form.set_raw_mode(True)
    raw = form.raw_edit
    for action, where, what in edits:
        cursor = raw.textCursor()
        position = round(where * raw.document().characterCount() - where)
        cursor.setPosition(position)
        if action == "type":
            cursor.insertText(what)
        elif action == "delete":
            end = min(raw.document().characterCount() - 1, position + what)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        else:
            form.document.save()
            typed = raw_text(raw)
            assert form.document.front_matter_text == typed  # the window keeps it as typed
            newline = "\n" if typed and not typed.endswith("\n") else ""
            expected = "---\n" + typed + newline + "---\n" + body
            assert path.read_text(encoding="utf-8") == expected
    form.document.save()
    typed = raw_text(raw)
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("---\n" + typed) and saved.endswith("---\n" + body)
    assert len(saved) - len(typed) - len(body) in (8, 9)  # only the fences and one newline


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])  # UTC+14, UTC-11
def test_a_new_post_is_dated_today_in_the_sites_zone(qtbot, tmp_path, zone) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(f"timezone: {zone}\n", encoding="utf-8")
    form = make_form(qtbot, None, site)
    form.document.new_from_template()
    today_there = default_day(None, zone)
    assert form.document.meta["date"] == today_there
    assert form.fields["date"].text() == today_there.isoformat()
    other = "Pacific/Pago_Pago" if zone == "Pacific/Kiritimati" else "Pacific/Kiritimati"
    assert default_day(None, other) != today_there  # 25 hours apart: never the same day


@st.composite
def mixed_edits(draw):
    step = st.one_of(
        st.tuples(st.just("raw"), WHERE, st.sampled_from(PIECES)),
        st.tuples(st.just("body"), WHERE, st.sampled_from(["x", "\n", "---\n", "한"])),
        st.tuples(st.just("title"), st.just(0.0), st.sampled_from(["A", " ", ":", "#"])),
        st.tuples(st.sampled_from(["undo", "redo", "save"]), st.just(0.0), st.just("")),
    )
    return draw(st.lists(step, max_size=16))


def _insert(edit: QPlainTextEdit, where: float, text: str) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(round(where * (edit.document().characterCount() - 1)))
    cursor.insertText(text)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(edits=mixed_edits())
def test_random_body_form_raw_edits_with_undo_save_what_the_window_shows(
    qtbot, tmp_path, edits
) -> None:
    path = tmp_path / REFERENCE.name
    shutil.copyfile(REFERENCE, path)
    form = make_form(qtbot, path)
    doc = form.document
    for action, where, what in edits:
        if action == "raw":
            form.set_raw_mode(True)
            _insert(form.raw_edit, where, what)
        elif action == "body":
            _insert(form.body_editor, where, what)
        elif action == "title" and form.form_page.isEnabled():
            form.set_raw_mode(False)
            QTest.keyClicks(form.fields["title"], what)
        elif action == "undo":
            doc.undo()
        elif action == "redo":
            doc.redo()
        elif action == "save":
            doc.save()
        shown_yaml, shown_body = raw_text(form.raw_edit), raw_text(form.body_editor)
        assert doc.front_matter_text == shown_yaml  # the raw view always shows the truth
        newline = "\n" if shown_yaml and not shown_yaml.endswith("\n") else ""
        assert doc.whole_text() == "---\n" + shown_yaml + newline + "---\n" + shown_body
    doc.save()
    saved = path.read_text(encoding="utf-8")
    shown_yaml = raw_text(form.raw_edit)
    newline = "\n" if shown_yaml and not shown_yaml.endswith("\n") else ""
    assert saved == "---\n" + shown_yaml + newline + "---\n" + raw_text(form.body_editor)
