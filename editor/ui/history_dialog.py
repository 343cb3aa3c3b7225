"""Local history: pick one of the post's saved versions, see how it differs, restore it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.core.history import HistoryError, HistoryVersion
from editor.core.post import Post
from editor.ui.core_wording import error_text
from editor.ui.safety import text_diff


def version_text(version: HistoryVersion) -> str:
    """The version's whole text as the editor shows it (LF); raises HistoryError/OSError."""
    return Post.from_bytes(version.read()).text_lf()


def version_label(version: HistoryVersion) -> str:
    when = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return f"{when}  ·  {version.size / 1024:.1f} KB"


class HistoryDialog(QDialog):
    """Versions newest first on the left, the difference to the window's text on the right."""

    def __init__(
        self, versions: list[HistoryVersion], current_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Local History"))
        self.resize(900, 560)
        self.versions = versions
        self.current_text = current_text
        self.list = QListWidget(self)
        self.list.addItems([version_label(v) for v in versions])
        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.diff, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if versions:
            self.list.setCurrentRow(0)

    def selected(self) -> HistoryVersion | None:
        row = self.list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _show(self, row: int) -> None:
        version = self.versions[row]
        try:
            saved = version_text(version)
        except HistoryError:  # the only HistoryError of read(): the copy's digest differs
            when = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self._show_problem(
                self.tr("The saved version from {when} is damaged.").format(when=when)
            )
            return
        except OSError as error:
            reason = error_text(error)
            self._show_problem(
                self.tr("Could not read the saved version: {reason}").format(reason=reason)
            )
            return
        self.restore_button.setEnabled(True)
        if saved.splitlines() == self.current_text.splitlines():  # what text_diff compares
            self.diff.setPlainText(self.tr("(no differences)"))
        else:
            now, then = self.tr("now"), self.tr("saved version")
            self.diff.setPlainText(text_diff(self.current_text, saved, now, then))

    def _show_problem(self, message: str) -> None:
        self.restore_button.setEnabled(False)
        self.diff.setPlainText(message)


MAX_KEEP = 1000
MAX_DAYS = 3650


class HistoryLimitsDialog(QDialog):
    """How many saved versions to keep per post, and for how many days (0: any age)."""

    def __init__(self, keep: int, days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Local History Settings"))
        self.keep = QSpinBox(self)
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setValue(keep)
        self.keep.setSuffix(self.tr(" versions"))
        self.days = QSpinBox(self)
        self.days.setRange(0, MAX_DAYS)
        self.days.setValue(days)
        self.days.setSuffix(self.tr(" days"))
        self.days.setSpecialValueText(self.tr("any age"))  # shown for 0
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Keep the last"), self.keep)
        form.addRow(self.tr("Keep them for"), self.days)
        form.addRow(buttons)

    def limits(self) -> tuple[int, int]:
        return self.keep.value(), self.days.value()


def ask_history_limits(parent: QWidget, keep: int, days: int) -> tuple[int, int] | None:
    """(keep, days) the writer chose, or None if cancelled. Tests replace this name."""
    dialog = HistoryLimitsDialog(keep, days, parent)
    return dialog.limits() if dialog.exec() == QDialog.DialogCode.Accepted else None


def change_history_limits(window) -> bool:
    """Ask for new limits; save them in the preferences and apply them at once."""
    prefs = window.prefs
    answer = ask_history_limits(window, prefs.history_keep, prefs.history_days)
    if answer is None:
        return False
    prefs.history_keep, prefs.history_days = answer
    window.settings.save_preferences(prefs)
    history = window.safety.history if window.safety is not None else None
    if history is not None:
        history.keep, history.days = answer
        if window.document.path is not None:
            history.prune(window.document.path)
    return True


def add_history_limits_action(window) -> QAction:
    """File > Local History Settings…, right after File > Local History…."""
    action = QAction(
        QCoreApplication.translate("HistoryDialog", "Local History &Settings…"), window
    )
    action.triggered.connect(lambda _checked=False: change_history_limits(window))
    anchor = window.history_action
    menu = next(w for w in anchor.associatedObjects() if hasattr(w, "insertAction"))
    actions = menu.actions()
    after = actions[actions.index(anchor) + 1] if anchor is not actions[-1] else None
    menu.insertAction(after, action)
    window.history_limits_action = action
    return action
