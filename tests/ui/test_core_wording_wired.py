"""Where the window shows editor.core's messages, they are in the UI language: the read-only
notice (main_window), file errors (window_files.plain_message), a failed image copy
(markdown_edit) and the publish plan's core checks and refusals (publish_text). In English
each shows the core's own words, as before. Every message is made by the real core code."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QImage
from window_fixtures import app_settings, make_window, site_copy  # noqa: F401 (fixtures)

from editor.core import image_store, textio
from editor.core.post import Post
from editor.publish.plan import make_plan
from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.publish_text import problem_message
from editor.ui.window_files import plain_message
from tests.publish.plan_scenarios import NOW
from tests.publish.publish_helpers import make_site

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NOT_UTF8 = b"---\ntitle: x\n---\nok \x80\x81\xff\n"  # not UTF-8, UTF-16 or CP949
NOT_TEXT_KO = "읽을 수 있는 텍스트가 아닙니다: "


def disk_full(tmp_path: Path, monkeypatch) -> textio.SaveError:
    def full(_fd, _data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(textio.os, "write", full)
    with pytest.raises(textio.SaveError) as caught:
        textio.atomic_write(tmp_path / "x.md", b"text")
    monkeypatch.undo()
    return caught.value


# ---------------------------------------------------------------- window_files.plain_message


def test_plain_message_words_a_save_error_in_korean(korean, tmp_path, monkeypatch):
    error = disk_full(tmp_path, monkeypatch)
    assert plain_message(error) == (
        f"{tmp_path / 'x.md'}을(를) 저장하지 못했습니다: 디스크가 가득 찼습니다. "
        "디스크의 파일은 바뀌지 않았습니다."
    )


def test_plain_message_words_an_unreadable_post_in_korean(korean):
    with pytest.raises(textio.DecodeError) as caught:
        textio.decode(NOT_UTF8)
    shown = plain_message(caught.value)
    assert shown.startswith(NOT_TEXT_KO) and "UTF-8" in shown, shown


def test_a_post_that_cannot_be_read_is_named_once_in_korean(korean, tmp_path):
    gone, folder = tmp_path / "없는 글.md", tmp_path / "폴더.md"
    folder.mkdir()
    for path, korean_words in ((gone, "파일이 없습니다"), (folder, "글이 아니라 폴더입니다")):
        with pytest.raises(OSError) as caught:
            Post.load(path)
        shown = plain_message(caught.value)
        assert shown == f"{path}{'은(는) ' if path == folder else ' '}{korean_words}", shown
        assert shown.count(str(path)) == 1


def test_a_post_that_cannot_be_read_in_english(english, tmp_path):
    with pytest.raises(OSError) as caught:
        Post.load(tmp_path / "gone.md")
    assert plain_message(caught.value) == f"No such file: {tmp_path / 'gone.md'}"


def test_plain_message_in_english_is_what_it_was(english, tmp_path, monkeypatch):
    error = disk_full(tmp_path, monkeypatch)
    assert plain_message(error) == str(error)
    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(tmp_path / "gone"))
    assert plain_message(missing) == f"{os.strerror(errno.ENOENT)} ({tmp_path / 'gone'})"
    assert plain_message(OSError(errno.EIO, "I/O error")) == "I/O error"
    assert plain_message(ValueError("bad value")) == "bad value"
    assert plain_message(RuntimeError()) == "RuntimeError"


# ---------------------------------------------------------------- main_window: read-only


@pytest.mark.webengine
def test_a_read_only_post_says_why_in_korean(korean, qtbot, app_settings, site_copy):
    path = site_copy / "_posts" / "2024-01-01-bytes.md"
    path.write_bytes(NOT_UTF8)
    window = make_window(qtbot, app_settings, site_copy)
    assert window.open_path(path)
    notice = window.status.notice_label.text()
    assert notice.startswith("읽기 전용: " + NOT_TEXT_KO), notice
    assert notice.endswith("읽기 전용으로 열었으며 저장할 수 없습니다."), notice


@pytest.mark.webengine
def test_a_read_only_post_in_english_shows_the_cores_reason(
    english, qtbot, app_settings, site_copy
):
    path = site_copy / "_posts" / "2024-01-01-bytes.md"
    path.write_bytes(NOT_UTF8)
    window = make_window(qtbot, app_settings, site_copy)
    assert window.open_path(path)
    reason = Post.from_bytes(NOT_UTF8, path).read_only_reason
    assert window.status.notice_label.text() == f"Read-only: {reason}"


# ---------------------------------------------------------------- markdown_edit: images


def png_file(path: Path) -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(path), "PNG")
    return path


def failed_image_copy(qtbot, tmp_path: Path, monkeypatch) -> str:
    """What the editor says when the disk fills while an image is copied into the site."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    editor.set_site(SimpleNamespace(root=root, image_dir=root / "assets" / "img"))

    def full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(image_store.os, "fsync", full)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png_file(tmp_path / "x.png")))])
    with qtbot.waitSignal(editor.statusMessage, timeout=2000) as signal:
        editor.insertFromMimeData(mime)
    assert editor.toPlainText() == ""
    return signal.args[0]


def test_a_failed_image_copy_is_said_in_korean(korean, qtbot, tmp_path, monkeypatch):
    shown = failed_image_copy(qtbot, tmp_path, monkeypatch)
    assert shown == f"이미지 x.png을(를) 추가하지 못했습니다: {os.strerror(errno.ENOSPC)}"


def test_a_failed_image_copy_in_english_gives_the_systems_words(
    english, qtbot, tmp_path, monkeypatch
):
    shown = failed_image_copy(qtbot, tmp_path, monkeypatch)
    assert shown == f"Could not add image x.png: {os.strerror(errno.ENOSPC)}"  # no [Errno 28]


# ---------------------------------------------------------------- publish_text


def refused_plan(tmp_path: Path):
    site = make_site(tmp_path)
    post = Post.from_bytes(NOT_UTF8, Path(site.root) / "_drafts" / "bytes.md")
    assert post.read_only_reason
    return make_plan(post, site, now=NOW)


def test_a_post_that_cannot_be_published_says_why_in_korean(korean, tmp_path):
    plan = refused_plan(tmp_path)
    [problem] = [p for p in plan.problems if p.code == "read-only"]
    shown = problem_message(problem)
    assert shown.startswith("이 글은 지금 상태로 발행할 수 없습니다: " + NOT_TEXT_KO), shown
    assert shown.endswith("읽기 전용으로 열었으며 저장할 수 없습니다."), shown


def test_the_plans_core_problems_in_english_are_the_clis_words(english, tmp_path):
    plans = [refused_plan(tmp_path / "a"), make_plan(*broken_yaml(tmp_path / "b"), now=NOW)]
    problems = [p for plan in plans for p in plan.problems]
    assert {p.code for p in problems} >= {"read-only", "front-matter"}
    for problem in problems:
        if problem.code == "read-only":  # the dialog's template says what the CLI says
            assert problem_message(problem) == problem.message
        if problem.code == "front-matter":  # same words, the place in parentheses
            assert problem_message(problem).endswith(": " + problem.fields["detail"])


def broken_yaml(tmp_path: Path):
    site = make_site(tmp_path)
    post = Post.from_text("---\ntitle: [a\n---\nx\n", Path(site.root) / "_drafts" / "y.md")
    assert post.meta_error is not None
    return post, site


def test_a_front_matter_error_in_the_plan_is_korean_up_to_yamls_own_words(korean, tmp_path):
    plan = make_plan(*broken_yaml(tmp_path), now=NOW)
    [problem] = [p for p in plan.problems if p.code == "front-matter"]
    shown = problem_message(problem)
    assert shown.startswith("머리말을 읽을 수 없습니다 ("), shown
    assert "YAML 오류: " in shown and "따옴표로 감싸세요" in shown, shown  # the hint too
    assert HANGUL.search(shown.split("YAML 오류: ")[0])


def fence_line_error():
    from editor.core import frontmatter

    with pytest.raises(frontmatter.FrontMatterError) as caught:
        frontmatter.refuse_fence_lines("title: a\n---\nb: 1\n")
    return caught.value


def test_front_matter_form_errors_in_korean(korean) -> None:
    from editor.ui.front_matter_form import format_yaml_error, raw_yaml_error

    error = fence_line_error()
    for shown in (format_yaml_error(error), raw_yaml_error(error, 2)):
        assert "`---` 줄이 여기서 머리말을 끝냅니다" in shown
        assert "ends the front matter" not in shown


def test_front_matter_form_errors_in_english_are_the_core_words(english) -> None:
    from editor.ui.front_matter_form import format_yaml_error

    error = fence_line_error()
    assert error.message in format_yaml_error(error)
