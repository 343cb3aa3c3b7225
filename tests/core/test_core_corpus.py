"""Every real post: re-saving unchanged is byte-identical, and `meta --set title=...` changes
only the title's lines (checked with a line diff against the original)."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.post import Post

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
POSTS = sorted(CORPUS.glob("*/_posts/*"))
NEW_TITLE = "바뀐 제목: [테스트] 'quote' #1"
TOP_LEVEL_KEY = re.compile(r"^[^\s#-][^:]*:")


def test_corpus_is_there() -> None:
    assert len(POSTS) >= 190


@pytest.mark.parametrize("source", POSTS, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_unchanged_save_is_byte_identical(source: Path, tmp_path: Path) -> None:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    post = Post.load(target)
    target.unlink()  # save must write every byte itself
    post.save()
    assert target.read_bytes() == source.read_bytes()


def _title_diff(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert len(changes) == 1, changes
    _, old_start, old_end, new_start, new_end = changes[0]
    return before[old_start:old_end], after[new_start:new_end]


@pytest.mark.parametrize("source", POSTS, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_meta_set_title_changes_only_title_lines(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    original = source.read_bytes()
    status = main(["meta", str(target), "--set", f"title={json.dumps(NEW_TITLE)}"])
    error = Post.from_bytes(original).meta_error
    if error is not None:  # the broken posts: a message with the line, and no change
        assert status == 1
        assert target.read_bytes() == original
        assert f"{target}:{error.line}:{error.column}: error: " in capsys.readouterr().err
        return
    assert status == 0
    before = original.decode("utf-8").splitlines(keepends=True)
    after = target.read_bytes().decode("utf-8").splitlines(keepends=True)
    removed, added = _title_diff(before, after)
    assert removed[0].startswith("title:")
    assert not any(TOP_LEVEL_KEY.match(line) for line in removed[1:])
    assert len(added) == 1 and added[0].startswith("title:")
    assert Post.load(target).title == NEW_TITLE
