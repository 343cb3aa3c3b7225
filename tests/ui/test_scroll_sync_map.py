"""The editor's block map for scroll sync: updated edit by edit, always equal to a whole split.

The map must equal ``block_starts`` (split_blocks over the whole text) after any edits, and
after a keystroke it must split only the lines around the edit, not the whole text again.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.ui.scroll_sync import BlockMap, block_starts, self_contained

SAMPLE_POST = next(
    (Path(__file__).resolve().parents[2] / "resources/sample_site/_posts").glob("*.md")
)

# Lines that make split_blocks look ahead or glue blocks: fences, HTML left open or closed
# later, quoted attributes, comments, lists, quotes, indented and attribute lines.
TRICKY_LINES = [
    "",
    "",
    "",
    "Plain prose line.",
    "한국어 문단입니다.",
    "```",
    "```python",
    "~~~",
    "    indented code",
    "- item",
    "1. first",
    "> quote",
    ": definition",
    "{: .class}",
    "<div>",
    "</div>",
    "<table>",
    "</table>",
    "<tr><td>cell</td></tr>",
    '<p data-ke-size="size16">&nbsp;</p>',
    '<span style="color: #ee2323;">red</span> words',
    '<div title="open',
    'closing" >',
    "<div",
    "class=x >",
    "<!-- comment",
    "-->",
    "<?php",
    "?>",
    "<b>bold</b> start",
    "</p> <span>",
    "<script>",
    "</script>",
    "[ref]: http://example.com",
    "# Heading",
    "***",
]

line_lists = st.lists(st.sampled_from(TRICKY_LINES), max_size=40)


class Text:
    """A text as lines, with the edit calls the editor's document would make."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines) or [""]
        self.map = BlockMap()

    def read(self, first: int, end: int) -> list[str]:
        return self.lines[first:end]

    def starts(self) -> list[int]:
        return self.map.starts(self.read, len(self.lines))

    def replace(self, first: int, old_count: int, new_lines: list[str]) -> None:
        """Replace lines [first, first + old_count) (at least one line stays touched)."""
        first = min(first, len(self.lines) - 1)
        old_end = min(len(self.lines), first + max(1, old_count))
        new_lines = new_lines or [""]
        self.lines[first:old_end] = new_lines
        self.map.edited(first, old_end, first + len(new_lines))


def whole(text: Text) -> list[int]:
    return block_starts("\n".join(text.lines))


edits = st.lists(
    st.tuples(
        st.integers(0, 60), st.integers(0, 4), st.lists(st.sampled_from(TRICKY_LINES), max_size=4)
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line_lists, edits, st.booleans())
def test_map_equals_a_whole_split_after_random_edits(lines, edit_list, sync_each) -> None:
    text = Text(lines)
    assert text.starts() == whole(text)
    for first, old_count, new_lines in edit_list:
        text.replace(first, old_count, new_lines)
        if sync_each:  # a scroll after every edit, or only after a burst of them
            assert text.starts() == whole(text)
    assert text.starts() == whole(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.text(alphabet="ab <>*`~\"'=-#", max_size=6), st.booleans())
def test_map_follows_edits_in_the_reference_post(where, typed, new_line) -> None:
    body = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2] * 3
    text = Text(body.split("\n"))
    text.starts()
    line = where % len(text.lines)
    edited = [text.lines[line] + typed] + ([typed] if new_line else [])
    text.replace(line, 1, edited)
    assert text.starts() == whole(text)


def test_a_keystroke_splits_only_the_lines_near_it() -> None:
    body = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2] * 40  # ~200 KB
    text = Text(body.split("\n"))
    text.starts()
    assert text.map.lines_split == len(text.lines)  # the first use splits everything once
    middle = len(text.lines) // 2
    while not text.lines[middle].strip() or text.lines[middle].startswith(("<", " ")):
        middle += 1
    for letter in "typing":
        before = text.map.lines_split
        text.replace(middle, 1, [text.lines[middle] + letter])
        assert text.starts() == whole(text)
        assert text.map.lines_split - before < 100  # of ~7,000 lines


def test_an_open_fence_above_makes_the_map_split_from_it() -> None:
    lines = ["para one", "", "```", "code?", "", "para two", "", "para three"]
    text = Text(lines)
    text.starts()
    text.replace(7, 1, ["para three", "```"])  # the fence now closes: one code block
    assert text.starts() == whole(text) == [0, 2]


def test_self_contained_blocks() -> None:
    assert self_contained("plain words\nmore words")
    assert self_contained("<table>\n<tr><td>x</td></tr>\n</table>")
    assert self_contained("```\ncode\n```")
    assert not self_contained("```\ncode")  # a later ``` would close it
    assert not self_contained("<div>\nstill open")  # runs to the end of the text
    assert not self_contained('<div title="open\nmore')  # the quote closes further on
    assert not self_contained("<!-- open comment")
    assert not self_contained("<div\nclass=x")  # the tag may still end with a later >
    assert self_contained("<div\nclass=x <")  # it cannot: the parser met "<"
    assert self_contained('<span style="color: red;">span lines are prose</span>')


def test_a_start_tag_closed_lines_later_joins_the_blocks_between() -> None:
    text = Text(["<div", "class=x", "", "para", "", "end"])
    assert text.starts() == whole(text) == [0, 3, 5]
    text.replace(5, 1, ["end >"])  # the <div ...> tag now ends here and runs to the end
    assert text.starts() == whole(text) == [0]
