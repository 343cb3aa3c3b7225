"""The Qt-free layers must stay Qt-free: the CLI scripts thousands of posts without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

QT_FREE = ["editor.core", "editor.render", "editor.publish", "editor.commands", "editor.cli"]


@pytest.mark.parametrize("package", QT_FREE)
def test_layer_never_imports_qt(package: str) -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for info in pkgutil.walk_packages(getattr(pkg, '__path__', []), pkg.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
