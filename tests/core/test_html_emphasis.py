"""editor.core.html_emphasis: bold/italic toggles that understand Tistory's <b>/<i> markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.html_emphasis import BOLD_TAGS, ITALIC_TAGS, bold_span, remove_html_emphasis
from editor.core.span_markup import apply_edit, inline_elements

RED = '<span style="color: #ee2323;">'


def off(text: str, selected: str, tags=BOLD_TAGS, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(selected, start + 1)
    edit = remove_html_emphasis(text, start, start + len(selected), tags)
    return None if edit is None else apply_edit(text, edit)


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        # The corpus markup: bold off keeps the colour span.
        (f"a <b>{RED}text</span></b> z", "text", f"a {RED}text</span> z"),
        # The whole element selected, tags included.
        (f"a <b>{RED}text</span></b> z", f"<b>{RED}text</span></b>", f"a {RED}text</span> z"),
        # The span selected with its tags.
        (f"<b>{RED}text</span></b>", f"{RED}text</span>", f"{RED}text</span>"),
        ("x <b>bold</b> y", "bold", "x bold y"),
        ("x <strong>bold</strong> y", "bold", "x bold y"),
        # Part of a bold run: only that part leaves the <b>.
        ("<b>one two three</b>", "two", "<b>one </b>two<b> three</b>"),
        ("<b>one two</b>", "one", "one<b> two</b>"),
        # Part of a coloured bold run: the span is split with it, the colour stays everywhere.
        (
            f"<b>{RED}one two</span></b>",
            "two",
            f"<b>{RED}one </span></b>{RED}two</span>",
        ),
    ],
)
def test_bold_off(text: str, selected: str, expected: str) -> None:
    assert off(text, selected) == expected


def test_italic_off_for_i_and_em() -> None:
    assert off("<i>it</i>", "it", ITALIC_TAGS) == "it"
    assert off(f"<em>{RED}it</span></em>", "it", ITALIC_TAGS) == f"{RED}it</span>"
    assert off("<b>bold</b>", "bold", ITALIC_TAGS) is None


def test_not_in_html_bold_gives_none() -> None:
    assert off("**md bold**", "md") is None
    assert off(f"{RED}text</span>", "text") is None
    assert off("<b>a</b> plain", "plain") is None


def test_empty_target_inside_bold_unwraps_the_element() -> None:
    text = "<b>one  two</b>"
    edit = remove_html_emphasis(text, 7, 7, BOLD_TAGS)
    assert edit is not None and apply_edit(text, edit) == "one  two"


def test_selection_after_unwrap_is_the_same_text() -> None:
    text = f"a <b>{RED}text</span></b> z"
    start = text.index("text")
    edit = remove_html_emphasis(text, start, start + 4, BOLD_TAGS)
    new = apply_edit(text, edit)
    assert new[edit.sel_start : edit.sel_end] == "text"


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        (f"a {RED}text</span> z", "text", f"a <b>{RED}text</span></b> z"),
        (f"a {RED}text</span> z", f"{RED}text</span>", f"a <b>{RED}text</span></b> z"),
    ],
)
def test_bold_on_a_whole_colour_span_writes_corpus_markup(text, selected, expected) -> None:
    start = text.index(selected)
    edit = bold_span(text, start, start + len(selected))
    assert edit is not None
    assert apply_edit(text, edit) == expected
    assert apply_edit(text, edit)[edit.sel_start : edit.sel_end] == selected


def test_bold_on_part_of_a_span_is_left_to_markdown() -> None:
    text = f"{RED}one two</span>"
    start = text.index("two")
    assert bold_span(text, start, start + 3) is None
    assert bold_span("plain", 0, 5) is None


def test_round_trip_off_then_on() -> None:
    text = f"a <b>{RED}text</span></b> z"
    start = text.index("text")
    first = remove_html_emphasis(text, start, start + 4, BOLD_TAGS)
    middle = apply_edit(text, first)
    second = bold_span(middle, first.sel_start, first.sel_end)
    assert apply_edit(middle, second) == text


_TOKENS = st.sampled_from(["<b>", "<i>", RED, "</b>", "</i>", "</span>", "ab", "가 나", " "])
_CLOSER = {"<b>": "</b>", "<i>": "</i>", RED: "</span>"}


def _balanced(tokens: list[str]) -> str:
    """Join tokens, dropping closers without their opener and closing what is left open."""
    out, stack = [], []
    for token in tokens:
        if token in _CLOSER:
            stack.append(_CLOSER[token])
            out.append(token)
        elif token.startswith("</"):
            if stack and stack[-1] == token:
                out.append(stack.pop())
        else:
            out.append(token)
    return "".join(out + stack[::-1])


def _visible(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=12), st.data(), st.sampled_from([BOLD_TAGS, ITALIC_TAGS]))
def test_emphasis_off_keeps_text_and_balance_and_removes_it_there(tokens, data, tags):
    text = _balanced(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    edit = remove_html_emphasis(text, start, end, tags)
    if edit is None:
        return
    new = apply_edit(text, edit)
    assert _visible(new) == _visible(text)
    assert _balanced(re.findall(r"<[^>]*>|[^<]+", new)) == new
    # every selected character sits in one element of that kind fewer (<b><b> loses one)
    first = len(_visible(new[: edit.sel_start]))
    count = len(_visible(new[edit.sel_start : edit.sel_end]))
    for index in range(first, first + count):
        assert _char_depth(new, index, tags) == _char_depth(text, index, tags) - 1


def _char_depth(text: str, visible_index: int, tags) -> int:
    """How many ``tags`` elements hold the visible character number ``visible_index``."""
    positions = [
        i for m in re.finditer(r"[^<]+", _strip_tags_keep_len(text)) for i in range(*m.span())
    ]
    position = positions[visible_index]
    return sum(
        1
        for el in inline_elements(text)
        if el.tag in tags and el.open_end <= position < el.close_start
    )


def _strip_tags_keep_len(text: str) -> str:
    """Tags replaced by '<' characters of the same length: text characters keep their index."""
    return re.sub(r"<[^>]*>", lambda m: "<" * len(m.group()), text)


CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
_CORPUS_BOLD_SPAN = re.compile(r"<b><span style=\"[^\"]*\">([^<]+)</span></b>")


def test_bold_off_and_on_again_over_the_corpus_gives_back_every_post() -> None:
    """Every <b><span …>text</span></b> in the real posts: Ctrl+B off keeps the span, on
    again writes the original markup, byte for byte."""
    checked = 0
    for post in sorted(CORPUS.glob("*/_posts/*")):
        text = post.read_text(encoding="utf-8", errors="replace")
        for match in _CORPUS_BOLD_SPAN.finditer(text):
            start, end = match.span(1)
            off_edit = remove_html_emphasis(text, start, end, BOLD_TAGS)
            assert off_edit is not None, (post.name, match.group())
            without = apply_edit(text, off_edit)
            assert (
                without[off_edit.start : off_edit.start + len(match.group()) - 7]
                == (match.group()[3:-4])
            )
            on_edit = bold_span(without, off_edit.sel_start, off_edit.sel_end)
            assert on_edit is not None and apply_edit(without, on_edit) == text, post.name
            checked += 1
    assert checked > 500
