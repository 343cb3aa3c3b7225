"""editor.core's English messages (the CLI's stable text) in the UI language: codes and fields
on textio's errors and checks' problems, known wordings for the rest (post.py, frontmatter.py),
the local history dialog, and the CLI unchanged. Every message is made by the real core code."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from window_fixtures import app_settings, make_window, site_copy  # noqa: F401 (fixtures)

from editor.core import textio
from editor.core.checks import Problem, check_post
from editor.core.frontmatter import FrontMatterError
from editor.core.history import LocalHistory
from editor.core.post import Post
from editor.core.site import Site
from editor.ui import core_wording, i18n
from editor.ui.core_wording import error_text, message_text, problem_text
from editor.ui.history_dialog import HistoryDialog

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "corpus"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CP949_POST = "---\ntitle: 디지털 전환\n---\n본문입니다.\n".encode("cp949")


def cp949_refusal(tmp_path: Path) -> textio.SaveError:
    path = tmp_path / "2024-01-01-euc.md"
    path.write_bytes(CP949_POST)
    post = Post.load(path)
    assert post.text_format.encoding == "cp949"
    post.set_body(post.body + "이모지 😀\n")
    with pytest.raises(textio.SaveError) as caught:
        post.save()
    return caught.value


def disk_full(tmp_path: Path, monkeypatch) -> textio.SaveError:
    def full(_fd, _data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(textio.os, "write", full)
    with pytest.raises(textio.SaveError) as caught:
        textio.atomic_write(tmp_path / "post.md", b"text")
    monkeypatch.undo()
    return caught.value


def broken_yaml_posts() -> list[Post]:
    posts = [Post.load(path) for path in sorted(CORPUS.glob("*/_posts/*"))]
    broken = [post for post in posts if post.meta_error is not None]
    assert len(broken) == 5
    return broken


def real_errors(tmp_path: Path, monkeypatch) -> list[BaseException]:
    errors: list[BaseException] = [cp949_refusal(tmp_path), disk_full(tmp_path, monkeypatch)]
    for data in (b"abc\x00def", b"ok \x80\x81\xff"):
        with pytest.raises(textio.DecodeError) as caught:
            textio.decode(data)
        errors.append(caught.value)
    with pytest.raises(textio.EncodeError) as caught:
        textio.encode("a\nb😀", textio.TextFormat("cp949", b"", "\n"))
    errors.append(caught.value)
    with pytest.raises(textio.SaveError) as caught:
        textio.atomic_write(tmp_path, b"x")  # a folder
    errors.append(caught.value)
    unreadable = Post.from_bytes(b"---\ntitle: x\n---\n\x00binary")
    with pytest.raises(textio.SaveError) as caught:
        unreadable.save(tmp_path / "x.md")
    errors.append(caught.value)
    errors += [post.meta_error for post in broken_yaml_posts()]
    return errors


# ---------------------------------------------------------------- the core side: codes, CLI


def test_textio_errors_carry_codes_and_fields(tmp_path, monkeypatch):
    refusal = cp949_refusal(tmp_path)
    encode_error = refusal.__context__  # post.py wraps it (from None) without a code yet
    assert isinstance(encode_error, textio.EncodeError)
    assert encode_error.code == "unencodable"
    assert encode_error.fields == {"char": "😀", "line": 5, "column": 5, "encoding": "cp949"}
    full = disk_full(tmp_path, monkeypatch)
    assert (full.code, full.fields["reason"], full.errno) == ("save-failed", "disk-full", 28)
    assert full.fields["path"] == str(tmp_path / "post.md")
    with pytest.raises(textio.DecodeError) as caught:
        textio.decode(b"abc \xff")
    assert (caught.value.code, caught.value.fields) == ("not-text", {"byte": 4, "value": "0xff"})


def test_the_english_messages_are_unchanged(tmp_path, monkeypatch):
    """The wording the CLI prints, word for word (the codes are additions only)."""
    assert str(cp949_refusal(tmp_path)) == (
        f"Cannot save {tmp_path / '2024-01-01-euc.md'}: '😀' (line 5, column 5) cannot be "
        "stored in cp949; remove it or save the file as UTF-8."
    )
    assert str(disk_full(tmp_path, monkeypatch)) == (
        f"Could not save {tmp_path / 'post.md'}: the disk is full. The file on disk was not "
        "changed."
    )
    with pytest.raises(textio.DecodeError) as caught:
        textio.decode(b"abc \xff")
    assert str(caught.value) == (
        "The file is not readable text: byte 4 (0xff) is not valid UTF-8, and the file is not "
        "UTF-16 (no byte order mark) or Korean CP949/EUC-KR either."
    )


def test_check_problems_carry_codes_and_still_compare_by_place_and_words(tmp_path):
    site = Site(REPO / "resources" / "sample_site")
    text = "---\ntitle:\ntags: a\ntags: b\n---\n<b>x\n![a](/assets/none.png)\n"
    problems = check_post(Post.from_text(text), site)
    codes = {problem.code: problem.fields for problem in problems}
    assert codes["duplicate-key"] == {"key": "tags"}
    assert "no-title" in codes and codes["tag"] == {"detail": "<b> is never closed"}
    assert codes["image-missing"]["url"] == "/assets/none.png"
    first = problems[0]
    assert first == Problem(first.line, first.column, first.message, first.severity)


def test_the_check_command_prints_what_it_printed(tmp_path):
    post = tmp_path / "2024-01-01-x.md"
    post.write_text('---\ntitle:\nk: 1\nk: 2\n---\n<b>x\n<pdata-ke-size="size16">y</p>\n')
    run = subprocess.run(
        [sys.executable, "-m", "editor", "check", str(post)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert run.stdout.splitlines() == [
        f"{post}:1:1: warning: no title in the front matter",
        f"{post}:4:1: warning: key 'k' appears more than once; the last one wins",
        f"{post}:6:1: error: <b> is never closed",
        f'{post}:7:1: error: `<pdata-ke-size="size16">` looks like a tag but is not HTML, so '
        "the page shows it as text (a space missing after `<p`?)",
        f"{post}:7:26: warning: </p> closes a tag that is not open",
    ]


# ---------------------------------------------------------------- the UI side


def test_in_english_the_ui_shows_the_cores_own_words(qapp, tmp_path, monkeypatch):
    i18n.install_translators(qapp, "en")
    for error in real_errors(tmp_path, monkeypatch):
        assert error_text(error) == str(error), type(error)


def test_in_korean_every_core_error_is_worded_in_korean(korean, tmp_path, monkeypatch):
    for error in real_errors(tmp_path, monkeypatch):
        shown = error_text(error)
        assert HANGUL.search(shown), (str(error), shown)
        english_words = re.findall(r"\b(?:the|is|not|cannot|Could|Cannot)\b", shown)
        if not isinstance(error, FrontMatterError):  # PyYAML's own words stay English
            assert not english_words, shown


def test_the_cp949_refusal_in_korean_names_the_character_and_place(korean, tmp_path):
    shown = error_text(cp949_refusal(tmp_path))
    assert shown == (
        f"{tmp_path / '2024-01-01-euc.md'}을(를) 저장할 수 없습니다: '😀'(5행 5열)은(는) "
        "cp949로 저장할 수 없습니다. 그 글자를 지우거나 파일을 UTF-8로 저장하세요."
    )


def test_coded_and_worded_paths_agree(korean, tmp_path, monkeypatch):
    """An error worded from its code says what its English text, worded, says."""
    full = disk_full(tmp_path, monkeypatch)
    assert error_text(full) == message_text(str(full))
    assert "디스크가 가득 찼습니다" in error_text(full)


def test_a_save_error_carrying_the_encode_errors_code_says_the_same(korean, tmp_path):
    """What post.py's refusal says once it passes the EncodeError's code and fields on
    (the change asked of its owner): the same Korean as its wording says today."""
    refusal = cp949_refusal(tmp_path)
    cause = refusal.__context__
    path = str(tmp_path / "2024-01-01-euc.md")
    coded = textio.SaveError(str(refusal), None, cause.code, path=path, **cause.fields)
    assert error_text(coded) == error_text(refusal)
    assert error_text(cause) == message_text(str(cause))


def test_check_problems_in_korean(korean):
    site = Site(REPO / "resources" / "sample_site")
    text = "---\ntitle:\nk: 1\nk: 2\n---\n<b>x\n</i>\n![a](/assets/none.png)\n"
    shown = [problem_text(problem) for problem in check_post(Post.from_text(text), site)]
    assert "머리말에 제목(title)이 없습니다" in shown
    assert "키 'k': 여러 번 나옵니다. 마지막 값이 쓰입니다" in shown
    assert "<b> 태그가 닫히지 않았습니다" in shown
    assert "</i>: 열리지 않은 태그를 닫습니다" in shown
    assert any(s.startswith("이미지 /assets/none.png을(를) 찾을 수 없습니다") for s in shown)


def test_broken_front_matter_in_korean_keeps_line_and_column(korean):
    for post in broken_yaml_posts():
        error = post.meta_error
        shown = error_text(error)
        assert shown.startswith(f"{error.line}행 {error.column}열: YAML 오류: "), shown
        [problem] = [p for p in check_post(post) if p.code == "front-matter"]
        assert problem_text(problem).startswith("YAML 오류: ")


def test_an_unknown_message_is_shown_as_it_is(korean):
    assert message_text("Something new in core") == "Something new in core"
    assert error_text(ValueError("odd")) == "odd"
    assert error_text(PermissionError(13, "Permission denied", "/x")) == "Permission denied (/x)"


FRAGMENTS = [
    re.sub(r"\{\w+\}", "", template)
    for template in core_wording._WRAPPERS + core_wording._WHOLE + core_wording.TAGS
] + ["'😀'", "1", ", ", ": ", "x", "YAML error: ", "<", ">", "`"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=400))
def test_any_text_is_worded_quickly_and_never_raises(korean, parts):
    """The window words any message it shows: hostile text built from the templates' own
    words must neither raise nor backtrack (free fields once took 48 s on such text)."""
    message = "".join(parts)
    started = time.perf_counter()
    shown = message_text(message)
    assert isinstance(shown, str)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "message",
    [
        " (line 1, column 2) cannot be stored in cp949; " * 200,  # took 48 s with free fields
        "image a not found (no file " * 300,
        "<a> is not closed before </b> " * 300,
        "`a` looks like a tag but is not HTML, so the page shows it as text (a space " * 100,
        "x" * 1_000_000,
    ],
)
def test_hostile_messages_are_worded_in_linear_time(korean, message):
    started = time.perf_counter()
    message_text(message)
    assert time.perf_counter() - started < 0.5


def test_deeply_nested_wrappers_stop_wording_instead_of_recursing(korean):
    message = "Cannot save this post: " * 400 + "x"  # 9,201 characters, 400 levels
    assert len(message) < core_wording.LONGEST_MESSAGE
    shown = message_text(message)
    assert shown.startswith("이 글을 저장할 수 없습니다: ") and shown.endswith("x")


def test_every_template_is_korean_in_the_catalog_and_keeps_its_fields(korean):
    templates = [
        value
        for name, value in vars(core_wording).items()
        if name.isupper() and isinstance(value, str) and name != "CONTEXT"
    ]
    for name in ("REASONS", "PROBLEMS"):
        templates += list(getattr(core_wording, name).values())
    templates += core_wording.FRONT_MATTER + core_wording.YAML_HINTS + core_wording.TAGS
    for template in templates:
        translated = QCoreApplication.translate("CoreMessages", template)
        assert translated != template and HANGUL.search(translated), template
        fields = sorted(re.findall(r"\{\w+\}", template))
        assert sorted(re.findall(r"\{\w+\}", translated)) == fields, template


# ---------------------------------------------------------------- history dialog and window


def test_history_dialog_says_no_differences_in_korean(korean, qtbot, tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: t\n---\n본문\n", encoding="utf-8")
    history = LocalHistory(tmp_path / "history")
    history.record(post, post.read_bytes())
    versions = history.versions(post)
    dialog = HistoryDialog(versions, Post.load(post).text_lf())
    qtbot.addWidget(dialog)
    assert dialog.diff.toPlainText() == "(차이 없음)"
    assert dialog.restore_button.isEnabled()
    other = HistoryDialog(versions, "---\ntitle: t\n---\n바뀐 본문\n")
    qtbot.addWidget(other)
    assert "-바뀐 본문" in other.diff.toPlainText()


def test_history_dialog_words_a_damaged_copy_in_korean(korean, qtbot, tmp_path):
    post = tmp_path / "post.md"
    post.write_text("본문\n", encoding="utf-8")
    history = LocalHistory(tmp_path / "history")
    history.record(post, post.read_bytes())
    [version] = history.versions(post)
    version.file.write_bytes(b"tampered")
    dialog = HistoryDialog([version], "본문\n")
    qtbot.addWidget(dialog)
    assert dialog.diff.toPlainText().endswith("에 저장한 버전이 손상되었습니다.")
    assert not dialog.restore_button.isEnabled()


@pytest.mark.webengine
def test_the_windows_cp949_refusal_is_korean(korean, qtbot, app_settings, site_copy, monkeypatch):
    """The real window, the real message box: what the writer reads after Save."""
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    path = site_copy / "_posts" / "2024-01-01-euc.md"
    path.write_bytes(CP949_POST)
    window = make_window(qtbot, app_settings, site_copy)
    assert window.open_path(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText("😀")
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None or (seen and seen[-1][1] == box.text()):
            QTimer.singleShot(20, answer)
            return
        seen.append((box.windowTitle(), box.text()))
        box.close()  # the UTF-8 offer: declined (Esc); the refusal: read
        if len(seen) < 2:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    assert not window.save()
    assert path.read_bytes() == CP949_POST
    [(offer, _offer_text), (title, text)] = seen
    assert offer == "UTF-8로 저장할까요?"  # first the way out (QA round 2), then the refusal
    assert title == "저장할 수 없음"
    assert text.startswith(f"{path}을(를) 저장할 수 없습니다: '😀'(") and "cp949로" in text
