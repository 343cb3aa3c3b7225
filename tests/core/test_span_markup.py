"""Tistory span markup as pure string edits: exact corpus markup, no nested spans."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.span_markup import (
    HIGHLIGHT_COLORS,
    SPACER,
    TEXT_COLORS,
    NothingToFormatError,
    apply_edit,
    apply_span_color,
    enclosing_element,
    inline_elements,
    markdown_heading,
    remove_formatting,
    set_block_size,
    set_style_property,
    tistory_heading,
    word_range,
)


def color(text, start, end, value="#ee2323", prop="color", bold=True):
    edit = apply_span_color(text, start, end, prop, value, bold)
    new = apply_edit(text, edit)
    return new, new[edit.sel_start : edit.sel_end]


def test_palettes_hold_tistory_and_corpus_colours():
    texts = [hex_ for hex_, _ in TEXT_COLORS]
    assert {"#ee2323", "#1a5490", "#f89009", "#006dd7"} <= set(texts)
    assert [hex_ for hex_, _ in HIGHLIGHT_COLORS][:2] == ["#21538527", "#ffe066"]
    assert len(set(texts)) == len(texts)


def test_colour_selection_bold_on_writes_corpus_markup():
    text = "앞 중요한 문장 뒤"
    new, selected = color(text, 2, 8)
    assert new == '앞 <b><span style="color: #ee2323;">중요한 문장</span></b> 뒤'
    assert selected == "중요한 문장"


def test_colour_with_bold_off_has_no_b():
    new, _ = color("a word b", 2, 6, "#1a5490", bold=False)
    assert new == 'a <span style="color: #1a5490;">word</span> b'


def test_highlight_markup():
    new, _ = color("x text y", 2, 6, "#21538527", "background-color", bold=False)
    assert new == 'x <span style="background-color: #21538527;">text</span> y'


def test_word_at_cursor_is_used_without_selection():
    new, selected = color("디지털 전환의 시대", 5, 5, bold=False)
    assert new == '디지털 <span style="color: #ee2323;">전환의</span> 시대'
    assert selected == "전환의"


def test_markdown_bold_selection_becomes_b_span():
    text = "see **this** now"
    new, _ = color(text, 4, 12, bold=False)
    assert new == 'see <b><span style="color: #ee2323;">this</span></b> now'
    # Selecting only the inner text of **this** widens over the markers too.
    new, selected = color(text, 6, 10, bold=False)
    assert new == 'see <b><span style="color: #ee2323;">this</span></b> now'
    assert selected == "this"


def test_inside_existing_b_adds_no_second_b():
    new, _ = color("<b>bold text</b>", 3, 7, bold=True)
    assert new == '<b><span style="color: #ee2323;">bold</span> text</b>'


def test_recolour_changes_span_instead_of_nesting():
    text = 'a <b><span style="color: #ee2323;">red words</span></b> z'
    inner_start = text.index("red")
    new, selected = color(text, inner_start, inner_start + len("red words"), "#1a5490")
    assert new == 'a <b><span style="color: #1a5490;">red words</span></b> z'
    assert selected == "red words"
    # Cursor only, inside the span: same.
    new, _ = color(text, inner_start + 2, inner_start + 2, "#1a5490")
    assert new.count("<span") == 1 and "#1a5490" in new


def test_highlight_on_coloured_span_merges_styles():
    text = '<span style="color: #ee2323;">red</span>'
    new, _ = color(text, text.index("red"), text.index("red") + 3, "#21538527", "background-color")
    assert new == '<span style="color: #ee2323; background-color: #21538527;">red</span>'


def test_part_of_span_splits_without_nesting():
    text = '<span style="color: #ee2323;">one two three</span>'
    s = text.index("two")
    new, selected = color(text, s, s + 3, "#1a5490")
    assert new == (
        '<span style="color: #ee2323;">one </span>'
        '<span style="color: #1a5490;">two</span>'
        '<span style="color: #ee2323;"> three</span>'
    )
    assert selected == "two"
    assert all(e.tag == "span" for e in inline_elements(new))
    assert enclosing_element(new, new.index("two"), new.index("two") + 3).open_start > 0


def test_selection_of_whole_b_span_element_restyles():
    text = 'x <b><span style="color: #ee2323;">t</span></b> y'
    new, _ = color(text, 2, len(text) - 2, "#1a5490")
    assert new == 'x <b><span style="color: #1a5490;">t</span></b> y'


def test_tag_closed_in_another_paragraph_is_refused():
    text = "<span style='color: red'>a\n\nb</span>"
    assert apply_span_color(text, 0, 5, "color", "#ee2323", True) is None


def test_b_inside_span_is_not_cut():
    text = '<span style="color: #ee2323;"><b>one two</b></span>'
    s = text.index("two")
    new, selected = color(text, s, s + 3, "#1a5490")
    assert new == (
        '<span style="color: #ee2323;"><b>one <span style="color: #1a5490;">two</span></b></span>'
    )
    assert selected == "two"
    whole = text.index("one")
    new, _ = color(text, whole, whole + 7, "#1a5490")
    assert new == '<span style="color: #1a5490;"><b>one two</b></span>'
    new, _ = color(text, whole + 1, whole + 1, "#1a5490")
    assert new == '<span style="color: #1a5490;"><b>one two</b></span>'


def test_cursor_on_a_word_inside_a_tag_does_not_break_it():
    text = '<span style="color: #ee2323;">x</span>'
    new, _ = color(text, 3, 3, "#1a5490", bold=False)  # the cursor is in "span"
    assert new == '<span style="color: #1a5490;">x</span>'


def test_span_without_style_gets_one():
    text = '<span class="k">t</span>'
    new, _ = color(text, text.index("t<"), text.index("t<") + 1)
    assert new == '<span class="k" style="color: #ee2323;">t</span>'


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("a  b", 2, 2), ("", 0, 0), ("a\n\nb", 2, 2), ("a   b", 1, 3), ("<b></b><b></b>", 0, 14)],
)
def test_nothing_to_colour_is_refused_not_an_empty_span(text, start, end):
    # QA: colour on an empty line wrote <b><span style="…"></span></b>.
    with pytest.raises(NothingToFormatError):
        apply_span_color(text, start, end, "color", "#ee2323", True)


def test_an_empty_existing_span_is_restyled_not_refused():
    text = '<span style="color: #ee2323;"></span>'
    edit = apply_span_color(text, 30, 30, "color", "#1a5490", True)
    assert apply_edit(text, edit) == '<span style="color: #1a5490;"></span>'


def test_remove_formatting_unwraps_span_and_its_b():
    text = 'a <b><span style="color: #ee2323;">red</span></b> z'
    pos = text.index("red") + 1
    edit = remove_formatting(text, pos, pos)
    assert apply_edit(text, edit) == "a red z"
    assert remove_formatting("plain text", 2, 2) is None


def test_remove_formatting_innermost_only():
    text = '<b>x <span style="background-color: #21538527;">y</span> z</b>'
    pos = text.index(">y<") + 1
    assert apply_edit(text, remove_formatting(text, pos, pos)) == "<b>x y z</b>"
    assert apply_edit("<b>x y z</b>", remove_formatting("<b>x y z</b>", 4, 4)) == "x y z"


def test_unbalanced_tags_are_ignored():
    text = "<span>open <b>bold</b> </span></span>"
    elements = inline_elements(text)
    assert sorted(e.tag for e in elements) == ["b", "span"]


def test_search_stays_in_the_paragraph():
    text = '<span style="color: red;">a\n\nb</span>'
    assert enclosing_element(text, text.index("b"), text.index("b")) is None


def test_set_style_property_keeps_others():
    style = "color: #999999; font-family: 'Noto Serif KR';"
    assert set_style_property(style, "color", "#ee2323") == (
        "color: #ee2323; font-family: 'Noto Serif KR';"
    )


def test_word_range():
    assert word_range("디지털 전환의", 2) == (0, 3)
    assert word_range("a, b", 2) == (2, 2)
    assert word_range("line1\nword", 7) == (6, 10)


@pytest.mark.parametrize(
    ("line", "level", "expected"),
    [
        ("제목", 2, "## 제목"),
        ("### 제목", 2, "## 제목"),
        ("## 제목", 2, "제목"),
        ('<h2 data-ke-size="size26">제목</h2>', 3, "### 제목"),
    ],
)
def test_markdown_heading(line, level, expected):
    assert markdown_heading(line, level) == expected


@pytest.mark.parametrize(
    ("line", "level", "expected"),
    [
        ("제목", 2, '<h2 data-ke-size="size26">제목</h2>'),
        ("## 제목", 3, '<h3 data-ke-size="size23">제목</h3>'),
        ('<p data-ke-size="size16">제목</p>', 2, '<h2 data-ke-size="size26">제목</h2>'),
        ('<h2 data-ke-size="size26">제목</h2>', 4, '<h4 data-ke-size="size20">제목</h4>'),
    ],
)
def test_tistory_heading(line, level, expected):
    assert tistory_heading(line, level) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("문단", '<p data-ke-size="size18">문단</p>'),
        (SPACER, '<p data-ke-size="size18">&nbsp;</p>'),
        (
            '<p style="text-align: left;" data-ke-size="size16">t</p>',
            '<p style="text-align: left;" data-ke-size="size18">t</p>',
        ),
        ("<p>t</p>", '<p data-ke-size="size18">t</p>'),
        ('<h2 data-ke-size="size26">t</h2>', '<h2 data-ke-size="size18">t</h2>'),
    ],
)
def test_set_block_size(line, expected):
    assert set_block_size(line, "size18") == expected


def test_set_block_size_rejects_unknown():
    with pytest.raises(ValueError):
        set_block_size("x", "size99")


def test_selection_crossing_a_span_boundary_is_widened_not_broken():
    text = 'a <span style="color: #ee2323;">bc</span> d'
    new, _ = color(text, 0, text.index("c"), "#1a5490", bold=False)
    assert new == '<span style="color: #1a5490;">a bc</span> d'
    assert len(inline_elements(new)) == 1


def test_selection_inside_a_tag_snaps_out():
    text = 'x <span style="color: #ee2323;">y</span>'
    new, _ = color(text, 0, 5, "#1a5490", bold=False)  # ends inside "<span"
    assert new == '<span style="color: #1a5490;">x y</span>'


def test_wrapping_text_with_inner_spans_drops_their_colour_only():
    text = (
        'a <span style="color: #ee2323; font-family: serif;">b</span> '
        '<span style="color: red">c</span>'
    )
    new, _ = color(text, 0, len(text), "#1a5490", bold=False)
    assert new == (
        '<span style="color: #1a5490;">a <span style="font-family: serif;">b</span> c</span>'
    )


def test_inner_highlight_kept_when_colouring_text():
    text = 'a <span style="background-color: #ffe066;">b</span> c'
    new, _ = color(text, 0, len(text), "#ee2323", bold=False)
    assert new == (
        '<span style="color: #ee2323;">a <span style="background-color: #ffe066;">b</span> c</span>'
    )


_TOKENS = st.sampled_from(
    [
        "가나",
        "word",
        " ",
        "\n",
        '<span style="color: #ee2323;">',
        "</span>",
        "<b>",
        "</b>",
        '<span style="background-color: #21538527;">',
        "x",
    ]
)


def _balanced(tokens: list[str]) -> str:
    """Join tokens, dropping closers without an opener and closing what is left open."""
    out, stack = [], []
    for token in tokens:
        if token.startswith("</"):
            if stack and stack[-1] == token:
                stack.pop()
                out.append(token)
        elif token.startswith("<"):
            stack.append("</b>" if token == "<b>" else "</span>")
            out.append(token)
        else:
            out.append(token)
    return "".join(out + stack[::-1])


def _visible(text: str) -> str:
    return re.sub(r"<[^>]*>", "", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=14), st.data(), st.sampled_from(["color", "background-color"]))
def test_colouring_keeps_text_and_balance(tokens, data, prop):
    text = _balanced(tokens)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    try:
        edit = apply_span_color(text, start, end, prop, "#1a5490", True)
    except NothingToFormatError:  # nothing visible to colour: no empty span is written
        in_tags = {i for m in re.finditer(r"<[^>]*>", text) for i in range(*m.span())}
        assert all(text[i].isspace() for i in range(start, end) if i not in in_tags)
        return
    if edit is None:  # refused: a tag in the selection is closed beyond a blank line
        assert re.search(r"\n[ \t]*\n", text), "refused although no blank line"
        return
    new = apply_edit(text, edit)
    assert _visible(new) == _visible(text)
    opened = len(re.findall(r"<span\b", new)) + new.count("<b>")
    closed = new.count("</span>") + new.count("</b>")
    assert opened == closed
    assert _balanced(re.findall(r"<[^>]*>|[^<]+", new)) == new


@settings(max_examples=200, deadline=None)
@given(st.lists(_TOKENS, max_size=14), st.data())
def test_remove_formatting_keeps_text_and_balance(tokens, data):
    text = _balanced(tokens)
    start = data.draw(st.integers(0, len(text)))
    edit = remove_formatting(text, start, start)
    if edit is None:
        return
    new = apply_edit(text, edit)
    assert _visible(new) == _visible(text)
    assert len(new) < len(text)
    assert _balanced(re.findall(r"<[^>]*>|[^<]+", new)) == new


def test_tistory_heading_with_another_size():
    assert tistory_heading("제목", 2, "size24") == '<h2 data-ke-size="size24">제목</h2>'
    with pytest.raises(ValueError):
        tistory_heading("제목", 2, "size99")


@pytest.mark.parametrize("text", ["<b>a</b><b>b</b>", "**a** **b**", "<b>x</b> y <b>z</b>"])
def test_markers_of_two_different_pairs_are_not_one_bold(text):
    # found by hypothesis: "<b></b><b></b>" became <b><span></b><b></span></b> (it is now
    # refused as there is nothing visible to colour; "<b>a</b><b>b</b>" takes the same path)
    edit = apply_span_color(text, 0, len(text), "color", "#1a5490", True)
    assert edit.replacement == f'<b><span style="color: #1a5490;">{text}</span></b>'
