"""The editing widgets the window embeds, with plain stand-ins until they exist.

editor/ui/markdown_edit.py and friends are written alongside the window; this module is
the one place that knows which of them are available.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QToolBar, QWidget


@dataclass
class EditingWidgets:
    editor: QPlainTextEdit
    toolbar: QToolBar | None = None
    find_bar: QWidget | None = None
    outline: QWidget | None = None
    set_site: Callable[[object], None] | None = None
    edit_actions: list[QAction] = field(default_factory=list)
    format_actions: list[QAction] = field(default_factory=list)


def make_editing_widgets(window: QMainWindow) -> EditingWidgets:
    try:
        from editor.ui.markdown_edit import MarkdownEdit
    except ImportError:
        editor = QPlainTextEdit(window)
        editor.setObjectName("markdownEdit")
        return EditingWidgets(editor=editor)
    editor = MarkdownEdit(window)
    widgets = EditingWidgets(editor=editor, set_site=getattr(editor, "set_site", None))
    _add_optional(widgets, window)
    return widgets


def _add_optional(widgets: EditingWidgets, window: QMainWindow) -> None:
    editor = widgets.editor
    try:
        from editor.ui.formatting import FormattingToolbar

        widgets.toolbar = FormattingToolbar(editor, window)
        widgets.format_actions = widgets.toolbar.actions_for_menu()
    except ImportError:
        pass
    try:
        from editor.ui.find_replace import FindReplaceBar

        widgets.find_bar = FindReplaceBar(editor, window)
        widgets.edit_actions.extend(widgets.find_bar.actions_for_menu())
    except ImportError:
        pass
    try:
        from editor.ui.outline_panel import OutlinePanel

        widgets.outline = OutlinePanel(editor, window)
    except ImportError:
        pass
    try:
        from editor.ui.goto_line import go_to_line

        action = QAction("&Go to Line…", window)
        action.setShortcut(QKeySequence("Ctrl+G"))
        action.triggered.connect(lambda _checked=False: go_to_line(editor, window))
        widgets.edit_actions.append(action)
    except ImportError:
        pass
