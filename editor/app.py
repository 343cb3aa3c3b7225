"""Composition root: QApplication, settings, main window."""

from __future__ import annotations

import sys

from editor.qt_env import prepare_webengine_environment


def run_gui(file: str | None = None, site: str | None = None, selftest: bool = False) -> int:
    prepare_webengine_environment()
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QPlainTextEdit()
    window.setWindowTitle("Post Editor")
    if file:
        with open(file, encoding="utf-8", errors="replace") as handle:
            window.setPlainText(handle.read())
    window.resize(1000, 700)
    window.show()
    return app.exec()
