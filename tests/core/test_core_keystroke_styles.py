"""Every real post: typing into the title one key at a time (as the form does, with the style
the title had when the file was read) and typing it back leaves the file byte-identical, and
the title never ends up quoted when the file had it plain."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.frontmatter import value_styles
from editor.core.post import Post

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
POSTS = sorted(CORPUS.glob("*/_posts/*"))
TYPED = " 2: 'x' #"  # passes through values that need quotes (a final space, ': ', ' #')


@pytest.mark.parametrize("source", POSTS, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_typing_into_the_title_and_back_is_byte_identical(source: Path) -> None:
    original = source.read_bytes()
    post = Post.from_bytes(original, source)
    title = post.meta.get("title")
    if post.meta_error is not None or not isinstance(title, str) or "\n" in title:
        pytest.skip("no one-line text title to type into")
    if _title_spans_lines(post.front_matter_text):
        pytest.skip("a title folded over several lines is written back on one line")
    styles = value_styles(post.front_matter_text)
    for end in range(1, len(TYPED) + 1):
        post.set_meta("title", title + TYPED[:end], style=styles.get("title"))
    for end in range(len(TYPED) - 1, -1, -1):
        post.set_meta("title", title + TYPED[:end], style=styles.get("title"))
    assert post.title == title
    assert post.to_bytes() == original


def _title_spans_lines(yaml_text: str) -> bool:
    lines = yaml_text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    return at + 1 < len(lines) and lines[at + 1][:1] in (" ", "\t")


def test_most_corpus_titles_are_checked() -> None:
    checked = 0
    for source in POSTS:
        post = Post.from_bytes(source.read_bytes(), source)
        title = post.meta.get("title")
        if post.meta_error is None and isinstance(title, str) and "\n" not in title:
            checked += not _title_spans_lines(post.front_matter_text)
    assert checked >= 180
