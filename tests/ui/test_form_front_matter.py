"""Front matter form and raw YAML: both edit the same Post and stay in sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.core_api import Site
from editor.ui.document import Document
from editor.ui.front_matter_form import FrontMatterForm, image_url, text_to_list

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
REFERENCE = next((SAMPLE_SITE / "_posts").glob("*.md"))


@pytest.fixture
def form(qtbot) -> FrontMatterForm:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    document = Document(editor.document())
    document.open(REFERENCE)
    widget = FrontMatterForm(document)
    widget.body_editor = editor  # qtbot keeps only weak references; the text must live
    qtbot.addWidget(widget)
    widget.set_site(Site(SAMPLE_SITE))
    widget.show()
    return widget


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)


def test_form_shows_the_posts_values(form) -> None:
    assert form.fields["title"].text() == "디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?"
    assert form.fields["categories"].text() == "News"
    assert form.fields["image"].text() == "/assets/img/newsdao_breakingnews.jpg"
    assert form.fields["excerpt"].toPlainText().startswith("자동차, 조선, 이차전지")
    assert not form.fields["excerpt"].toPlainText().endswith("\n")
    assert form.raw_edit.toPlainText() == form.document.front_matter_text


def test_title_edit_changes_one_line_and_the_raw_text(form, qtbot) -> None:
    before = form.document.front_matter_text.splitlines()
    retype(qtbot, form.fields["title"], "New title")
    after = form.document.front_matter_text.splitlines()
    assert form.document.meta["title"] == "New title"
    assert after[0] in ("title: New title", "title: 'New title'")  # core may quote
    assert after[1:] == before[1:]  # every other line byte for byte
    assert form.raw_edit.toPlainText() == form.document.front_matter_text
    assert form.document.is_modified()


def test_raw_yaml_edit_updates_the_form(form) -> None:
    form.set_raw_mode(True)
    text = form.raw_edit.toPlainText().replace("  - News", "  - News\n  - Tech")
    form.raw_edit.setPlainText(text)  # a user edit: textChanged reaches the document
    assert form.document.front_matter_text == text
    assert form.document.meta["categories"] == ["News", "Tech"]
    assert form.fields["categories"].text() == "News, Tech"


def test_broken_yaml_disables_the_form_and_keeps_the_text(form) -> None:
    form.set_raw_mode(True)
    broken = form.raw_edit.toPlainText().replace("title: 디지털", "title: [디지털")
    form.raw_edit.setPlainText(broken)
    assert form.document.front_matter_text == broken
    assert not form.form_page.isEnabled()
    assert form.raw_error_label.isVisible()  # under the raw editor, in its own lines
    assert form.raw_error_label.text().startswith("Line 1, column")
    assert form.raw_edit.toPlainText() == broken
    form.set_raw_mode(False)
    assert form.error_label.isVisible()  # above the form, in file lines
    assert "line 2, column" in form.error_label.text()
    assert [form.fields[key].text() for key in ("title", "categories", "image")] == ["", "", ""]
    form.set_raw_mode(True)
    fixed = broken.replace("title: [디지털", "title: 디지털")
    form.raw_edit.setPlainText(fixed)
    assert form.form_page.isEnabled() and not form.error_label.isVisible()
    assert not form.raw_error_label.isVisible()
    assert form.fields["title"].text().startswith("디지털 전환")


def test_categories_edit_writes_a_list(form, qtbot) -> None:
    retype(qtbot, form.fields["categories"], "News, Economy")
    assert form.document.meta["categories"] == ["News", "Economy"]


def test_categories_complete_from_the_site(form) -> None:
    model = form.completers["categories"].model()
    assert "News" in model.stringList()


def test_excerpt_edit_keeps_the_other_keys(form, qtbot) -> None:
    before = form.document.meta
    form.fields["excerpt"].setPlainText("짧은 소개.")
    meta = form.document.meta
    assert meta["excerpt"].rstrip("\n") == "짧은 소개."
    assert {k: v for k, v in meta.items() if k != "excerpt"} == {
        k: v for k, v in before.items() if k != "excerpt"
    }


def test_image_picker_writes_a_site_url(form, tmp_path) -> None:
    picked = SAMPLE_SITE / "assets" / "img" / "newsdao_breakingnews.jpg"
    form.fields["image"].setText("")
    form.choose_image(ask=lambda *_: str(picked))
    assert form.document.meta["image"] == "/assets/img/newsdao_breakingnews.jpg"


def test_opening_a_post_with_broken_yaml_shows_the_error(qtbot, tmp_path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: [오늘] 뉴스 모음\n---\nbody\n", encoding="utf-8")
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    document = Document(editor.document())
    document.open(path)
    form = FrontMatterForm(document)
    qtbot.addWidget(form)
    assert not form.form_page.isEnabled()
    assert "line 2" in form.error_label.text()
    assert form.raw_edit.toPlainText() == "title: [오늘] 뉴스 모음\n"
    assert editor.toPlainText() == "body\n"


def test_helpers() -> None:
    assert text_to_list("a, b ,, c", ["x"]) == ["a", "b", "c"]
    assert text_to_list("solo", "old") == "solo"
    assert image_url(str(SAMPLE_SITE / "assets/img/a.png"), SAMPLE_SITE) == "/assets/img/a.png"


def test_a_typed_date_goes_in_as_a_plain_yaml_date(form, qtbot) -> None:
    retype(qtbot, form.fields["date"], "2023-10-01 09:30:00 +0900")
    assert "date: 2023-10-01 09:30:00 +0900" in form.document.front_matter_text.splitlines()
    retype(qtbot, form.fields["date"], "2023-10-02")
    assert "date: 2023-10-02" in form.document.front_matter_text.splitlines()  # not quoted
    assert form.date_hint.isHidden()


def test_a_date_jekyll_cannot_read_is_kept_in_the_field_not_written(form, qtbot) -> None:
    retype(qtbot, form.fields["date"], "2023-10-01")
    before = form.document.front_matter_text
    retype(qtbot, form.fields["date"], "2023-13-45 99:00")
    assert form.document.front_matter_text == before  # the last good date stays
    assert form.fields["date"].text() == "2023-13-45 99:00"  # the writer's text stays
    assert form.date_hint.isVisible() and "2023-09-29 10:00:00 +0900" in form.date_hint.text()
    retype(qtbot, form.fields["date"], "2023-10-03")
    assert form.date_hint.isHidden()
    assert "date: 2023-10-03" in form.document.front_matter_text.splitlines()


def test_the_calendar_changes_the_day_and_keeps_time_and_zone(form, qtbot) -> None:
    from PySide6.QtCore import QDate

    retype(qtbot, form.fields["date"], "2023-10-01 09:30:00 +0900")
    form.pick_date(QDate(2024, 2, 29))
    assert form.fields["date"].text() == "2024-02-29 09:30:00 +0900"
    assert "date: 2024-02-29 09:30:00 +0900" in form.document.front_matter_text.splitlines()
    form.date_button.menu().aboutToShow.emit()  # opening the calendar shows the field's day
    assert form.calendar.selectedDate() == QDate(2024, 2, 29)


def test_clearing_the_date_removes_the_key(form, qtbot) -> None:
    retype(qtbot, form.fields["date"], "2023-10-01")
    form.fields["date"].selectAll()
    QTest.keyClick(form.fields["date"], Qt.Key.Key_Delete)
    assert "date" not in form.document.meta


def test_tags_complete_from_the_site_after_the_last_comma(form, tmp_path) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\n", encoding="utf-8")
    for name, tags in (("2024-01-01-a.md", "[정책, economy]"), ("2024-01-02-b.md", "news")):
        text = f"---\ntitle: x\ntags: {tags}\n---\nbody\n"
        (site / "_posts" / name).write_text(text, encoding="utf-8")
    form.set_site(Site(site))
    completer = form.completers["tags"]
    assert completer.model().stringList() == ["economy", "news", "정책"]
    field = form.fields["tags"]
    field.setText("news, ec")
    assert completer.splitPath(field.text()) == ["ec"]
    completer.setCompletionPrefix("ec")
    # the chosen tag replaces only what follows the last comma
    assert completer.currentCompletion() == "news, economy"


def test_typing_a_title_keeps_it_plain_when_no_quotes_are_needed(form, qtbot) -> None:
    retype(qtbot, form.fields["title"], "Hello world")  # passes through "Hello " (quoted)
    lines = form.document.front_matter_text.splitlines()
    assert lines[0] == "title: Hello world"
    assert "image: '/assets/img/newsdao_breakingnews.jpg'" in lines  # untouched, quoted
    retype(qtbot, form.fields["title"], "Note: yes")
    assert form.document.front_matter_text.splitlines()[0] == "title: 'Note: yes'"


def test_a_quoted_value_keeps_its_quotes(form, qtbot) -> None:
    retype(qtbot, form.fields["image"], "/assets/img/other.png")
    assert "image: '/assets/img/other.png'" in form.document.front_matter_text.splitlines()
