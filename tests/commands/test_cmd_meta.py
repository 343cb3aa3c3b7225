"""`post-editor meta`: print (raw or JSON) and format-preserving in-place edits."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

from editor.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
Capture = pytest.CaptureFixture
BROKEN = "---\ntitle: [청담동 의혹] 김의겸\ncategories:\n  - News\n---\n본문\n"


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = main(["meta", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def posts(tmp_path: Path) -> list[Path]:
    sources = sorted(CORPUS.glob("whereispost.github.io/_posts/*.md"))[:6]
    copies = []
    for source in sources:
        copies.append(tmp_path / source.name)
        shutil.copyfile(source, copies[-1])
    return copies


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_prints_raw_front_matter(capsys: Capture, reference_post: Path) -> None:
    status, out, err = run(capsys, str(reference_post))
    assert status == 0 and err == ""
    text = reference_post.read_text(encoding="utf-8")
    assert out == text.split("---\n")[1]


def test_several_files_get_headers(capsys: Capture, posts: list[Path]) -> None:
    status, out, _ = run(capsys, str(posts[0]), str(posts[1]))
    assert status == 0
    assert out.startswith(f"==> {posts[0]} <==\ntitle:")
    assert f"\n==> {posts[1]} <==\ntitle:" in out


def test_json_single_and_several(capsys: Capture, tmp_path: Path) -> None:
    one = write(tmp_path / "a.md", "---\ntitle: 가\ndate: 2024-01-02 09:30:00\n2024: x\n---\n")
    two = write(tmp_path / "b.md", "no front matter\n")
    status, out, _ = run(capsys, "--json", str(one))
    assert status == 0
    assert json.loads(out) == {"title": "가", "date": "2024-01-02T09:30:00", "2024": "x"}
    assert "가" in out  # Korean printed as is
    status, out, _ = run(capsys, "--json", str(one), str(two))
    assert json.loads(out)[str(two)] == {}


def test_set_categories_across_many_posts(capsys: Capture, posts: list[Path]) -> None:
    before = [path.read_text(encoding="utf-8") for path in posts]
    status, out, err = run(capsys, *map(str, posts), "--set", "categories=[경제]")
    assert (status, out, err) == (0, "", "")
    for old, path in zip(before, posts, strict=True):
        new = path.read_text(encoding="utf-8")
        diff = [
            line
            for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")
        ]
        assert diff == ["-  - News", "+  - 경제"], path


def test_set_and_unset_in_order(capsys: Capture, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: t\n---\nbody\n")
    assert run(capsys, str(path), "--set", "x=1", "--unset", "x")[0] == 0
    assert path.read_text(encoding="utf-8") == "---\ntitle: t\n---\nbody\n"
    assert run(capsys, str(path), "--unset", "x", "--set", "x=1", "--unset", "title")[0] == 0
    assert path.read_text(encoding="utf-8") == "---\nx: 1\n---\nbody\n"


def test_set_adds_front_matter_when_missing(capsys: Capture, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "본문\r\n")
    assert run(capsys, str(path), "--set", 'title="[속보] 제목"')[0] == 0
    assert path.read_bytes() == "---\r\ntitle: '[속보] 제목'\r\n---\r\n본문\r\n".encode()


def test_broken_post_is_not_changed_others_are(capsys: Capture, tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.md", BROKEN)
    good = write(tmp_path / "good.md", "---\ntitle: 좋은 글\n---\n")
    status, out, err = run(capsys, str(broken), str(good), "--set", "excerpt=요약")
    assert status == 1
    assert f"{broken}:2:17: error: YAML error" in err and "(file not changed)" in err
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert good.read_text(encoding="utf-8") == "---\ntitle: 좋은 글\nexcerpt: 요약\n---\n"
    status, out, err = run(capsys, str(broken))
    assert status == 1 and out == "" and f"{broken}:2:17: error:" in err


def test_bad_values_and_usage_exit_two(capsys: Capture, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: t\n---\n")
    for bad in ["title=[a] b", "novalue", "=x", "x=a: b: c", "x=!!python/object:os.system x"]:
        status, _, err = run(capsys, str(path), "--set", bad)
        assert status == 2, bad
        assert "post-editor meta:" in err
    assert path.read_text(encoding="utf-8") == "---\ntitle: t\n---\n"


def test_unchanged_value_does_not_rewrite(capsys: Capture, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: t\n---\n")
    stamp = path.stat().st_mtime_ns
    assert run(capsys, str(path), "--set", "title=t", "--unset", "missing")[0] == 0
    assert path.stat().st_mtime_ns == stamp


def test_unreadable_and_missing_files(capsys: Capture, tmp_path: Path) -> None:
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x80\x81\x82")
    status, _, err = run(capsys, str(binary), str(tmp_path / "gone.md"), "--set", "t=1")
    assert status == 1
    assert f"{binary}:1:1: error: The file is not readable text" in err
    assert f"{tmp_path / 'gone.md'}:1:1: error: No such file" in err
    assert binary.read_bytes() == b"\x80\x81\x82"
    assert not (tmp_path / "gone.md").exists()


def test_json_after_edit_prints_new_values(capsys: Capture, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: t\n---\n")
    status, out, _ = run(capsys, str(path), "--json", "--set", "tags=[a, b]")
    assert status == 0 and json.loads(out) == {"title": "t", "tags": ["a", "b"]}
