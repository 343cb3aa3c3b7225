"""Front matter as a form, or as raw YAML; both edit the same Post through the Document.

The form writes one key at a time (Post.set_meta keeps the rest of the YAML byte for byte);
the raw view writes the whole text (Post.set_front_matter_text). Broken YAML disables the
form and shows where the error is; the raw text is never thrown away.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.ui.core_wording import error_text, message_text
from editor.ui.document import Document
from editor.ui.edit_ops import document_text
from editor.ui.front_matter_date import DateRow, scalar_text

TEXT_KEYS = ("title", "layout")
LIST_KEYS = ("categories", "tags")
MULTILINE_KEYS = ("excerpt", "feature_text")
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def ask_image_path(parent: QWidget, start_dir: str) -> str | None:
    """Ask for an image file (replaced in tests)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("FrontMatterForm", "Choose Image"),
        start_dir,
        translate("FrontMatterForm", "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"),
    )
    return path or None


def format_yaml_error(error) -> str:
    if getattr(error, "line", 0):
        return translate(
            "FrontMatterForm", "Front matter YAML error at line {line}, column {column}: {message}"
        ).format(line=error.line, column=error.column, message=message_text(error.message))
    return translate("FrontMatterForm", "Front matter YAML error: {message}").format(
        message=message_text(error.message)
    )


def raw_yaml_error(error, first_line: int) -> str:
    """The error under the raw editor, with the line counted in that editor."""
    line = max(1, getattr(error, "line", first_line) - first_line + 1)
    return translate("FrontMatterForm", "Line {line}, column {column}: {message}").format(
        line=line, column=getattr(error, "column", 1), message=message_text(error.message)
    )


def list_to_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


def text_to_list(text: str, previous: object) -> object:
    """Comma-separated text back to the shape the file used (a list, or one string)."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    if isinstance(previous, str) and len(items) <= 1:
        return items[0] if items else ""
    return items


def image_url(path: str, site_root: Path | None) -> str:
    """A site-absolute URL (/assets/img/x.png) for an image inside the site."""
    chosen = Path(path).resolve()
    if site_root is not None:
        try:
            return "/" + chosen.relative_to(Path(site_root).resolve()).as_posix()
        except ValueError:
            pass
    return chosen.as_posix()


class ListCompleter(QCompleter):
    """Completes the item after the last comma of a comma-separated list."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt override)
        text = self.widget().text() if self.widget() else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + str(index.data())


class FrontMatterForm(DateRow, QWidget):
    raw_mode_changed = Signal(bool)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._site_root: Path | None = None
        self._site_zone: str | None = None  # the site's `timezone` (e.g. Asia/Seoul)
        self._applying = False  # True while this widget itself writes to the document
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self._build()
        document.meta_changed.connect(self._on_document_meta_changed)
        document.post_replaced.connect(self.refresh)
        document.saved.connect(self._warn_if_saved_broken)
        self.refresh()

    # ----- building -----
    def _build(self) -> None:
        self.error_label = QLabel(self)
        self.error_label.setObjectName("frontMatterError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.raw_toggle = QToolButton(self)
        self.raw_toggle.setText(self.tr("Raw YAML"))
        self.raw_toggle.setCheckable(True)
        self.raw_toggle.toggled.connect(self.set_raw_mode)
        self.form_page = QWidget(self)
        self._build_form(QFormLayout(self.form_page))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self._build_raw_page())
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>{}</b>".format(self.tr("Front matter")), self))
        top.addStretch(1)
        top.addWidget(self.raw_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack)

    def _build_raw_page(self) -> QWidget:
        """The raw YAML editor with its live parse error (line and column) under it."""
        self.raw_page = QWidget(self)
        column = QVBoxLayout(self.raw_page)
        column.setContentsMargins(0, 0, 0, 0)
        self.raw_edit = QPlainTextEdit(self.raw_page)
        self.raw_edit.setObjectName("rawFrontMatter")
        self.raw_edit.textChanged.connect(self._on_raw_edited)
        self.raw_error_label = QLabel(self.raw_page)
        self.raw_error_label.setObjectName("rawFrontMatterError")
        self.raw_error_label.setWordWrap(True)
        self.raw_error_label.setStyleSheet("color: #c62828;")
        self.raw_error_label.hide()
        column.addWidget(self.raw_edit, 1)
        column.addWidget(self.raw_error_label)
        return self.raw_page

    def _build_form(self, form: QFormLayout) -> None:
        lines = (
            ("title", self.tr("Title")),
            ("categories", self.tr("Categories")),
            ("tags", self.tr("Tags")),
        )
        for key, label in lines:
            self._add_line(form, key, label)
        for key, label in (
            ("excerpt", self.tr("Excerpt")),
            ("feature_text", self.tr("Feature text")),
        ):
            edit = QPlainTextEdit(self.form_page)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(lambda k=key: self._on_multiline_edited(k))
            self.fields[key] = edit
            form.addRow(label, edit)
        image_row = QHBoxLayout()
        image = self._line_edit("image")
        self.image_button = QPushButton(self.tr("Choose…"), self.form_page)
        self.image_button.clicked.connect(self.choose_image)
        image_row.addWidget(image, 1)
        image_row.addWidget(self.image_button)
        form.addRow(self.tr("Image"), image_row)
        form.addRow(self.tr("Date"), self._build_date_row())
        self._add_line(form, "layout", self.tr("Layout"))
        self.completers: dict[str, QCompleter] = {}
        for key in LIST_KEYS:
            completer = ListCompleter(QStringListModel([], self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.fields[key].setCompleter(completer)
            self.completers[key] = completer

    def _line_edit(self, key: str) -> QLineEdit:
        edit = QLineEdit(self.form_page)
        edit.setObjectName(f"field_{key}")
        edit.textEdited.connect(lambda _text, k=key: self._on_line_edited(k))
        self.fields[key] = edit
        return edit

    def _add_line(self, form: QFormLayout, key: str, label: str) -> None:
        form.addRow(label, self._line_edit(key))

    # ----- outside inputs -----
    def set_site(self, site) -> None:
        self._site_root = Path(site.root) if site is not None else None
        self._site_zone = getattr(site, "timezone", None)
        self.document.site_timezone = self._site_zone  # new posts are dated in it too
        for key, finder in (("categories", "categories_in_use"), ("tags", "tags_in_use")):
            names = sorted(getattr(site, finder)()) if site is not None else []
            self.completers[key].model().setStringList([str(n) for n in names])

    def set_raw_mode(self, raw: bool) -> None:
        self.raw_toggle.setChecked(raw)
        self.stack.setCurrentWidget(self.raw_page if raw else self.form_page)
        self._show_errors()
        self.raw_mode_changed.emit(raw)

    def is_raw_mode(self) -> bool:
        return self.stack.currentWidget() is self.raw_page

    def choose_image(self, _checked: bool = False, ask: Callable | None = None) -> None:
        start = str(self._site_root or Path.home())
        path = (ask or ask_image_path)(self, start)
        if path:
            url = image_url(path, self._site_root)
            self._replace_field_text(self.fields["image"], url)
            self._on_line_edited("image", merge=False)

    # ----- document -> widgets -----
    def refresh(self) -> None:
        self._refresh_raw()
        self._refresh_form()

    def _on_document_meta_changed(self) -> None:
        if self._applying == "form":
            self._refresh_raw()
        elif self._applying == "raw":
            self._refresh_form()
        else:
            self.refresh()

    def _raw_text(self) -> str:
        return document_text(self.raw_edit.document())  # toPlainText turns U+00A0 to spaces

    def _refresh_raw(self) -> None:
        text = self.document.front_matter_text
        if self._raw_text() != text:
            self.raw_edit.blockSignals(True)
            self.raw_edit.setPlainText(text)
            self.raw_edit.blockSignals(False)

    def _show_errors(self) -> None:
        """The YAML error above the form (file lines) or under the raw editor (its lines)."""
        error = self.document.meta_error
        raw = self.is_raw_mode()
        self.error_label.setVisible(error is not None and not raw)
        self.error_label.setText(format_yaml_error(error) if error is not None else "")
        self.raw_error_label.setVisible(error is not None)
        self.raw_error_label.setText(
            "" if error is None else raw_yaml_error(error, self.document.front_matter_first_line)
        )

    def _refresh_form(self) -> None:
        error = self.document.meta_error
        self._show_errors()
        self.form_page.setEnabled(error is None)
        # Broken YAML: empty fields, never old or template values that look like real data
        meta = self.document.meta if error is None else {}
        for key, widget in self.fields.items():
            value = meta.get(key)
            text = list_to_text(value) if key in LIST_KEYS else scalar_text(value)
            if isinstance(widget, QPlainTextEdit):
                text = text.rstrip("\n")
                if widget.toPlainText() != text:
                    widget.blockSignals(True)
                    widget.setPlainText(text)
                    widget.blockSignals(False)
            elif widget.text() != text:
                widget.setText(text)
        self._show_date_hint(self.fields["date"].text())

    def _warn_if_saved_broken(self, _path: object = None) -> None:
        """Broken YAML is saved as typed; say so in the status bar once the save's own
        "Saved" message is out (hence the zero timer)."""
        if self.document.meta_error is None:
            return
        warning = self.tr(
            "Saved, but the front matter is not valid YAML (kept as typed): {error}"
        ).format(error=format_yaml_error(self.document.meta_error))
        window = self.window()
        if isinstance(window, QMainWindow):
            QTimer.singleShot(0, lambda: window.statusBar().showMessage(warning, 15000))

    # ----- widgets -> document -----
    def _on_line_edited(self, key: str, merge: bool = True) -> None:
        """Typing (merged into one undo step per field) or a pick (`merge` False)."""
        text = self.fields[key].text()
        meta = self.document.meta
        previous = meta.get(key)
        if key in LIST_KEYS:
            value: object = text_to_list(text, previous)
        else:
            value = text
        if key not in meta and value in ("", []):
            return
        if key == "date":
            self._write_date(text, previous, merge)
            return
        self._write(lambda: self.document.set_meta(key, value, merge=merge))

    def _on_multiline_edited(self, key: str) -> None:
        text = self.fields[key].toPlainText()
        previous = self.document.meta.get(key)
        if previous is None and not text:
            return
        old = scalar_text(previous)
        if old.rstrip("\n") == text:
            return
        value = text + "\n" if old.endswith("\n") and text else text
        self._write(lambda: self.document.set_meta(key, value))

    def _on_raw_edited(self) -> None:
        text = self._raw_text()
        self._write(lambda: self.document.set_front_matter_text(text), source="raw")

    def _write(self, action: Callable[[], None], source: str = "form") -> None:
        self._applying = source
        try:
            action()
        except Exception as error:  # core refuses an edit: say so, keep the text
            self.error_label.setText(
                self.tr("Could not apply the change: {error}").format(error=error_text(error))
            )
            self.error_label.show()
        finally:
            self._applying = False
