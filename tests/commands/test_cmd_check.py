"""`post-editor check`: stable FILE:LINE:COL: severity: message lines and the exit status."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from editor.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
Capture = pytest.CaptureFixture
LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+)$")


def run(capsys: Capture, *argv: str) -> tuple[int, list[str], str]:
    status = main(["check", *argv])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "assets" / "img").mkdir(parents=True)
    (root / "assets" / "img" / "ok.jpg").write_bytes(b"jpg")
    (root / "_config.yml").write_text("title: blog\n", encoding="utf-8")
    return root


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_post_exits_zero_silently(capsys: Capture, reference_post: Path) -> None:
    assert run(capsys, str(reference_post)) == (0, [], "")


def test_broken_yaml_line_format_and_exit_one(capsys: Capture, site: Path) -> None:
    path = write(site / "_posts" / "2024-01-01-b.md", "---\ntitle: [예산] 2024\n---\n")
    status, lines, _ = run(capsys, path)
    assert status == 1
    assert len(lines) == 1
    match = LINE.match(lines[0])
    assert match is not None
    assert (match["file"], match["line"], match["col"], match["sev"]) == (path, "2", "13", "error")
    assert "quote the whole value" in match["msg"]


def test_warnings_alone_exit_zero(capsys: Capture, site: Path) -> None:
    path = write(site / "_posts" / "2024-01-01-w.md", "---\nlayout: post\n---\n</i>\n")
    status, lines, _ = run(capsys, path)
    assert status == 0
    assert lines == [
        f"{path}:1:1: warning: no title in the front matter",
        f"{path}:4:1: warning: </i> closes a tag that is not open",
    ]


def test_missing_and_unreadable_files_are_messages(capsys: Capture, tmp_path: Path) -> None:
    binary = tmp_path / "x.md"
    binary.write_bytes(b"\x00\x01\x02\xff")
    status, lines, err = run(capsys, str(tmp_path / "nope.md"), str(tmp_path), str(binary))
    assert status == 1 and err == ""
    assert lines[0] == f"{tmp_path / 'nope.md'}:1:1: error: No such file: {tmp_path / 'nope.md'}"
    assert lines[1] == f"{tmp_path}:1:1: error: {tmp_path} is a folder, not a post"
    assert lines[2].startswith(f"{binary}:1:1: error: The file is not readable text")


def test_site_found_by_walking_up(capsys: Capture, site: Path) -> None:
    text = "---\ntitle: t\n---\n![a](/assets/img/ok.jpg)\n![b](/assets/img/gone.jpg)\n"
    path = write(site / "_posts" / "2024-01-01-i.md", text)
    status, lines, _ = run(capsys, path)
    assert status == 1
    assert lines == [
        f"{path}:5:6: error: image /assets/img/gone.jpg not found "
        f"(no file {site.resolve() / 'assets/img/gone.jpg'})"
    ]


def test_site_option(capsys: Capture, site: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "loose.md", "---\ntitle: t\n---\n![b](/assets/img/gone.jpg)\n")
    assert run(capsys, path)[0] == 0  # no site above it: image paths unknown
    status, lines, _ = run(capsys, path, "--site", str(site))
    assert status == 1 and "gone.jpg not found" in lines[0]
    status, lines, err = run(capsys, path, "--site", str(tmp_path / "nowhere"))
    assert status == 2 and "no _config.yml" in err


def test_whole_corpus_lines_are_well_formed(capsys: Capture) -> None:
    posts = sorted(str(path) for path in CORPUS.glob("*/_posts/*"))
    status, lines, err = run(capsys, *posts)
    assert status == 1 and err == ""
    assert lines and all(LINE.match(line) for line in lines)
    assert any("<pdata-ke-size" in line for line in lines)
    assert sum("YAML error" in line for line in lines) == 5


def test_check_does_not_touch_files(capsys: Capture, tmp_path: Path) -> None:
    sources = sorted(CORPUS.glob("koreanews.github.io/_posts/*"))[:10]
    copies = []
    for source in sources:
        copies.append(tmp_path / source.name)
        shutil.copyfile(source, copies[-1])
    run(capsys, *map(str, copies))
    assert [c.read_bytes() for c in copies] == [s.read_bytes() for s in sources]
    assert sorted(tmp_path.iterdir()) == sorted(copies)
