"""The editing widgets the window embeds, built in one place.

MarkdownEdit (with its highlighter), the formatting toolbar, the find/replace bar, the
outline panel and go-to-line come from their own modules; the window only places them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from editor.ui.find_replace import FindReplaceBar
from editor.ui.formatting import FormattingToolbar
from editor.ui.goto_line import go_to_line
from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.outline_panel import OutlinePanel


@dataclass
class EditingWidgets:
    editor: MarkdownEdit
    toolbar: FormattingToolbar
    find_bar: FindReplaceBar
    outline: OutlinePanel
    edit_actions: list[QAction]  # the Edit menu's entries after Undo and Redo
    format_actions: list[QAction]  # the Format menu


def _body_first_line(window: QMainWindow) -> int:
    document = getattr(window, "document", None)
    return document.body_first_line if document is not None else 1


def make_editing_widgets(window: QMainWindow) -> EditingWidgets:
    editor = MarkdownEdit(window)
    editor.setObjectName("markdownEdit")
    toolbar = FormattingToolbar(editor, window)
    find_bar = FindReplaceBar(editor, window)
    go_to = QAction(QCoreApplication.translate("MainWindow", "&Go to Line…"), window)
    go_to.setShortcut(QKeySequence("Ctrl+G"))
    go_to.triggered.connect(
        lambda _checked=False: go_to_line(editor, window, _body_first_line(window))
    )
    return EditingWidgets(
        editor=editor,
        toolbar=toolbar,
        find_bar=find_bar,
        outline=OutlinePanel(editor, window),
        edit_actions=[
            *find_bar.actions_for_menu(),
            go_to,
            editor.spell_check_action(),
            editor.korean_spell_check_action(),
        ],
        format_actions=toolbar.actions_for_menu(),
    )
