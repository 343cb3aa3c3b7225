"""`meta --set categories='[경제]'` over every corpus post at once, the way a writer re-files
a whole blog: readable posts change only their categories lines, broken ones not at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.post import Post

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def without_categories(data: bytes) -> bytes:
    post = Post.from_bytes(data)
    post.unset_meta("categories")
    return post.to_bytes()


def test_set_categories_on_the_whole_corpus(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    copies = []
    for number, source in enumerate(sorted(CORPUS.rglob("_posts/*.md"))):
        copies.append(tmp_path / f"{number:03d}-{source.name}")
        shutil.copyfile(source, copies[-1])
    before = {path: path.read_bytes() for path in copies}
    readable = {path for path, data in before.items() if Post.from_bytes(data).meta_error is None}
    assert len(copies) > 150 and 0 < len(copies) - len(readable) < 10

    status = main(["meta", *map(str, copies), "--set", "categories=[경제]"])
    errors = capsys.readouterr().err.splitlines()

    assert status == 1  # the broken posts
    assert len(errors) == len(copies) - len(readable)
    assert all("(file not changed)" in line for line in errors)
    for path in copies:
        after = path.read_bytes()
        if path not in readable:
            assert after == before[path], path
            continue
        post = Post.from_bytes(after)
        assert post.meta["categories"] == ["경제"], path
        old_meta = dict(Post.from_bytes(before[path]).meta)
        order = list(old_meta) + ([] if "categories" in old_meta else ["categories"])
        assert list(post.meta) == order, path  # the key stays where it was
        old_meta.pop("categories", None)
        assert {k: v for k, v in post.meta.items() if k != "categories"} == old_meta, path
        assert without_categories(after) == without_categories(before[path]), path
