"""File menu: open, save, save as, modified mark, close asks first, recent files, export."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

from pathlib import Path

import pytest
from window_fixtures import (  # noqa: F401 (fixtures)
    POST_NAME,
    app_settings,
    make_window,
    site_copy,
    type_text,
    window,
)

from editor.ui import main_window as main_window_module

pytestmark = pytest.mark.webengine


def post_path(site: Path) -> Path:
    return site / "_posts" / POST_NAME


def test_open_shows_body_title_and_focus(window, site_copy, qtbot) -> None:
    body = window.editor.toPlainText()
    assert body.lstrip().startswith("![뉴스다오 속보]")
    assert "title:" not in body  # the front matter lives in the form, not the editor
    assert window.windowTitle().startswith(POST_NAME)
    assert not window.isWindowModified()
    qtbot.waitUntil(lambda: window.editor.hasFocus())


def test_typing_sets_modified_mark_and_undo_clears_it(window, qtbot) -> None:
    type_text(qtbot, window, "x")
    assert window.isWindowModified()
    assert window.document.is_modified()
    window.editor.undo()
    assert not window.isWindowModified()


def test_save_writes_the_edit_and_keeps_the_rest_byte_for_byte(window, site_copy, qtbot) -> None:
    path = post_path(site_copy)
    original = path.read_bytes()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(qtbot, window, "끝.")
    assert window.save()
    saved = path.read_bytes()
    assert saved.startswith(original)
    assert saved[len(original) :] == "끝.".encode()
    assert not window.isWindowModified()


def test_save_as_writes_a_new_file_and_retitles(window, site_copy, monkeypatch, tmp_path) -> None:
    target = tmp_path / "2024-01-01-copy.md"
    monkeypatch.setattr(main_window_module, "ask_save_path", lambda *_: str(target))
    assert window.save_as()
    assert target.read_bytes() == post_path(site_copy).read_bytes()
    assert window.document.path == target.resolve()
    assert window.windowTitle().startswith("2024-01-01-copy.md")
    assert window.prefs.recent_files[0] == str(target.resolve())


def test_save_error_shows_a_message_and_keeps_text(window, monkeypatch, qtbot) -> None:
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, msg: errors.append(msg))
    monkeypatch.setattr(
        main_window_module, "ask_save_path", lambda *_: "/nonexistent-dir/sub/post.md"
    )
    type_text(qtbot, window, "keep me")
    assert not window.save_as()
    assert len(errors) == 1 and "Traceback" not in errors[0]
    assert "keep me" in window.editor.toPlainText()
    assert window.isWindowModified()


@pytest.mark.parametrize(
    ("answer", "closed", "saved"),
    [("save", True, True), ("discard", True, False), ("cancel", False, False)],
)
def test_close_with_changes_asks(window, site_copy, monkeypatch, qtbot, answer, closed, saved):
    asked: list[str] = []

    def ask(_parent, name: str) -> str:
        asked.append(name)
        return answer

    monkeypatch.setattr(main_window_module, "ask_save_changes", ask)
    before = post_path(site_copy).read_bytes()
    type_text(qtbot, window, "Z")
    assert window.close() is closed
    assert asked == [POST_NAME]
    assert (post_path(site_copy).read_bytes() != before) is saved
    if not closed:
        assert "Z" in window.editor.toPlainText() and window.isVisible()


def test_close_without_changes_does_not_ask(window, monkeypatch) -> None:
    monkeypatch.setattr(main_window_module, "ask_save_changes", pytest.fail)
    assert window.close()


def test_new_from_template_then_save_as(window, monkeypatch, tmp_path, qtbot) -> None:
    window.new_post()
    assert window.document.path is None
    assert window.windowTitle().startswith("Untitled")
    assert window.document.meta["title"] == "새 글"
    assert "$date" not in window.document.front_matter_text
    target = tmp_path / "new.md"
    monkeypatch.setattr(main_window_module, "ask_save_path", lambda *_: str(target))
    assert window.save()  # no path yet: Save goes through Save As
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 새 글\n") and "여기에 본문을 쓰세요." in text


def test_open_dialog_and_recent_files(window, site_copy, monkeypatch, tmp_path) -> None:
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: Other\n---\nHello other\n", encoding="utf-8")
    monkeypatch.setattr(main_window_module, "ask_open_path", lambda *_: str(other))
    window.open_dialog()
    assert window.editor.toPlainText() == "Hello other\n"
    assert window.prefs.recent_files[:2] == [str(other), str(post_path(site_copy))]
    window.recent_menu.rebuild()
    labels = [a.text() for a in window.recent_menu.actions() if a.data()]
    assert labels == ["&1 other.md", f"&2 {POST_NAME}"]


def test_recent_menu_reopens_and_survives_restart(
    window, site_copy, app_settings, qtbot, tmp_path
) -> None:
    other = tmp_path / "other.md"
    other.write_text("Other body\n", encoding="utf-8")
    assert window.open_path(other)
    window.recent_menu.rebuild()
    action = next(a for a in window.recent_menu.actions() if a.data() == str(post_path(site_copy)))
    action.trigger()
    assert window.document.path == post_path(site_copy).resolve()
    window.close()
    again = make_window(qtbot, app_settings, site_copy)
    assert again.prefs.recent_files[:2] == [str(post_path(site_copy)), str(other)]


def test_open_missing_file_reports_and_drops_it_from_recent(window, monkeypatch, tmp_path):
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, msg: errors.append(msg))
    gone = tmp_path / "gone.md"
    gone.write_text("x", encoding="utf-8")
    assert window.open_path(gone)
    gone.unlink()
    body = window.editor.toPlainText()
    assert not window.open_path(gone)
    assert errors and "gone.md" in errors[0]
    assert str(gone) not in window.prefs.recent_files
    assert window.editor.toPlainText() == body  # what was open stays open


def test_export_html_writes_the_rendered_page(window, monkeypatch, tmp_path) -> None:
    target = tmp_path / "out.html"
    monkeypatch.setattr(main_window_module, "ask_export_path", lambda *_: str(target))
    assert window.export_html()
    page = target.read_text(encoding="utf-8")
    assert "<html" in page.lower() and 'id="pe-body"' in page.replace("'", '"')
    assert "#ee2323" in page and "<table" in page


def test_close_action_resets_to_untitled(window) -> None:
    window.close_action.trigger()
    assert window.document.path is None and window.windowTitle().startswith("Untitled")


def test_site_folder_setting_is_remembered(window, monkeypatch, tmp_path, app_settings) -> None:
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, msg: errors.append(msg))
    monkeypatch.setattr(main_window_module, "ask_site_dir", lambda *_: str(tmp_path))
    window.choose_site()  # no _config.yml there
    assert errors and "_config.yml" in errors[0]
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: blog\n", encoding="utf-8")
    monkeypatch.setattr(main_window_module, "ask_site_dir", lambda *_: str(site))
    window.choose_site()
    assert Path(window.site.root) == site
    assert app_settings.load_preferences().site_dir == str(site.resolve())


def test_publish_gets_the_post_as_the_window_holds_it(window, monkeypatch, qtbot) -> None:
    calls: list[tuple] = []
    monkeypatch.setattr(
        main_window_module,
        "run_publish_dialog",
        lambda _parent, post, site: calls.append((post.body, post.meta["title"], site)),
    )
    type_text(qtbot, window, "unsaved words ")
    window.form.fields["title"].setText("x")  # not via the user: the document is unchanged
    window.publish_action.trigger()
    assert len(calls) == 1
    body, title, site = calls[0]
    assert body.startswith("unsaved words ") and title.startswith("디지털 전환")
    assert site is window.site


def test_the_real_publish_dialog_plans_the_windows_post(window, qtbot, tmp_path) -> None:
    from editor.ui.publish_dialog import PublishDialog

    dialog = PublishDialog(window.document.post, window.site, window, prefs_path=tmp_path / "p")
    qtbot.addWidget(dialog)
    assert dialog.plan is not None  # planned, nothing written until Publish is pressed


def test_a_post_whose_date_is_no_real_day_opens_and_saves_as_it_was(window, site_copy) -> None:
    post = site_copy / "_posts" / "2023-02-28-bad-day.md"
    text = "---\ntitle: 날짜가 없는 날\ndate: 2023-02-30 10:00:00\n---\n본문\n"
    post.write_text(text, encoding="utf-8")
    assert window.open_path(post)  # PyYAML's ValueError had refused it
    assert window.document.meta["date"] == "2023-02-30 10:00:00"
    assert "본문" in window.editor.toPlainText()
    assert window.save()
    assert post.read_text(encoding="utf-8") == text
