"""Tistory-editor markup as pure string functions: colour spans, headings, sizes, spacers.

The editor's formatting tools call these with the document text and the selection offsets and
get back a :class:`TextEdit` (replace ``text[start:end]``, then select ``sel_start..sel_end``),
which the Qt layer applies as one undo step. Keeping the logic here lets it be tested without
Qt, and the markup strings are exactly those the Tistory editor wrote in the corpus, e.g.
``<b><span style="color: #ee2323;">…</span></b>`` and ``<p data-ke-size="size16">&nbsp;</p>``.

Offsets are Python string indices. Inline elements are searched only inside the paragraph
around the selection (blank lines end HTML inline markup in these posts), so a tool costs the
same on a 5 KB and a 500 KB post.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from editor.core.css_color import style_declarations

# Tistory's editor palette (the 16 colours its colour picker offers, as reused by many Korean
# editors), with the reference post's #1a5490 added; frequent corpus colours first.
TEXT_COLORS: tuple[tuple[str, str], ...] = (
    ("#ee2323", "Red"),
    ("#1a5490", "Dark blue"),
    ("#f89009", "Orange"),
    ("#009a87", "Teal"),
    ("#006dd7", "Blue"),
    ("#8a3db6", "Purple"),
    ("#781b33", "Wine"),
    ("#5733b1", "Indigo"),
    ("#953b34", "Brown"),
    ("#333333", "Dark grey"),
    ("#666666", "Grey"),
    ("#999999", "Light grey"),
    ("#ffffff", "White"),
    ("#ffc1c8", "Pink"),
    ("#ffc9af", "Apricot"),
    ("#9feec3", "Mint"),
    ("#99cefa", "Sky"),
    ("#c1bef9", "Lavender"),
)
# Highlights: the corpus's blue-grey (CSS #RRGGBBAA, 15% alpha) and yellow, then light tints.
HIGHLIGHT_COLORS: tuple[tuple[str, str], ...] = (
    ("#21538527", "Blue-grey"),
    ("#ffe066", "Yellow"),
    ("#ffc1c8", "Pink"),
    ("#ffc9af", "Apricot"),
    ("#9feec3", "Mint"),
    ("#99cefa", "Sky"),
    ("#c1bef9", "Lavender"),
    ("#dddddd", "Grey"),
)
SPACER = '<p data-ke-size="size16">&nbsp;</p>'
PARAGRAPH_SIZES = ("size16", "size18", "size20", "size23", "size24", "size26")
# Tistory's 제목1/2/3 buttons.
TISTORY_HEADING_SIZES = {2: "size26", 3: "size23", 4: "size20"}
# Other (level, size) pairs the corpus uses often: <h2 data-ke-size="size24"> (72 headings).
EXTRA_HEADING_STYLES = ((2, "size24"), (2, "size23"), (3, "size24"))

_INLINE_TAGS = ("span", "b", "strong", "i", "em", "u", "s", "mark", "font")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*?(/?)>")
_STYLE_ATTR = re.compile(r"""\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"\w+")
_BLOCK_TAG = re.compile(r"^(\s*)<(p|h[1-6])\b([^>]*)>(.*?)(?:</\2\s*>)?\s*$", re.IGNORECASE)
_SIZE_ATTR = re.compile(r"""\s*data-ke-size\s*=\s*(?:"[^"]*"|'[^']*'|\S+)""", re.IGNORECASE)
_ATX = re.compile(r"^(\s{0,3})(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")


class TextEdit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``; then select ``sel_start..sel_end``."""

    start: int
    end: int
    replacement: str
    sel_start: int
    sel_end: int


class NothingToFormatError(ValueError):
    """No selected text and no word at the cursor: the tool has nothing to apply to."""


class Element(NamedTuple):
    """An inline HTML element: ``text[open_start:open_end]`` is its opening tag."""

    tag: str
    open_start: int
    open_end: int
    close_start: int
    close_end: int


def apply_edit(text: str, edit: TextEdit) -> str:
    return text[: edit.start] + edit.replacement + text[edit.end :]


def word_range(text: str, pos: int) -> tuple[int, int]:
    """The word touching ``pos`` (Hangul counts as word characters), or ``(pos, pos)``."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    for match in _WORD.finditer(text, line_start, line_end):
        if match.start() <= pos <= match.end():
            return match.start(), match.end()
    return pos, pos


def paragraph_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph(s) containing ``start..end``."""
    begin = 0
    for match in _PARAGRAPH_BREAK.finditer(text, 0, start):
        begin = match.end()
    after = _PARAGRAPH_BREAK.search(text, end)
    return begin, after.start() if after else len(text)


def inline_elements(text: str, begin: int = 0, end: int | None = None) -> list[Element]:
    """Balanced inline elements in ``text[begin:end]``; stray or unclosed tags are ignored."""
    found: list[Element] = []
    stack: list[tuple[str, int, int]] = []
    for match in _TAG.finditer(text, begin, len(text) if end is None else end):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name not in _INLINE_TAGS or self_closing:
            continue
        if not closing:
            stack.append((name, match.start(), match.end()))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == name:
                tag, open_start, open_end = stack[depth]
                found.append(Element(tag, open_start, open_end, match.start(), match.end()))
                del stack[depth:]
                break
    return found


def enclosing_element(
    text: str, start: int, end: int, tags: tuple[str, ...] = ("span",)
) -> Element | None:
    """The innermost element of ``tags`` whose content holds ``start..end``, or which the
    selection covers exactly (tags included)."""
    begin, stop = paragraph_range(text, start, end)
    best: Element | None = None
    for element in inline_elements(text, begin, stop):
        if element.tag not in tags:
            continue
        inside = element.open_end <= start and end <= element.close_start
        exact = (element.open_start, element.close_end) == (start, end)
        if (inside or exact) and (best is None or element.open_start > best.open_start):
            best = element
    return best


def span_style(opening_tag: str) -> str:
    match = _STYLE_ATTR.search(opening_tag)
    return (match.group(1) or match.group(2) or "") if match else ""


def set_style_property(style: str, prop: str, value: str) -> str:
    """``style`` with ``prop`` set to ``value`` (replaced in place, or appended)."""
    declarations = style_declarations(style)
    declarations[prop] = value
    return " ".join(f"{name}: {val};" for name, val in declarations.items())


def span_open(style: str) -> str:
    return f'<span style="{style}">'


def colored_span(inner: str, prop: str, value: str, bold: bool) -> str:
    """The corpus markup: ``<b><span style="color: #ee2323;">inner</span></b>``."""
    span = f"{span_open(f'{prop}: {value};')}{inner}</span>"
    return f"<b>{span}</b>" if bold else span


def _with_style(opening_tag: str, style: str) -> str:
    if _STYLE_ATTR.search(opening_tag):
        return _STYLE_ATTR.sub(lambda _m: f'style="{style}"', opening_tag, count=1)
    return opening_tag[:-1].rstrip() + f' style="{style}">'


def _restyle_span(text: str, span: Element, start: int, end: int, prop: str, value: str):
    """Change the span (or the selected part of it) instead of nesting a new span."""
    old_open = text[span.open_start : span.open_end]
    new_open = _with_style(old_open, set_style_property(span_style(old_open), prop, value))
    start, end = max(start, span.open_end), min(end, span.close_start)
    whole = span.tag == "span-whole" or start >= end
    whole = whole or (start, end) == (span.open_end, span.close_start)
    if whole:
        content = text[span.open_end : span.close_start]
        sel = span.open_start + len(new_open)
        return TextEdit(span.open_start, span.open_end, new_open, sel, sel + len(content))
    before, middle = text[span.open_end : start], text[start:end]
    after = text[end : span.close_start]
    pieces = [f"{old_open}{before}</span>" if before else "", f"{new_open}{middle}</span>"]
    pieces.append(f"{old_open}{after}</span>" if after else "")
    sel = span.open_start + len(pieces[0]) + len(new_open)
    return TextEdit(span.open_start, span.close_end, "".join(pieces), sel, sel + len(middle))


def _bold_context(text: str, start: int, end: int) -> tuple[int, int, int, int, bool | None]:
    """Widen a selection over Markdown bold markers: ``(start, end, inner_start, inner_end,
    bold)``, where bold is True (make ``<b>``), False (already inside ``<b>``) or None."""
    selected = text[start:end]
    for opener, closer in (("**", "**"), ("__", "__"), ("<b>", "</b>"), ("<strong>", "</strong>")):
        n, m = len(opener), len(closer)
        if (
            len(selected) > n + m
            and selected.startswith(opener)
            and selected.endswith(closer)
            and _one_pair(selected[n:-m], opener)
        ):
            return start, end, start + n, end - m, True
        if text[max(0, start - n) : start] == opener and text[end : end + m] == closer:
            if opener.startswith("<"):
                return start, end, start, end, False
            return start - n, end + m, start, end, True
    if enclosing_element(text, start, end, ("b", "strong")):
        return start, end, start, end, False
    return start, end, start, end, None


def _one_pair(inner: str, opener: str) -> bool:
    """True when the opener and closer around ``inner`` belong together (``<b></b><b></b>``
    and ``**a** **b**`` start and end with markers of two different pairs)."""
    if opener.startswith("<"):
        return not _has_unmatched_tags(inner)
    return opener not in inner


def visible_text(fragment: str) -> str:
    """``fragment`` without its tags: the text a reader sees."""
    return _TAG.sub("", fragment)


_visible = visible_text


def _target_span(text: str, start: int, end: int) -> Element | None:
    """The span whose style the colour should change, or None to wrap a new span."""
    span = enclosing_element(text, start, end) or _span_covering_wrapped(text, start, end)
    if span is None:
        return None
    inner = enclosing_element(text, start, end, _INLINE_TAGS)
    if inner is None or inner.tag == "span" or inner.open_start <= span.open_start:
        return span
    # An element inside the span (``<span><b>…</b></span>``) holds the selection: splitting
    # the span would cut it. Restyle the span when the selection is all of its text.
    content = text[span.open_end : span.close_start]
    if start == end or _visible(content) == _visible(text[start:end]):
        return span._replace(tag="span-whole")
    return None


def _has_unmatched_tags(fragment: str) -> bool:
    inline = sum(
        1 for m in _TAG.finditer(fragment) if m.group(2).lower() in _INLINE_TAGS and not m.group(3)
    )
    return inline != 2 * len(inline_elements(fragment))


def apply_span_color(
    text: str, start: int, end: int, prop: str, value: str, bold: bool
) -> TextEdit | None:
    """Colour (``prop="color"``) or highlight (``prop="background-color"``) the selection.

    With no selection the word at the cursor is used. Text already in a span gets that span's
    style changed. ``bold`` is the bold toggle: the span is wrapped in ``<b>`` when it is on or
    when the selection is Markdown bold (``**x**`` becomes ``<b><span …>x</span></b>``).
    None when the selection holds a tag whose partner is outside its paragraph: wrapping it
    would break the HTML. Raises :class:`NothingToFormatError` when there is no text to
    colour (an empty line, blanks, a bare tag): an empty span helps no writer.
    """
    start, end = balanced_selection(text, start, end)
    span = _target_span(text, start, end)
    if span is None and start == end:
        start, end = balanced_selection(text, *word_range(text, start))
        span = _target_span(text, start, end)
    if _has_unmatched_tags(text[start:end]):
        return None
    if span is None and not visible_text(text[start:end]).strip():
        raise NothingToFormatError("no text selected and no word at the cursor")
    if span is not None:
        return _restyle_span(text, span, start, end, prop, value)
    start, end, inner_start, inner_end, bold_found = _bold_context(text, start, end)
    use_bold = bold_found if bold_found is not None else bold
    inner = without_property(text[inner_start:inner_end], prop)
    replacement = colored_span(inner, prop, value, use_bold)
    sel = start + replacement.index(">", replacement.index("<span")) + 1
    return TextEdit(start, end, replacement, sel, sel + len(inner))


def balanced_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection so it cuts through no tag and no element: wrapping it then keeps
    the HTML well nested."""
    begin, stop = paragraph_range(text, start, end)
    for match in _TAG.finditer(text, begin, stop):
        if match.start() < start < match.end():
            start = match.start()
        if match.start() < end < match.end():
            end = match.end()
    elements = inline_elements(text, begin, stop)
    changed = True
    while changed:
        changed = False
        for element in elements:
            opens_inside = start <= element.open_start < end
            closes_inside = start < element.close_end <= end
            if opens_inside != closes_inside:
                start, end = min(start, element.open_start), max(end, element.close_end)
                changed = True
    return start, end


def without_property(fragment: str, prop: str) -> str:
    """``fragment`` with ``prop`` dropped from its spans' styles; a span left with no style
    and no other attribute is unwrapped. Used before wrapping the fragment in a new span."""
    for _ in range(fragment.count("<span")):
        target = None
        for element in inline_elements(fragment):
            opening = fragment[element.open_start : element.open_end]
            if element.tag == "span" and prop in style_declarations(span_style(opening)):
                target = element
                break
        if target is None:
            break
        opening = fragment[target.open_start : target.open_end]
        declarations = style_declarations(span_style(opening))
        del declarations[prop]
        style = " ".join(f"{name}: {val};" for name, val in declarations.items())
        bare = _STYLE_ATTR.sub("", opening).replace("<span", "", 1).strip(" >")
        content = fragment[target.open_end : target.close_start]
        if style or bare:
            new = _with_style(opening, style) if style else f"<span {bare}>"
            middle = f"{new}{content}</span>"
        else:
            middle = content
        fragment = fragment[: target.open_start] + middle + fragment[target.close_end :]
    return fragment


def _span_covering_wrapped(text: str, start: int, end: int) -> Element | None:
    """A span the selection covers together with its ``<b>`` wrapper: ``<b><span>x</span></b>``."""
    selected = text[start:end]
    for opener, closer in (("<b>", "</b>"), ("<strong>", "</strong>")):
        if selected.startswith(opener) and selected.endswith(closer):
            inner_start, inner_end = start + len(opener), end - len(closer)
            span = enclosing_element(text, inner_start, inner_end)
            if span and (span.open_start, span.close_end) == (inner_start, inner_end):
                return span
    return None


def remove_formatting(text: str, start: int, end: int) -> TextEdit | None:
    """Unwrap the innermost inline element at the cursor (a span, or ``<b>``/``<i>`` …); a
    ``<b>`` that wraps exactly that span goes too. None when the cursor is in none."""
    element = enclosing_element(text, start, end, _INLINE_TAGS)
    if element is None:
        element = _span_covering_wrapped(text, start, end)
    if element is None:
        return None
    outer_start, outer_end = element.open_start, element.close_end
    for opener, closer in (("<b>", "</b>"), ("<strong>", "</strong>")):
        if (
            element.tag == "span"
            and text[outer_start - len(opener) : outer_start] == opener
            and text[outer_end : outer_end + len(closer)] == closer
        ):
            outer_start, outer_end = outer_start - len(opener), outer_end + len(closer)
            break
    content = text[element.open_end : element.close_start]
    return TextEdit(outer_start, outer_end, content, outer_start, outer_start + len(content))


def _plain_line(line: str) -> tuple[str, str]:
    """(indent, text) of a line with any ATX marker or ``<p>``/``<hN>`` wrapper removed."""
    block = _BLOCK_TAG.match(line)
    if block:
        return block.group(1), block.group(4)
    atx = _ATX.match(line)
    if atx:
        return atx.group(1), atx.group(3)
    stripped = line.lstrip()
    return line[: len(line) - len(stripped)], stripped


def markdown_heading(line: str, level: int) -> str:
    """``## text``; a line already at that level goes back to plain text."""
    atx = _ATX.match(line)
    indent, body = _plain_line(line)
    if atx and len(atx.group(2)) == level and not _BLOCK_TAG.match(line):
        return indent + body
    return f"{indent}{'#' * level} {body}"


def tistory_heading(line: str, level: int, size: str | None = None) -> str:
    """``<h2 data-ke-size="size26">text</h2>``: Tistory's size for the level unless given."""
    if size is not None and size not in PARAGRAPH_SIZES:
        raise ValueError(f"unknown heading size {size!r}")
    indent, body = _plain_line(line)
    size = size or TISTORY_HEADING_SIZES.get(level, "size26")
    return f'{indent}<h{level} data-ke-size="{size}">{body}</h{level}>'


def set_block_size(line: str, size: str) -> str:
    """Set ``data-ke-size`` on the line's ``<p>``/``<hN>``, or wrap it in ``<p …>``."""
    if size not in PARAGRAPH_SIZES:
        raise ValueError(f"unknown paragraph size {size!r}")
    block = _BLOCK_TAG.match(line)
    if not block:
        indent, body = _plain_line(line)
        return f'{indent}<p data-ke-size="{size}">{body or "&nbsp;"}</p>'
    open_end = block.start(4)
    tag_name_end = block.end(2)
    attrs = _SIZE_ATTR.sub("", line[tag_name_end : open_end - 1])
    opening = f'{line[:tag_name_end]}{attrs} data-ke-size="{size}">'
    return opening + line[open_end:]
