"""QA round 2: after a crash with an untitled post, the Korean recovery question read
"Post Editor가 an untitled post을(를) 저장하지 않고 종료되었습니다": the stand-in name for a post
without a file was English whatever the UI language."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from window_fixtures import REPO, app_settings, site_copy  # noqa: F401 (fixtures)

from editor.core.recovery import RecoveryStore
from editor.ui import main_window as main_window_module
from editor.ui.core_api import Site
from editor.ui.main_window import MainWindow
from editor.ui.theme import ThemeController

CRASH = """
import os, sys
from pathlib import Path
from editor.core.recovery import RecoveryStore
RecoveryStore(Path(sys.argv[1])).save(None, "충돌 전에 쓴 제목 없는 글", doc_id="untitled")
os._exit(9)  # killed: the copy stays
"""


class UntitledInKorean(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return "제목 없는 글" if (context, source) == ("Dialogs", "an untitled post") else ""


def test_an_untitled_copy_is_named_in_the_ui_language(
    qtbot, app_settings, site_copy, tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "recovery"
    assert subprocess.run([sys.executable, "-c", CRASH, str(folder)], cwd=REPO).returncode == 9
    names: list[str] = []
    monkeypatch.setattr(
        main_window_module, "ask_recover", lambda _p, name, _w, _d: names.append(name) or "later"
    )
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    translator = UntitledInKorean()
    QCoreApplication.installTranslator(translator)
    recovery = RecoveryStore(folder)
    try:
        theme = ThemeController(QApplication.instance())
        window = MainWindow(app_settings, theme, Site(site_copy), recovery)
        qtbot.addWidget(window)
        window.document.new_from_template()
        assert window.safety.offer_recovery() == 0
    finally:
        QCoreApplication.removeTranslator(translator)
        recovery.close()
    assert names == ["제목 없는 글"]
