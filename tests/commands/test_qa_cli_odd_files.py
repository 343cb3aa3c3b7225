"""QA round 2: the command line on files that are not text. `check` refused a binary file, but
`render` printed replacement characters with exit 0, and `meta` told a command-line user the
window's "Opened for viewing only; it cannot be saved"."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import run_editor

REPO = Path(__file__).resolve().parents[2]
NOT_TEXT = b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x01 binary, not a post"
NOT_UTF8 = bytes(range(0x80, 0x100)) * 4  # neither UTF-8 nor CP949 nor UTF-16


run_cli = run_editor


@pytest.mark.parametrize("data", [NOT_TEXT, NOT_UTF8], ids=["binary", "not-utf8"])
def test_render_refuses_a_file_that_is_not_text(tmp_path, data) -> None:
    post = tmp_path / "post.md"
    post.write_bytes(data)
    result = run_cli("render", str(post))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert str(post) in result.stderr and "not" in result.stderr  # says why
    output = tmp_path / "out.html"
    assert run_cli("render", str(post), "-o", str(output)).returncode == 1
    assert not output.exists()


@pytest.mark.parametrize("data", [NOT_TEXT, NOT_UTF8], ids=["binary", "not-utf8"])
def test_meta_says_why_without_the_windows_words(tmp_path, data) -> None:
    post = tmp_path / "post.md"
    post.write_bytes(data)
    result = run_cli("meta", str(post), "--json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "viewing only" not in result.stderr and "cannot be saved" not in result.stderr
    check = run_cli("check", str(post))
    assert check.stdout.strip().split(": error: ", 1)[1] in result.stderr  # check's reason
    assert post.read_bytes() == data


def test_meta_set_a_value_the_files_encoding_cannot_hold(tmp_path) -> None:
    """A CP949 post and an emoji in --set: a traceback before; now FILE:LINE:COL and no change."""
    post = tmp_path / "post.md"
    data = "---\ntitle: 한글 제목\n---\n\n본문\n".encode("cp949")
    post.write_bytes(data)
    result = run_cli("meta", str(post), "--set", 'title="제목 😀"')
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{post}:2:") and "cp949" in result.stderr
    assert "file not changed" in result.stderr
    assert post.read_bytes() == data
