"""The window's file flows: new, open, save, export, publish, local history, close.

A mixin of MainWindow (the menus call these as window methods). Every question to the user
goes through the dialog functions as main_window names them (``asks()``), so a test that
replaces main_window.ask_save_changes answers the questions asked here too. Texts keep the
MainWindow translation context they had there.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication

from editor.publish.slug import jekyll_slugify, truncate_slug
from editor.ui import core_api
from editor.ui.core_wording import error_text
from editor.ui.recent_files import add_recent, remove_recent

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def asks() -> ModuleType:
    """editor.ui.main_window, where the dialog functions live under the names tests patch."""
    from editor.ui import main_window

    return main_window


class FileActions:
    """Open, save and friends, for MainWindow (which provides document, prefs, status,
    safety, site, preview and _save_preferences)."""

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current post (saved, discarded or unchanged)."""
        if not self.document.is_modified():
            return True
        answer = asks().ask_save_changes(self, self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_post(self) -> None:
        if self.maybe_save():
            self.document.new_from_template()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = self.document.path.parent if self.document.path else self._posts_dir()
        path = asks().ask_open_path(self, str(start))
        if path:
            self.open_path(path)

    def open_recent(self, path: str) -> None:
        if self.maybe_save():
            self.open_path(path)

    def open_path(self, path: str | Path, add_to_recent: bool = True) -> bool:
        path = Path(path)
        try:
            self.document.open(path)
        except Exception as error:  # any unreadable file: say why, keep what is open
            if not path.exists():
                self.prefs.recent_files = remove_recent(self.prefs.recent_files, path)
                self._save_preferences()
            asks().show_error(
                self,
                translate("MainWindow", "Could not open"),
                f"{path.name}: {plain_message(error)}",
            )
            return False
        if add_to_recent:
            self.prefs.recent_files = add_recent(self.prefs.recent_files, path)
            self._save_preferences()
        return True

    def clear_recent(self) -> None:
        self.prefs.recent_files = []
        self._save_preferences()

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        suggested = self._suggested_path()
        path = asks().ask_save_path(self, str(suggested))
        saved = bool(path) and self._save_to(Path(path))
        self._remove_unused_drafts_folder()
        return saved

    def _save_to(self, path: Path | None) -> bool:
        if self.safety is not None and not self.safety.may_save_to(path):
            return False
        try:
            saved = self.document.save(path)
        except (core_api.SaveError, OSError) as error:
            if self._switched_to_utf8(path):
                return self._save_to(path)
            asks().show_error(self, translate("MainWindow", "Could not save"), plain_message(error))
            return False
        self.prefs.recent_files = add_recent(self.prefs.recent_files, saved)
        self._save_preferences()
        self.status.showMessage(
            translate("MainWindow", "Saved {name}").format(name=saved.name), 4000
        )
        return True

    def _switched_to_utf8(self, path: Path | None) -> bool:
        """After a failed save: when the post's encoding (CP949) cannot store its text, offer
        UTF-8, which can; True once the post will be written as UTF-8."""
        post = self.document.post
        fmt = post.text_format
        if fmt.encoding == "utf-8" or not _unencodable(post):
            return False
        name = Path(path).name if path is not None else self.document.display_name
        if not asks().ask_save_as_utf8(self, name, fmt.encoding):
            return False
        post.text_format = dataclasses.replace(fmt, encoding="utf-8", bom=b"")
        return True

    def export_html(self) -> bool:
        current = self.document.path
        suggested = current.with_suffix(".html") if current else Path.home() / "post.html"
        path = asks().ask_export_path(self, str(suggested))
        if not path:
            return False
        try:
            base = self.preview.base_url_for(self.site)
            base_url = None if base.scheme() == "about" else base.toString()
            page = core_api.render_page(self.document.post, self.site, base_url=base_url)
            Path(path).write_text(page, encoding="utf-8")
        except Exception as error:
            asks().show_error(
                self, translate("MainWindow", "Could not export"), plain_message(error)
            )
            return False
        self.status.showMessage(
            translate("MainWindow", "Exported {name}").format(name=Path(path).name), 4000
        )
        return True

    def publish(self) -> object:
        """Plan and publish the post (as the window holds it) into the site folder."""
        if self.site is None:
            asks().show_error(
                self,
                translate("MainWindow", "Publish"),
                translate("MainWindow", "Choose the site folder first (File > Site Folder)."),
            )
            return None
        watcher = self.safety.watcher if self.safety is not None else None
        if watcher is not None:
            watcher.blockSignals(True)  # publishing may move or rewrite this very file
        try:
            result = asks().run_publish_dialog(self, self.document.post, self.site)
        finally:
            if watcher is not None:
                watcher.blockSignals(False)
        if result is None:
            return None
        new_path = result.follow(self.document.path)
        if new_path is not None:
            self.open_path(new_path)  # follow the post, e.g. a draft moved to _posts
        self.status.showMessage(translate("MainWindow", "Published."), 6000)
        return result

    def show_history(self) -> bool:
        """Pick a saved version of this post and put it in the window (unsaved)."""
        history = self.safety.history if self.safety is not None else None
        path = self.document.path
        versions = history.versions(path) if history is not None and path else []
        if not versions:
            asks().show_error(
                self,
                translate("MainWindow", "Local History"),
                translate("MainWindow", "There are no saved versions of this post yet."),
            )
            return False
        version = asks().ask_history_version(self, versions, self.document.whole_text())
        if version is None:
            return False
        from editor.core.history import HistoryError
        from editor.ui.history_dialog import version_text

        try:
            text = version_text(version)
        except (HistoryError, OSError) as error:
            asks().show_error(self, translate("MainWindow", "Local History"), plain_message(error))
            return False
        self.document.restore_text(text)
        return True

    def close_post(self) -> None:
        if self.maybe_save():
            self.document.new_from_template()

    def _posts_dir(self) -> Path:
        posts = getattr(self.site, "posts_dir", None)
        return Path(posts) if posts and Path(posts).is_dir() else Path.home()

    def _suggested_path(self) -> Path:
        if self.document.path is not None:
            return self.document.path
        title = self.document.meta.get("title")
        # cut as the publisher cuts it: a long Korean title would exceed 255 bytes
        slug = truncate_slug(jekyll_slugify(str(title))) if title else ""
        return self._new_post_folder() / f"{slug or 'new-post'}.md"

    def _new_post_folder(self) -> Path:
        """A new post is a draft: Jekyll's _drafts, where it has no date until it is published
        (the publisher moves it to _posts and dates it then). Made on first use; outside a
        site, the home folder."""
        root = getattr(self.site, "root", None)
        if root is None or not Path(root).is_dir():
            return Path.home()
        drafts = Path(self.site.drafts_dir)
        if not drafts.exists():
            with contextlib.suppress(OSError):
                drafts.mkdir()
                self._made_drafts_folder = drafts
        return drafts if drafts.is_dir() else self._posts_dir()

    def _remove_unused_drafts_folder(self) -> None:
        """The _drafts folder made only so the file dialog could open there goes again when
        nothing was saved into it (Save cancelled, saved elsewhere or failed): only an empty
        folder can be removed, so a saved draft keeps it."""
        made, self._made_drafts_folder = getattr(self, "_made_drafts_folder", None), None
        if made is not None:
            with contextlib.suppress(OSError):  # not empty, gone already: leave it
                made.rmdir()


def _unencodable(post) -> bool:
    """True when the post's text holds a character its file's encoding cannot store."""
    from editor.core.textio import EncodeError

    try:
        post.to_bytes()
    except EncodeError:
        return True
    return False


def plain_message(error: BaseException) -> str:
    """A message for people in the UI language: core errors worded by core_wording (their
    English in an English UI), OS errors in the system's words (strerror and the file)."""
    return error_text(error)
