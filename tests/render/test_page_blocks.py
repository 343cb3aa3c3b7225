"""Top-level blocks of a fragment: the units the preview patches in place."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.render.blocks import VOID_ELEMENTS, split_blocks, wrap_blocks
from editor.render.sanitize import sanitize_html


def test_each_block_element_is_its_own_block() -> None:
    fragment = '<h2 id="a">제목</h2>\n<p data-ke-size="size16">&nbsp;</p>\n<p>본문</p>'
    assert split_blocks(fragment) == [
        '<h2 id="a">제목</h2>',
        '<p data-ke-size="size16">&nbsp;</p>',
        "<p>본문</p>",
    ]


def test_inline_run_between_blocks_stays_one_block() -> None:
    fragment = "앞 <b><span>굵게</span></b> 뒤<br>\n다음 줄\n<p>문단</p>\n끝 <i>x</i>"
    assert split_blocks(fragment) == [
        "앞 <b><span>굵게</span></b> 뒤<br>\n다음 줄",
        "<p>문단</p>",
        "끝 <i>x</i>",
    ]


def test_nested_blocks_stay_inside_their_top_level_block() -> None:
    fragment = (
        "<ul>\n<li>a<ul><li>b</li></ul></li>\n</ul>\n"
        "<table><tbody><tr><td><p>셀</p></td></tr></tbody></table>\n"
        "<blockquote><p>q</p><div><p>r</p></div></blockquote>"
    )
    blocks = split_blocks(fragment)
    assert [block[:4] for block in blocks] == ["<ul>", "<tab", "<blo"]
    assert blocks[0].endswith("</ul>")


def test_void_and_preformatted_blocks() -> None:
    fragment = "<hr>\n<pre><code>a\n\n&lt;p&gt;b\n</code></pre>\n<hr/>"
    assert split_blocks(fragment) == ["<hr>", "<pre><code>a\n\n&lt;p&gt;b\n</code></pre>", "<hr/>"]


def test_unbalanced_markup_does_not_lose_text() -> None:
    assert split_blocks("<p>열린 문단\n<div>블록</div>") == ["<p>열린 문단\n", "<div>블록</div>"]
    assert split_blocks("<div><p>닫히지 않음") == ["<div><p>닫히지 않음"]


def test_script_text_with_angle_brackets_is_not_parsed_as_tags() -> None:
    assert split_blocks("<script>if (a<b) {}</script><p>z</p>") == [
        "<script>if (a<b) {}</script>",
        "<p>z</p>",
    ]


def test_whitespace_only_fragment_has_no_blocks() -> None:
    assert split_blocks("") == []
    assert split_blocks("\n  \n") == []
    assert wrap_blocks("") == ""


def test_wrap_numbers_blocks_in_order() -> None:
    wrapped = wrap_blocks("<p>a</p>\n<p>b</p>\nc")
    assert wrapped == (
        '<div class="pe-block" data-block="0"><p>a</p></div>\n'
        '<div class="pe-block" data-block="1"><p>b</p></div>\n'
        '<div class="pe-block" data-block="2">c</div>\n'
    )


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<ul><li>",
        "</li></ul>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<br>",
        "<hr>",
        "<img src=x>",
        "<h2>",
        "</h2>",
        "<pre>",
        "</pre>",
        "<blockquote>",
        "글",
        "text",
        " ",
        "\n",
        "\n\n",
        "&amp;",
        "&lt;",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_blocks_of_sanitised_html_lose_nothing_but_whitespace(pieces: list[str]) -> None:
    fragment = sanitize_html("".join(pieces))
    blocks = split_blocks(fragment)
    assert re.sub(r"\s", "", "".join(blocks)) == re.sub(r"\s", "", fragment)
    assert all(block.strip() for block in blocks)


class _Balance(HTMLParser):
    """Fails on an end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.stray.append(tag)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_each_block_of_sanitised_html_is_balanced(pieces: list[str]) -> None:
    """A block's own tags open and close inside it, so its container is never closed early."""
    for block in split_blocks(sanitize_html("".join(pieces))):
        checker = _Balance()
        checker.feed(block)
        checker.close()
        assert checker.open == [] and checker.stray == [], block


def _divs(tag: str, attributes: dict[str, str]) -> bool:
    return tag == "div" and "style" not in attributes


def test_transparent_wrapper_gives_its_children_as_blocks() -> None:
    fragment = (
        '<div id="wrap" class="wrap-right"><div class="x"><p>a</p>\n<p>b</p></div></div>\n<p>c</p>'
    )
    assert split_blocks(fragment, _divs) == ["<p>a</p>", "<p>b</p>", "<p>c</p>"]
    assert split_blocks(fragment) == [fragment.split("\n<p>c")[0], "<p>c</p>"]


def test_wrapper_that_is_not_transparent_or_holds_one_block_stays() -> None:
    styled = '<div style="color: red"><p>a</p><p>b</p></div>'
    single = '<div class="only"><p>a</p></div>'
    assert split_blocks(styled, _divs) == [styled]
    assert split_blocks(single, _divs) == [single]


def test_attributes_with_angle_brackets_and_comments_do_not_split() -> None:
    fragment = '<p title="a > b">x</p><!-- <p> --><p>y</p>'
    assert split_blocks(fragment) == ['<p title="a > b">x</p>', "<!-- <p> -->", "<p>y</p>"]
