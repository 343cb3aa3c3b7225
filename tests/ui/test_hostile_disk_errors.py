"""Saving from the real window when the disk says no: disk full, read-only, permission
denied, the site folder gone. The window says why in plain words, keeps the text and its
"modified" mark, never shows "Saved", leaves the file and its folder as they were, and the
recovery copy stays until a save really succeeds.

Root ignores permissions, so the errors come from monkeypatched os calls inside the atomic
write (the same calls a real full or read-only disk fails), except "the site folder gone",
which is real: the folder is deleted.
"""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from test_preview_live import WAIT_MS, run_js
from window_fixtures import POST_NAME, app_settings, site_copy, type_text  # noqa: F401

from editor.core import textio
from editor.core.history import LocalHistory
from editor.core.recovery import RecoveryStore
from editor.ui import main_window as main_window_module
from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.theme import ThemeController

pytestmark = [pytest.mark.webengine, pytest.mark.timeout(60)]
TYPED = "kept-through-errors "


@pytest.fixture
def safe_window(qtbot, app_settings, site_copy, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda _p, t, m: errors.append((t, m)))
    outside_changes: list[str] = []  # a deleted file or folder is an outside change too
    monkeypatch.setattr(
        main_window_module,
        "ask_external_change",
        lambda _w, name, _diff: outside_changes.append(name) or "keep",
    )
    monkeypatch.setattr(  # a deleted post is told as such, and kept as "keep" keeps it
        main_window_module, "tell_deleted_on_disk", lambda _w, name: outside_changes.append(name)
    )
    recovery = RecoveryStore(tmp_path / "recovery")
    history = LocalHistory(tmp_path / "history")
    theme = ThemeController(QApplication.instance())
    window = MainWindow(app_settings, theme, Site(site_copy), recovery=recovery, history=history)
    qtbot.addWidget(window)
    assert window.open_path(site_copy / "_posts" / POST_NAME)
    window.show()
    window.errors = errors
    window.outside_changes = outside_changes
    yield window
    recovery.close()


def type_and_wait_for_preview(qtbot, window) -> None:
    """Type, and let the preview show it (no render is left in flight at teardown)."""
    type_text(qtbot, window, TYPED)
    shown = "var b = document.getElementById('pe-body'); b && b.innerText.indexOf('kept-') >= 0"
    qtbot.waitUntil(lambda: run_js(qtbot, window.preview, shown) is True, timeout=WAIT_MS)
    window.safety.autosaver.flush()  # the recovery copy, as the timer would write it


def _fail_with(code: int):
    def fail(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    return fail


class _ModuleWith:
    """A module as textio sees it, with some functions failing (nothing else is touched)."""

    def __init__(self, module, **failing) -> None:
        self._module = module
        self._failing = failing

    def __getattr__(self, name: str):
        return self._failing.get(name) or getattr(self._module, name)


def _disk_full(monkeypatch) -> None:
    monkeypatch.setattr(textio, "os", _ModuleWith(os, write=_fail_with(errno.ENOSPC)))


def _read_only(monkeypatch) -> None:
    failing = _ModuleWith(tempfile, mkstemp=_fail_with(errno.EROFS))
    monkeypatch.setattr(textio, "tempfile", failing)


def _permission_denied(monkeypatch) -> None:
    failing = _ModuleWith(tempfile, mkstemp=_fail_with(errno.EACCES))
    monkeypatch.setattr(textio, "tempfile", failing)


def _replace_fails(monkeypatch) -> None:
    monkeypatch.setattr(textio, "os", _ModuleWith(os, replace=_fail_with(errno.ENOSPC)))


CASES = [
    ("disk-full", _disk_full, "the disk is full"),
    ("read-only", _read_only, "the disk is read-only"),
    ("permission-denied", _permission_denied, "permission denied"),
    ("rename-fails", _replace_fails, "the disk is full"),
]


def assert_failed_plainly(window, qtbot, reason: str) -> None:
    assert not window.save()
    [(title, message)] = window.errors
    assert title == "Could not save" and reason in message, message
    assert "Traceback" not in message and "Errno" not in message
    assert TYPED in window.editor.toPlainText()
    assert window.isWindowModified() and window.document.is_modified()
    assert not window.status.currentMessage().startswith("Saved")
    folder = window.safety.recovery.folder
    assert any(TYPED in p.read_text(encoding="utf-8") for p in Path(folder).glob("*.recovery"))


@pytest.mark.parametrize(("name", "break_disk", "reason"), CASES, ids=[c[0] for c in CASES])
def test_save_error_is_plain_keeps_the_text_and_never_says_saved(
    safe_window, qtbot, site_copy, monkeypatch, name, break_disk, reason
) -> None:
    window = safe_window
    post = site_copy / "_posts" / POST_NAME
    before = post.read_bytes()
    folder_before = sorted(p.name for p in post.parent.iterdir())
    type_and_wait_for_preview(qtbot, window)
    with monkeypatch.context() as patch:
        break_disk(patch)
        assert_failed_plainly(window, qtbot, reason)
    assert post.read_bytes() == before
    assert sorted(p.name for p in post.parent.iterdir()) == folder_before  # no temp file left
    # the disk is back: the same window saves, and only now says so
    assert window.save()
    assert window.status.currentMessage() == f"Saved {POST_NAME}"
    assert not window.isWindowModified()
    assert TYPED.encode() in post.read_bytes()
    assert list(Path(window.safety.recovery.folder).glob("*.recovery")) == []


def test_site_folder_gone_is_plain_and_keeps_the_text(safe_window, qtbot, site_copy) -> None:
    window = safe_window
    type_and_wait_for_preview(qtbot, window)
    shutil.rmtree(site_copy)
    qtbot.waitUntil(lambda: window.outside_changes == [POST_NAME], timeout=5000)
    assert_failed_plainly(window, qtbot, "the folder no longer exists")
    assert not site_copy.exists()  # saving did not quietly recreate the folder
