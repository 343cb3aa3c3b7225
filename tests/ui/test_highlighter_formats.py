"""The highlighter: Markdown, dimmed HTML, span colours in CSS byte order, multi-line state."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.ui.highlighter import LIGHT
from editor.ui.markdown_edit import MarkdownEdit

REFERENCE = (
    Path(__file__).resolve().parents[2]
    / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
)


@pytest.fixture
def editor(qtbot):
    widget = MarkdownEdit()
    qtbot.addWidget(widget)
    return widget


def type_text(editor, text: str) -> None:
    """A real key press carrying ``text`` (QTest's keyClick only knows ASCII)."""
    for key_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(key_type, 0, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(editor, event)


def fmt_at(editor, line: int, column: int):
    block = editor.document().findBlockByNumber(line)
    ranges = block.layout().formats()  # keep the list alive while copying a format
    for rng in ranges:
        if rng.start <= column < rng.start + rng.length:
            return QTextCharFormat(rng.format)
    return None


def fg(fmt) -> QColor | None:
    return (
        fmt.foreground().color()
        if fmt is not None and fmt.hasProperty(fmt.Property.ForegroundBrush)
        else None
    )


def bg(fmt) -> QColor | None:
    return (
        fmt.background().color()
        if fmt is not None and fmt.hasProperty(fmt.Property.BackgroundBrush)
        else None
    )


def test_highlight_span_uses_css_alpha_last(editor):
    editor.setPlainText('<b><span style="background-color: #21538527;">강조</span></b>')
    column = editor.toPlainText().index("강조")
    color = bg(fmt_at(editor, 0, column))
    assert (color.red(), color.green(), color.blue(), color.alpha()) == (0x21, 0x53, 0x85, 0x27)
    assert fmt_at(editor, 0, column).fontWeight() == QFont.Weight.Bold


def test_text_colour_span_and_dimmed_tags(editor):
    editor.setPlainText('앞 <span style="color: #ee2323;">빨강</span> 뒤')
    text = editor.toPlainText()
    assert fg(fmt_at(editor, 0, text.index("빨강"))) == QColor(0xEE, 0x23, 0x23)
    assert fg(fmt_at(editor, 0, 3)) == QColor(*LIGHT["tag"][:3])  # inside "<span"
    assert fmt_at(editor, 0, 0) is None  # plain text untouched
    assert fg(fmt_at(editor, 0, text.index("뒤"))) is None


def test_span_colour_carries_across_lines_until_closed(editor):
    editor.setPlainText('<span style="color: #1a5490;">one\ntwo</span> three\nfour')
    assert fg(fmt_at(editor, 1, 0)) == QColor(0x1A, 0x54, 0x90)
    assert fg(fmt_at(editor, 1, len("two</span> t"))) is None
    assert fmt_at(editor, 2, 0) is None


def test_blank_line_closes_unbalanced_inline_markup(editor):
    editor.setPlainText("<b>never closed\n\nnext paragraph")
    assert fmt_at(editor, 0, 5).fontWeight() == QFont.Weight.Bold
    assert fmt_at(editor, 2, 0) is None


def test_markdown_constructs(editor):
    editor.setPlainText(
        "## Heading\n**bold** and *it* and `code`\n> quote\n- item\n[link](https://x.y) "
        "![img](/a.png)"
    )
    assert fmt_at(editor, 0, 3).fontWeight() == QFont.Weight.Bold
    assert fg(fmt_at(editor, 0, 3)) == QColor(*LIGHT["heading"][:3])
    assert fmt_at(editor, 1, 3).fontWeight() == QFont.Weight.Bold
    assert fmt_at(editor, 1, len("**bold** and *")).fontItalic()
    assert fmt_at(editor, 1, len("**bold** and *it* and `c")).fontFixedPitch()
    assert fmt_at(editor, 2, 3).fontItalic()
    assert fg(fmt_at(editor, 3, 0)) == QColor(*LIGHT["marker"][:3])
    assert fmt_at(editor, 4, 2).fontUnderline()
    assert fg(fmt_at(editor, 4, 1)) == QColor(*LIGHT["link"][:3])
    assert fg(fmt_at(editor, 4, len("[link](https://x.y) !["))) == QColor(*LIGHT["image"][:3])


def test_fenced_code_is_one_state_and_hides_markup(editor):
    editor.setPlainText('```html\n<span style="color: #ee2323;">x</span>\n**no**\n```\n**yes**')
    assert fmt_at(editor, 1, 30).fontFixedPitch()
    assert fg(fmt_at(editor, 1, 30)) != QColor(0xEE, 0x23, 0x23)
    assert fmt_at(editor, 2, 2).fontFixedPitch()
    assert fmt_at(editor, 4, 2).fontWeight() == QFont.Weight.Bold
    assert not fmt_at(editor, 4, 2).fontFixedPitch()


def test_opening_a_fence_rehighlights_following_lines(editor):
    editor.setPlainText("a\n**b**\nc")
    cursor = QTextCursor(editor.document())
    cursor.insertText("```\n")
    assert fmt_at(editor, 2, 2).fontFixedPitch()


def test_reference_post_highlights_the_three_corpus_colours(editor):
    editor.setPlainText(REFERENCE.read_text(encoding="utf-8"))
    seen_fg, seen_bg = set(), set()
    block = editor.document().begin()
    while block.isValid():
        ranges = block.layout().formats()
        for rng in ranges:
            if (c := fg(rng.format)) is not None:
                seen_fg.add(c.name())
            if (c := bg(rng.format)) is not None:
                seen_bg.add(c.name(QColor.NameFormat.HexArgb))
        block = block.next()
    assert {"#ee2323", "#1a5490"} <= seen_fg
    assert "#27215385" in seen_bg  # Qt's ARGB spelling of CSS #21538527


def test_keystroke_rehighlights_one_line_and_is_fast(editor, qtbot):
    text = REFERENCE.read_text(encoding="utf-8")
    editor.setPlainText(text[:5000])
    cursor = editor.textCursor()
    cursor.setPosition(2500)
    editor.setTextCursor(cursor)
    editor.highlighter.blocks_highlighted = 0
    started = time.perf_counter()
    for _ in range(50):
        type_text(editor, "가")
    per_key = (time.perf_counter() - started) / 50
    assert editor.toPlainText().count("가") == text[:5000].count("가") + 50
    assert editor.highlighter.blocks_highlighted == 50
    assert per_key < 0.02  # budget in #7 is 3 ms; generous here for a loaded CI machine


def test_dark_mode_switch_rehighlights(editor):
    editor.setPlainText("## h")
    light = fg(fmt_at(editor, 0, 3))
    editor.set_dark(True)
    assert fg(fmt_at(editor, 0, 3)) != light


def test_dark_mode_lightens_span_colours_written_for_a_white_page(editor):
    from editor.core.css_color import CssColor, contrast_ratio

    editor.setPlainText(
        '<span style="color: #1a5490;">파랑</span> <span style="color: #ee2323;">빨강</span>'
    )
    text = editor.toPlainText()
    assert fg(fmt_at(editor, 0, text.index("파랑"))) == QColor(
        0x1A, 0x54, 0x90
    )  # light: as written
    editor.set_dark(True)
    blue = fg(fmt_at(editor, 0, text.index("파랑")))
    dark_base = CssColor(0x1E, 0x1E, 0x1E)
    assert contrast_ratio(CssColor(blue.red(), blue.green(), blue.blue()), dark_base) >= 3.0
    assert blue.blue() > blue.red()  # still a blue, only lighter
    # the file is untouched: only the drawing changes
    assert editor.toPlainText() == text


def test_dark_mode_keeps_faint_highlights_visible(editor):
    from editor.core.css_color import CssColor, composite_over, contrast_ratio

    editor.setPlainText('<span style="background-color: #21538527;">형광펜</span>')
    text = editor.toPlainText()
    column = text.index("형광펜")
    light = fmt_at(editor, 0, column).background().color()
    assert (light.red(), light.green(), light.blue(), light.alpha()) == (0x21, 0x53, 0x85, 0x27)
    editor.set_dark(True)
    if hasattr(editor.highlighter, "finish"):
        editor.highlighter.finish()  # a sliced refresh: let it reach every line
    dark = fmt_at(editor, 0, column).background().color()
    dark_base = CssColor(0x1E, 0x1E, 0x1E)
    drawn = CssColor(dark.red(), dark.green(), dark.blue(), dark.alpha() / 255)
    faint = CssColor(0x21, 0x53, 0x85, 0x27 / 255)
    # as written it barely differs from the editor; drawn, it shows as a tint
    assert contrast_ratio(composite_over(faint, dark_base), dark_base) < 1.2
    assert contrast_ratio(composite_over(drawn, dark_base), dark_base) >= 1.25
    assert dark.blue() > dark.red()  # the same blue-grey hue
    assert editor.toPlainText() == text


def test_front_matter_is_not_markdown(editor):
    editor.setPlainText("---\ntitle: x\nfeature_text: >\n  ## not a heading\n---\n## heading")
    assert fmt_at(editor, 3, 4) is None
    assert fg(fmt_at(editor, 1, 0)) == QColor(*LIGHT["attr"][:3])
    assert fmt_at(editor, 5, 3).fontWeight() == QFont.Weight.Bold
    # A rule later in the body is not front matter.
    editor.setPlainText("text\n\n---\n\n## heading")
    assert fmt_at(editor, 4, 3).fontWeight() == QFont.Weight.Bold
