"""Find and replace bar: plain, whole word, match case, regular expression.

Matching uses Python's ``re`` (Unicode-aware, so whole-word search works for Hangul);
regular-expression replacements may use ``\\1`` or ``\\g<name>``. Replace all is one undo step.
Every match is tinted while the bar is open (up to MAX_HIGHLIGHTS; the tint follows edits
after a short pause). Enter finds the next match, Shift+Enter the previous one, Escape closes
the bar. The bar's
actions (Ctrl+F find, Ctrl+H replace, F3 / Shift+F3 next / previous) work while the editor has
focus; ``actions_for_menu()`` gives them to the window's Edit menu.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from editor.ui.edit_ops import OffsetMap, document_text, to_py, to_qt

MAX_HIGHLIGHTS = 5000  # beyond this, tinting costs more than it tells
HIGHLIGHT_PAUSE_MS = 150  # re-tint after edits once typing pauses
# Amber at 40% reads on light and dark backgrounds alike, and differs from the selection.
MATCH_TINT = QColor(255, 190, 0, 100)
_FIND_MARK = QTextFormat.Property.UserProperty + 71  # tags our extra selections


def build_pattern(query: str, match_case: bool, whole_word: bool, regex: bool) -> re.Pattern:
    """The compiled search; raises ``re.error`` for a bad regular expression."""
    body = query if regex else re.escape(query)
    if whole_word:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    flags = re.MULTILINE | (0 if match_case else re.IGNORECASE)
    return re.compile(body, flags)


def find_matches(text: str, pattern: re.Pattern) -> list[re.Match]:
    """Non-empty matches (an empty match cannot be selected or replaced sensibly)."""
    return [m for m in pattern.finditer(text) if m.end() > m.start()]


class _QueryEdit(QLineEdit):
    """A line edit that reports Enter / Shift+Enter / Escape."""

    nextRequested = Signal()  # noqa: N815
    previousRequested = Signal()  # noqa: N815
    closeRequested = Signal()  # noqa: N815

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.previousRequested if shift else self.nextRequested).emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)


class FindReplaceBar(QWidget):
    """A find/replace strip for a QPlainTextEdit; ``status`` shows counts and errors."""

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self.editor = editor
        self.find_edit = _QueryEdit(placeholderText=self.tr("Find"))
        self.replace_edit = _QueryEdit(placeholderText=self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match case"))
        self.word_box = QCheckBox(self.tr("Whole word"))
        self.regex_box = QCheckBox(self.tr("Regex"))
        self.status = QLabel()
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace all"))
        self.close_button = QPushButton(self.tr("Close"))
        self._highlight_timer = QTimer(self)
        self._highlight_timer.setSingleShot(True)
        self._highlight_timer.setInterval(HIGHLIGHT_PAUSE_MS)
        self._highlight_timer.timeout.connect(self._after_edit_pause)
        self._keep_status = False  # the status reports an action (Replaced N) until the next edit
        self._layout()
        self._connect()
        self._make_actions()
        self.hide()

    def _make_actions(self) -> None:
        """Find/Replace/Next/Previous actions, live in the editor; the window may add
        :meth:`actions_for_menu` to its Edit menu too."""
        specs = (
            ("find_action", self.tr("&Find…"), QKeySequence.StandardKey.Find, self.show_find),
            ("replace_action", self.tr("&Replace…"), "Ctrl+H", self.show_replace),
            (
                "find_next_action",
                self.tr("Find &Next"),
                QKeySequence.StandardKey.FindNext,
                self.find_next,
            ),
            (
                "find_previous_action",
                self.tr("Find &Previous"),
                QKeySequence.StandardKey.FindPrevious,
                self.find_previous,
            ),
        )
        for attribute, label, shortcut, slot in specs:
            action = QAction(label, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.editor.addAction(action)
            self.addAction(action)  # also while the bar's own fields have focus
            setattr(self, attribute, action)

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.find_action,
            self.replace_action,
            self.find_next_action,
            self.find_previous_action,
        ]

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        row = (self.find_edit, self.previous_button, self.next_button, self.case_box)
        for column, widget in enumerate(row):
            grid.addWidget(widget, 0, column)
        grid.addWidget(self.word_box, 0, 4)
        grid.addWidget(self.regex_box, 0, 5)
        grid.addWidget(self.close_button, 0, 6)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        grid.addWidget(self.status, 1, 3, 1, 4)
        grid.setColumnStretch(0, 1)

    def _connect(self) -> None:
        for edit in (self.find_edit, self.replace_edit):
            edit.nextRequested.connect(self.find_next)
            edit.previousRequested.connect(self.find_previous)
            edit.closeRequested.connect(self.close_bar)
        self.replace_edit.nextRequested.disconnect(self.find_next)
        self.replace_edit.nextRequested.connect(self.replace_current)
        self.find_edit.textEdited.connect(self._search_as_typed)
        for box in (self.case_box, self.word_box, self.regex_box):
            box.toggled.connect(self._update_count)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.editor.document().contentsChanged.connect(self._on_text_changed)

    # -- showing ------------------------------------------------------------------------------
    def show_find(self) -> None:
        self._open(replace=False)

    def show_replace(self) -> None:
        self._open(replace=True)

    def _open(self, replace: bool) -> None:
        chosen = self.editor.textCursor().selectedText()
        if chosen and "\u2029" not in chosen:
            self.find_edit.setText(chosen)
        for widget in (self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(replace)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self._update_count()

    def close_bar(self) -> None:
        self.hide()
        self._highlight_timer.stop()
        self._highlight([])
        self.editor.setFocus()

    def _on_text_changed(self) -> None:
        if self.isVisible() and self.find_edit.text():
            self._highlight_timer.start()

    # -- tinting every match ------------------------------------------------------------------
    def highlighted_spans(self) -> list[tuple[int, int]]:
        """(start, end) editor positions of the tinted matches."""
        return [
            (item.cursor.selectionStart(), item.cursor.selectionEnd())
            for item in self.editor.extraSelections()
            if item.format.property(_FIND_MARK)
        ]

    def _highlight(self, spans: list[tuple[int, int]]) -> None:
        """Tint `spans` (editor positions); other extra selections stay as they are."""
        kept = [s for s in self.editor.extraSelections() if not s.format.property(_FIND_MARK)]
        document = self.editor.document()
        tinted = []
        for start, end in spans[:MAX_HIGHLIGHTS]:
            item = QTextEdit.ExtraSelection()
            item.cursor = QTextCursor(document)
            item.cursor.setPosition(start)
            item.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            item.format.setBackground(MATCH_TINT)
            item.format.setProperty(_FIND_MARK, True)
            tinted.append(item)
        self.editor.setExtraSelections(kept + tinted)

    # -- searching ----------------------------------------------------------------------------
    def pattern(self) -> re.Pattern | None:
        """The current search, or None (with the reason in ``status``) when there is none."""
        query = self.find_edit.text()
        if not query:
            self.status.setText("")
            return None
        try:
            return build_pattern(
                query,
                self.case_box.isChecked(),
                self.word_box.isChecked(),
                self.regex_box.isChecked(),
            )
        except re.error as error:
            self.status.setText(self.tr("Invalid regular expression: {error}").format(error=error))
            return None

    def _update_count(self) -> None:
        """Count and tint the matches of the current search (none when there is none)."""
        pattern = self.pattern()
        if pattern is None:
            self._highlight([])
            return
        text = document_text(self.editor.document())
        matches = find_matches(text, pattern)
        count = len(matches)
        self.status.setText(self._count_text(count))
        if self.isVisible():
            offsets = OffsetMap(text)
            shown = matches[:MAX_HIGHLIGHTS]
            self._highlight([(offsets.to_qt(m.start()), offsets.to_qt(m.end())) for m in shown])

    def _after_edit_pause(self) -> None:
        """Re-tint after edits; the count replaces the status unless it reports our own edit
        (Replace all's edit would otherwise turn "Replaced 3 matches" into "No matches")."""
        if self._keep_status:
            self._keep_status = False
            status = self.status.text()
            self._update_count()
            self.status.setText(status)
        else:
            self._update_count()

    def _replaced_text(self, count: int) -> str:
        if count == 0:
            return self.tr("No matches")
        if count == 1:
            return self.tr("Replaced 1 match")
        return self.tr("Replaced {count} matches").format(count=count)

    def _count_text(self, count: int) -> str:
        if count == 0:
            return self.tr("No matches")
        if count == 1:
            return self.tr("1 match")
        return self.tr("{count} matches").format(count=count)

    def _search_as_typed(self) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.editor.setTextCursor(cursor)
        self._update_count()
        self._find(backward=False)

    def find_next(self) -> bool:
        if not self.find_edit.text():
            self.show_find()
            return False
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _find(self, backward: bool) -> bool:
        pattern = self.pattern()
        if pattern is None:
            return False
        text = document_text(self.editor.document())
        matches = find_matches(text, pattern)
        if not matches:
            self.status.setText(self._count_text(0))
            return False
        cursor = self.editor.textCursor()
        if backward:
            here = to_py(text, cursor.selectionStart())
            earlier = [i for i, m in enumerate(matches) if m.end() <= here]
            index = earlier[-1] if earlier else len(matches) - 1
        else:
            here = to_py(text, cursor.selectionEnd())
            index = next((i for i, m in enumerate(matches) if m.start() >= here), 0)
        self._select(text, matches[index])
        self.status.setText(
            self.tr("{index} of {count}").format(index=index + 1, count=len(matches))
        )
        return True

    def _select(self, text: str, match: re.Match) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(to_qt(text, match.start()))
        cursor.setPosition(to_qt(text, match.end()), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    # -- replacing ----------------------------------------------------------------------------
    def _replacement(self, match: re.Match) -> str:
        template = self.replace_edit.text()
        return match.expand(template) if self.regex_box.isChecked() else template

    def replace_current(self) -> bool:
        """Replace the selected match (if the selection is one), then find the next."""
        pattern = self.pattern()
        if pattern is None:
            return False
        text = document_text(self.editor.document())
        cursor = self.editor.textCursor()
        start, end = to_py(text, cursor.selectionStart()), to_py(text, cursor.selectionEnd())
        current = next((m for m in find_matches(text, pattern) if m.span() == (start, end)), None)
        if current is None:
            return self.find_next()
        try:
            cursor.insertText(self._replacement(current))
        except (re.error, IndexError) as error:
            self.status.setText(self.tr("Invalid replacement: {error}").format(error=error))
            return False
        self.editor.setTextCursor(cursor)
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; the number replaced."""
        pattern = self.pattern()
        if pattern is None:
            return 0
        text = document_text(self.editor.document())
        matches = find_matches(text, pattern)
        try:
            replacements = [self._replacement(m) for m in matches]
        except (re.error, IndexError) as error:
            self.status.setText(self.tr("Invalid replacement: {error}").format(error=error))
            return 0
        offsets = OffsetMap(text)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for match, replacement in zip(reversed(matches), reversed(replacements), strict=True):
            cursor.setPosition(offsets.to_qt(match.start()))
            cursor.setPosition(offsets.to_qt(match.end()), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement)
        cursor.endEditBlock()
        self.status.setText(self._replaced_text(len(matches)))
        self._keep_status = self._highlight_timer.isActive()  # the edit's re-tint keeps it
        return len(matches)
