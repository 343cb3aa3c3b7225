"""In the real window, an image pasted into the reference post is named after the post."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from window_fixtures import app_settings, site_copy, window  # noqa: F401 (fixtures)

pytestmark = pytest.mark.webengine


def test_paste_in_the_window_names_the_image_after_the_open_post(window, site_copy, qtbot):
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("green"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.editor.imageInserted, timeout=3000) as signal:
        window.editor.paste()
    assert signal.args[0] == "/assets/img/2023-09-29-digital-transformation-1.png"
    assert (site_copy / "assets/img/2023-09-29-digital-transformation-1.png").is_file()
