"""The questions the window asks, each one small function.

main_window imports them by name, so a test answers a question by replacing the name in
editor.ui.main_window (monkeypatch.setattr(main_window, "ask_save_changes", ...)),
never the dialog machinery.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QFontDialog, QMessageBox, QWidget

from editor.ui.core_wording import message_text


def _post_filter() -> str:
    return QCoreApplication.translate("Dialogs", "Markdown posts (*.md *.markdown);;All files (*)")


def save_changes_box(parent: QWidget | None, name: str) -> QMessageBox:
    """Save / Discard / Cancel. Discard says "버리기" as the recovery question does: Qt's
    Korean catalog calls its Discard button "무시" (ignore), which reads as keeping them."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Dialogs", "Unsaved changes"),
        QCoreApplication.translate("Dialogs", "Save the changes to {name} before closing?").format(
            name=name
        ),
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setDefaultButton(buttons.Save)
    box.button(buttons.Discard).setText(QCoreApplication.translate("Dialogs", "Discard"))
    return box


def ask_save_changes(parent: QWidget, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = QMessageBox.StandardButton
    answer = save_changes_box(parent, name).exec()
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def ask_open_path(parent: QWidget, start_dir: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Dialogs", "Open Post"), start_dir, _post_filter()
    )
    return path or None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Dialogs", "Save Post As"), suggested, _post_filter()
    )
    return path or None


def ask_export_path(parent: QWidget, suggested: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Dialogs", "Export HTML"),
        suggested,
        QCoreApplication.translate("Dialogs", "HTML (*.html)"),
    )
    return path or None


def ask_site_dir(parent: QWidget, start_dir: str) -> str | None:
    return (
        QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("Dialogs", "Jekyll Site Folder"), start_dir
        )
        or None
    )


def ask_font(parent: QWidget, current: QFont) -> QFont | None:
    ok, font = QFontDialog.getFont(
        current, parent, QCoreApplication.translate("Dialogs", "Editor Font")
    )
    return font if ok else None


def show_error(parent: QWidget, title: str, message: str) -> None:
    """A warning box; a message of editor.core (English, made for the CLI) is shown in the UI
    language when its wording is known (editor.ui.core_wording), else as it is."""
    QMessageBox.warning(parent, title, message_text(message))


# The names editor.ui.safety gives the two sides of its diffs, and its empty diff: worded
# here, where the diff is shown (safety.py passes them in English).
DIFF_NAMES = {
    "in the window": QT_TRANSLATE_NOOP("Dialogs", "in the window"),
    "on disk": QT_TRANSLATE_NOOP("Dialogs", "on disk"),
    "recovered": QT_TRANSLATE_NOOP("Dialogs", "recovered"),
}
NO_DIFFERENCES = QT_TRANSLATE_NOOP("Dialogs", "(no differences)")


def worded_diff(diff: str) -> str:
    """A unified diff from safety.text_diff with its side names in the UI language."""
    if diff == "(no differences)":
        return QCoreApplication.translate("Dialogs", NO_DIFFERENCES)
    lines = diff.split("\n")
    for index, marker in ((0, "--- "), (1, "+++ ")):
        if index < len(lines) and lines[index].startswith(marker):
            name = lines[index][len(marker) :]
            if name in DIFF_NAMES:
                lines[index] = marker + QCoreApplication.translate("Dialogs", DIFF_NAMES[name])
    return "\n".join(lines)


def _choice(
    parent: QWidget,
    title: str,
    text: str,
    details: str,
    buttons: list[tuple],
    default: str | None = None,
) -> str:
    """A message box whose buttons map to answers; `details` (a diff) sits behind a button.
    `default` names the answer Enter gives (else Qt picks the accepting button)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton)
    if parent is not None:
        box.setParent(parent, box.windowFlags())
    if details:
        box.setDetailedText(worded_diff(details))
    answers = {}
    for label, role, answer in buttons:
        button = box.addButton(label, role)
        answers[button] = answer
        if answer == default:
            box.setDefaultButton(button)
    box.exec()
    return answers.get(box.clickedButton(), buttons[-1][2])


def ask_recover(parent: QWidget, name: str, saved_at: str, diff: str) -> str:
    """'restore', 'discard' or 'later' for a recovery copy left by a crash; the diff compares."""
    role = QMessageBox.ButtonRole
    return _choice(
        parent,
        QCoreApplication.translate("Dialogs", "Recover unsaved text"),
        QCoreApplication.translate(
            "Dialogs",
            "Post Editor closed without saving {name}. A copy from {saved_at} was kept.\n"
            "Show Details compares it with the file.",
        ).format(name=name, saved_at=saved_at),
        diff,
        [
            (QCoreApplication.translate("Dialogs", "Restore"), role.AcceptRole, "restore"),
            (QCoreApplication.translate("Dialogs", "Discard"), role.DestructiveRole, "discard"),
            (QCoreApplication.translate("Dialogs", "Later"), role.RejectRole, "later"),
        ],
    )


def ask_external_change(parent: QWidget, name: str, diff: str) -> str:
    """'reload' or 'keep' when another program changed the open post on disk.

    Enter keeps the window's text while it holds unsaved changes (the parent window is
    modified): a reload would throw them away, and it cannot be undone."""
    role = QMessageBox.ButtonRole
    unsaved = parent is not None and parent.isWindowModified()
    return _choice(
        parent,
        QCoreApplication.translate("Dialogs", "File changed on disk"),
        QCoreApplication.translate(
            "Dialogs", "{name} was changed by another program. Show Details for the differences."
        ).format(name=name),
        diff,
        [
            (QCoreApplication.translate("Dialogs", "Reload"), role.AcceptRole, "reload"),
            (QCoreApplication.translate("Dialogs", "Keep Mine"), role.RejectRole, "keep"),
        ],
        default="keep" if unsaved else "reload",
    )


def tell_deleted_on_disk(parent: QWidget, name: str) -> None:
    """Another program deleted (or moved) the open post; its text stays in the window."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Dialogs", "File deleted on disk"),
        QCoreApplication.translate(
            "Dialogs",
            "{name} was deleted or moved by another program. The text is still here: "
            "Save writes it back, Save As puts it elsewhere.",
        ).format(name=name),
    )


def ask_save_as_utf8(parent: QWidget, name: str, encoding: str) -> bool:
    """True to write a post as UTF-8 because its own encoding cannot store its text."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Dialogs", "Save as UTF-8?"),
        QCoreApplication.translate(
            "Dialogs",
            "{name} is stored as {encoding}, which cannot hold some characters of the text "
            "(an emoji, for one). Save it as UTF-8, which holds them all and which Jekyll "
            "reads?",
        ).format(name=name, encoding=encoding),
        buttons.Cancel,
        parent,
    )
    utf8 = box.addButton(
        QCoreApplication.translate("Dialogs", "Save as UTF-8"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(utf8)
    box.exec()
    return box.clickedButton() is utf8


def ask_overwrite_changed(parent: QWidget, name: str) -> bool:
    """True to save over a file that changed on disk since it was opened or saved."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.warning(
        parent,
        QCoreApplication.translate("Dialogs", "Overwrite changes on disk?"),
        QCoreApplication.translate(
            "Dialogs", "{name} was changed on disk by another program. Save over it anyway?"
        ).format(name=name),
        buttons.Save | buttons.Cancel,
        buttons.Cancel,
    )
    return answer == buttons.Save


def ask_history_version(parent: QWidget, versions: list, current_text: str):
    """The saved version the writer chose to restore, or None."""
    from editor.ui.history_dialog import HistoryDialog

    dialog = HistoryDialog(versions, current_text, parent)
    return dialog.selected() if dialog.exec() == HistoryDialog.DialogCode.Accepted else None


def run_publish_dialog(parent: QWidget, post, site):
    """Show the Publish dialog for `post` into `site`; the ApplyResult, or None if cancelled."""
    from editor.ui.publish_dialog import PublishDialog

    dialog = PublishDialog(post, site, parent)
    dialog.exec()
    return dialog.result
