"""`post-editor render`: the body fragment or the full page, to stdout or a file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.render.pipeline import render_body

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"
REFERENCE = next((SAMPLE_SITE / "_posts").glob("*.md"))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "editor", "render", *args],
        capture_output=True,
        cwd=cwd or REPO,
        env=env,
        timeout=60,
    )


def test_body_fragment_is_exactly_render_body() -> None:
    result = run_cli(str(REFERENCE))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == render_body(Post.load(REFERENCE).body)
    assert result.stderr == b""


def test_page_option_writes_the_preview_page() -> None:
    result = run_cli(str(REFERENCE), "--page")
    assert result.returncode == 0, result.stderr.decode()
    page = result.stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'id="pe-body"' in page
    assert (SAMPLE_SITE / "assets/img/newsdao_breakingnews.jpg").resolve().as_uri() in page


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    out.write_text("old", encoding="utf-8")
    result = run_cli(str(REFERENCE), "--page", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.html"]  # no temp left


def test_site_option_resolves_pictures_in_that_site(tmp_path: Path) -> None:
    post = tmp_path / "loose.md"  # outside any site: pictures come from --site
    post.write_text("---\ntitle: t\n---\n\n![x](/assets/img/newsdao_breakingnews.jpg)\n")
    without_site = run_cli(str(post), "--page")
    with_site = run_cli(str(post), "--page", "--site", str(SAMPLE_SITE))
    assert with_site.returncode == without_site.returncode == 0
    assert b"pe-img-missing" in without_site.stdout
    picture = (SAMPLE_SITE / "assets/img/newsdao_breakingnews.jpg").resolve().as_uri()
    assert picture.encode() in with_site.stdout


def test_broken_yaml_still_renders_the_body_with_a_message(tmp_path: Path) -> None:
    post = tmp_path / "broken.md"
    post.write_text("---\ntitle: [깨진] 제목\n---\n\n본문 **굵게**\n", encoding="utf-8")
    result = run_cli(str(post))
    assert result.returncode == 0
    assert "<strong>굵게</strong>" in result.stdout.decode("utf-8")
    message = result.stderr.decode("utf-8")
    assert "front matter" in message and str(post) in message
    assert "Traceback" not in message


def test_missing_file_is_a_message_and_exit_1(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nope.md"))
    assert result.returncode == 1
    assert result.stdout == b""
    message = result.stderr.decode("utf-8")
    assert "nope.md" in message and "no such file" in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    "extra", [["--site", "/nonexistent/site"], ["-o", "/nonexistent/folder/out.html"]]
)
def test_bad_site_or_output_is_a_message_and_exit_1(extra: list[str]) -> None:
    result = run_cli(str(REFERENCE), "--page", *extra)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"/nonexistent/" in result.stderr


def test_output_to_a_device_is_refused_with_a_message() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    result = run_cli(str(REFERENCE), "-o", "/dev/full")
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr


def test_folder_instead_of_file_is_a_message(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path))
    assert result.returncode == 1
    assert b"not a file" in result.stderr


def test_korean_file_name_with_spaces(tmp_path: Path) -> None:
    post = tmp_path / "한글 이름 글.md"
    shutil.copy(REFERENCE, post)
    result = run_cli(str(post))
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == render_body(Post.load(REFERENCE).body)
