"""Dropping and pasting images: copied into the site's image folder, Markdown inserted."""

# ruff: noqa: F811  (pytest fixtures imported from image_fixtures)
from __future__ import annotations

from pathlib import Path

import pytest
from image_fixtures import make_png, site  # noqa: F401 (site: a fixture)
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.ui.formatting import FormattingToolbar
from editor.ui.markdown_edit import MarkdownEdit


@pytest.fixture
def editor(qtbot):
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    return widget


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(editor: MarkdownEdit, mime: QMimeData) -> None:
    """A real drag-enter + drop on the editor's viewport, as a file manager sends them."""
    viewport = editor.viewport()
    point = QPoint(5, 5)
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def test_drop_copies_into_site_and_inserts_markdown(editor, site, tmp_path, qtbot):
    source = make_png(tmp_path / "My Photo.png")
    editor.set_site(site)
    with qtbot.waitSignal(editor.imageInserted, timeout=2000) as signal:
        drop(editor, file_mime(source))
    url = signal.args[0]
    assert url.startswith("/assets/img/") and url.endswith(".png")
    stored = site.root / url.lstrip("/")
    assert stored.read_bytes() == source.read_bytes()
    assert editor.toPlainText() == f"![My Photo]({url})"
    editor.undo()
    assert editor.toPlainText() == ""


def test_same_name_other_content_gets_a_hash_and_same_content_is_reused(editor, site, tmp_path):
    editor.set_site(site)
    first = make_png(tmp_path / "a" / "pic.png") if (tmp_path / "a").mkdir() is None else None
    second = (
        make_png(tmp_path / "b" / "pic.png", "blue") if (tmp_path / "b").mkdir() is None else None
    )
    url1 = editor.insert_images([first])[0]
    url2 = editor.insert_images([second])[0]
    url3 = editor.insert_images([first])[0]
    assert url1 != url2 and url3 == url1
    assert url2.startswith("/assets/img/pic-")
    assert len(list(site.image_dir.iterdir())) == 2


def test_paste_image_data(editor, site, qtbot):
    editor.set_site(site)
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("green"))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(editor.imageInserted, timeout=2000) as signal:
        editor.paste()
    url = signal.args[0]
    stored = site.root / url.lstrip("/")
    assert QImage(str(stored)).pixelColor(1, 1) == QColor("green")
    assert editor.toPlainText() == f"![image]({url})"


def test_without_site_refuses_with_message(editor, tmp_path, qtbot):
    source = make_png(tmp_path / "x.png")
    with qtbot.waitSignal(editor.statusMessage, timeout=2000) as signal:
        editor.insertFromMimeData(file_mime(source))
    assert "site" in signal.args[0].lower()
    assert editor.toPlainText() == ""


def test_copy_failure_reports_and_inserts_nothing(editor, site, tmp_path, qtbot):
    """An image folder that is a symlink out of the site is refused by the image store."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (site.root / "assets").mkdir()
    site.image_dir.symlink_to(outside, target_is_directory=True)
    editor.set_site(site)
    source = make_png(tmp_path / "x.png")
    with qtbot.waitSignal(editor.statusMessage, timeout=2000) as signal:
        editor.insertFromMimeData(file_mime(source))
    assert signal.args[0].startswith("Could not add image x.png")
    assert editor.toPlainText() == ""
    assert list(outside.iterdir()) == []


def test_non_image_drop_falls_back_to_text(editor, site, tmp_path):
    editor.set_site(site)
    note = tmp_path / "note.txt"
    note.write_text("x", encoding="utf-8")
    mime = file_mime(note)
    mime.setText("dropped text")
    editor.insertFromMimeData(mime)
    assert editor.toPlainText() == "dropped text"
    assert not site.image_dir.exists()


def test_insert_image_file_tool(editor, site, tmp_path, qtbot):
    toolbar = FormattingToolbar(editor)
    qtbot.addWidget(toolbar)
    source = make_png(tmp_path / "chart.png")
    toolbar.tool_actions["image_file"].trigger()  # no site yet: refused, no dialog
    assert editor.toPlainText() == ""
    editor.set_site(site)

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(source))
        dialog.accept()

    QTimer.singleShot(0, pick)
    with qtbot.waitSignal(editor.imageInserted, timeout=3000) as signal:
        toolbar.tool_actions["image_file"].trigger()
    assert editor.toPlainText() == f"![chart]({signal.args[0]})"
    assert (site.root / signal.args[0].lstrip("/")).is_file()
