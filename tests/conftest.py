"""Shared test setup: Qt runs offscreen, QtWebEngine without its sandbox as root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.qt_env import prepare_webengine_environment  # noqa: E402

prepare_webengine_environment()

TESTS = Path(__file__).parent
REPO = TESTS.parent
DATA = TESTS / "data"
SAMPLE_SITE = REPO / "resources" / "sample_site"


@pytest.fixture(autouse=True)
def _private_app_folders(tmp_path_factory, monkeypatch) -> None:
    """Each test gets its own XDG data, state, config and cache folders.

    Without this the windows of all tests (and of earlier runs) share the real
    ~/.local/share/<app>/recovery: a recovery copy left by one test made a later window
    start with a modal "Recover unsaved text" question.
    """
    root = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(root / name.lower()))


@pytest.fixture
def sample_site() -> Path:
    return SAMPLE_SITE


@pytest.fixture
def reference_post() -> Path:
    return next((SAMPLE_SITE / "_posts").glob("*.md"))


def _release_qt_objects() -> None:
    """Delete every window and web page while Python is still alive.

    Otherwise QtWebEngine's profile is released at interpreter exit while pages still exist
    ("Release of profile requested but WebEnginePage still not deleted") and the process
    segfaults after all tests passed; a QMimeData left on the clipboard by a paste test
    crashes the same way when Qt frees it after Python has gone.
    """
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    QApplication.clipboard().clear()
    for widget in QApplication.topLevelWidgets():
        # deleteLater, not close(): a window with unsaved edits would ask in a modal dialog
        widget.deleteLater()
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


@pytest.fixture(scope="session", autouse=True)
def _qt_objects_released_before_exit():
    yield
    _release_qt_objects()


MODAL_PATIENCE_S = 20


@pytest.fixture(autouse=True)
def _no_forgotten_modal_dialog(request):
    """Fail, never hang, when a test opens a modal dialog nobody answers.

    A modal loop keeps Python's signal-based timeout from firing, so a forgotten
    QMessageBox would stall CI until its 90-minute limit. A timer runs inside the modal
    loop too: it closes a dialog left open for MODAL_PATIENCE_S and the test fails.
    """
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    request.getfixturevalue("qapp")
    stuck: list[str] = []
    seen: dict[int, int] = {}

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            seen.clear()
            return
        ticks = seen.get(id(dialog), 0) + 1
        seen[id(dialog)] = ticks
        if ticks >= MODAL_PATIENCE_S:
            stuck.append(f"{type(dialog).__name__} {dialog.windowTitle()!r}")
            if isinstance(dialog, QDialog):
                dialog.done(QDialog.DialogCode.Rejected.value)  # a QMessageBox may ignore close()
            else:
                dialog.close()
            seen.clear()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    assert not stuck, f"a modal dialog was left unanswered: {stuck}"
