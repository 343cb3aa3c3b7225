"""Hostile and odd files (issue #6): each opens or is refused with a clear message; nothing on
disk changes; `check` and `meta` print messages, never tracebacks."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.checks import check_post
from editor.core.frontmatter import MAX_FRONT_MATTER_CHARS
from editor.core.post import Post

REPO = Path(__file__).resolve().parents[2]
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else 'lol'}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)

FILES: dict[str, bytes] = {
    "binary.md": bytes(range(256)) * 4,
    "png.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "empty.md": b"",
    "front-matter-only.md": "---\ntitle: 제목\n---".encode(),
    "no-front-matter.md": "그냥 본문\n".encode(),
    "dashes-in-body.md": "---\ntitle: a\n---\n본문\n---\nnot: yaml\n---\n".encode(),
    "duplicate-keys.md": b"---\ntitle: a\ntitle: b\n---\nx\n",
    "tabs.md": b"---\ntitle: a\n\tcategories: [x]\n---\nx\n",
    "invalid-utf8.md": b"---\ntitle: a\n---\n\xed\xa0\x80 \xc3\x28\n",
    "cp949.md": "---\ntitle: 한글\n---\n본문\r\n".encode("cp949"),
    "utf16.md": "---\r\ntitle: 한글\r\n---\r\n본문\r\n".encode("utf-16"),
    "python-tag.md": b"---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n",
    "alias-bomb.md": ("---\n" + BOMB + "---\nbody\n").encode(),
    "unclosed.md": b"---\ntitle: a\nbody without closing fence\n",
    "huge-front-matter.md": ("---\nx: '" + "a" * MAX_FRONT_MATTER_CHARS + "'\n---\n").encode(),
}


@pytest.fixture
def hostile(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, data in FILES.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


def assert_unchanged(paths: dict[str, Path]) -> None:
    for name, path in paths.items():
        assert path.read_bytes() == FILES[name], name
    assert sorted(p.name for p in next(iter(paths.values())).parent.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_opens_and_keeps_its_bytes(hostile: dict[str, Path], name: str) -> None:
    post = Post.load(hostile[name])
    assert post.to_bytes() == FILES[name]
    problems = check_post(post)
    assert all(problem.message and problem.line >= 1 for problem in problems)
    assert_unchanged(hostile)


def test_what_each_reports(hostile: dict[str, Path]) -> None:
    def load(name: str) -> Post:
        return Post.load(hostile[name])

    assert "binary" in load("png.md").read_only_reason
    assert "not valid UTF-8" in load("binary.md").read_only_reason
    assert "not valid UTF-8" in load("invalid-utf8.md").read_only_reason
    assert load("empty.md").meta == {} and load("empty.md").body == ""
    assert load("front-matter-only.md").title == "제목"
    assert load("no-front-matter.md").front_matter_text is None
    assert load("dashes-in-body.md").body == "본문\n---\nnot: yaml\n---\n"
    assert load("duplicate-keys.md").title == "b"
    assert load("tabs.md").meta_error.line == 3
    assert load("cp949.md").text_format.encoding == "cp949"
    assert load("utf16.md").title == "한글"
    assert "not allowed" in load("python-tag.md").meta_error.message
    assert not Path("/tmp/pwned").exists()
    assert "alias bomb" in load("alias-bomb.md").meta_error.message
    assert load("unclosed.md").front_matter_text is None
    assert "too long" in load("huge-front-matter.md").meta_error.message


def test_ten_megabyte_post_opens_and_checks_in_seconds(tmp_path: Path) -> None:
    paragraph = '<p data-ke-size="size16"><b><span style="color: #ee2323;">빨강</span></b></p>\n\n'
    data = ("---\ntitle: 큰 글\n---\n" + paragraph * (10_000_000 // 100)).encode()
    path = tmp_path / "big.md"
    path.write_bytes(data)
    started = time.perf_counter()
    post = Post.load(path)
    assert check_post(post) == []
    post.set_meta("title", "여전히 큰 글")
    post.save()
    assert time.perf_counter() - started < 15
    assert path.read_bytes() == data.replace("큰 글".encode(), "여전히 큰 글".encode(), 1)


def test_check_and_meta_print_messages_for_all(
    hostile: dict[str, Path], capsys: pytest.CaptureFixture
) -> None:
    files = [str(path) for path in hostile.values()]
    assert main(["check", *files]) == 1
    assert main(["meta", *files]) == 1
    assert main(["meta", "--json", *files]) == 1
    assert main(["meta", *files, "--set", "title=x"]) == 1
    output = capsys.readouterr()
    assert "Traceback" not in output.out + output.err
    assert_unchanged({k: v for k, v in hostile.items() if _must_stay(k)})


def _must_stay(name: str) -> bool:
    """Files `meta --set` may not change: unreadable or broken ones."""
    post = Post.from_bytes(FILES[name])
    return post.read_only_reason is not None or post.meta_error is not None


def test_cli_subprocess_never_shows_a_traceback(hostile: dict[str, Path]) -> None:
    files = [str(path) for path in hostile.values()] + [str(hostile["empty.md"].parent / "gone")]
    for command in (["check"], ["meta", "--json"], ["meta", "--set", "title=x"]):
        result = subprocess.run(
            [sys.executable, "-m", "editor", *command, *files],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=60,
        )
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert "gone:1:1: error: No such file" in result.stdout + result.stderr
