"""QA's rough edges (issue #4): clear labels, no empty colour spans, bold/italic toggles that
understand Tistory's <b>/<i>, and templates in the UI language. Each tool is one undo step."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor.ui.formatting import FormattingToolbar
from editor.ui.markdown_edit import MarkdownEdit

RED = '<span style="color: #ee2323;">'
_WORD = re.compile(r"[^\W\d_]{2,}")  # two or more letters in a row (Hangul counts)


@pytest.fixture
def ui(qtbot):
    window = QWidget()
    editor = MarkdownEdit()
    toolbar = FormattingToolbar(editor)
    layout = QVBoxLayout(window)
    layout.addWidget(toolbar)
    layout.addWidget(editor)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)  # shortcuts (Ctrl+B) reach the editor only with focus
    yield editor, toolbar
    del window


def put(editor: MarkdownEdit, text: str, start: int, end: int | None = None) -> None:
    editor.setPlainText(text)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start if end is None else end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def one_step(editor: MarkdownEdit, before: str) -> None:
    """The last tool was exactly one undo step."""
    after = editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == before
    assert not editor.document().isUndoAvailable()
    editor.redo()
    assert editor.toPlainText() == after


def menu_actions(toolbar: FormattingToolbar):
    for action in toolbar.actions_for_menu():
        if action.menu() is not None:
            yield from (a for a in action.menu().actions() if not a.isSeparator())
        else:
            yield action


# -- 1. labels ---------------------------------------------------------------------------------
def test_the_two_image_tools_read_differently(ui):
    _editor, toolbar = ui
    link, file = toolbar.tool_actions["image"], toolbar.tool_actions["image_file"]
    assert link.iconText() != file.iconText()
    assert link.text() != file.text()
    assert link.toolTip() != file.toolTip()
    assert "![" in link.iconText() + link.toolTip()
    assert "file" in file.text().lower() and "file" in file.toolTip().lower()


def test_toolbar_buttons_show_the_short_glyphs(ui):
    _editor, toolbar = ui
    assert toolbar.widgetForAction(toolbar.tool_actions["bold"]).text() == "B"
    assert toolbar.widgetForAction(toolbar.tool_actions["quote"]).text() == "❝"
    assert toolbar.widgetForAction(toolbar.tool_actions["remove_formatting"]).text() == "Tx"


def test_every_menu_entry_has_words_and_no_raw_markup(ui):
    _editor, toolbar = ui
    texts = [action.text() for action in menu_actions(toolbar)]
    assert len(texts) > 30
    for text in texts:
        assert _WORD.search(text), f"menu entry without words: {text!r}"
        assert "<" not in text and "data-ke-size" not in text, text


def test_tistory_heading_entries_are_worded_consistently(ui):
    _editor, toolbar = ui
    names = [n for n in toolbar.tool_actions if n.startswith("tistory_h")]
    assert len(names) == 6
    pattern = re.compile(r"^Tistory heading, level \d \(size \d\d\)$")
    for name in names:
        assert pattern.match(toolbar.tool_actions[name].text()), toolbar.tool_actions[name].text()
    assert toolbar.tool_actions["tistory_h2_size24"].text() == "Tistory heading, level 2 (size 24)"
    assert toolbar.tool_actions["tistory_h3"].text() == "Tistory heading, level 3 (size 23)"
    # the markup they write is in the tooltip
    assert toolbar.tool_actions["tistory_h2_size24"].toolTip() == '<h2 data-ke-size="size24">'
    texts = [toolbar.tool_actions[name].text() for name in names]
    assert len(set(texts)) == 6


# -- 2. colour with nothing to colour ------------------------------------------------------------
@pytest.mark.parametrize("tool", ["text_color", "highlight"])
@pytest.mark.parametrize(("text", "at"), [("", 0), ("a\n\nb", 2), ("word  word", 5)])
def test_colour_with_nothing_to_colour_writes_nothing_and_says_so(ui, qtbot, tool, text, at):
    editor, toolbar = ui
    put(editor, text, at)
    with qtbot.waitSignal(editor.statusMessage, timeout=1000) as signal:
        toolbar.tool_actions[tool].trigger()
    assert editor.toPlainText() == text
    assert not editor.document().isUndoAvailable()
    assert "select" in signal.args[0].lower()


def test_colour_with_the_cursor_in_a_word_colours_that_word(ui):
    editor, toolbar = ui
    put(editor, "one two", 5)
    toolbar.tool_actions["highlight"].trigger()
    assert editor.toPlainText() == (
        'one <b><span style="background-color: #21538527;">two</span></b>'
    )
    one_step(editor, "one two")


# -- 3. bold and italic toggles ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        (f"a <b>{RED}red</span></b> z", "red", f"a {RED}red</span> z"),
        (f"a <b>{RED}red</span></b> z", None, f"a {RED}red</span> z"),
        ("a <b>bold</b> z", "bold", "a bold z"),
        (f"a {RED}red</span> z", "red", f"a <b>{RED}red</span></b> z"),
        ("plain word", "word", "plain **word**"),
    ],
)
def test_ctrl_b_toggles_tistory_bold(ui, qtbot, text, selected, expected):
    editor, _toolbar = ui
    start = text.index(selected) if selected else text.index("red") + 1
    put(editor, text, start, start + len(selected) if selected else None)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == expected
    one_step(editor, text)


def test_ctrl_b_twice_gives_back_the_corpus_markup(ui, qtbot):
    editor, _toolbar = ui
    text = f"a <b>{RED}red</span></b> z"
    start = text.index("red")
    put(editor, text, start, start + 3)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.textCursor().selectedText() == "red"
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == text


def test_ctrl_i_removes_html_italic(ui, qtbot):
    editor, _toolbar = ui
    text = "an <em>odd</em> word"
    put(editor, text, text.index("odd") + 1)
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "an odd word"
    one_step(editor, text)


# -- 5. templates in the UI language ----------------------------------------------------------
class _KoreanTemplates(QTranslator):
    """Stands in for the Korean .qm for the template words (regenerated by the lead)."""

    WORDS = {"Header 1": "항목 1", "Header 2": "항목 2", "Cell": "내용"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return self.WORDS.get(source, "") if context == "FormatBar" else ""

    def isEmpty(self) -> bool:  # noqa: N802
        return False


@pytest.mark.parametrize(("tool", "cell"), [("table", "| 내용 |"), ("html_table", "<td>내용</td>")])
def test_table_templates_come_through_tr(ui, tool, cell):
    editor, toolbar = ui
    translator = _KoreanTemplates()
    QCoreApplication.installTranslator(translator)
    try:
        put(editor, "", 0)
        toolbar.tool_actions[tool].trigger()
    finally:
        QCoreApplication.removeTranslator(translator)
    text = editor.toPlainText()
    assert "항목 1" in text and "항목 2" in text and cell in text
    assert "Header" not in text and "Cell" not in text


def test_lupdate_finds_every_tool_text(ui, tmp_path):
    """The texts reach the .ts only when lupdate sees them; a helper around
    QT_TRANSLATE_NOOP hides them from it."""
    import subprocess
    import sys
    from pathlib import Path

    _editor, toolbar = ui
    repo = Path(__file__).resolve().parents[2]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "check.ts"
    sources = [repo / "editor/ui/formatting.py", repo / "editor/ui/edit_ops.py"]
    subprocess.run(
        [str(lupdate), *map(str, sources), "-ts", str(ts)], check=True, capture_output=True
    )
    found = set(re.findall(r"<source>([^<]*)</source>", ts.read_text(encoding="utf-8")))
    found = {s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") for s in found}
    texts = {a.text() for a in menu_actions(toolbar) if not a.text().startswith(("#",))}
    swatches = {
        a.text() for a in toolbar.text_palette.actions() + toolbar.highlight_palette.actions()
    }
    tistory = {t for t in texts if t.startswith(("Tistory heading", "Markdown heading ", "Size "))}
    plain = texts - swatches - tistory
    assert plain and plain <= found, plain - found
    assert {"Header 1", "Header 2", "Cell", "Image link: insert Markdown ![alt](url)"} <= found
    assert "Tistory heading, level {level} (size {size})" in found
