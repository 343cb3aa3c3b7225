"""Publishing an open draft: the window follows the post to _posts.

QA: publishing an open draft moved it to _posts, but the window stayed on the draft's path,
reported an outside change about its own move, and Ctrl+S wrote the draft again."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from window_fixtures import app_settings, site_copy, type_text  # noqa: F401 (fixtures)

from editor.ui import main_window as main_window_module

pytestmark = pytest.mark.webengine


@pytest.fixture
def safe_window(qtbot, app_settings, site_copy, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QApplication

    from editor.core.history import LocalHistory
    from editor.core.recovery import RecoveryStore
    from editor.ui.core_api import Site
    from editor.ui.main_window import MainWindow
    from editor.ui.theme import ThemeController

    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    recovery = RecoveryStore(tmp_path / "recovery")
    theme = ThemeController(QApplication.instance())
    window = MainWindow(
        app_settings,
        theme,
        Site(site_copy),
        recovery=recovery,
        history=LocalHistory(tmp_path / "history"),
    )
    qtbot.addWidget(window)
    window.show()
    yield window
    recovery.close()


def test_the_window_follows_a_draft_it_publishes(
    safe_window,
    qtbot,
    monkeypatch,
    site_copy,
    tmp_path,
) -> None:
    from editor.ui.publish_dialog import PublishDialog

    window = safe_window
    draft = site_copy / "_drafts" / "옮길-글.md"
    draft.parent.mkdir()
    draft.write_text("---\ntitle: 옮길 글\n---\n본문\n", "utf-8")
    assert window.open_path(draft)
    type_text(qtbot, window, "unsaved ")
    asked: list = []
    monkeypatch.setattr(
        main_window_module, "ask_external_change", lambda *a: asked.append(a) or "keep"
    )

    def run_publish_dialog(parent, post, site):
        dialog = PublishDialog(post, site, parent, prefs_path=tmp_path / "prefs.json")
        dialog.show()
        dialog.publish_button.click()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
        qtbot.wait(600)  # well past the outside-change watcher's settle time (150 ms)
        dialog.accept()
        return dialog.result

    monkeypatch.setattr(main_window_module, "run_publish_dialog", run_publish_dialog)
    result = window.publish()
    qtbot.wait(600)
    assert not asked  # no "changed on disk" about its own move
    assert window.document.path == result.moved_to and result.moved_to.parent.name == "_posts"
    assert not window.document.is_modified()  # the published file holds the window's text
    assert window.document.body_text().startswith("unsaved ")
    type_text(qtbot, window, "more ")
    assert window.save()
    assert not draft.exists()  # Ctrl+S writes the post in _posts, not the draft again
    assert "more unsaved " in result.moved_to.read_text("utf-8")
