"""Undo and redo keys typed in the body do what Edit > Undo and Edit > Redo do.

QPlainTextEdit claims Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y for its own undo stack (it accepts the
ShortcutOverride), so the window's Edit menu actions, which go through Document.undo/redo
and interleave front matter edits (form, calendar, raw YAML) with body edits, never saw the
keys typed in the body: a title changed after some typing stayed while older typing went.
Refusing the override lets the window's shortcut take the key; with no front matter step in
the way Document.undo is the body's own undo, as before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit

_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _UndoKeysToWindow(QObject):
    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            return any(event.matches(key) for key in _KEYS)  # left unaccepted: the menu's
        return False


def route_undo_keys_to_window(editor: QPlainTextEdit) -> None:
    """Let the window's Undo/Redo actions handle the undo keys typed in ``editor``."""
    editor.installEventFilter(_UndoKeysToWindow(editor))
