"""Image names stay readable (QA on #4): Korean file names romanised, pasted images named
after their post, and the image dialog opening where the writer's pictures are."""

# ruff: noqa: F811  (pytest fixtures imported from image_fixtures)
from __future__ import annotations

import re
from pathlib import Path

import pytest
from image_fixtures import make_png, site  # noqa: F401 (site: a fixture)
from PySide6.QtCore import QMimeData, QTimer, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.ui.formatting import FormattingToolbar
from editor.ui.markdown_edit import MarkdownEdit


@pytest.fixture
def editor(qtbot, site):
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    widget.set_site(site)
    return widget


def paste_image(editor: MarkdownEdit, color: str) -> str:
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor(color))
    mime = QMimeData()
    mime.setImageData(image)
    QApplication.clipboard().setMimeData(mime)
    before = editor.toPlainText()
    editor.paste()
    added = editor.toPlainText()[len(before) :]
    match = re.search(r"\]\((/assets/img/[^)]+)\)", added)
    assert match, added
    return match.group(1)


def test_a_korean_file_name_is_romanised_not_numbered(editor, site, tmp_path):
    source = make_png(tmp_path / "가을 사진 (1).png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    editor.insertFromMimeData(mime)
    assert editor.toPlainText() == "![가을 사진 (1)](/assets/img/gaeul-sajin-1.png)"
    assert (site.image_dir / "gaeul-sajin-1.png").read_bytes() == source.read_bytes()


def test_pasted_images_are_named_after_the_post(editor, site, tmp_path):
    editor.set_post_path(tmp_path / "_posts" / "2023-09-29-digital-transformation.md")
    first = paste_image(editor, "green")
    second = paste_image(editor, "blue")
    again = paste_image(editor, "green")  # same picture: the file already there is reused
    assert first == "/assets/img/2023-09-29-digital-transformation-1.png"
    assert second == "/assets/img/2023-09-29-digital-transformation-2.png"
    assert again == first
    assert sorted(p.name for p in site.image_dir.iterdir()) == [
        "2023-09-29-digital-transformation-1.png",
        "2023-09-29-digital-transformation-2.png",
    ]


def test_a_korean_post_name_is_romanised_for_pasted_images(editor, tmp_path):
    editor.set_post_path(tmp_path / "2024-01-02-가을 여행.md")
    assert paste_image(editor, "red") == "/assets/img/2024-01-02-gaeul-yeohaeng-1.png"


def test_an_unsaved_post_names_pasted_images_by_date_and_time(editor):
    url = paste_image(editor, "red")
    assert re.fullmatch(r"/assets/img/\d{4}-\d\d-\d\d-\d{6}-1\.png", url), url
    assert "image.png" not in url


# -- the image dialog's folder -------------------------------------------------------------
def _dialog_folder_then_pick(pick: Path | None) -> list[str]:
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.directory().absolutePath())
        if pick is None:
            dialog.reject()
        else:
            dialog.selectFile(str(pick))
            dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


def test_image_dialog_opens_in_pictures_then_in_the_last_used_folder(
    editor, tmp_path, monkeypatch, qtbot
):
    home = tmp_path / "home"
    (home / "Pictures").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(tmp_path)  # the app's working directory is not where pictures are
    toolbar = FormattingToolbar(editor)
    qtbot.addWidget(toolbar)
    trips = tmp_path / "trips"
    trips.mkdir()
    source = make_png(trips / "sea.png")

    seen = _dialog_folder_then_pick(source)
    toolbar.tool_actions["image_file"].trigger()
    assert seen == [str(home / "Pictures")]
    assert editor.toPlainText() == "![sea](/assets/img/sea.png)"

    seen = _dialog_folder_then_pick(None)
    toolbar.tool_actions["image_file"].trigger()
    assert seen == [str(trips)]


def test_image_dialog_falls_back_to_home_without_pictures(editor, tmp_path, monkeypatch, qtbot):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    toolbar = FormattingToolbar(editor)
    qtbot.addWidget(toolbar)
    seen = _dialog_folder_then_pick(None)
    toolbar.tool_actions["image_file"].trigger()
    assert seen == [str(home)]


def test_an_unsaved_post_is_dated_in_the_site_timezone(editor, site):
    """The site's timezone decides the stamp, as it does the post's date (QA: a Seoul site
    got UTC's day). Kiritimati is UTC+14, so it differs from this machine's zone."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    site.timezone = "Pacific/Kiritimati"
    url = paste_image(editor, "red")
    stamp = re.search(r"(\d{4}-\d\d-\d\d-\d{6})-1\.png", url).group(1)
    shown = datetime.strptime(stamp, "%Y-%m-%d-%H%M%S")
    there = datetime.now(ZoneInfo("Pacific/Kiritimati")).replace(tzinfo=None)
    assert abs((there - shown).total_seconds()) < 120, (stamp, there)
