"""The formatting toolbar: Markdown and Tistory tools, each one undo step.

Every tool applies to the selection or the word at the cursor. The actions carry their
shortcuts with ``WidgetWithChildrenShortcut`` context and are added to the editor, so Ctrl+B
works while typing in the body and does not touch the front matter form; the window can add
:meth:`FormattingToolbar.actions_for_menu` to a Format menu as well.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt
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


class _Tool(NamedTuple):
    """A tool: ``glyph`` on its toolbar button, ``text`` (words) in menus and tooltips."""

    name: str
    glyph: str
    text: str
    shortcut: str
    operation: Callable[[QTextCursor], object]


# Texts are translated when shown; glyphs that are words (Link, Table) are translated too.
# QT_TRANSLATE_NOOP is spelt out in each: lupdate finds the strings by that call.
_TOOLS: tuple[_Tool, ...] = (
    _Tool(
        "bold",
        "B",
        QT_TRANSLATE_NOOP("FormatBar", "Bold"),
        "Ctrl+B",
        lambda c: edit_ops.toggle_emphasis(c, "**"),
    ),
    _Tool(
        "italic",
        "I",
        QT_TRANSLATE_NOOP("FormatBar", "Italic"),
        "Ctrl+I",
        lambda c: edit_ops.toggle_emphasis(c, "*"),
    ),
    _Tool(
        "link",
        QT_TRANSLATE_NOOP("FormatBar", "Link"),
        QT_TRANSLATE_NOOP("FormatBar", "Link"),
        "Ctrl+K",
        edit_ops.insert_link,
    ),
    _Tool(
        "image",
        "![ ]",
        QT_TRANSLATE_NOOP("FormatBar", "Image link (Markdown)"),
        "Ctrl+Shift+K",
        edit_ops.insert_image,
    ),
    _Tool(
        "bullet_list",
        "•",
        QT_TRANSLATE_NOOP("FormatBar", "Bulleted list"),
        "Ctrl+Shift+8",
        lambda c: _prefix(c, "-"),
    ),
    _Tool(
        "numbered_list",
        "1.",
        QT_TRANSLATE_NOOP("FormatBar", "Numbered list"),
        "Ctrl+Shift+7",
        lambda c: _prefix(c, "1."),
    ),
    _Tool(
        "quote",
        "❝",
        QT_TRANSLATE_NOOP("FormatBar", "Quote"),
        "Ctrl+Shift+9",
        lambda c: _prefix(c, ">"),
    ),
    _Tool(
        "code",
        "</>",
        QT_TRANSLATE_NOOP("FormatBar", "Code (inline, or a fenced block)"),
        "Ctrl+`",
        edit_ops.toggle_code,
    ),
    _Tool(
        "rule",
        "—",
        QT_TRANSLATE_NOOP("FormatBar", "Horizontal rule"),
        "Ctrl+Shift+-",
        edit_ops.insert_rule,
    ),
    _Tool(
        "table",
        QT_TRANSLATE_NOOP("FormatBar", "Table"),
        QT_TRANSLATE_NOOP("FormatBar", "Insert Markdown table"),
        "Ctrl+Shift+T",
        edit_ops.insert_table,
    ),
    _Tool(
        "html_table",
        "<table>",
        QT_TRANSLATE_NOOP("FormatBar", "Insert HTML table"),
        "Ctrl+Alt+T",
        edit_ops.insert_html_table,
    ),
    _Tool(
        "heading",
        "H2",
        QT_TRANSLATE_NOOP("FormatBar", "Markdown heading (##)"),
        "Ctrl+2",
        lambda c: edit_ops.set_heading(c, 2),
    ),
    _Tool(
        "spacer",
        "¶",
        QT_TRANSLATE_NOOP("FormatBar", "Spacer paragraph"),
        "Ctrl+Shift+Return",
        edit_ops.insert_spacer,
    ),
)
_IMAGE_LINK_TIP = QT_TRANSLATE_NOOP("FormatBar", "Image link: insert Markdown ![alt](url)")


def _prefix(cursor: QTextCursor, kind: str) -> None:
    edit_ops.toggle_line_prefix(cursor, kind)


class FormattingToolbar(QToolBar):
    """Formatting tools for a :class:`MarkdownEdit`; ``tool_actions[name]`` holds each."""

    def __init__(self, editor: MarkdownEdit, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Formatting"), parent)
        self.setObjectName("formattingToolbar")
        self.editor = editor
        self.tool_actions: dict[str, QAction] = {}
        for tool in _TOOLS:
            text, glyph = translate("FormatBar", tool.text), translate("FormatBar", tool.glyph)
            tip = translate("FormatBar", _IMAGE_LINK_TIP) if tool.name == "image" else text
            self._add_tool(tool.name, text, tip, tool.shortcut, tool.operation, glyph)
        self.tool_actions["bold"].setFont(_styled_font(bold=True))
        self.tool_actions["italic"].setFont(_styled_font(italic=True))
        self._add_tool(
            "image_file",
            self.tr("Insert image file…"),
            self.tr("Image file: copy a picture into the site and insert it"),
            "",
            None,
            glyph=self.tr("Image file…"),
        )
        self.tool_actions["image_file"].triggered.connect(self.insert_image_file)
        self.image_folder: Path | None = None  # where the last image file came from
        self.heading_menu = self._heading_menu()
        self.size_menu = self._size_menu()
        self.addSeparator()
        self.bold_colors = self._action(
            "bold_colors", self.tr("Colours are bold"), None, "", None, self.tr("B+colour")
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
        remove = self.tr("Remove formatting")
        self._add_tool("remove_formatting", remove, remove, "Ctrl+\\", self._unwrap, "Tx")

    # -- construction ---------------------------------------------------------------------------
    def _action(self, name, text, tip, shortcut, operation, glyph=None) -> QAction:
        """An action reading ``text`` in menus and ``glyph`` (when given) on its button."""
        action = QAction(text, self)
        if glyph:
            action.setIconText(glyph)
        action.setObjectName(f"format_{name}")
        tip = tip or text
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

    def _add_tool(self, name, text, tip, shortcut, operation, glyph=None) -> QAction:
        action = self._action(name, text, tip, shortcut, operation, glyph)
        self.addAction(action)
        return action

    def _menu_button(self, label: str, menu: QMenu) -> None:
        button = QToolButton(self)
        button.setText(label)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(button)

    def _heading_menu(self) -> QMenu:
        """Markdown ``##`` headings, then Tistory's (its 제목1-3 first, with shortcuts); the
        entries read as words, the tooltips show the markup written."""
        menu = QMenu(self.tr("Heading"), self)
        for level in (2, 3, 4):
            marks = "#" * level
            text = self.tr("Markdown heading {level} ({marks})").format(level=level, marks=marks)
            operation = lambda c, n=level: edit_ops.set_heading(c, n)  # noqa: E731
            menu.addAction(self._action(f"md_h{level}", text, f"{marks} …", "", operation))
        menu.addSeparator()
        styles = [
            (level, size, f"Ctrl+Alt+{index}", f"tistory_h{level}")
            for index, (level, size) in enumerate(TISTORY_HEADING_SIZES.items(), start=1)
        ]
        styles += [(lvl, size, "", f"tistory_h{lvl}_{size}") for lvl, size in EXTRA_HEADING_STYLES]
        for level, size, shortcut, name in styles:
            text = self.tr("Tistory heading, level {level} (size {size})").format(
                level=level, size=size.removeprefix("size")
            )
            markup = f'<h{level} data-ke-size="{size}">'
            operation = lambda c, n=level, s=size: edit_ops.set_heading(c, n, True, s)  # noqa: E731
            menu.addAction(self._action(name, text, markup, shortcut, operation))
        self._menu_button(self.tr("Heading"), menu)
        return menu

    def _size_menu(self) -> QMenu:
        menu = QMenu(self.tr("Paragraph size"), self)
        for size in PARAGRAPH_SIZES:
            text = self.tr("Size {size}").format(size=size.removeprefix("size"))
            operation = lambda c, s=size: edit_ops.set_paragraph_size(c, s)  # noqa: E731
            menu.addAction(
                self._action(f"size_{size}", text, f'data-ke-size="{size}"', "", operation)
            )
        self._menu_button(self.tr("Size"), menu)
        return menu

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
            outcome = edit_ops.apply_color(cursor, prop, css, bold)
            if outcome == edit_ops.NOTHING_TO_COLOR:
                self.editor.statusMessage.emit(
                    self.tr("Select text first, or put the cursor in a word.")
                )
            elif outcome == edit_ops.UNBALANCED_HTML:
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
            str(self.image_dialog_folder()),
            self.tr("Images ({patterns})").format(patterns=patterns),
        )
        dialog.setObjectName("insertImageDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if dialog.exec() == QFileDialog.DialogCode.Accepted:
            files = [Path(name) for name in dialog.selectedFiles()]
            if files:
                self.image_folder = files[0].parent
            self.editor.insert_images(files)
        self.editor.setFocus()

    def image_dialog_folder(self) -> Path:
        """Where the image dialog opens: the folder of the last image file, else the user's
        Pictures folder, else home (never the app's working directory)."""
        if self.image_folder is not None and self.image_folder.is_dir():
            return self.image_folder
        location = QStandardPaths.StandardLocation.PicturesLocation
        pictures = QStandardPaths.writableLocation(location)
        if pictures and Path(pictures).is_dir():
            return Path(pictures)
        return Path.home()

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
