"""Editing operations as free functions over a QTextCursor; each one is one undo step.

The markup decisions live in :mod:`editor.core.span_markup` (pure, tested without Qt); this
module reads the text around the cursor, asks for a :class:`TextEdit` and applies it inside
``beginEditBlock``/``endEditBlock``.

Offsets: Python indexes code points, Qt indexes UTF-16 units; they differ after an emoji, so
every position crossing the boundary goes through :func:`to_qt` / :func:`to_py`. Text is read
with ``toRawText`` because ``toPlainText`` turns no-break spaces into plain spaces and the
tools must not change text they only wrap.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QTextCursor, QTextDocument

from editor.core import html_emphasis, span_markup
from editor.core.span_markup import NothingToFormatError, TextEdit, word_range

_LIST_ITEM = re.compile(r"^(\s*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+)(\[[ xX]\][ \t]+)?(.*)$")
_QUOTE = re.compile(r"^(\s*(?:>[ \t]?)+)(.*)$")
_URL = re.compile(r"^(?:https?://|mailto:|/)\S*$")
_PARAGRAPH_SEPARATOR = "\u2029"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

_TABLE_FORM = "| {h1} | {h2} |\n| --- | --- |\n| {cell} | {cell} |\n| {cell} | {cell} |"
# The HTML table the corpus writes by hand (77 posts): no classes, header cells in <th>.
_HTML_TABLE_FORM = """<table>
    <tr>
        <th>{h1}</th>
        <th>{h2}</th>
    </tr>
    <tr>
        <td>{cell}</td>
        <td>{cell}</td>
    </tr>
</table>"""
# The template's words, translated when inserted (a Korean UI writes Korean placeholders).
_TABLE_WORDS = {
    "h1": QT_TRANSLATE_NOOP("FormatBar", "Header 1"),
    "h2": QT_TRANSLATE_NOOP("FormatBar", "Header 2"),
    "cell": QT_TRANSLATE_NOOP("FormatBar", "Cell"),
}
TABLE_TEMPLATE = _TABLE_FORM.format(**_TABLE_WORDS)  # the English forms
HTML_TABLE_TEMPLATE = _HTML_TABLE_FORM.format(**_TABLE_WORDS)


def _table_words() -> dict[str, str]:
    return {
        key: QCoreApplication.translate("FormatBar", word) for key, word in _TABLE_WORDS.items()
    }


def table_template() -> str:
    """The Markdown table template in the UI language."""
    return _TABLE_FORM.format(**_table_words())


def html_table_template() -> str:
    """The HTML table template in the UI language."""
    return _HTML_TABLE_FORM.format(**_table_words())


def document_text(document: QTextDocument) -> str:
    return document.toRawText().replace(_PARAGRAPH_SEPARATOR, "\n")


class OffsetMap:
    """Python index <-> Qt position for one text; only characters beyond U+FFFF differ."""

    def __init__(self, text: str) -> None:
        astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral = astral
        # Qt position just after the j-th astral character: a_j + j + 2.
        self._after = [index + j + 2 for j, index in enumerate(astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        return position - bisect_right(self._after, position)


def to_qt(text: str, index: int) -> int:
    """Python index -> Qt position (UTF-16 units)."""
    return OffsetMap(text).to_qt(index)


def to_py(text: str, position: int) -> int:
    """Qt position -> Python index."""
    return OffsetMap(text).to_py(position)


def selection(cursor: QTextCursor) -> tuple[str, int, int]:
    """(document text, selection start, selection end) in Python indices."""
    text = document_text(cursor.document())
    return text, to_py(text, cursor.selectionStart()), to_py(text, cursor.selectionEnd())


def apply_text_edit(cursor: QTextCursor, text: str, edit: TextEdit) -> None:
    """Apply ``edit`` (computed on ``text``) as one undo step and select its result."""
    cursor.beginEditBlock()
    cursor.setPosition(to_qt(text, edit.start))
    cursor.setPosition(to_qt(text, edit.end), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(edit.replacement)
    cursor.endEditBlock()
    new_text = span_markup.apply_edit(text, edit)
    cursor.setPosition(to_qt(new_text, edit.sel_start))
    cursor.setPosition(to_qt(new_text, edit.sel_end), QTextCursor.MoveMode.KeepAnchor)


def _target(cursor: QTextCursor) -> tuple[str, int, int]:
    """The selection, or the word at the cursor when nothing is selected."""
    text, start, end = selection(cursor)
    if start == end:
        start, end = word_range(text, start)
    return text, start, end


def _marker_run(text: str, start: int, end: int, char: str) -> tuple[int, int]:
    before = len(text[:start]) - len(text[:start].rstrip(char))
    after = len(text[end:]) - len(text[end:].lstrip(char))
    return before, after


def toggle_inline(cursor: QTextCursor, marker: str) -> None:
    """Wrap the selection (or word) in ``marker`` (``**``, ``*``, `` ` ``), or unwrap it."""
    text, start, end = _target(cursor)
    n = len(marker)
    selected = text[start:end]
    if start == end:
        edit = TextEdit(start, end, marker * 2, start + n, start + n)
    elif len(selected) > 2 * n and selected.startswith(marker) and selected.endswith(marker):
        inner = selected[n:-n]
        edit = TextEdit(start, end, inner, start, start + len(inner))
    elif _is_wrapped(text, start, end, marker):
        edit = TextEdit(start - n, end + n, selected, start - n, end - n)
    else:
        edit = TextEdit(start, end, f"{marker}{selected}{marker}", start + n, end + n)
    apply_text_edit(cursor, text, edit)


def _is_wrapped(text: str, start: int, end: int, marker: str) -> bool:
    if marker not in ("*", "_"):
        return text[start - len(marker) : start] == marker == text[end : end + len(marker)]
    # A lone * is italic; ** is bold and *** both: don't take bold's markers for italic's.
    before, after = _marker_run(text, start, end, marker)
    return before == after and before in (1, 3)


def toggle_code(cursor: QTextCursor) -> None:
    """Inline code for a word or part of a line; a fenced block for several lines."""
    text, start, end = selection(cursor)
    if "\n" not in text[start:end]:
        toggle_inline(cursor, "`")
        return
    line_start, line_end = _line_span(text, start, end)
    body = text[line_start:line_end]
    replacement = f"```\n{body}\n```"
    edit = TextEdit(line_start, line_end, replacement, line_start + 4, line_start + 4 + len(body))
    apply_text_edit(cursor, text, edit)


def insert_link(cursor: QTextCursor, url: str = "") -> None:
    """``[text](url)``; a selected URL becomes the target and the caret goes to the text."""
    text, start, end = _target(cursor)
    selected = text[start:end]
    if _URL.match(selected) and not url:
        edit = TextEdit(start, end, f"[]({selected})", start + 1, start + 1)
    else:
        target = url or "https://"
        replacement = f"[{selected}]({target})"
        url_at = start + len(selected) + 3
        edit = TextEdit(start, end, replacement, url_at, url_at + len(target))
    apply_text_edit(cursor, text, edit)


def insert_image(cursor: QTextCursor, url: str = "", alt: str | None = None) -> None:
    """``![alt](url)``: the selection is the alt text; an empty url is selected to type."""
    text, start, end = selection(cursor)
    alt_text = text[start:end] if alt is None else alt
    target = url or "/assets/img/"
    replacement = f"![{alt_text}]({target})"
    if url:
        edit = TextEdit(start, end, replacement, start + len(replacement), start + len(replacement))
    else:
        url_at = start + len(alt_text) + 4
        edit = TextEdit(start, end, replacement, url_at + len(target), url_at + len(target))
    apply_text_edit(cursor, text, edit)


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the first and end of the last line the selection touches."""
    if end > start and text[end - 1] == "\n":
        end -= 1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def transform_lines(cursor: QTextCursor, change: Callable[[list[str]], list[str]]) -> None:
    """Replace the selected lines with ``change(lines)`` as one undo step."""
    text, start, end = selection(cursor)
    line_start, line_end = _line_span(text, start, end)
    new_block = "\n".join(change(text[line_start:line_end].split("\n")))
    edit = TextEdit(line_start, line_end, new_block, line_start, line_start + len(new_block))
    if "\n" not in new_block:  # one line: leave the caret at the end of it, ready to type
        edit = edit._replace(sel_start=edit.sel_end)
    apply_text_edit(cursor, text, edit)


def _prefix_of(kind: str, number: int) -> str:
    return f"{number}. " if kind == "1." else f"{kind} "


def _strip_prefix(line: str, kind: str) -> str | None:
    """The line without its ``kind`` marker, or None when it has none."""
    if kind == ">":
        quote = _QUOTE.match(line)
        return quote.group(2) if quote and ">" in quote.group(1) else None
    item = _LIST_ITEM.match(line)
    if not item or bool(item.group(3)) != (kind == "1."):
        return None
    return item.group(1) + (item.group(6) or "") + item.group(7)


def toggle_line_prefix(cursor: QTextCursor, kind: str) -> None:
    """Bullet list (``-``), numbered list (``1.``) or quote (``>``) on the selected lines."""

    def change(lines: list[str]) -> list[str]:
        content = [line for line in lines if line.strip()]
        if content and all(_strip_prefix(line, kind) is not None for line in content):
            return [_strip_prefix(line, kind) if line.strip() else line for line in lines]
        result, number = [], 1
        for line in lines:
            if not line.strip() and len(lines) > 1:
                result.append(line)
                continue
            result.append(_prefix_of(kind, number) + line)
            number += 1
        return result

    transform_lines(cursor, change)


def set_heading(
    cursor: QTextCursor, level: int, tistory: bool = False, size: str | None = None
) -> None:
    """Markdown ``## `` or Tistory ``<h2 data-ke-size="size26">`` on the current line(s);
    ``size`` picks another ``data-ke-size`` for the Tistory form."""
    if tistory:
        transform_lines(
            cursor, lambda lines: [span_markup.tistory_heading(ln, level, size) for ln in lines]
        )
    else:
        transform_lines(
            cursor, lambda lines: [span_markup.markdown_heading(ln, level) for ln in lines]
        )


def set_paragraph_size(cursor: QTextCursor, size: str) -> None:
    """``data-ke-size`` on the current line's ``<p>``/``<hN>`` (wrapping a plain line)."""
    transform_lines(cursor, lambda lines: [span_markup.set_block_size(ln, size) for ln in lines])


def insert_block(cursor: QTextCursor, block: str) -> None:
    """Insert ``block`` as its own paragraph, after the current line, with blank lines
    around it (so ``---`` is a rule, not a setext underline)."""
    text, _start, end = selection(cursor)
    line_start, line_end = _line_span(text, end, end)
    if text[line_start:line_end].strip():
        insert_at, before = line_end, "\n\n"
    else:  # a blank line: the block takes its place
        insert_at = line_start
        before = "" if insert_at == 0 or text[:insert_at].endswith("\n\n") else "\n"
    rest = text[line_end:]
    after = "\n" if not rest else "" if rest.startswith("\n\n") else "\n"
    replacement = f"{before}{block}{after}"
    caret = insert_at + len(before) + len(block)
    apply_text_edit(cursor, text, TextEdit(insert_at, line_end, replacement, caret, caret))


def insert_spacer(cursor: QTextCursor) -> None:
    insert_block(cursor, span_markup.SPACER)


def insert_rule(cursor: QTextCursor) -> None:
    insert_block(cursor, "---")


def insert_table(cursor: QTextCursor) -> None:
    insert_block(cursor, table_template())


def insert_html_table(cursor: QTextCursor) -> None:
    insert_block(cursor, html_table_template())


# apply_color's outcomes
COLOR_APPLIED = "applied"
NOTHING_TO_COLOR = "nothing"  # no selection and no word at the cursor
UNBALANCED_HTML = "unbalanced"  # the selection would cut a tag closed in another paragraph


def apply_color(cursor: QTextCursor, prop: str, value: str, bold: bool) -> str:
    """Text colour (``color``) or highlight (``background-color``) as Tistory writes it.

    Returns :data:`COLOR_APPLIED`, or why nothing changed: :data:`NOTHING_TO_COLOR` (an
    empty span helps nobody) or :data:`UNBALANCED_HTML`."""
    text, start, end = selection(cursor)
    try:
        edit = span_markup.apply_span_color(text, start, end, prop, value, bold)
    except NothingToFormatError:
        return NOTHING_TO_COLOR
    if edit is None:
        return UNBALANCED_HTML
    apply_text_edit(cursor, text, edit)
    return COLOR_APPLIED


def toggle_emphasis(cursor: QTextCursor, marker: str) -> None:
    """Bold (``**``) or italic (``*``) that understands Tistory's HTML: inside ``<b>`` or
    ``<strong>`` (``<i>``/``<em>`` for italic) it takes the text out of that element and keeps
    any colour span; bold on a whole colour span writes ``<b><span …>``; else Markdown."""
    text, start, end = _target(cursor)
    tags = html_emphasis.BOLD_TAGS if marker == "**" else html_emphasis.ITALIC_TAGS
    edit = html_emphasis.remove_html_emphasis(text, start, end, tags)
    if edit is None and marker == "**":
        edit = html_emphasis.bold_span(text, start, end)
    if edit is None:
        toggle_inline(cursor, marker)
        return
    apply_text_edit(cursor, text, edit)


def remove_formatting(cursor: QTextCursor) -> bool:
    """Unwrap the span (or ``<b>``/``<i>`` …) at the cursor; False when there is none."""
    text, start, end = selection(cursor)
    edit = span_markup.remove_formatting(text, start, end)
    if edit is None:
        return False
    apply_text_edit(cursor, text, edit)
    return True


def continue_list(cursor: QTextCursor) -> bool:
    """Enter in a list item or quote: start the next item; on an empty item, end the list.
    False when the line is neither (the caller inserts a plain newline)."""
    if cursor.hasSelection():
        return False
    text, start, _ = selection(cursor)
    line_start, line_end = _line_span(text, start, start)
    line = text[line_start:line_end]
    item, quote = _LIST_ITEM.match(line), _QUOTE.match(line)
    if item:
        body = item.group(7)
        number = item.group(3)
        marker = f"{int(number) + 1}{item.group(4)}" if number else item.group(2)
        box = "[ ] " if item.group(6) else ""
        prefix = f"{item.group(1)}{marker}{item.group(5)}{box}"
    elif quote and ">" in quote.group(1):
        body, prefix = quote.group(2), quote.group(1)
    else:
        return False
    if not body.strip() and start == line_end:
        apply_text_edit(cursor, text, TextEdit(line_start, line_end, "", line_start, line_start))
        return True
    insertion = "\n" + prefix
    caret = start + len(insertion)
    apply_text_edit(cursor, text, TextEdit(start, start, insertion, caret, caret))
    return True


def indent_list_item(cursor: QTextCursor, outdent: bool = False) -> bool:
    """Tab / Shift+Tab on a list item: nest it two spaces deeper or shallower."""
    text, start, end = selection(cursor)
    line_start, line_end = _line_span(text, start, start)
    if not _LIST_ITEM.match(text[line_start:line_end]):
        return False

    def change(lines: list[str]) -> list[str]:
        if outdent:
            return [line[min(2, len(line) - len(line.lstrip(" "))) :] for line in lines]
        return ["  " + line if line.strip() else line for line in lines]

    transform_lines(cursor, change)
    return True
