"""One open post: its file, its saved state, and the edits made to it since.

The body text lives in the editor's QTextDocument (LF line endings, undo history); the
front matter lives in the core Post. Saving maps the body back to the file's own line
endings and asks core to write atomically. Nothing here shows a dialog: errors are raised
for the window to show, and the text stays where it is.

Later work (autosave, recovery, external-change watch) hooks onto `changed` and `saved`.
"""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from string import Template

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from editor.core.post_date import default_day
from editor.resources import resource_path
from editor.ui import core_api
from editor.ui.core_api import Post, SaveError
from editor.ui.edit_ops import document_text  # toPlainText would turn U+00A0 into spaces
from editor.ui.front_matter_undo import FrontMatterUndo

RAW_YAML_STEP = "\0raw yaml"  # merge key of raw-YAML typing; no form field has this name


def template_text(today: _dt.date | None = None, zone_name: str | None = None) -> str:
    """The new-post template with today's date filled in: today in the site's `timezone`
    (`zone_name`, e.g. Asia/Seoul; this computer's zone when None)."""
    raw = resource_path("templates", "new_post.md").read_text(encoding="utf-8")
    day = today or default_day(None, zone_name)
    return Template(raw).safe_substitute(date=day.isoformat())


class Document(QObject):
    """The post being edited in one window."""

    modified_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    post_replaced = Signal()  # a different post is now open: reload preview, form, title
    meta_changed = Signal()  # front matter text or values changed
    changed = Signal()  # anything changed: body or front matter
    saved = Signal(object)  # Path

    def __init__(self, text_document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = text_document
        # until a post is opened, the window holds an unsaved post made from the template
        self._post: Post = Post.from_text(template_text(), None)
        self._path: Path | None = None
        self._saved_body = self._post.body
        self._saved_front_matter = self._post.front_matter_text
        self._styles: dict[str, str | None] | None = None  # see set_meta
        self._front_matter_undo = FrontMatterUndo(text_document)
        self._modified = False
        self.site_timezone: str | None = None  # the site's `timezone`, for new posts' dates
        text_document.setPlainText(core_api.to_lf(self._post.body))
        text_document.setModified(False)
        self._text.modificationChanged.connect(self._update_modified)
        self._text.contentsChanged.connect(self.changed)

    # ----- state -----
    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def post(self) -> Post:
        """The core Post with the editor's current body written into it."""
        self._sync_body()
        return self._post

    @property
    def front_matter_text(self) -> str:
        """The raw YAML between the fences, with LF line endings as the raw editor shows it
        ("" when the post has none). Valid or not, this is what is saved."""
        return core_api.to_lf(self._post.front_matter_text or "")

    @property
    def front_matter_first_line(self) -> int:
        """1-based file line of the raw YAML's first line (2 below an opening `---`)."""
        return self._post.front_matter_first_line

    @property
    def body_first_line(self) -> int:
        """1-based file line of the body's first line: what the editor's line 1 is in the
        file, so that positions match `post-editor check` and other tools."""
        if self._post.front_matter_text is None:
            return 1
        return self.front_matter_first_line + self.front_matter_text.count("\n") + 1

    @property
    def has_front_matter(self) -> bool:
        return self._post.front_matter_text is not None

    @property
    def meta(self) -> dict:
        return dict(self._post.meta or {})

    @property
    def meta_error(self):
        return self._post.meta_error

    @property
    def read_only_reason(self) -> str | None:
        return getattr(self._post, "read_only_reason", None)

    @property
    def display_name(self) -> str:
        return self._path.name if self._path else self.tr("Untitled")

    def body_text(self) -> str:
        """The body as the editor shows it (LF line endings)."""
        return document_text(self._text)

    def whole_text(self) -> str:
        """Front matter and body as they would be saved, with LF line endings."""
        return self.post.text_lf()

    def saved_bytes(self) -> bytes:
        """The bytes the last save wrote (or the load read), for history and disk stamps."""
        return self._post.to_bytes()

    def restore_text(self, whole_text_lf: str) -> None:
        """Replace front matter and body with recovered text; the post stays unsaved.

        An edit like any other, so Edit > Undo brings back the text from before: the front
        matter changes in one step and the body in one more (a restore from local history
        or a recovery copy must not throw the current text away for good)."""
        self._sync_body()
        target = Post.from_text(self._post.text(), None, self._post.text_format)
        target.set_text_lf(whole_text_lf)
        before = self._post.front_matter_text
        if target.front_matter_text != before:
            if target.front_matter_text is None:
                self._post.remove_front_matter()
            else:
                self._post.set_front_matter_text(target.front_matter_text)
            self._styles = None
            self._front_matter_edited(before, None)
        body = core_api.to_lf(target.body)
        if body != document_text(self._text):
            cursor = QTextCursor(self._text)
            cursor.beginEditBlock()  # one body undo step
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(body)
            cursor.endEditBlock()
        self._update_modified()
        self.meta_changed.emit()
        self.post_replaced.emit()

    def is_modified(self) -> bool:
        return self._modified

    # ----- opening -----
    def open(self, path: str | os.PathLike[str]) -> None:
        """Load a post from disk; raises OSError or core errors and changes nothing then."""
        post = Post.load(Path(path))
        self._replace(post, Path(path).resolve())

    def new_from_template(self, today: _dt.date | None = None) -> None:
        text = template_text(today, self.site_timezone)
        self._replace(Post.from_text(text, None), None)

    def _replace(self, post: Post, path: Path | None) -> None:
        self._post = post
        self._styles = None
        self._front_matter_undo.clear()
        self._saved_body = post.body
        self._saved_front_matter = post.front_matter_text
        self._text.setPlainText(core_api.to_lf(post.body))
        self._text.setModified(False)
        self._path = path
        self._update_modified()
        self.path_changed.emit(path)
        self.post_replaced.emit()

    # ----- front matter edits -----
    def set_meta(self, key: str, value: object, merge: bool = True) -> None:
        """One key from the form, in the style the key had before the form touched it.

        One undo step; with `merge`, consecutive edits of the same key (typing) are one."""
        if self._post.meta.get(key) == value and key in self._post.meta:
            return
        if self._styles is None:  # read once per stretch of form edits
            from editor.core.frontmatter import value_styles  # YAML loads on first use

            self._styles = value_styles(self._post.front_matter_text or "")
        before = self._post.front_matter_text
        self._post.set_meta(key, value, style=self._styles.get(key))
        self._front_matter_edited(before, key if merge else None)

    def unset_meta(self, key: str) -> None:
        if key not in (self._post.meta or {}):
            return
        before = self._post.front_matter_text
        self._post.unset_meta(key)
        self._front_matter_edited(before, None)

    def set_front_matter_text(self, text: str) -> None:
        """The raw editor's text (LF), kept as typed; untouched lines keep their endings."""
        if text == self.front_matter_text:
            return
        before = self._post.front_matter_text
        newline = self._post.text_format.newline
        self._post.set_front_matter_text(core_api.restore_newlines(before or "", text, newline))
        self._styles = None  # the writer chose the styles by hand
        self._front_matter_edited(before, RAW_YAML_STEP)

    def _front_matter_edited(self, before: str | None, merge_key: str | None) -> None:
        self._front_matter_undo.record(before, self._post.front_matter_text, merge_key)
        self._front_matter_changed()

    def _front_matter_changed(self) -> None:
        self.meta_changed.emit()
        self.changed.emit()
        self._update_modified()

    # ----- undo and redo over body and front matter -----
    def undo(self) -> None:
        """Undo the latest edit, in the body or in the front matter (Edit > Undo)."""
        step = self._front_matter_undo.next_undo()
        if step is None:
            self._text.undo()
            return
        self._front_matter_undo.undone(step)
        self._put_front_matter(step.before)

    def redo(self) -> None:
        step = self._front_matter_undo.next_redo()
        if step is None:
            self._text.redo()
            return
        self._front_matter_undo.redone(step)
        self._put_front_matter(step.after)

    def _put_front_matter(self, raw: str | None) -> None:
        if raw is None:
            self._post.remove_front_matter()
        else:
            self._post.set_front_matter_text(raw)
        self._styles = None
        self._front_matter_changed()

    # ----- saving -----
    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        """Write the post (atomically, in core); raises SaveError with a plain message."""
        target = Path(path).resolve() if path is not None else self._path
        if target is None:
            raise SaveError("This post has no file yet: use Save As.")
        self._sync_body()
        self._post.save(target)
        self._saved_body = self._post.body
        self._saved_front_matter = self._post.front_matter_text
        self._text.setModified(False)
        if target != self._path:
            self._path = target
            self.path_changed.emit(target)
        self._update_modified()
        self.saved.emit(target)
        return target

    def _sync_body(self) -> None:
        edited = document_text(self._text)
        newline = self._post.text_format.newline
        body = core_api.restore_newlines(self._saved_body, edited, newline)
        if body != self._post.body:
            self._post.set_body(body, reread_front_matter=False)  # the widget holds the body

    def _update_modified(self, *_args: object) -> None:
        modified = self._text.isModified() or (
            self._post.front_matter_text != self._saved_front_matter
        )
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)
