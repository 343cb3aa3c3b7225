"""Nothing lost: recovery copies while typing, restore after a crash, outside changes,
no silent overwrite, history on save."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from window_fixtures import (  # noqa: F401 (fixtures)
    POST_NAME,
    REPO,
    app_settings,
    make_window,
    site_copy,
    type_text,
)

from editor.core.history import LocalHistory
from editor.core.recovery import RecoveryStore
from editor.ui import main_window as main_window_module
from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.theme import ThemeController

pytestmark = pytest.mark.webengine


@pytest.fixture
def stores(tmp_path):
    recovery = RecoveryStore(tmp_path / "recovery")
    history = LocalHistory(tmp_path / "history")
    yield recovery, history
    recovery.close()


@pytest.fixture
def safe_window(qtbot, app_settings, site_copy, stores, monkeypatch) -> MainWindow:
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    recovery, history = stores
    theme = ThemeController(QApplication.instance())
    window = MainWindow(app_settings, theme, Site(site_copy), recovery=recovery, history=history)
    qtbot.addWidget(window)
    assert window.open_path(site_copy / "_posts" / POST_NAME)
    window.show()
    return window


def copies(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in folder.glob("*.recovery")]


def test_typing_keeps_a_recovery_copy_and_saving_drops_it(safe_window, qtbot, tmp_path) -> None:
    type_text(qtbot, safe_window, "kept safe")
    folder = tmp_path / "recovery"
    qtbot.waitUntil(lambda: any("kept safe" in text for text in copies(folder)), timeout=3000)
    text = next(t for t in copies(folder) if "kept safe" in t)
    assert "title: 디지털 전환" in text  # the whole post, front matter included
    assert safe_window.save()
    assert copies(folder) == []


def test_history_records_each_save(safe_window, qtbot, stores, site_copy) -> None:
    _, history = stores
    type_text(qtbot, safe_window, "one")
    assert safe_window.save()
    type_text(qtbot, safe_window, "two")
    assert safe_window.save()
    versions = history.versions(site_copy / "_posts" / POST_NAME)
    assert len(versions) == 2
    assert versions[0].read() == (site_copy / "_posts" / POST_NAME).read_bytes()


CRASH = """
import os, sys
from pathlib import Path
from editor.core.recovery import RecoveryStore
store = RecoveryStore(Path(sys.argv[1]))
post = Path(sys.argv[2])
text = post.read_text(encoding="utf-8").replace("본 글에서는", "충돌 전에 쓴 글. 본 글에서는")
store.save(post, text, doc_id=str(post))
os._exit(9)  # killed: no close, no discard
"""


def test_copy_left_by_a_crash_is_offered_and_restored(
    qtbot, app_settings, site_copy, tmp_path, monkeypatch
) -> None:
    post = site_copy / "_posts" / POST_NAME
    result = subprocess.run(
        [sys.executable, "-c", CRASH, str(tmp_path / "recovery"), str(post)], cwd=REPO
    )
    assert result.returncode == 9
    offered: list[tuple] = []

    def ask(_parent, name, when, diff):
        offered.append((name, diff))
        return "restore"

    monkeypatch.setattr(main_window_module, "ask_recover", ask)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    recovery = RecoveryStore(tmp_path / "recovery")
    from PySide6.QtWidgets import QApplication

    window = MainWindow(
        app_settings, ThemeController(QApplication.instance()), Site(site_copy), recovery
    )
    qtbot.addWidget(window)
    window.document.new_from_template()
    assert window.safety.offer_recovery() == 1
    assert offered and offered[0][0] == POST_NAME and "+충돌 전에 쓴 글." in offered[0][1]
    assert "충돌 전에 쓴 글. 본 글에서는" in window.editor.toPlainText()
    assert window.document.path == post.resolve() and window.isWindowModified()
    assert "충돌" not in post.read_text(encoding="utf-8")  # the file waits for a save
    assert recovery.pending() == []  # offered once
    recovery.close()


def test_outside_change_is_noticed_and_reloaded(safe_window, qtbot, site_copy, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        main_window_module,
        "ask_external_change",
        lambda _p, name, diff: asked.append(diff) or "reload",
    )
    post = site_copy / "_posts" / POST_NAME
    post.write_text(
        post.read_text(encoding="utf-8") + "\n다른 프로그램이 덧붙임\n", encoding="utf-8"
    )
    qtbot.waitUntil(
        lambda: "다른 프로그램이 덧붙임" in safe_window.editor.toPlainText(), timeout=5000
    )
    assert len(asked) == 1 and "+다른 프로그램이 덧붙임" in asked[0]
    assert not safe_window.isWindowModified()


def test_keep_mine_then_save_does_not_ask_again(safe_window, qtbot, site_copy, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(
        main_window_module, "ask_external_change", lambda *_: asked.append("x") or "keep"
    )
    monkeypatch.setattr(main_window_module, "ask_overwrite_changed", pytest.fail)
    type_text(qtbot, safe_window, "mine")
    post = site_copy / "_posts" / POST_NAME
    post.write_text("---\ntitle: theirs\n---\ntheirs\n", encoding="utf-8")
    qtbot.waitUntil(lambda: asked == ["x"], timeout=5000)
    assert safe_window.editor.toPlainText().startswith("mine")
    assert safe_window.save()
    assert "mine" in post.read_text(encoding="utf-8")


def test_save_over_an_unnoticed_outside_change_asks(safe_window, qtbot, site_copy, monkeypatch):
    safe_window.safety.watcher.unwatch()  # the change lands between two checks
    post = site_copy / "_posts" / POST_NAME
    theirs = "---\ntitle: theirs\n---\ntheirs\n"
    post.write_text(theirs, encoding="utf-8")
    monkeypatch.setattr(main_window_module, "ask_overwrite_changed", lambda *_: False)
    type_text(qtbot, safe_window, "mine")
    assert not safe_window.save()
    assert post.read_text(encoding="utf-8") == theirs
    monkeypatch.setattr(main_window_module, "ask_overwrite_changed", lambda *_: True)
    assert safe_window.save()
    assert post.read_text(encoding="utf-8").startswith("---\ntitle: 디지털")


def test_recovery_copy_failure_is_reported_and_text_kept(
    qtbot, app_settings, site_copy, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QApplication

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    window = MainWindow(
        app_settings,
        ThemeController(QApplication.instance()),
        Site(site_copy),
        RecoveryStore(blocker / "recovery"),
    )
    qtbot.addWidget(window)
    window.open_path(site_copy / "_posts" / POST_NAME)
    window.show()
    type_text(qtbot, window, "still here")
    qtbot.waitUntil(
        lambda: "recovery copy could not be written" in window.status.currentMessage(), timeout=3000
    )
    assert window.editor.toPlainText().startswith("still here")


def test_local_history_restores_an_older_version(safe_window, qtbot, monkeypatch) -> None:
    type_text(qtbot, safe_window, "first ")
    assert safe_window.save()
    type_text(qtbot, safe_window, "second ")
    assert safe_window.save()
    seen: list[int] = []

    def choose(_parent, versions, current_text):
        seen.append(len(versions))
        assert current_text.startswith("---\ntitle:")
        return versions[1]  # the older one

    monkeypatch.setattr(main_window_module, "ask_history_version", choose)
    assert safe_window.show_history()
    assert seen == [2]
    assert safe_window.editor.toPlainText().startswith("first \n![")  # not "first second"
    assert safe_window.isWindowModified()


def test_history_dialog_shows_the_difference_and_refuses_a_damaged_copy(
    safe_window, qtbot, stores
) -> None:
    from editor.ui.history_dialog import HistoryDialog

    type_text(qtbot, safe_window, "v1 ")
    assert safe_window.save()
    _, history = stores
    versions = history.versions(safe_window.document.path)
    type_text(qtbot, safe_window, "v2 ")
    dialog = HistoryDialog(versions, safe_window.document.whole_text(), safe_window)
    qtbot.addWidget(dialog)
    assert dialog.selected() is versions[0]
    assert "-v1 v2 \n+v1 \n" in dialog.diff.toPlainText()
    assert dialog.restore_button.isEnabled()
    versions[0].file.write_bytes(b"damaged")
    dialog._show(0)
    assert "damaged" in dialog.diff.toPlainText() and not dialog.restore_button.isEnabled()


def test_history_with_no_versions_says_so(safe_window, monkeypatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, _t, msg: errors.append(msg))
    assert not safe_window.show_history()
    assert errors == ["There are no saved versions of this post yet."]


def test_opening_a_post_removes_stale_save_temp_files(safe_window, site_copy) -> None:
    import os
    import time

    posts = site_copy / "_posts"
    stale = posts / f".{POST_NAME}.abc123XYZ.post-editor-tmp"
    fresh = posts / f".{POST_NAME}.def456UVW.post-editor-tmp"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a save")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert safe_window.open_path(posts / POST_NAME)
    assert not stale.exists() and fresh.exists()  # a save running right now is left alone


def test_history_limits_are_set_from_the_file_menu_and_kept(
    safe_window, qtbot, stores, app_settings, monkeypatch
) -> None:
    """File > Local History Settings…: keep N and days; saved, applied at once, and the
    next window (the next start) reads them."""
    from editor.ui import history_dialog

    window = safe_window
    _, history = stores
    for word in ("one ", "two ", "three "):
        type_text(qtbot, window, word)
        assert window.save()
    assert len(history.versions(window.document.path)) == 3
    file_menu = window.menuBar().actions()[0].menu()
    assert window.history_limits_action in file_menu.actions()
    index = file_menu.actions().index(window.history_action)
    assert file_menu.actions()[index + 1] is window.history_limits_action
    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(
        history_dialog,
        "ask_history_limits",
        lambda _w, keep, days: asked.append((keep, days)) or (2, 9),
    )
    window.history_limits_action.trigger()
    assert asked == [(20, 30)]
    assert (history.keep, history.days) == (2, 9)
    assert len(history.versions(window.document.path)) == 2  # pruned now, not at next save
    prefs = app_settings.load_preferences()
    assert (prefs.history_keep, prefs.history_days) == (2, 9)


def test_history_limits_dialog_reads_and_returns_its_values(qtbot) -> None:
    from editor.ui.history_dialog import HistoryLimitsDialog

    dialog = HistoryLimitsDialog(5, 0)
    qtbot.addWidget(dialog)
    assert dialog.limits() == (5, 0)
    assert dialog.days.text() == "any age"
    dialog.keep.setValue(0)  # below the range: at least one version is kept
    dialog.days.setValue(14)
    assert dialog.limits() == (1, 14)


@pytest.mark.parametrize(("answer", "left"), [("discard", 0), ("later", 1)])
def test_copy_left_by_a_crash_can_be_discarded_or_kept_for_later(
    qtbot, app_settings, site_copy, tmp_path, monkeypatch, answer, left
) -> None:
    post = site_copy / "_posts" / POST_NAME
    before = post.read_bytes()
    crash = [sys.executable, "-c", CRASH, str(tmp_path / "recovery"), str(post)]
    assert subprocess.run(crash, cwd=REPO).returncode == 9
    diffs: list[str] = []
    monkeypatch.setattr(
        main_window_module, "ask_recover", lambda _p, _n, _w, diff: diffs.append(diff) or answer
    )
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    recovery = RecoveryStore(tmp_path / "recovery")
    from PySide6.QtWidgets import QApplication

    window = MainWindow(
        app_settings, ThemeController(QApplication.instance()), Site(site_copy), recovery
    )
    qtbot.addWidget(window)
    assert window.open_path(post)
    assert window.safety.offer_recovery() == 0
    assert len(diffs) == 1 and "+충돌 전에 쓴 글." in diffs[0]  # compare: what the copy adds
    assert "충돌" not in window.editor.toPlainText() and not window.isWindowModified()
    assert post.read_bytes() == before
    assert len(recovery.pending()) == left
    recovery.close()
