"""first_screen: the top of a long body, cut where a block ends (preview's first paint)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from editor.render.block_split import split_blocks
from editor.render.first_screen import first_screen
from editor.render.pipeline import render_body

POSTS = Path(__file__).resolve().parents[2] / "resources/sample_site/_posts"
REFERENCE = POSTS / "2023-09-29-digital-transformation.md"
BODY = REFERENCE.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def test_a_short_body_is_kept_whole():
    assert first_screen(BODY, limit=len(BODY)) == BODY


def test_a_long_body_is_cut_at_a_blank_line_within_the_limit():
    text = BODY * 10
    top = first_screen(text, limit=9_000)
    assert text.startswith(top) and 0 < len(top) <= 9_000
    assert top.endswith("\n\n") or top.endswith("\n\n\n")


def test_the_cut_never_falls_inside_fenced_code():
    code = "```python\n" + "x = 1\n\ny = 2\n" * 200 + "```\n"
    text = "intro\n\n" + code + "\nafter\n\n" + "more text\n\n" * 100
    top = first_screen(text, limit=1_500)
    assert top == "intro\n\n"  # every blank line before the limit is inside the fence


def test_the_top_renders_as_the_first_blocks_of_the_whole():
    text = BODY * 6
    top = first_screen(text, limit=10_000)
    whole_blocks = [block.text for block in split_blocks(text)]
    top_blocks = [block.text for block in split_blocks(top)]
    assert top_blocks == whole_blocks[: len(top_blocks)]
    assert render_body(text).startswith(render_body(top).rstrip("\n")[:2_000])


@given(st.text(alphabet="ab`~ \n", max_size=400), st.integers(1, 300))
def test_always_a_prefix_within_the_limit(text, limit):
    top = first_screen(text, limit)
    assert text.startswith(top)
    assert len(top) <= max(limit, 0) or top == text
