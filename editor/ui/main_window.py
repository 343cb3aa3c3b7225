"""The writing window: front matter and editor on the left, live preview on the right.

Wiring only: the post's state lives in Document, files are read and written by core, the
menus are built in window_menus, the open/save/publish flows live in window_files and the
status counts in window_status. Every question to the user is one small function from
dialogs, imported here by name (so a test replaces main_window.ask_save_changes, and
window_files asks through these names too).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.heap import forget_imported_sources
from editor.ui import core_api
from editor.ui.core_wording import message_text
from editor.ui.dialogs import (  # noqa: F401 (safety and window_files ask through these names)
    ask_export_path,
    ask_external_change,
    ask_font,
    ask_history_version,
    ask_open_path,
    ask_overwrite_changed,
    ask_recover,
    ask_save_as_utf8,
    ask_save_changes,
    ask_save_path,
    ask_site_dir,
    run_publish_dialog,
    show_error,
    tell_deleted_on_disk,
)
from editor.ui.document import Document
from editor.ui.front_matter_form import FrontMatterForm
from editor.ui.settings import (
    DEFAULT_FONT_SIZE,
    MAX_FONT_SIZE,
    MIN_FONT_SIZE,
    AppSettings,
    WindowState,
)
from editor.ui.status_bar import EditorStatusBar
from editor.ui.theme import ThemeController
from editor.ui.undo_keys import route_undo_keys_to_window
from editor.ui.widgets import EditingWidgets, make_editing_widgets
from editor.ui.window_files import FileActions
from editor.ui.window_menus import build_menus
from editor.ui.window_status import StatusCounts, show_cursor_position

if TYPE_CHECKING:  # imported where first used: the window paints before it needs them
    from editor.core.history import LocalHistory
    from editor.core.recovery import RecoveryStore
    from editor.ui.preview import PreviewView
    from editor.ui.safety import DocumentSafety
    from editor.ui.scroll_sync import ScrollSync

APP_TITLE = "Post Editor"
ZOOM_STEP = 0.1


class MainWindow(FileActions, QMainWindow):
    """The writing window.

    Built in steps so it can paint before the slow parts exist: the constructor makes the
    editor, form, menus and status bar; `attach_site` adds the site and the safety net and
    `create_preview` the web view (~80 ms). The constructor does both at once unless
    `paint_first` is set; editor.app.build_window then attaches the site and opens the post
    right after the first paint, and creates the preview one event-loop turn later.
    """

    def __init__(
        self,
        settings: AppSettings,
        theme: ThemeController,
        site=None,
        recovery: RecoveryStore | None = None,
        history: LocalHistory | None = None,
        paint_first: bool = False,
    ) -> None:
        super().__init__()
        forget_imported_sources()  # PySide6's import hook kept every module's source text
        self.settings = settings
        self.prefs = settings.load_preferences()
        self.theme = theme
        self.widgets: EditingWidgets = make_editing_widgets(self)
        self.editor = self.widgets.editor
        route_undo_keys_to_window(self.editor)  # Ctrl+Z in the body is Edit > Undo
        self.document = Document(self.editor.document(), self)
        self.form = FrontMatterForm(self.document, self)
        self.preview: PreviewView | None = None  # see complete_start
        self.scroll_sync: ScrollSync | None = None
        self.safety: DocumentSafety | None = None
        self.site = None
        self.status = EditorStatusBar(self)
        self.setStatusBar(self.status)
        # counted once typing pauses, in slices that let keystrokes through (window_status)
        self.status_counts = StatusCounts(self.status, self.editor.document(), self)
        self._meta_timer = _single_shot(self, 0, self._update_preview_parts)
        self._build_layout()
        build_menus(self)
        from editor.ui.history_dialog import add_history_limits_action

        add_history_limits_action(self)  # File > Local History Settings… (keep N, days)
        self._connect()
        self._apply_preferences()
        self._update_title()
        if not paint_first:
            self.complete_start(site, recovery, history)

    def complete_start(
        self, site, recovery: RecoveryStore | None = None, history: LocalHistory | None = None
    ) -> None:
        """The site, the safety net and the web preview (see the two steps below)."""
        self.attach_site(site, recovery, history)
        self.create_preview()

    def attach_site(
        self, site, recovery: RecoveryStore | None = None, history: LocalHistory | None = None
    ) -> None:
        """The site and (when the app passes its stores) the safety net: autosave, outside
        changes, history. A post can open after this; the preview may come later."""
        from editor.ui.safety import DocumentSafety

        self._use_site(site)
        self.safety = DocumentSafety(self, self.document, recovery, history) if recovery else None

    def create_preview(self) -> None:
        """The web view (~80 ms to create) in place of its placeholder; it loads the post the
        window holds now, or the one opened next."""
        from editor.ui.preview import PreviewView
        from editor.ui.scroll_sync import ScrollSync

        self.preview = PreviewView(self)
        self.splitter.replaceWidget(1, self.preview)  # keeps the placeholder's geometry
        self._preview_placeholder.deleteLater()
        self.preview.set_zoom(self.prefs.preview_zoom)
        self.scroll_sync = ScrollSync(self.editor, self.preview, self)
        QTimer.singleShot(0, self._ensure_preview)

    # ----- building -----
    def _build_layout(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, left)
        self.left_splitter.addWidget(self.form)
        editor_box = QWidget(self.left_splitter)
        editor_column = QVBoxLayout(editor_box)
        editor_column.setContentsMargins(0, 0, 0, 0)
        editor_column.addWidget(self.editor, 1)
        editor_column.addWidget(self.widgets.find_bar)
        self.left_splitter.addWidget(editor_box)
        self.left_splitter.setStretchFactor(1, 1)
        column.addWidget(self.left_splitter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self._preview_placeholder = QWidget(self.splitter)  # the preview replaces it
        self.splitter.addWidget(self._preview_placeholder)
        self.splitter.setSizes([600, 600])
        self.setCentralWidget(self.splitter)
        self.addToolBar(self.widgets.toolbar)
        self.outline_dock = QDockWidget(self.tr("Outline"), self)
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(self.widgets.outline)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.outline_dock.hide()

    def _connect(self) -> None:
        doc = self.document
        doc.modified_changed.connect(lambda _m: self._update_title())
        doc.path_changed.connect(lambda _p: self._update_title())
        doc.post_replaced.connect(self._on_post_replaced)
        doc.meta_changed.connect(self._meta_timer.start)
        doc.meta_changed.connect(self._update_position)  # front matter lines move the body
        # MarkdownEdit's textSettled skips input-method preedit (half-typed Hangul syllables)
        self.editor.textSettled.connect(self._on_body_changed)
        self.editor.cursorPositionChanged.connect(self._update_position)
        self.theme.dark_changed.connect(self._apply_dark)
        self.editor.statusMessage.connect(lambda text: self.status.showMessage(text, 6000))
        self.editor.spell_check_action().toggled.connect(self._remember_spell_check)
        self.editor.korean_spell_check_action().toggled.connect(self._remember_korean_spelling)

    # ----- preferences -----
    def _apply_preferences(self) -> None:
        self.theme_actions[self.theme.mode].setChecked(True)
        self._apply_dark(self.theme.is_dark)
        self.editor.set_spell_check_enabled(self.prefs.spell_check)
        self.editor.set_korean_spell_check_enabled(self.prefs.spell_check_korean)
        self._apply_font()
        state = self.settings.load_window_state()
        if state.geometry is not None:
            self.restoreGeometry(state.geometry)
        else:
            self.resize(1400, 900)
        if state.state is not None:
            self.restoreState(state.state)
        if state.splitter is not None:
            self.splitter.restoreState(state.splitter)
        self.form.set_raw_mode(state.raw_yaml)

    def _save_preferences(self) -> None:
        self.settings.save_preferences(self.prefs)

    def editor_font(self) -> QFont:
        if self.prefs.font_family:
            font = QFont(self.prefs.font_family)
        else:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(self.prefs.font_size)
        return font

    def _apply_font(self) -> None:
        self.editor.setFont(self.editor_font())

    def _apply_dark(self, dark: bool) -> None:
        self.editor.set_dark(dark)  # the highlighter's colours

    def _remember_spell_check(self, enabled: bool) -> None:
        self.prefs.spell_check = enabled
        self._save_preferences()

    def _remember_korean_spelling(self, enabled: bool) -> None:
        self.prefs.spell_check_korean = enabled
        self._save_preferences()

    def set_theme(self, mode: str) -> None:
        self.theme.set_mode(mode)
        self.theme_actions[mode].setChecked(True)
        self.prefs.theme = mode
        self._save_preferences()

    def set_language(self, language: str) -> None:
        """Remember the UI language ("ko", "en", or "" for the system's) for the next start."""
        self.language_actions[language].setChecked(True)
        if language == self.prefs.language:
            return
        self.prefs.language = language
        self._save_preferences()
        self.status.showMessage(self.tr("The new language shows after Post Editor restarts."), 8000)

    def choose_font(self) -> None:
        font = ask_font(self, self.editor_font())
        if font is not None:
            self.prefs.font_family = font.family()
            self.prefs.font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, font.pointSize()))
            self._apply_font()
            self._save_preferences()

    def zoom(self, direction: int) -> None:
        """+1 / -1 steps the editor font and the preview zoom together; 0 resets both."""
        if direction == 0:
            self.prefs.font_size, self.prefs.preview_zoom = DEFAULT_FONT_SIZE, 1.0
        else:
            size = self.prefs.font_size + direction
            self.prefs.font_size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
            zoom = self.prefs.preview_zoom + direction * ZOOM_STEP
            self.prefs.preview_zoom = round(max(0.3, min(4.0, zoom)), 2)
        self._apply_font()
        if self.preview is not None:
            self.preview.set_zoom(self.prefs.preview_zoom)
        self._save_preferences()

    # ----- site -----
    def set_site(self, site) -> None:
        self._use_site(site)
        self._reload_preview()

    def _use_site(self, site) -> None:
        """Completion, image drops and the preview's base all follow the site."""
        self.site = site
        self.form.set_site(site)
        if site is not None:
            self.editor.set_site(site)

    def choose_site(self) -> None:
        start = str(getattr(self.site, "root", "") or Path.home())
        folder = ask_site_dir(self, start)
        if not folder:
            return
        if not (Path(folder) / "_config.yml").is_file():
            show_error(
                self,
                self.tr("Not a Jekyll site"),
                self.tr("{folder} has no _config.yml.").format(folder=folder),
            )
            return
        self.prefs.site_dir = str(Path(folder).resolve())
        self._save_preferences()
        self.set_site(core_api.Site(Path(folder)))

    def _site_for(self, path: Path):
        found = core_api.Site.find(path.parent)
        return found if found is not None else self.site

    # ----- reacting to the document -----
    def _on_post_replaced(self) -> None:
        path = self.document.path
        if path is not None:
            site = self._site_for(path)
            if site is not self.site:
                self._use_site(site)
        self._reload_preview()
        self.status_counts.count_now()
        self._update_position()
        reason = self.document.read_only_reason
        self.status.show_notice(
            self.tr("Read-only: {reason}").format(reason=message_text(reason)) if reason else ""
        )
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ensure_preview(self) -> None:
        # nothing opened yet: show the new-post template
        if self.preview is not None and self.preview.shown_post is None:
            self._reload_preview()

    def _reload_preview(self) -> None:
        self._meta_timer.stop()
        if self.preview is not None:  # None until complete_start, which shows the post
            self.preview.show_post(self.document.post, self.site)

    def _update_preview_parts(self) -> None:
        if self.preview is not None:
            self.preview.update_parts(self.document.post)

    def _on_body_changed(self) -> None:
        if self.preview is not None:
            self.preview.update_body(self.document.body_text)  # read once per burst
        self.status_counts.text_changed()

    def _update_position(self) -> None:
        show_cursor_position(self.status, self.editor, self.document.body_first_line)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {APP_TITLE}")
        self.setWindowModified(self.document.is_modified())

    # ----- closing -----
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.save_window_state(
            WindowState(
                geometry=self.saveGeometry(),
                state=self.saveState(),
                splitter=self.splitter.saveState(),
                raw_yaml=self.form.is_raw_mode(),
            )
        )
        self._save_preferences()
        if self.safety is not None:
            self.safety.document_closed()
        event.accept()


class _AfterFirstPaint(QObject):
    """Calls `then` once, right after the first paint pass that reaches `window`."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the whole pass, not inside it
            self.deleteLater()
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once the window has painted for the first time (show it after this)."""
    _AfterFirstPaint(window, then)


def _single_shot(parent: QWidget, interval_ms: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
