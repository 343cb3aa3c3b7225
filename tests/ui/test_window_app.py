"""Start-up: which site and post open first, and the app as a real process."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from window_fixtures import POST_NAME, REPO, app_settings, site_copy  # noqa: F401

from editor import app as app_module
from editor.app import build_window, choose_start

pytestmark = pytest.mark.webengine


@pytest.fixture
def private_data(tmp_path, monkeypatch) -> Path:
    """Keep the sample-site copy out of the real app data folder."""
    from PySide6.QtCore import QStandardPaths

    data = tmp_path / "data"
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _kind: str(data)))
    return data


def test_no_site_and_no_file_opens_a_copy_of_the_sample_post(private_data) -> None:
    site, post = choose_start(None, None, "")
    assert Path(site.root) == private_data / "sample_site"
    assert post == private_data / "sample_site" / "_posts" / POST_NAME
    bundled = REPO / "resources" / "sample_site" / "_posts" / POST_NAME
    assert post.read_bytes() == bundled.read_bytes()


def test_site_argument_beats_the_setting(site_copy, tmp_path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "_config.yml").write_text("title: other\n", encoding="utf-8")
    site, post = choose_start(None, str(site_copy), str(other))
    assert Path(site.root) == site_copy.resolve() and post is None
    site, post = choose_start(None, None, str(other))
    assert Path(site.root) == other


def test_a_file_finds_its_own_site(site_copy, private_data) -> None:
    file = site_copy / "_posts" / POST_NAME
    site, post = choose_start(str(file), None, "")
    assert Path(site.root).resolve() == site_copy.resolve() and post == file


def test_build_window_opens_the_post_with_focus_in_the_body(
    qtbot, site_copy, app_settings, private_data, monkeypatch
) -> None:
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    window = build_window(str(site_copy / "_posts" / POST_NAME), None, settings=app_settings)
    qtbot.addWidget(window)
    window.show()
    assert window.document.path == (site_copy / "_posts" / POST_NAME).resolve()
    assert window.editor.textCursor().position() == 0
    qtbot.waitUntil(window.editor.hasFocus)
    assert window.windowTitle() == f"{POST_NAME}[*] — Post Editor"


def test_paint_first_window_paints_then_opens_the_post_with_focus_in_the_body(
    qtbot, site_copy, app_settings, private_data, monkeypatch
) -> None:
    from PySide6.QtCore import QEvent, QObject

    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    post = site_copy / "_posts" / POST_NAME
    window = build_window(str(post), None, settings=app_settings, paint_first=True)
    qtbot.addWidget(window)
    # nothing slow before the first paint: no web view, no post, no site
    assert window.preview is None and window.document.path is None and window.site is None
    seen_at_first_paint: list[object] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not seen_at_first_paint:
                seen_at_first_paint.append(window.document.path)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    qtbot.waitUntil(lambda: window.document.path is not None)
    assert seen_at_first_paint == [None]  # it painted before the post was read
    assert window.document.path == post.resolve()
    qtbot.waitUntil(lambda: window.preview is not None)  # the web view comes next
    assert window.splitter.widget(1) is window.preview  # and takes the right side
    qtbot.waitUntil(lambda: window.preview.shown_post is not None)
    assert window.safety is not None and Path(window.site.root) == site_copy.resolve()
    assert window.editor.textCursor().position() == 0
    qtbot.waitUntil(window.editor.hasFocus)
    assert window.windowTitle() == f"{POST_NAME}[*] — Post Editor"
    assert window.preview.shown_post is window.document.post


def test_build_window_with_a_site_but_no_file_starts_a_new_post(
    qtbot, site_copy, app_settings, monkeypatch, private_data
) -> None:
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    window = build_window(None, str(site_copy), settings=app_settings)
    qtbot.addWidget(window)
    assert window.document.path is None and window.document.meta["title"] == "새 글"


def test_selftest_runs_the_real_app(tmp_path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "editor", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "selftest: ok" in result.stdout
    # the sample copy and the settings live in folders named after the app
    assert (tmp_path / "data" / "post-editor" / "sample_site" / "_config.yml").is_file()
    assert (tmp_path / "config" / "post-editor" / "post-editor.conf").is_file()


def test_app_name_is_post_editor() -> None:
    assert app_module.APP_NAME == "post-editor"


def test_history_limits_come_from_the_settings(
    qtbot, site_copy, app_settings, private_data, monkeypatch
) -> None:
    prefs = app_settings.load_preferences()
    prefs.history_keep, prefs.history_days = 3, 7
    app_settings.save_preferences(prefs)
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    window = build_window(None, str(site_copy), settings=app_settings)
    qtbot.addWidget(window)
    assert (window.safety.history.keep, window.safety.history.days) == (3, 7)
    assert Path(window.safety.recovery.folder) == private_data / "recovery"


def test_a_site_argument_without_config_is_used_with_a_warning(tmp_path, capsys) -> None:
    site, post = choose_start(None, str(tmp_path), "")
    assert Path(site.root) == tmp_path.resolve() and post is None
    assert "has no _config.yml" in capsys.readouterr().err
