"""Spell checking in the editor: two on/off actions, dictionaries loaded off the UI thread.

One :class:`SpellCheck` belongs to each :class:`~editor.ui.markdown_edit.MarkdownEdit`
(``editor.spell``). English spelling ("Check Spelling") is checked as the writer types, on
by default; Korean spelling ("Check Korean Spelling", 맞춤법 검사) is a separate switch,
off by default: hunspell-ko holds ~50 MB and underlines many correct words, so writers turn
it on when they want a pass over the text, as in Tistory's and Naver's editors. Switching
it off removes the Korean underlines at once and gives the dictionary's memory back.

The dictionaries are shared by the whole process (:mod:`editor.ui.spell_loader`): the
first editor that turns a language on loads it in a background thread and every editor
waiting for it starts underlining when it arrives.

For the window:

- ``editor.spell_check_action()`` / ``editor.korean_spell_check_action()``: the checkable
  actions; put them in a menu. Their ``toggled(bool)`` is the thing to save in settings;
  restore with ``editor.set_spell_check_enabled(saved)`` and
  ``editor.set_korean_spell_check_enabled(saved)`` (both off until someone turns them on).
- Messages (loading, a missing dictionary, a personal word list that cannot be written) go
  out on the editor's ``statusMessage(str)``.
- When a language's dictionary cannot be loaded its action unchecks itself with a message;
  nothing raises.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor.core.spell import ENGLISH, KOREAN, SpellChecker, Word
from editor.ui.spell_loader import personal_word_list_path, shared_loader

__all__ = ["SpellCheck", "personal_word_list_path"]

MAX_SUGGESTIONS = 7


class _EditorLines:
    """The shared checker narrowed to one editor's languages: what its highlighter asks."""

    def __init__(self, checker: SpellChecker, languages: frozenset[str]) -> None:
        self.checker = checker
        self.languages = languages

    def misspelled_ranges(self, line: str, in_code: bool = False) -> list[tuple[int, int]]:
        return self.checker.misspelled_ranges(line, in_code, self.languages)


class SpellCheck(QObject):
    """Spell checking for one editor; see the module docstring."""

    statusMessage = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, editor: QPlainTextEdit, highlighter) -> None:
        super().__init__(editor)
        self._editor = editor
        self._highlighter = highlighter
        self._active: frozenset[str] = frozenset()  # languages on and loaded
        self._waiting: set[str] = set()  # languages asked for, still loading (said once)
        self._action = self._make_action(ENGLISH)
        self._korean_action = self._make_action(KOREAN)
        self.retranslate()
        loader = shared_loader()
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        loader.words_changed.connect(self._on_words_changed)
        key = id(self)
        self.destroyed.connect(lambda *_: loader.forget(key))

    def _make_action(self, language: str) -> QAction:
        action = QAction(self)
        action.setCheckable(True)
        action.toggled.connect(lambda on: self._on_toggled(language, on))
        return action

    def retranslate(self) -> None:
        """Set the actions' texts in the current UI language (again after a switch)."""
        self._action.setText(self.tr("Check &Spelling"))
        self._action.setToolTip(self.tr("Underline misspelt English words as you type"))
        self._korean_action.setText(self.tr("Check &Korean Spelling"))
        self._korean_action.setToolTip(
            self.tr("Underline misspelt Korean words (loads the Korean dictionary, about 50 MB)")
        )

    @property
    def action(self) -> QAction:
        """English spelling on/off."""
        return self._action

    @property
    def korean_action(self) -> QAction:
        """Korean spelling (맞춤법 검사) on/off."""
        return self._korean_action

    @property
    def enabled(self) -> bool:
        return self._action.isChecked()

    @property
    def korean_enabled(self) -> bool:
        return self._korean_action.isChecked()

    @property
    def languages(self) -> frozenset[str]:
        """The languages underlined now (switched on and loaded)."""
        return self._active

    @property
    def checker(self) -> SpellChecker | None:
        """The shared checker while some language is underlined, else None."""
        return shared_loader().checker if self._active else None

    def set_enabled(self, enabled: bool) -> None:
        self._action.setChecked(enabled)  # toggled -> _on_toggled

    def set_korean_enabled(self, enabled: bool) -> None:
        self._korean_action.setChecked(enabled)

    def _action_for(self, language: str) -> QAction:
        return self._korean_action if language == KOREAN else self._action

    # -- turning on and off -------------------------------------------------------------------
    def _on_toggled(self, language: str, enabled: bool) -> None:
        loader = shared_loader()
        if not enabled:
            self._set_active(self._active - {language})
            loader.unwant(language, id(self))
            return
        loader.want(language, id(self))
        if language in loader.checker.languages:
            self._set_active(self._active | {language})
        elif language in loader.errors:
            self._give_up(language, loader.errors[language])
        elif loader.loading(language) and language not in self._waiting:
            self._waiting.add(language)
            self.statusMessage.emit(self._loading_message(language))

    def _loading_message(self, language: str) -> str:
        if language == KOREAN:
            return self.tr("Loading the Korean dictionary…")
        return self.tr("Loading the English dictionary…")

    def _set_active(self, languages: frozenset[str]) -> None:
        if languages == self._active:
            return
        self._active = languages
        checker = shared_loader().checker
        self._highlighter.set_spell_checker(_EditorLines(checker, languages) if languages else None)

    def _on_loaded(self, language: str) -> None:
        self._waiting.discard(language)
        if self._action_for(language).isChecked():
            self._set_active(self._active | {language})

    def _on_failed(self, language: str, reason: str) -> None:
        self._waiting.discard(language)
        if self._action_for(language).isChecked():
            self._give_up(language, reason)

    def _give_up(self, language: str, reason: str) -> None:
        self._action_for(language).setChecked(False)  # toggled -> unwant
        if language == KOREAN and not reason:
            message = self.tr("No {languages} dictionary: those words are not checked.")
            self.statusMessage.emit(message.format(languages=self.tr("Korean")))
            return
        reason = reason or self.tr("no English dictionary is installed")
        self.statusMessage.emit(
            self.tr("Spell check is off: no dictionary could be loaded ({reason})").format(
                reason=reason
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
        word = checker.misspelled_word_at(block.text(), column, languages=self._active)
        if word is None:
            return None
        selection = QTextCursor(block)
        selection.setPosition(block.position() + word.start)
        selection.setPosition(block.position() + word.end, QTextCursor.MoveMode.KeepAnchor)
        return selection, word

    def add_menu_actions(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Put suggestions, "Add to Dictionary" and "Ignore" for the word at ``cursor`` on top
        of ``menu``, and the two on/off actions at its end (맞춤법 검사 one click away where
        the writer is working)."""
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
        menu.addAction(self._korean_action)

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
        shared_loader().words_changed.emit()

    def _on_words_changed(self) -> None:
        if self._active:
            self._highlighter.rehighlight()


def _underlined_near(block, column: int) -> bool:
    """True if a spelling underline covers ``column`` or ends right at it."""
    ranges = block.layout().formats()  # keep the list alive while reading formats
    spell = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    for rng in ranges:
        if rng.start <= column <= rng.start + rng.length and rng.format.underlineStyle() == spell:
            return True
    return False
