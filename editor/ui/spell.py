"""Spell checking in the editor: on/off action, loading off the UI thread, context menu.

One :class:`SpellCheck` belongs to each :class:`~editor.ui.markdown_edit.MarkdownEdit`
(``editor.spell``). The dictionaries are shared by the whole process: the first editor that
turns spelling on loads them in a background thread (about a second for Korean) and every
editor waiting for them starts underlining when they arrive.

For the window:

- ``editor.spell_check_action()``: the checkable "Check spelling" QAction; put it in a menu.
  Its ``toggled(bool)`` is the thing to save in settings; restore with
  ``editor.set_spell_check_enabled(saved)`` (off until someone turns it on).
- Messages (loading, a missing dictionary, a personal word list that cannot be written) go
  out on the editor's ``statusMessage(str)``.
- When no dictionary can be loaded, spell checking turns itself off (the action is
  unchecked) with a message; nothing raises.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor.core import spell as core_spell
from editor.core.spell import SpellChecker, SpellUnavailable, Word
from editor.ui.autosave import app_data_folder

MAX_SUGGESTIONS = 7
POLL_MS = 30  # how often the UI thread looks whether the dictionaries have loaded


def personal_word_list_path() -> Path:
    """Where "Add to dictionary" keeps the writer's words (one a line, UTF-8)."""
    return app_data_folder("spelling") / "personal_words.txt"


class _DictionaryLoader(QObject):
    """Loads the shared checker once, in a background thread; reports in the UI thread.

    The thread never touches Qt (a signal emitted from a Python thread while a receiver is
    being destroyed can crash the process): it leaves its result in a plain attribute that
    a UI-thread timer collects.
    """

    loaded = Signal(object)  # SpellChecker
    failed = Signal(str)
    words_changed = Signal()  # a word was added or ignored: rehighlight

    def __init__(self) -> None:
        super().__init__()
        self.checker: SpellChecker | None = None
        self.error: str | None = None
        self._thread: threading.Thread | None = None
        self._result: SpellChecker | str | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)

    def request(self) -> None:
        if self.checker is None and self.error is None and self._thread is None:
            self._thread = threading.Thread(target=self._load, name="spell-load", daemon=True)
            self._thread.start()
            self._poll.start()

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def _load(self) -> None:  # in the worker thread: plain Python only
        try:
            self._result = core_spell.shared_checker()
        except SpellUnavailable as error:
            self._result = str(error)
        except Exception as error:  # noqa: BLE001 (a broken install must not crash the app)
            self._result = f"{type(error).__name__}: {error}"

    def _collect(self) -> None:
        if self._thread is None or self._thread.is_alive():
            return
        self._poll.stop()
        self._thread, result = None, self._result
        if isinstance(result, SpellChecker):
            if result.personal_path is None:
                result.use_personal_list(personal_word_list_path())
            self.checker = result
            self.loaded.emit(result)
        else:
            self.error = str(result)
            self.failed.emit(self.error)


_loader: _DictionaryLoader | None = None


def _shared_loader() -> _DictionaryLoader:
    global _loader
    if _loader is None:
        _loader = _DictionaryLoader()
    return _loader


class SpellCheck(QObject):
    """Spell checking for one editor; see the module docstring."""

    statusMessage = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, editor: QPlainTextEdit, highlighter) -> None:
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter
        self._waiting = False  # for the shared dictionaries to load
        self._action = QAction(self)
        self._action.setCheckable(True)
        self.retranslate()
        self._action.toggled.connect(self._on_toggled)
        _shared_loader().words_changed.connect(self._on_words_changed)

    def retranslate(self) -> None:
        """Set the action's texts in the current UI language (again after a switch)."""
        self._action.setText(self.tr("Check &Spelling"))
        self._action.setToolTip(self.tr("Underline misspelt Korean and English words"))

    @property
    def action(self) -> QAction:
        return self._action

    @property
    def enabled(self) -> bool:
        return self._action.isChecked()

    @property
    def checker(self) -> SpellChecker | None:
        """The loaded checker while spelling is on, else None."""
        return self._highlighter.spell_checker

    def set_enabled(self, enabled: bool) -> None:
        self._action.setChecked(enabled)  # toggled -> _on_toggled

    # -- turning on and off -------------------------------------------------------------------
    def _on_toggled(self, enabled: bool) -> None:
        loader = _shared_loader()
        if not enabled:
            self._highlighter.set_spell_checker(None)
            return
        if loader.checker is not None:
            self._attach(loader.checker)
        elif loader.error is not None:
            self._give_up(loader.error)
        elif not self._waiting:
            self._waiting = True
            loader.loaded.connect(self._on_loaded)
            loader.failed.connect(self._on_failed)
            self.statusMessage.emit(self.tr("Loading the spelling dictionaries…"))
            loader.request()

    def _on_loaded(self, checker: SpellChecker) -> None:
        self._disconnect_loader()
        if self.enabled:
            self._attach(checker)

    def _on_failed(self, error: str) -> None:
        self._disconnect_loader()
        if self.enabled:
            self._give_up(error)

    def _disconnect_loader(self) -> None:
        self._waiting = False
        loader = _shared_loader()
        loader.loaded.disconnect(self._on_loaded)
        loader.failed.disconnect(self._on_failed)

    def _attach(self, checker: SpellChecker) -> None:
        self._highlighter.set_spell_checker(checker)
        if checker.missing:
            missing = ", ".join(self._language_name(name) for name in checker.missing)
            self.statusMessage.emit(
                self.tr("No {languages} dictionary: those words are not checked.").format(
                    languages=missing
                )
            )

    def _language_name(self, english_name: str) -> str:
        return self.tr("Korean") if english_name == "Korean" else self.tr("English")

    def _give_up(self, error: str) -> None:
        self._action.setChecked(False)
        self.statusMessage.emit(
            self.tr("Spell check is off: no dictionary could be loaded ({reason})").format(
                reason=error
            )
        )

    # -- the word under the mouse -------------------------------------------------------------
    def misspelt_word_at(self, cursor: QTextCursor) -> tuple[QTextCursor, Word] | None:
        """The underlined word at ``cursor`` as (a cursor selecting it, the word), or None."""
        checker = self.checker
        if checker is None:
            return None
        block = cursor.block()
        column = cursor.positionInBlock()
        if not _underlined_near(block, column):
            return None  # code, front matter, or a word being composed
        word = checker.misspelled_word_at(block.text(), column)
        if word is None:
            return None
        selection = QTextCursor(block)
        selection.setPosition(block.position() + word.start)
        selection.setPosition(block.position() + word.end, QTextCursor.MoveMode.KeepAnchor)
        return selection, word

    def add_menu_actions(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Put suggestions, "Add to Dictionary" and "Ignore" for the word at ``cursor`` on top
        of ``menu``, and the on/off action at its end."""
        found = self.misspelt_word_at(cursor)
        first = menu.actions()[0] if menu.actions() else None
        if found is not None:
            selection, word = found
            actions = self._word_actions(menu, selection, word.text)
            for action in actions:
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.addSeparator()
        menu.addAction(self._action)

    def _word_actions(self, menu: QMenu, selection: QTextCursor, word: str) -> list[QAction]:
        actions = []
        for suggestion in self.checker.suggestions(word, MAX_SUGGESTIONS):
            action = QAction(suggestion.replace("&", "&&"), menu)  # no accelerator
            action.triggered.connect(
                lambda _=False, s=suggestion: self.replace(QTextCursor(selection), s)
            )
            actions.append(action)
        if not actions:
            none = QAction(self.tr("(No Suggestions)"), menu)
            none.setEnabled(False)
            actions.append(none)
        add = QAction(self.tr("Add to Dictionary"), menu)
        add.triggered.connect(lambda: self.add_to_dictionary(word))
        ignore = QAction(self.tr("Ignore"), menu)
        ignore.triggered.connect(lambda: self.ignore(word))
        return [*actions, add, ignore]

    # -- what the menu does ---------------------------------------------------------------------
    def replace(self, selection: QTextCursor, replacement: str) -> None:
        """Replace the selected word; one undo step."""
        selection.beginEditBlock()
        selection.insertText(replacement)
        selection.endEditBlock()
        self._editor.setTextCursor(selection)

    def add_to_dictionary(self, word: str) -> None:
        checker = self.checker
        if checker is None:
            return
        try:
            checker.add_to_dictionary(word)
        except OSError as error:
            self.statusMessage.emit(
                self.tr("Could not save “{word}” in the personal word list: {error}").format(
                    word=word, error=error.strerror or error
                )
            )
        self._rehighlight_everywhere()

    def ignore(self, word: str) -> None:
        checker = self.checker
        if checker is not None:
            checker.ignore(word)
            self._rehighlight_everywhere()

    def _rehighlight_everywhere(self) -> None:
        # Every editor shares the checker, so the word goes away in all of them.
        _shared_loader().words_changed.emit()

    def _on_words_changed(self) -> None:
        if self.checker is not None:
            self._highlighter.rehighlight()


def _underlined_near(block, column: int) -> bool:
    """True if a spelling underline covers ``column`` or ends right at it."""
    ranges = block.layout().formats()  # keep the list alive while reading formats
    spell = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    for rng in ranges:
        if rng.start <= column <= rng.start + rng.length and rng.format.underlineStyle() == spell:
            return True
    return False
