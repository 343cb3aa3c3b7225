"""Bold and italic toggles that understand the Tistory editor's HTML: ``<b>``/``<strong>`` and
``<i>``/``<em>`` around text and colour spans, as in ``<b><span style="color: …">x</span></b>``.

Pure string functions returning a :class:`~editor.core.span_markup.TextEdit` (or None when
the HTML has nothing to say and the Markdown toggle should run). Qt-free.
"""

from __future__ import annotations

from editor.core.span_markup import (
    Element,
    TextEdit,
    balanced_selection,
    enclosing_element,
    inline_elements,
    paragraph_range,
    visible_text,
)

BOLD_TAGS = ("b", "strong")
ITALIC_TAGS = ("i", "em")


def remove_html_emphasis(text: str, start: int, end: int, tags: tuple[str, ...]) -> TextEdit | None:
    """Take ``start..end`` out of the ``tags`` element around it (bold off, italic off).

    The element goes entirely when the selection is all of its text (or empty); otherwise it
    is split around the selection, and spans between it and the selection are split with it
    so their colour stays on every piece. None when no such element holds the selection.
    """
    start, end = balanced_selection(text, start, end)
    element = enclosing_element(text, start, end, tags)
    if element is None:
        return None
    content = text[element.open_end : element.close_start]
    if start == end or visible_text(text[start:end]) == visible_text(content):
        return _unwrap(text, element, start, end)
    return _split_out(text, element, start, end)


def _unwrap(text: str, element: Element, start: int, end: int) -> TextEdit:
    content = text[element.open_end : element.close_start]
    if (start, end) == (element.open_start, element.close_end):
        start, end = element.open_end, element.close_start
    shift = element.open_end - element.open_start
    return TextEdit(element.open_start, element.close_end, content, start - shift, end - shift)


def _split_out(text: str, outer: Element, start: int, end: int) -> TextEdit:
    """``<b>before</b>middle<b>after</b>``, re-opening the spans the selection sits in."""
    begin, stop = paragraph_range(text, start, end)
    chain = sorted(
        (
            el
            for el in inline_elements(text, begin, stop)
            if outer.open_end <= el.open_start
            and el.close_end <= outer.close_start
            and el.open_end <= start
            and end <= el.close_start
        ),
        key=lambda el: el.open_start,
    )
    opens = "".join(text[el.open_start : el.open_end] for el in chain)
    closes = "".join(text[el.close_start : el.close_end] for el in reversed(chain))
    outer_open = text[outer.open_start : outer.open_end]
    outer_close = text[outer.close_start : outer.close_end]
    before, after = text[outer.open_end : start], text[end : outer.close_start]
    left = f"{outer_open}{before}{closes}{outer_close}" if visible_text(before) else ""
    right = f"{outer_open}{opens}{after}{outer_close}" if visible_text(after) else ""
    middle = f"{opens}{text[start:end]}{closes}"
    sel = outer.open_start + len(left) + len(opens)
    replacement = left + middle + right
    return TextEdit(outer.open_start, outer.close_end, replacement, sel, sel + end - start)


def bold_span(text: str, start: int, end: int) -> TextEdit | None:
    """Bold on a whole colour span writes the corpus markup ``<b><span …>x</span></b>``.

    Applies when the selection is the span (tags included) or all of its text; None
    otherwise (part of a span, or no span: the Markdown ``**`` toggle does it).
    """
    if start == end:
        return None
    span = enclosing_element(text, start, end, ("span",))
    if span is None:
        return None
    whole = (start, end) == (span.open_start, span.close_end)
    content = text[span.open_end : span.close_start]
    if not whole and visible_text(text[start:end]) != visible_text(content):
        return None
    replacement = f"<b>{text[span.open_start : span.close_end]}</b>"
    shift = len("<b>")
    return TextEdit(span.open_start, span.close_end, replacement, start + shift, end + shift)
