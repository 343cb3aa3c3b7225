"""The post body editor: a QPlainTextEdit with the Markdown/HTML highlighter.

Signals for the window:

- ``textSettled()``: the text changed by a *committed* edit. Korean input composes a syllable
  in a preedit area (ㅎ -> 하 -> 한); each step makes QPlainTextEdit emit ``textChanged``
  although the document text has not changed. Connect preview updates, word counts and the
  modified mark to ``textSettled``, never to ``textChanged``, so nothing reacts mid-syllable.
- ``imageInserted(str)``: the site URL of an image just copied into the site and inserted
  (drop or paste), so the preview can refresh.
- ``statusMessage(str)``: a short message for the status bar (e.g. an image refused because
  no site folder is set, or the copy failed).

Enter continues a list item or quote, Tab/Shift+Tab nest list items.

Spelling (:mod:`editor.ui.spell`): ``spell_check_action()`` (English, as you type) and
``korean_spell_check_action()`` (Korean, 맞춤법 검사, on request) are the checkable actions
for a menu; ``set_spell_check_enabled(bool)`` and ``set_korean_spell_check_enabled(bool)``
restore the saved choices (both off by default). The context menu offers suggestions, "Add
to Dictionary" and "Ignore" for an underlined word, and both switches at its end.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QImage,
    QInputMethodEvent,
    QKeyEvent,
    QPixmap,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from editor.core.image_store import (
    KNOWN_IMAGE_EXTENSIONS,
    UnsafePathError,
    numbered_image_name,
    store_image,
)
from editor.publish.naming import site_zone
from editor.ui import edit_ops
from editor.ui.core_wording import error_text
from editor.ui.lazy_highlighter import LazyMarkdownHighlighter
from editor.ui.spell import SpellCheck

_MAX_IMAGE_BYTES = 50 * 1024 * 1024


class MarkdownEdit(QPlainTextEdit):
    """Plain-text editor for a post body; see the module docstring for its signals."""

    textSettled = Signal()  # noqa: N815 (Qt signal naming)
    imageInserted = Signal(str)  # noqa: N815
    statusMessage = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._site = None
        self._post_path: Path | None = None
        self._post_path_set = False
        self._in_input_method = False
        self.composing = False  # a preedit (uncommitted syllable) is showing
        self.highlighter = LazyMarkdownHighlighter(self.document())
        self.highlighter.visible_block = lambda: self.firstVisibleBlock().blockNumber()
        self.highlighter.composing_column = self._composing_column
        self.spell = SpellCheck(self, self.highlighter)
        self.spell.statusMessage.connect(self.statusMessage)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.textChanged.connect(self._on_text_changed)

    def set_site(self, site) -> None:
        """The Jekyll site images are copied into (``site.root``, ``site.image_dir``)."""
        self._site = site

    @property
    def site(self):
        return self._site

    def set_post_path(self, path: Path | None) -> None:
        """The post's file (None while unsaved): pasted images are named after it."""
        self._post_path, self._post_path_set = path, True

    def post_path(self) -> Path | None:
        """The post's file: as set, else the path of the window's ``document`` (the main
        window has one), so pasted images get the post's name without extra wiring."""
        if self._post_path_set:
            return self._post_path
        path = getattr(getattr(self.window(), "document", None), "path", None)
        return Path(path) if path else None

    def _pasted_image_name(self) -> str:
        """``2023-09-29-digital-transformation-1.png``: the post's file name and the next free
        number; an unsaved post uses the date and time instead, in the site's timezone (the
        day its posts are dated by), not the computer's."""
        post = self.post_path()
        now = datetime.now(site_zone(self._site))
        base = post.stem if post is not None else now.strftime("%Y-%m-%d-%H%M%S")
        return numbered_image_name(Path(self._site.image_dir), base, ".png")

    def set_dark(self, dark: bool) -> None:
        self.highlighter.set_dark(dark)

    # -- spelling -------------------------------------------------------------------------------
    def spell_check_action(self) -> QAction:
        """The checkable "Check Spelling" action, English (for the window's menu)."""
        return self.spell.action

    def set_spell_check_enabled(self, enabled: bool) -> None:
        self.spell.set_enabled(enabled)

    def korean_spell_check_action(self) -> QAction:
        """The checkable "Check Korean Spelling" action (맞춤법 검사; for the window's menu)."""
        return self.spell.korean_action

    def set_korean_spell_check_enabled(self, enabled: bool) -> None:
        """Korean spelling on (loads its dictionary in the background) or off (releases it)."""
        self.spell.set_korean_enabled(enabled)

    def build_context_menu(self, position) -> QMenu:
        """The right-click menu at ``position`` (viewport coordinates): Qt's edit actions,
        with spelling suggestions on top for a misspelt word."""
        menu = self.createStandardContextMenu(position)
        self.spell.add_menu_actions(menu, self.cursorForPosition(position))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.spell.retranslate()
        super().changeEvent(event)

    def _composing_column(self, block: QTextBlock) -> int | None:
        # While a syllable is being composed, the word at the cursor is unfinished.
        if not self.composing:
            return None
        cursor = self.textCursor()
        return cursor.positionInBlock() if cursor.block() == block else None

    # -- Korean input -------------------------------------------------------------------------
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        committed = bool(event.commitString()) or event.replacementLength() != 0
        self._in_input_method = True
        # Set before Qt applies the event: the highlighter reads it while rehighlighting.
        self.composing = bool(event.preeditString())
        try:
            super().inputMethodEvent(event)
        finally:
            self._in_input_method = False
        if committed:
            self.textSettled.emit()

    def _on_text_changed(self) -> None:
        # During an input method event the change is either preedit only (not text yet) or
        # a commit, which inputMethodEvent reports once itself.
        if not self._in_input_method:
            self.textSettled.emit()

    # -- keys -----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        cursor = self.textCursor()
        handled = False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            handled = edit_ops.continue_list(cursor)
        elif key == Qt.Key.Key_Tab and plain:
            handled = edit_ops.indent_list_item(cursor)
        elif key == Qt.Key.Key_Backtab:
            handled = edit_ops.indent_list_item(cursor, outdent=True)
        if handled:
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    # -- images: drop and paste both arrive here ---------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        return (
            bool(_image_files(source)) or source.hasImage() or super().canInsertFromMimeData(source)
        )

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        images = _image_files(source)
        if images or (source.hasImage() and not source.hasText()):
            self.insert_images(images, None if images else source.imageData())
            return
        super().insertFromMimeData(source)

    def insert_images(self, files: list[Path], image: QImage | None = None) -> list[str]:
        """Copy image files (or pasted image data) into the site and insert Markdown for them.

        Returns the site URLs inserted; reports refusals and failures on ``statusMessage``.
        """
        if self._site is None:
            self.statusMessage.emit(
                self.tr("Set a site folder first: images are copied into the site.")
            )
            return []
        items = [(path.stem, path.read_bytes, path.name) for path in files]
        if image is not None:
            items.append(("image", lambda: _png_bytes(image), self._pasted_image_name()))
        inserted: list[tuple[str, str]] = []
        for alt, read, name in items:
            try:
                data = read()
                if len(data) > _MAX_IMAGE_BYTES:
                    raise OSError(self.tr("{name} is larger than 50 MB").format(name=name))
                inserted.append((alt, store_image(self._site, data, name)))
            except (OSError, UnsafePathError, ValueError) as error:
                message = self.tr("Could not add image {name}: {error}")
                self.statusMessage.emit(message.format(name=name, error=error_text(error)))
        if inserted:
            self._insert_image_markdown(inserted)
        return [url for _alt, url in inserted]

    def _insert_image_markdown(self, images: list[tuple[str, str]]) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for index, (alt, url) in enumerate(images):
            if index:
                cursor.insertText("\n")
            edit_ops.insert_image(cursor, url=url, alt=alt)
            cursor.clearSelection()
        cursor.endEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.NoMove)
        self.setTextCursor(cursor)
        for _alt, url in images:
            self.imageInserted.emit(url)
            self.statusMessage.emit(self.tr("Image added: {url}").format(url=url))


def _image_files(source: QMimeData) -> list[Path]:
    if not source.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in KNOWN_IMAGE_EXTENSIONS and p.is_file()]


def _png_bytes(image: QImage | QPixmap) -> bytes:
    if isinstance(image, QPixmap):
        image = image.toImage()
    if not isinstance(image, QImage) or image.isNull():
        raise ValueError("the clipboard image is empty")
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())
