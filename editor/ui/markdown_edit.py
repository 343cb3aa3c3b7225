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
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import QImage, QInputMethodEvent, QKeyEvent, QPixmap, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor.core.image_store import KNOWN_IMAGE_EXTENSIONS, UnsafePathError, store_image
from editor.ui import edit_ops
from editor.ui.highlighter import MarkdownHighlighter

_MAX_IMAGE_BYTES = 50 * 1024 * 1024


class MarkdownEdit(QPlainTextEdit):
    """Plain-text editor for a post body; see the module docstring for its signals."""

    textSettled = Signal()  # noqa: N815 (Qt signal naming)
    imageInserted = Signal(str)  # noqa: N815
    statusMessage = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._site = None
        self._in_input_method = False
        self.composing = False  # a preedit (uncommitted syllable) is showing
        self.highlighter = MarkdownHighlighter(self.document())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.textChanged.connect(self._on_text_changed)

    def set_site(self, site) -> None:
        """The Jekyll site images are copied into (``site.root``, ``site.image_dir``)."""
        self._site = site

    @property
    def site(self):
        return self._site

    def set_dark(self, dark: bool) -> None:
        self.highlighter.set_dark(dark)

    # -- Korean input -------------------------------------------------------------------------
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        committed = bool(event.commitString()) or event.replacementLength() != 0
        self._in_input_method = True
        try:
            super().inputMethodEvent(event)
        finally:
            self._in_input_method = False
        self.composing = bool(event.preeditString())
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
            self.statusMessage.emit("Set a site folder first: images are copied into the site.")
            return []
        items = [(path.stem, path.read_bytes, path.name) for path in files]
        if image is not None:
            items.append(("image", lambda: _png_bytes(image), "image.png"))
        inserted: list[tuple[str, str]] = []
        for alt, read, name in items:
            try:
                data = read()
                if len(data) > _MAX_IMAGE_BYTES:
                    raise OSError(f"{name} is larger than 50 MB")
                inserted.append((alt, store_image(self._site, data, name)))
            except (OSError, UnsafePathError, ValueError) as error:
                self.statusMessage.emit(f"Could not add image {name}: {error}")
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
            self.statusMessage.emit(f"Image added: {url}")


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
