"""Every formatting tool: the markup it writes, the word-at-cursor rule, one undo step each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QVBoxLayout, QWidget

from editor.ui.formatting import FormattingToolbar
from editor.ui.markdown_edit import MarkdownEdit

SPACER = '<p data-ke-size="size16">&nbsp;</p>'


@pytest.fixture
def ui(qtbot):
    window = QWidget()
    editor = MarkdownEdit()
    toolbar = FormattingToolbar(editor)
    layout = QVBoxLayout(window)
    layout.addWidget(toolbar)
    layout.addWidget(editor)
    qtbot.addWidget(window)
    yield editor, toolbar
    del window  # held until the test ends: it owns the editor


def put(editor: MarkdownEdit, text: str, start: int, end: int | None = None) -> None:
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start if end is None else end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def selected(editor: MarkdownEdit) -> str:
    return editor.textCursor().selectedText()


def run(ui, name: str, text: str, start: int, end: int | None = None) -> str:
    """Trigger tool ``name``; check it was exactly one undo step; return the new text."""
    editor, toolbar = ui
    put(editor, text, start, end)
    assert not editor.document().isUndoAvailable()  # setPlainText starts a fresh history
    toolbar.tool_actions[name].trigger()
    result = editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == text, name
    assert not editor.document().isUndoAvailable(), f"{name} took more than one undo step"
    editor.redo()
    assert editor.toPlainText() == result
    return result


@pytest.mark.parametrize(
    ("name", "text", "start", "end", "expected"),
    [
        ("bold", "hello world", 2, None, "**hello** world"),
        ("bold", "**hello** world", 4, None, "hello world"),
        ("bold", "한글 단어", 4, None, "한글 **단어**"),
        ("italic", "hello world", 6, 11, "hello *world*"),
        ("italic", "**bold**", 2, 6, "***bold***"),
        ("italic", "*it*", 1, 3, "it"),
        ("link", "see site now", 4, 8, "see [site](https://) now"),
        ("link", "https://a.b", 0, 11, "[](https://a.b)"),
        ("image", "a photo", 2, 7, "a ![photo](/assets/img/)"),
        ("bullet_list", "a\nb", 0, 3, "- a\n- b"),
        ("bullet_list", "- a\n- b", 0, 7, "a\nb"),
        ("numbered_list", "a\n\nb", 0, 4, "1. a\n\n2. b"),
        ("quote", "line", 1, None, "> line"),
        ("quote", "> line", 3, None, "line"),
        ("code", "call fn now", 6, None, "call `fn` now"),
        ("code", "a\nb", 0, 3, "```\na\nb\n```"),
        ("rule", "para", 2, None, "para\n\n---\n"),
        ("rule", "a\n\nb", 2, None, "a\n\n---\n\nb"),
        (
            "table",
            "x",
            1,
            None,
            "x\n\n| Header 1 | Header 2 |\n| --- | --- |\n| Cell | Cell |\n| Cell | Cell |\n",
        ),
        ("heading", "title", 0, None, "## title"),
        ("md_h3", "## title", 0, None, "### title"),
        ("tistory_h2", "제목", 1, None, '<h2 data-ke-size="size26">제목</h2>'),
        ("tistory_h3", "## 제목", 1, None, '<h3 data-ke-size="size23">제목</h3>'),
        ("tistory_h4", "제목", 1, None, '<h4 data-ke-size="size20">제목</h4>'),
        ("tistory_h2_size24", "## 제목", 1, None, '<h2 data-ke-size="size24">제목</h2>'),
        ("tistory_h3_size24", "제목", 1, None, '<h3 data-ke-size="size24">제목</h3>'),
        (
            "html_table",
            "x",
            1,
            None,
            "x\n\n<table>\n    <tr>\n        <th>Header 1</th>\n        <th>Header 2</th>\n"
            "    </tr>\n    <tr>\n        <td>Cell</td>\n        <td>Cell</td>\n    </tr>\n"
            "</table>\n",
        ),
        ("spacer", "a\nb", 0, None, f"a\n\n{SPACER}\n\nb"),
        ("spacer", "a\n\n", 3, None, f"a\n\n{SPACER}\n"),
        ("size_size24", "문단", 0, None, '<p data-ke-size="size24">문단</p>'),
        (
            "size_size16",
            '<h2 data-ke-size="size26">t</h2>',
            5,
            None,
            '<h2 data-ke-size="size16">t</h2>',
        ),
        (
            "remove_formatting",
            'a <b><span style="color: #ee2323;">red</span></b>',
            37,
            None,
            "a red",
        ),
    ],
)
def test_tool(ui, name, text, start, end, expected):
    assert run(ui, name, text, start, end) == expected


def test_link_selects_the_url_to_type_over(ui):
    editor, toolbar = ui
    put(editor, "site", 0, 4)
    toolbar.tool_actions["link"].trigger()
    assert selected(editor) == "https://"


def test_bold_on_empty_place_leaves_caret_inside(ui, qtbot):
    editor, toolbar = ui
    put(editor, "a  b", 2)
    toolbar.tool_actions["bold"].trigger()
    qtbot.keyClicks(editor, "x")
    assert editor.toPlainText() == "a **x** b"


def test_text_colour_palette_writes_corpus_markup(ui):
    editor, toolbar = ui
    put(editor, "앞 중요한 문장 뒤", 2, 8)
    red = toolbar.text_palette.swatch_actions[0]
    assert red.data() == "#ee2323"
    red.trigger()
    assert editor.toPlainText() == '앞 <b><span style="color: #ee2323;">중요한 문장</span></b> 뒤'
    assert selected(editor) == "중요한 문장"
    # Another colour on the same text changes the span, no nesting; one undo step each.
    blue = next(a for a in toolbar.text_palette.swatch_actions if a.data() == "#1a5490")
    blue.trigger()
    assert editor.toPlainText() == '앞 <b><span style="color: #1a5490;">중요한 문장</span></b> 뒤'
    editor.undo()
    assert "#ee2323" in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == "앞 중요한 문장 뒤"


def test_highlight_palette_and_bold_toggle(ui):
    editor, toolbar = ui
    toolbar.bold_colors.setChecked(False)
    put(editor, "x text y", 2, 6)
    toolbar.highlight_palette.swatch_actions[0].trigger()
    assert editor.toPlainText() == 'x <span style="background-color: #21538527;">text</span> y'
    toolbar.bold_colors.setChecked(True)
    put(editor, "x text y", 2, 6)
    toolbar.highlight_palette.swatch_actions[1].trigger()
    assert editor.toPlainText() == 'x <b><span style="background-color: #ffe066;">text</span></b> y'


def test_colour_button_reapplies_the_last_colour(ui):
    editor, toolbar = ui
    put(editor, "one two", 0, 3)
    toolbar.text_palette.swatch_actions[1].trigger()  # #1a5490
    put(editor, "one two", 4, 7)
    toolbar.tool_actions["text_color"].trigger()
    assert editor.toPlainText() == 'one <b><span style="color: #1a5490;">two</span></b>'


def test_markdown_bold_selection_becomes_b_span(ui):
    editor, toolbar = ui
    toolbar.bold_colors.setChecked(False)
    put(editor, "see **this** now", 4, 12)
    toolbar.text_palette.swatch_actions[0].trigger()
    assert editor.toPlainText() == 'see <b><span style="color: #ee2323;">this</span></b> now'


def _accept_color_dialog(color: QColor) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QColorDialog)
    dialog.setCurrentColor(color)
    dialog.accept()


def test_custom_highlight_colour_keeps_css_alpha_order(ui):
    editor, toolbar = ui
    put(editor, "word", 0, 4)
    QTimer.singleShot(0, lambda: _accept_color_dialog(QColor(0x21, 0x53, 0x85, 0x27)))
    toolbar.highlight_palette.custom_action.trigger()
    assert editor.toPlainText() == ('<b><span style="background-color: #21538527;">word</span></b>')


def test_custom_text_colour_cancelled_changes_nothing(ui):
    editor, toolbar = ui
    put(editor, "word", 0, 4)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    toolbar.text_palette.custom_action.trigger()
    assert editor.toPlainText() == "word"


def test_remove_formatting_without_span_reports(ui, qtbot):
    editor, toolbar = ui
    put(editor, "plain", 2)
    with qtbot.waitSignal(editor.statusMessage, timeout=1000):
        toolbar.tool_actions["remove_formatting"].trigger()
    assert editor.toPlainText() == "plain"
    assert not editor.document().isUndoAvailable()


def test_shortcuts_reach_the_tools(ui, qtbot):
    editor, toolbar = ui
    window = editor.window()
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    put(editor, "hello world", 2)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "**hello** world"
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "***hello*** world"
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "***[hello](https://)*** world"


def test_actions_for_menu_lists_every_tool(ui):
    _editor, toolbar = ui
    actions = toolbar.actions_for_menu()
    texts = {a.objectName() for a in actions}
    for name in (
        "bold",
        "italic",
        "link",
        "image",
        "bullet_list",
        "quote",
        "code",
        "rule",
        "table",
        "heading",
        "spacer",
        "remove_formatting",
        "bold_colors",
    ):
        assert f"format_{name}" in texts
    submenus = {a.menu().title() for a in actions if a.menu() is not None}
    assert submenus == {"Heading", "Paragraph size", "Text colour", "Highlight"}
    assert toolbar.tool_actions["bold"].shortcut().toString() == "Ctrl+B"
    assert toolbar.tool_actions["link"].shortcut().toString() == "Ctrl+K"


def test_enter_continues_and_ends_lists(ui, qtbot):
    editor, _toolbar = ui
    put(editor, "- item", 6)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- item\n- "
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "- item\n"
    put(editor, "9. nine", 7)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "9. nine\n10. "
    put(editor, "> quoted", 8)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "> quoted\n> "
    put(editor, "plain", 5)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.toPlainText() == "plain\n"


def test_tab_nests_list_items(ui, qtbot):
    editor, _toolbar = ui
    put(editor, "- a\n- b", 6)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "- a\n  - b"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "- a\n- b"


def test_emoji_before_selection_keeps_offsets_right(ui):
    editor, toolbar = ui
    text = "😀 word 😀 end"
    put(editor, text, 3, 7)  # Qt positions: the emoji is two UTF-16 units
    assert selected(editor) == "word"
    toolbar.tool_actions["bold"].trigger()
    assert editor.toPlainText() == "😀 **word** 😀 end"
    assert selected(editor) == "word"


def test_no_break_spaces_survive_wrapping(ui):
    editor, toolbar = ui
    text = "a\u00a0b c"
    put(editor, text, 0, 3)
    toolbar.text_palette.swatch_actions[0].trigger()
    assert "a\u00a0b" in editor.document().toRawText()


def test_colour_through_unbalanced_html_is_refused_with_message(ui, qtbot):
    editor, toolbar = ui
    text = "<span style='color: red'>a\n\nb</span>"
    put(editor, text, 0, 5)
    with qtbot.waitSignal(editor.statusMessage, timeout=1000):
        toolbar.text_palette.swatch_actions[0].trigger()
    assert editor.toPlainText() == text
    assert not editor.document().isUndoAvailable()


def test_the_html_table_renders_as_a_table_with_header_cells():
    from editor.render.pipeline import render_body
    from editor.ui.edit_ops import HTML_TABLE_TEMPLATE

    html = render_body(f"before\n\n{HTML_TABLE_TEMPLATE}\n\nafter\n")
    assert html.count("<th>") == 2 and html.count("<td>") == 2
    assert "<p>after</p>" in html  # the block ends where the table ends
