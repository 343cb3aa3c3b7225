"""PySide6 6.12.0 on CPython 3.11 corrupts None's reference count and dies with
"Fatal Python error: none_dealloc" after enough Qt calls that return nothing.
pyproject's markers keep that pair out; this loop fails (the child crashes) if it comes back."""

from __future__ import annotations

import os
import subprocess
import sys

LOOP = """
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
edit = QPlainTextEdit()
for _ in range(200_000):
    edit.setPlainText("x")
print("survived")
"""


def test_many_void_qt_calls_do_not_crash() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, env=env, timeout=240
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


def test_installed_pyside_is_not_the_broken_pair() -> None:
    import PySide6

    broken = sys.version_info[:2] == (3, 11) and PySide6.__version__.startswith("6.12.0")
    assert not broken, f"PySide6 {PySide6.__version__} on Python 3.11 is known to crash"
