"""Korean and English spell checking of one source line at a time (no Qt).

Dictionaries come from libenchant-2 through pyenchant: Debian's ``hunspell-ko`` for Hangul
words and ``hunspell-en-us`` for Latin words. A line of a post mixes Markdown, Tistory HTML,
URLs and code; only the prose is checked. :func:`prose_words` finds the words worth checking
and :class:`SpellChecker` asks the right dictionary about each, through an LRU cache so that
rehighlighting a line on every keystroke costs dictionary lookups only for new words.

Languages are chosen: a checker checks the words of the languages whose dictionary it holds
and takes the others as correct. English is small (~8 MB); Korean is big (~50 MB, ~0.5 s to
load), so the UI loads it only when the writer asks (:func:`open_dictionary` off the UI
thread, then :meth:`SpellChecker.attach`) and gives its memory back when switched off
(:meth:`SpellChecker.release`).

hunspell-ko rejects many correct compound nouns written together (국제표준, 성공사례를): a
Hangul word it rejects is accepted when it splits into 2 to 4 parts it accepts, each of two
syllables or more (:mod:`editor.core.spell_compounds`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from editor.core.heap import release_free_heap
from editor.core.spell_compounds import is_compound
from editor.core.spell_words import Word, is_pasted_code, prose_words

__all__ = [
    "ENGLISH",
    "KOREAN",
    "LANGUAGES",
    "SpellChecker",
    "SpellUnavailable",
    "Word",
    "free_dictionary",
    "misspelled_ranges",
    "open_dictionary",
    "prose_words",
    "shared_checker",
    "suggestions",
]

KOREAN_TAGS = ("ko_KR", "ko")
ENGLISH_TAGS = ("en_US", "en")
KOREAN = "ko"
ENGLISH = "en"
LANGUAGES = (KOREAN, ENGLISH)
LANGUAGE_NAMES = {KOREAN: "Korean", ENGLISH: "English"}


class Dictionary(Protocol):
    """What a checker needs from a dictionary: pyenchant's ``enchant.Dict`` fits."""

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


class SpellUnavailable(RuntimeError):
    """No dictionary could be loaded (libenchant or both dictionaries are missing)."""


class SpellChecker:
    """Checks Hangul words against ``korean`` and Latin words against ``english``.

    Either dictionary may be None (not loaded, or not installed): that language's words are
    then not checked (taken as correct). Words the writer added (a personal word list, one
    word a line, UTF-8) or ignored are always correct. ``korean_compounds`` turns compound
    acceptance on (see the module docstring).
    """

    def __init__(
        self,
        korean: Dictionary | None,
        english: Dictionary | None,
        personal_path: Path | None = None,
        cache_size: int = 50_000,
        korean_compounds: bool = True,
    ) -> None:
        self._dictionaries: dict[str, Dictionary] = {}
        for language, dictionary in ((KOREAN, korean), (ENGLISH, english)):
            if dictionary is not None:
                self._dictionaries[language] = dictionary
        self.korean_compounds = korean_compounds
        self.missing: list[str] = []  # "Korean" / "English": asked for but not installed
        self.personal_path: Path | None = None
        self._personal: set[str] = set()
        self.use_personal_list(personal_path)
        self._ignored: set[str] = set()
        self._lookup = functools.lru_cache(maxsize=cache_size)(self._lookup_uncached)
        self._korean_part = functools.lru_cache(maxsize=cache_size)(self._korean_part_uncached)

    @classmethod
    def load(
        cls, personal_path: Path | None = None, languages: Iterable[str] = LANGUAGES
    ) -> SpellChecker:
        """A checker with the dictionaries of ``languages``; ``missing`` names any not installed.

        Raises :class:`SpellUnavailable` when none of them can be loaded. Slow (about half a
        second for Korean): call it off the UI thread.
        """
        checker = cls(None, None, personal_path)
        wanted = list(languages)
        for language in wanted:
            checker.load_language(language)
        if wanted and not checker.languages:
            names = " or ".join(LANGUAGE_NAMES[language] for language in wanted)
            raise SpellUnavailable(f"no {names} dictionary is installed")
        return checker

    # -- languages ------------------------------------------------------------------------------
    @property
    def korean(self) -> Dictionary | None:
        return self._dictionaries.get(KOREAN)

    @property
    def english(self) -> Dictionary | None:
        return self._dictionaries.get(ENGLISH)

    @property
    def languages(self) -> frozenset[str]:
        """The languages checked now (those with a dictionary)."""
        return frozenset(self._dictionaries)

    def load_language(self, language: str) -> bool:
        """Load and attach ``language``'s dictionary unless it is there; False if not installed.

        Slow, and it changes what the checker answers: a UI opens the dictionary off its
        thread with :func:`open_dictionary` and attaches it on its own thread instead.
        Raises :class:`SpellUnavailable` when the spelling library itself is missing.
        """
        if language in self._dictionaries:
            return True
        dictionary = open_dictionary(language)
        if dictionary is None:
            if LANGUAGE_NAMES[language] not in self.missing:
                self.missing.append(LANGUAGE_NAMES[language])
            return False
        self.attach(language, dictionary)
        return True

    def attach(self, language: str, dictionary: Dictionary) -> None:
        """Check ``language``'s words with ``dictionary`` from now on (fast)."""
        previous = self._dictionaries.get(language)
        self._dictionaries[language] = dictionary
        if LANGUAGE_NAMES[language] in self.missing:
            self.missing.remove(LANGUAGE_NAMES[language])
        self._clear_caches()
        if previous is not None and previous is not dictionary:
            free_dictionary(previous)

    def release(self, language: str) -> bool:
        """Stop checking ``language`` and give its dictionary's memory back to the system.

        :meth:`detach` then :func:`free_dictionary`; False if the dictionary was not loaded.
        Freeing hunspell-ko takes ~70 ms: a UI detaches on its thread and frees off it.
        """
        dictionary = self.detach(language)
        if dictionary is None:
            return False
        free_dictionary(dictionary)
        return True

    def detach(self, language: str) -> Dictionary | None:
        """Stop checking ``language`` (fast) and hand back its dictionary, still allocated.

        Drops every reference the checker holds: the dictionary and the cached answers.
        """
        dictionary = self._dictionaries.pop(language, None)
        self._clear_caches()
        return dictionary

    def _clear_caches(self) -> None:
        # The answers depend on which dictionaries are there: a word of a language not
        # checked was cached as correct.
        self._lookup.cache_clear()
        self._korean_part.cache_clear()

    # -- checking ---------------------------------------------------------------------------
    def misspelled_ranges(
        self, line: str, in_code: bool = False, languages: Iterable[str] | None = None
    ) -> list[tuple[int, int]]:
        """(start, end) columns of the misspelt words of one line; none inside fenced code.

        ``languages`` narrows the check to some of the loaded languages (None: all of them).
        """
        if in_code or is_pasted_code(line):
            return []
        chosen = None if languages is None else frozenset(languages)
        return [(w.start, w.end) for w in prose_words(line) if self._is_misspelt(w, chosen)]

    def misspelled_word_at(
        self,
        line: str,
        column: int,
        in_code: bool = False,
        languages: Iterable[str] | None = None,
    ) -> Word | None:
        """The misspelt word that ``column`` is in or touches the end of, if any."""
        if in_code or is_pasted_code(line):
            return None
        chosen = None if languages is None else frozenset(languages)
        for word in prose_words(line):
            if word.start <= column <= word.end and self._is_misspelt(word, chosen):
                return word
        return None

    def _is_misspelt(self, word: Word, languages: frozenset[str] | None) -> bool:
        language = KOREAN if word.korean else ENGLISH
        if languages is not None and language not in languages:
            return False
        return not self.is_correct(word.text)

    def is_correct(self, word: str) -> bool:
        for form in (word, word.lower()) if word[:1].isupper() else (word,):
            if form in self._personal or form in self._ignored:
                return True  # an added word also at the start of a sentence
        if _language_of(word) not in self._dictionaries:
            return True  # not checked
        return self._lookup(word)

    def _lookup_uncached(self, word: str) -> bool:
        if _language_of(word) == KOREAN:
            if self._korean_part(word):
                return True
            return self.korean_compounds and is_compound(word, self._korean_part)
        dictionary = self._dictionaries.get(ENGLISH)
        if dictionary is None:
            return True
        try:
            return bool(dictionary.check(word))
        except Exception:  # a broken dictionary must not break typing  # noqa: BLE001
            return True

    def _korean_part_uncached(self, text: str) -> bool:
        dictionary = self._dictionaries.get(KOREAN)
        if dictionary is None:
            return True
        try:
            return bool(dictionary.check(text))
        except Exception:  # noqa: BLE001 (as in _lookup_uncached)
            return True

    def _dictionary_for(self, word: str) -> Dictionary | None:
        return self._dictionaries.get(_language_of(word))

    def suggestions(self, word: str, limit: int = 8) -> list[str]:
        """Replacements for ``word``, best first, without the word itself."""
        dictionary = self._dictionary_for(word) if word else None
        if dictionary is None:
            return []
        try:
            found = dictionary.suggest(word)
        except Exception:  # noqa: BLE001 (as in _lookup_uncached)
            return []
        return list(dict.fromkeys(s for s in found if s != word))[:limit]

    # -- the writer's words -------------------------------------------------------------------
    def add_to_dictionary(self, word: str) -> None:
        """Accept ``word`` from now on and append it to the personal word list (if any).

        Raises OSError when the list cannot be written; the word is accepted for this session
        all the same.
        """
        word = word.strip()
        if not word or word in self._personal:
            return
        self._personal.add(word)
        if self.personal_path is not None:
            _append_word(self.personal_path, word)

    def use_personal_list(self, path: Path | None) -> None:
        """Read (and from now on append to) the personal word list at ``path``."""
        self.personal_path = path
        self._personal |= set(_read_word_list(path))

    def ignore(self, word: str) -> None:
        """Accept ``word`` until the app quits."""
        self._ignored.add(word)

    @property
    def personal_words(self) -> frozenset[str]:
        return frozenset(self._personal)


_shared: SpellChecker | None = None
_shared_lock = threading.Lock()


def shared_checker(languages: Iterable[str] = LANGUAGES) -> SpellChecker:
    """The process-wide checker, with the dictionaries of ``languages`` loaded (thread-safe).

    The first call creates it; later calls load what is not there yet (about half a second
    for Korean). Raises :class:`SpellUnavailable` when none of ``languages`` can be loaded.
    ``shared_checker(())`` returns it without loading anything.
    """
    global _shared
    wanted = list(languages)
    with _shared_lock:
        if _shared is None:
            _shared = SpellChecker.load(languages=wanted)
            return _shared
        loaded = [language for language in wanted if _shared.load_language(language)]
        if wanted and not loaded:
            names = " or ".join(LANGUAGE_NAMES[language] for language in wanted)
            raise SpellUnavailable(f"no {names} dictionary is installed")
        return _shared


def misspelled_ranges(line: str, in_code: bool = False) -> list[tuple[int, int]]:
    """(start, end) columns of misspelt words in one line, by the shared checker."""
    return shared_checker().misspelled_ranges(line, in_code)


def suggestions(word: str, limit: int = 8) -> list[str]:
    """Replacements for ``word``, best first, by the shared checker."""
    return shared_checker().suggestions(word, limit)


def open_dictionary(language: str) -> Dictionary | None:
    """Open ``language``'s hunspell dictionary (KOREAN or ENGLISH); None if not installed.

    Touches no checker, so a UI can call it off its thread. Raises
    :class:`SpellUnavailable` when libenchant or pyenchant is missing.
    """
    try:
        import enchant
    except (ImportError, OSError) as error:  # no pyenchant, or no libenchant-2 library
        raise SpellUnavailable(f"the spelling library is missing ({error})") from error
    return _first_dictionary(enchant, KOREAN_TAGS if language == KOREAN else ENGLISH_TAGS)


def _language_of(word: str) -> str:
    return KOREAN if "\uac00" <= word[:1] <= "\ud7a3" else ENGLISH


def free_dictionary(dictionary: Dictionary) -> None:
    """Free a detached dictionary's C side now and trim the heap (~70 ms for Korean).

    Safe off the UI thread once no checker holds the dictionary; never raises.
    """
    free = getattr(dictionary, "_free", None)  # pyenchant's Dict frees its C side here
    if callable(free):
        # Freeing must never break switching a language off.
        with contextlib.suppress(Exception):
            free()
    release_free_heap()  # hunspell's pages go back to the system, not just to malloc


def _first_dictionary(enchant_module, tags: Iterable[str]) -> Dictionary | None:
    broker = enchant_module.Broker()
    for tag in tags:
        try:
            # Debian's enchant.ordering prefers aspell for English; we ship hunspell's.
            broker.set_ordering(tag, "hunspell,nuspell,aspell,myspell")
            if broker.dict_exists(tag):
                return broker.request_dict(tag)
        except Exception:  # noqa: BLE001 (enchant raises its own error types)
            continue
    return None


def _read_word_list(path: Path | None) -> list[str]:
    if path is None:
        return []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:  # no list yet, or unreadable: start empty, never fail to check
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def _append_word(path: Path, word: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    needs_newline = path.exists() and path.stat().st_size > 0 and not _ends_with_newline(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("\n" if needs_newline else "") + word + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"
