"""The formatting toolbar: Markdown and Tistory tools, each one undo step.

Every tool applies to the selection or the word at the cursor. The actions carry their
shortcuts with ``WidgetWithChildrenShortcut`` context and are added to the editor, so Ctrl+B
works while typing in the body and does not touch the front matter form; the window can add
:meth:`FormattingToolbar.actions_for_menu` to a Format menu as well.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar, QToolButton, QWidget

from editor.core.image_store import KNOWN_IMAGE_EXTENSIONS
from editor.core.span_markup import (
    EXTRA_HEADING_STYLES,
    PARAGRAPH_SIZES,
    TISTORY_HEADING_SIZES,
)
from editor.ui import edit_ops
from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.palette import ColorPaletteMenu, highlight_menu, swatch_icon, text_color_menu

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

# name -> (label, tooltip, shortcut, operation on a cursor); texts translated when shown
_TOOLS: tuple[tuple[str, str, str, str, Callable[[QTextCursor], object]], ...] = (
    (
        "bold",
        "B",
        QT_TRANSLATE_NOOP("FormatBar", "Bold"),
        "Ctrl+B",
        lambda c: edit_ops.toggle_inline(c, "**"),
    ),
    (
        "italic",
        "I",
        QT_TRANSLATE_NOOP("FormatBar", "Italic"),
        "Ctrl+I",
        lambda c: edit_ops.toggle_inline(c, "*"),
    ),
    (
        "link",
        QT_TRANSLATE_NOOP("FormatBar", "Link"),
        QT_TRANSLATE_NOOP("FormatBar", "Link"),
        "Ctrl+K",
        edit_ops.insert_link,
    ),
    (
        "image",
        QT_TRANSLATE_NOOP("FormatBar", "Image"),
        QT_TRANSLATE_NOOP("FormatBar", "Image"),
        "Ctrl+Shift+K",
        edit_ops.insert_image,
    ),
    (
        "bullet_list",
        "•",
        QT_TRANSLATE_NOOP("FormatBar", "Bulleted list"),
        "Ctrl+Shift+8",
        lambda c: _prefix(c, "-"),
    ),
    (
        "numbered_list",
        "1.",
        QT_TRANSLATE_NOOP("FormatBar", "Numbered list"),
        "Ctrl+Shift+7",
        lambda c: _prefix(c, "1."),
    ),
    (
        "quote",
        "❝",
        QT_TRANSLATE_NOOP("FormatBar", "Quote"),
        "Ctrl+Shift+9",
        lambda c: _prefix(c, ">"),
    ),
    (
        "code",
        "</>",
        QT_TRANSLATE_NOOP("FormatBar", "Code (inline, or a fenced block)"),
        "Ctrl+`",
        edit_ops.toggle_code,
    ),
    (
        "rule",
        "—",
        QT_TRANSLATE_NOOP("FormatBar", "Horizontal rule"),
        "Ctrl+Shift+-",
        edit_ops.insert_rule,
    ),
    (
        "table",
        QT_TRANSLATE_NOOP("FormatBar", "Table"),
        QT_TRANSLATE_NOOP("FormatBar", "Insert Markdown table"),
        "Ctrl+Shift+T",
        edit_ops.insert_table,
    ),
    (
        "html_table",
        "<table>",
        QT_TRANSLATE_NOOP("FormatBar", "Insert HTML table"),
        "Ctrl+Alt+T",
        edit_ops.insert_html_table,
    ),
    (
        "heading",
        "H2",
        QT_TRANSLATE_NOOP("FormatBar", "Markdown heading (##)"),
        "Ctrl+2",
        lambda c: edit_ops.set_heading(c, 2),
    ),
    (
        "spacer",
        "¶",
        QT_TRANSLATE_NOOP("FormatBar", "Spacer paragraph"),
        "Ctrl+Shift+Return",
        edit_ops.insert_spacer,
    ),
)


def _prefix(cursor: QTextCursor, kind: str) -> None:
    edit_ops.toggle_line_prefix(cursor, kind)


class FormattingToolbar(QToolBar):
    """Formatting tools for a :class:`MarkdownEdit`; ``tool_actions[name]`` holds each."""

    def __init__(self, editor: MarkdownEdit, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Formatting"), parent)
        self.setObjectName("formattingToolbar")
        self.editor = editor
        self.tool_actions: dict[str, QAction] = {}
        for name, label, tip, shortcut, operation in _TOOLS:
            label, tip = translate("FormatBar", label), translate("FormatBar", tip)
            self._add_tool(name, label, tip, shortcut, operation)
        self.tool_actions["bold"].setFont(_styled_font(bold=True))
        self.tool_actions["italic"].setFont(_styled_font(italic=True))
        self._add_tool(
            "image_file", self.tr("Img…"), self.tr("Insert image file into the site"), "", None
        )
        self.tool_actions["image_file"].triggered.connect(self.insert_image_file)
        self.heading_menu = self._heading_menu()
        self.size_menu = self._size_menu()
        self.addSeparator()
        self.bold_colors = self._action(
            "bold_colors", self.tr("B+colour"), self.tr("Colours are bold"), "", None
        )
        self.bold_colors.setCheckable(True)
        self.bold_colors.setChecked(True)  # the corpus wraps nearly every colour span in <b>
        self.text_palette = text_color_menu(self)
        self.highlight_palette = highlight_menu(self)
        self._palette_button(
            "text_color", self.tr("Text colour"), "Ctrl+Shift+E", self.text_palette
        )
        self._palette_button(
            "highlight", self.tr("Highlight"), "Ctrl+Shift+H", self.highlight_palette
        )
        self.text_palette.colorChosen.connect(lambda css: self.apply_color("color", css))
        self.highlight_palette.colorChosen.connect(
            lambda css: self.apply_color("background-color", css)
        )
        self._add_tool(
            "remove_formatting", "Tx", self.tr("Remove formatting"), "Ctrl+\\", self._unwrap
        )

    # -- construction ---------------------------------------------------------------------------
    def _action(self, name, label, tip, shortcut, operation) -> QAction:
        action = QAction(label, self)
        action.setObjectName(f"format_{name}")
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if operation is not None:
            action.triggered.connect(lambda _checked=False, op=operation: self.run(op))
        self.editor.addAction(action)
        self.tool_actions[name] = action
        return action

    def _add_tool(self, name, label, tip, shortcut, operation) -> QAction:
        action = self._action(name, label, tip, shortcut, operation)
        self.addAction(action)
        return action

    def _menu_button(self, label: str, menu: QMenu) -> None:
        button = QToolButton(self)
        button.setText(label)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(button)

    def _heading_menu(self) -> QMenu:
        menu = QMenu(self.tr("Heading"), self)
        for level in (2, 3, 4):
            self._menu_item(
                menu,
                f"md_h{level}",
                self.tr("Markdown {marks}").format(marks="#" * level),
                "",
                lambda c, n=level: edit_ops.set_heading(c, n),
            )
        menu.addSeparator()
        for index, (level, size) in enumerate(TISTORY_HEADING_SIZES.items(), start=1):
            self._menu_item(
                menu,
                f"tistory_h{level}",
                self.tr("Tistory heading {index}  <h{level} {size}>").format(
                    index=index, level=level, size=size
                ),
                f"Ctrl+Alt+{index}",
                lambda c, n=level: edit_ops.set_heading(c, n, tistory=True),
            )
        for level, size in EXTRA_HEADING_STYLES:
            self._menu_item(
                menu,
                f"tistory_h{level}_{size}",
                f'<h{level} data-ke-size="{size}">',
                "",
                lambda c, n=level, s=size: edit_ops.set_heading(c, n, tistory=True, size=s),
            )
        self._menu_button(self.tr("Heading"), menu)
        return menu

    def _size_menu(self) -> QMenu:
        menu = QMenu(self.tr("Paragraph size"), self)
        for size in PARAGRAPH_SIZES:
            self._menu_item(
                menu,
                f"size_{size}",
                f'data-ke-size="{size}"',
                "",
                lambda c, s=size: edit_ops.set_paragraph_size(c, s),
            )
        self._menu_button(self.tr("Size"), menu)
        return menu

    def _menu_item(self, menu: QMenu, name, label, shortcut, operation) -> None:
        menu.addAction(self._action(name, label, label, shortcut, operation))

    def _palette_button(self, name: str, tip: str, shortcut: str, menu: ColorPaletteMenu):
        """A button that applies the last colour; its arrow opens the palette."""
        status = self.tr("{tool}: apply the last colour").format(tool=tip)
        action = self._action(name, tip, status, shortcut, None)
        action.setIcon(swatch_icon(menu.current))
        action.triggered.connect(lambda: menu.colorChosen.emit(menu.current))
        menu.colorChosen.connect(lambda css: action.setIcon(swatch_icon(css)))
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.addWidget(button)

    # -- running tools --------------------------------------------------------------------------
    def run(self, operation: Callable[[QTextCursor], object]) -> None:
        cursor = self.editor.textCursor()
        operation(cursor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def apply_color(self, prop: str, css: str) -> None:
        bold = self.bold_colors.isChecked()

        def colour(cursor: QTextCursor) -> None:
            if not edit_ops.apply_color(cursor, prop, css, bold):
                self.editor.statusMessage.emit(
                    self.tr(
                        "The selection cuts through a tag closed in another paragraph; "
                        "select less or fix the HTML first."
                    )
                )

        self.run(colour)

    def _unwrap(self, cursor: QTextCursor) -> None:
        if not edit_ops.remove_formatting(cursor):
            self.editor.statusMessage.emit(self.tr("No span or bold/italic markup at the cursor."))

    def insert_image_file(self) -> None:
        """Pick image files; they are copied into the site's image folder and inserted."""
        if self.editor.site is None:
            self.editor.statusMessage.emit(
                self.tr("Set a site folder first: images are copied into it.")
            )
            return
        patterns = " ".join(f"*{ext}" for ext in KNOWN_IMAGE_EXTENSIONS)
        dialog = QFileDialog(
            self,
            self.tr("Insert Image"),
            "",
            self.tr("Images ({patterns})").format(patterns=patterns),
        )
        dialog.setObjectName("insertImageDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if dialog.exec() == QFileDialog.DialogCode.Accepted:
            self.editor.insert_images([Path(name) for name in dialog.selectedFiles()])
        self.editor.setFocus()

    def actions_for_menu(self) -> list[QAction]:
        """The tools for a Format menu: plain tools, then the heading, size and colour menus."""
        names = [t[0] for t in _TOOLS] + ["image_file", "remove_formatting"]
        actions = [self.tool_actions[name] for name in names]
        menus = (self.heading_menu, self.size_menu, self.text_palette, self.highlight_palette)
        return actions + [self.bold_colors] + [menu.menuAction() for menu in menus]


def _styled_font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font
