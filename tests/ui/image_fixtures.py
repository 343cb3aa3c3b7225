"""Shared by the image tests: a tiny PNG on disk and a bare site with an image folder."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QColor, QImage


def make_png(path: Path, color: str = "red") -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    return SimpleNamespace(root=root, image_dir=root / "assets" / "img")
