"""The process's spelling dictionaries: loaded off the UI thread, Korean released when unused.

All editors share one :class:`~editor.core.spell.SpellChecker`
(``core_spell.shared_checker(())``): it holds the dictionaries of the languages some editor
has switched on. :func:`shared_loader` gives the one :class:`DictionaryLoader`, which

- opens a language's dictionary in a background thread when an editor asks
  (:meth:`DictionaryLoader.want`) and attaches it to the checker in the UI thread, then
  emits ``loaded(language)`` (or ``failed(language, reason)``, reason "" when the
  dictionary is not installed);
- releases the Korean dictionary (~50 MB) as soon as no editor wants it any more
  (:meth:`DictionaryLoader.unwant`, or the editor's destruction): detached from the
  checker at once (no Korean underline or cached answer is left), freed and the heap
  trimmed in a background thread (~70 ms). English is small and stays loaded once loaded,
  so switching it back on is immediate.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core import spell as core_spell
from editor.core.spell import KOREAN, SpellChecker, SpellUnavailable
from editor.ui.autosave import app_data_folder

POLL_MS = 30  # how often the UI thread looks whether a dictionary has loaded
RELEASED_WHEN_UNUSED = frozenset({KOREAN})


def personal_word_list_path() -> Path:
    """Where "Add to dictionary" keeps the writer's words (one a line, UTF-8)."""
    return app_data_folder("spelling") / "personal_words.txt"


class DictionaryLoader(QObject):
    """Loads dictionaries into the shared checker; see the module docstring.

    The threads never touch Qt or the checker (a signal emitted from a Python thread while a
    receiver is being destroyed can crash the process, and the checker is read by the
    highlighter): each leaves its dictionary in a plain dict that a UI-thread timer collects.
    """

    loaded = Signal(str)  # language
    failed = Signal(str, str)  # language, reason ("" : not installed)
    words_changed = Signal()  # a word was added or ignored: rehighlight

    def __init__(self) -> None:
        super().__init__()
        self.errors: dict[str, str] = {}  # language -> reason; asking again gives it at once
        self._wanted: dict[str, set[int]] = {}  # language -> keys of the editors that want it
        self._threads: dict[str, threading.Thread] = {}
        self._results: dict[str, object] = {}  # language -> Dictionary | None | error str
        self._freeing: list[threading.Thread] = []
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)

    @property
    def checker(self) -> SpellChecker:
        """The shared checker (with the dictionaries loaded so far)."""
        checker = core_spell.shared_checker(())
        if checker.personal_path is None:
            checker.use_personal_list(personal_word_list_path())
        return checker

    @property
    def busy(self) -> bool:
        """A dictionary is loading or being freed."""
        return bool(self._threads) or any(t.is_alive() for t in self._freeing)

    def loading(self, language: str) -> bool:
        return language in self._threads

    def want(self, language: str, key: int) -> None:
        """Editor ``key`` checks ``language``: load its dictionary unless loaded or failed."""
        self._wanted.setdefault(language, set()).add(key)
        if language in self.checker.languages or language in self.errors:
            return
        if language not in self._threads:
            thread = threading.Thread(
                target=self._open, args=(language,), name=f"spell-load-{language}", daemon=True
            )
            self._threads[language] = thread
            thread.start()
            self._poll.start()

    def unwant(self, language: str, key: int) -> None:
        """Editor ``key`` stopped checking ``language``; release it if nobody else checks it."""
        keys = self._wanted.get(language, set())
        keys.discard(key)
        if not keys and language in RELEASED_WHEN_UNUSED:
            self._release(language)  # a load under way is dropped when it arrives

    def forget(self, key: int) -> None:
        """Editor ``key`` is gone: it wants nothing any more."""
        for language in list(self._wanted):
            self.unwant(language, key)

    def _open(self, language: str) -> None:  # in the worker thread: plain Python only
        try:
            self._results[language] = core_spell.open_dictionary(language)
        except SpellUnavailable as error:
            self._results[language] = str(error)
        except Exception as error:  # noqa: BLE001 (a broken install must not crash the app)
            self._results[language] = f"{type(error).__name__}: {error}"

    def _collect(self) -> None:
        for language, thread in list(self._threads.items()):
            if not thread.is_alive():
                del self._threads[language]
                self._arrived(language, self._results.pop(language, None))
        if not self._threads:
            self._poll.stop()

    def _arrived(self, language: str, result: object) -> None:
        if result is None or isinstance(result, str):
            self.errors[language] = result or ""
            self.failed.emit(language, result or "")
            return
        if not self._wanted.get(language) and language in RELEASED_WHEN_UNUSED:
            self._free_later(result)  # switched off while it loaded
            return
        self.checker.attach(language, result)
        self.loaded.emit(language)

    def _release(self, language: str) -> None:
        dictionary = self.checker.detach(language)
        if dictionary is not None:
            self._free_later(dictionary)

    def _free_later(self, dictionary) -> None:
        """Free ``dictionary`` (no checker holds it) off the UI thread: ~70 ms for Korean."""
        self._freeing = [t for t in self._freeing if t.is_alive()]
        thread = threading.Thread(
            target=core_spell.free_dictionary, args=(dictionary,), name="spell-free", daemon=True
        )
        del dictionary  # the thread holds the only reference now
        self._freeing.append(thread)
        thread.start()


_loader: DictionaryLoader | None = None


def shared_loader() -> DictionaryLoader:
    global _loader
    if _loader is None:
        _loader = DictionaryLoader()
    return _loader
