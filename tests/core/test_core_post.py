"""Post: opens anything, gives back identical bytes, edits only what was asked."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from editor.core import post as post_module
from editor.core.frontmatter import FrontMatterError
from editor.core.post import Post
from editor.core.textio import SaveError, TextFormat

BROKEN = "---\ntitle: [예산 효율화] 2024 예산\ncategories:\n  - 경제\n---\n본문\n"


def test_reference_post_opens(reference_post: Path) -> None:
    post = Post.load(reference_post)
    assert post.title == "디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?"
    assert post.categories == ["News"]
    assert post.image == "/assets/img/newsdao_breakingnews.jpg"
    assert post.excerpt.startswith("자동차, 조선")
    assert post.feature_text.startswith("## whereispost")
    assert post.layout is None and post.date is None and post.tags == []
    assert post.to_bytes() == reference_post.read_bytes()
    assert post.front_matter_first_line == 2
    assert post.body_first_line == 13


def test_broken_yaml_opens_with_raw_text_and_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    post = Post.load(path)
    assert post.meta == {}
    assert post.front_matter_text.startswith("title: [예산 효율화]")
    assert (post.meta_error.line, post.meta_error.column) == (2, 17)
    assert post.body == "본문\n"
    with pytest.raises(FrontMatterError):
        post.set_meta("title", "x")
    assert path.read_text(encoding="utf-8") == BROKEN


def test_fixing_raw_yaml_clears_the_error() -> None:
    post = Post.from_text(BROKEN)
    post.set_front_matter_text("title: '[예산 효율화] 2024 예산'\ncategories:\n  - 경제\n")
    assert post.meta_error is None
    assert post.title == "[예산 효율화] 2024 예산"
    post.set_front_matter_text("title: [x] y\n")
    assert post.meta == {} and post.meta_error is not None


def test_set_meta_on_post_without_front_matter_adds_fences() -> None:
    post = Post.from_text("본문만\r\n있어요\r\n")
    assert post.front_matter_text is None and post.meta == {}
    post.set_meta("title", "새 글")
    assert post.text() == "---\r\ntitle: 새 글\r\n---\r\n본문만\r\n있어요\r\n"
    assert post.title == "새 글"


def test_unset_meta_and_properties() -> None:
    post = Post.from_text("---\ncategories: 경제 정치\ntags: [a]\ndate: 2024-01-02\n---\n")
    assert post.categories == ["경제", "정치"]
    assert post.date == datetime.date(2024, 1, 2)
    post.unset_meta("tags")
    assert post.text() == "---\ncategories: 경제 정치\ndate: 2024-01-02\n---\n"
    assert post.tags == []


def test_image_as_mapping() -> None:
    post = Post.from_text("---\nimage:\n  path: /a.jpg\n  alt: x\n---\n")
    assert post.image == "/a.jpg"


def test_save_round_trip_cp949_crlf(tmp_path: Path) -> None:
    path = tmp_path / "old.md"
    original = "---\r\ntitle: 옛 글\r\n---\r\n본문\r\n".encode("cp949")
    path.write_bytes(original)
    post = Post.load(path)
    assert post.text_format == TextFormat("cp949", b"", "\r\n")
    post.save()
    assert path.read_bytes() == original
    post.set_meta("title", "새 글")
    post.save()
    assert path.read_bytes() == "---\r\ntitle: 새 글\r\n---\r\n본문\r\n".encode("cp949")


def test_unencodable_character_refuses_to_save(tmp_path: Path) -> None:
    path = tmp_path / "old.md"
    original = "---\ntitle: 옛 글\n---\n".encode("cp949")
    path.write_bytes(original)
    post = Post.load(path)
    post.set_body("이모지 😀\n")
    with pytest.raises(SaveError, match="cannot be stored in cp949"):
        post.save()
    assert path.read_bytes() == original


def test_body_lf_edit_keeps_mixed_endings() -> None:
    post = Post.from_bytes(b"---\r\ntitle: t\r\n---\r\none\r\ntwo\nthree\r\n")
    post.set_body_lf("one\ntwo\nthree\nfour\n")
    assert post.to_bytes() == b"---\r\ntitle: t\r\n---\r\none\r\ntwo\nthree\r\nfour\r\n"


def test_set_text_lf_whole_file() -> None:
    post = Post.from_bytes(b"---\r\ntitle: t\r\n---\r\nbody\r\n")
    post.set_text_lf("---\ntitle: u\n---\nbody\n")
    assert post.to_bytes() == b"---\r\ntitle: u\r\n---\r\nbody\r\n"
    assert post.title == "u"


def test_undecodable_bytes_open_read_only(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    data = b"---\ntitle: x\n---\n\x80\x81\xff body"
    path.write_bytes(data)
    post = Post.load(path)
    assert "not valid UTF-8" in post.read_only_reason
    assert "\ufffd" in post.body
    assert post.to_bytes() == data
    with pytest.raises(SaveError, match="viewing only"):
        post.save()
    with pytest.raises(SaveError):
        post.save(tmp_path / "copy.md")
    assert path.read_bytes() == data
    assert not (tmp_path / "copy.md").exists()


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p / "missing.md", FileNotFoundError, "No such file"),
        (lambda p: p, IsADirectoryError, "is a folder"),
    ],
)
def test_load_unreadable_paths_raise_plain_oserror(tmp_path: Path, make, error, words) -> None:  # noqa: ANN001
    with pytest.raises(error, match=words):
        Post.load(make(tmp_path))


def test_save_without_path_and_save_as(tmp_path: Path) -> None:
    post = Post.from_text("---\ntitle: 새\n---\n")
    with pytest.raises(SaveError, match="no file name"):
        post.save()
    post.save(tmp_path / "new.md")
    assert post.path == tmp_path / "new.md"
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == "---\ntitle: 새\n---\n"


def test_fifo_and_devices_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        Post.load(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        Post.load(Path("/dev/zero"))


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 2048)
    monkeypatch.setattr(post_module, "MAX_POST_BYTES", 1024)
    with pytest.raises(OSError, match="too large for a post"):
        Post.load(path)


def test_raw_yaml_with_a_fence_line_is_kept_as_typed_and_reported() -> None:
    post = Post.from_text("---\ntitle: a\n---\nbody\n")
    post.set_front_matter_text("title: b\n---\nmore: 1\n")
    assert post.front_matter_text == "title: b\n---\nmore: 1\n"  # never moved to the body
    assert post.body == "body\n"
    assert post.text() == "---\ntitle: b\n---\nmore: 1\n---\nbody\n"
    assert post.meta_error is not None and post.meta == {}
    assert (post.meta_error.line, post.meta_error.column) == (3, 1)
    assert "`---` line ends the front matter" in post.meta_error.message
    post.set_front_matter_text("title: b\n...\n")
    assert post.meta_error is not None and post.meta_error.line == 3


@pytest.mark.parametrize("typed", ["layout: post", "tags: [a", "", "a: 1\r\nb: 2"])
def test_raw_yaml_without_a_final_line_break_keeps_its_fences(typed: str) -> None:
    post = Post.from_text("---\ntitle: a\n---\nbody\n")
    post.set_front_matter_text("title: a\n" + typed)
    assert post.front_matter_text == "title: a\n" + typed  # as typed
    newline = "\n" if typed else ""
    assert post.text() == "---\ntitle: a\n" + typed + newline + "---\nbody\n"
    again = Post.from_text(post.text())
    assert again.body == "body\n"
    assert again.front_matter_text == "title: a\n" + typed + newline


def test_a_closing_fence_is_written_on_its_own_crlf_line() -> None:
    post = Post.from_bytes(b"---\r\ntitle: a\r\n---\r\nbody\r\n")
    post.set_front_matter_text("title: a\r\nlayout: post")
    assert post.to_bytes() == b"---\r\ntitle: a\r\nlayout: post\r\n---\r\nbody\r\n"


def test_body_starting_with_front_matter_becomes_front_matter() -> None:
    post = Post.from_text("no front matter\n")
    post.set_body("---\ntitle: x\n---\nhello\n")
    assert post.title == "x" and post.body == "hello\n"


def test_control_character_in_yaml_has_a_position() -> None:
    post = Post.from_text("---\ntitle: a\x01b\n---\n")
    assert (post.meta_error.line, post.meta_error.column) == (2, 9)
    assert "U+0001" in post.meta_error.message
