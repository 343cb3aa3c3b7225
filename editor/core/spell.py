"""Korean and English spell checking of one source line at a time (no Qt).

Dictionaries come from libenchant-2 through pyenchant: Debian's ``hunspell-ko`` for Hangul
words and ``hunspell-en-us`` for Latin words. A line of a post mixes Markdown, Tistory HTML,
URLs and code; only the prose is checked. :func:`prose_words` finds the words worth checking
and :class:`SpellChecker` asks the right dictionary about each, through an LRU cache so that
rehighlighting a line on every keystroke costs dictionary lookups only for new words.

Loading the Korean dictionary takes about a second, so the UI loads a checker off the main
thread (:meth:`SpellChecker.load`) and shares it between editors.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple, Protocol

KOREAN_TAGS = ("ko_KR", "ko")
ENGLISH_TAGS = ("en_US", "en")

# Regions of a line that are not prose: their words are never checked.
_NOT_PROSE = re.compile(
    r"""
      (`+)(?!`).+?(?<!`)\1(?!`)                     # inline code
    | <(code|pre|kbd|samp|script|style)\b[^>]*>.*?(?:</\2\s*>|$)   # code in HTML
    | <!--.*?(?:-->|$)                              # an HTML comment (maybe unclosed)
    | </?[A-Za-z][^<>]*(?:>|$)                      # an HTML tag with its attributes
    | &(?:\#\d+|\#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);   # an entity: &nbsp;
    | (?:https?|ftp|file|mailto):[^\s<>"'`]+        # a URL
    | \bwww\.[^\s<>"'`]+
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                  # an e-mail address
    | \]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*(?:\s+"[^"]*")?\)   # a link target: ](url "t")
    | \]\[[^\]]*\]                                  # a reference link's id: ][id]
    | ^\s{0,3}\[[^\]]+\]:.*$                        # a link reference definition
    | \{%.*?(?:%\}|$) | \{\{.*?(?:\}\}|$)           # Liquid
    | \{:[^}]*\}                                    # a kramdown attribute list: {: .note}
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"(?P<ko>[\uac00-\ud7a3]+)|(?P<en>[A-Za-z]+(?:['’][A-Za-z]+)*)")
# A Latin word touching one of these is part of a name, path, number or identifier
# (file.md, snake_case, mp4, /usr/bin, v2), not prose.
_TECHNICAL_NEIGHBOURS = set("_/\\.@#$%=+^|0123456789")
# Hangul glued to what comes before it is a particle or counter (API를, 3개, '글'을): it
# cannot be judged alone, so it is skipped.
_PARTICLE_HOSTS = re.compile(r"""[A-Za-z0-9)\]%$'"’”]""")


class Dictionary(Protocol):
    """What a checker needs from a dictionary: pyenchant's ``enchant.Dict`` fits."""

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


class SpellUnavailable(RuntimeError):
    """No dictionary could be loaded (libenchant or both dictionaries are missing)."""


class Word(NamedTuple):
    start: int
    end: int
    text: str
    korean: bool


def prose_words(line: str) -> Iterator[Word]:
    """The words of ``line`` worth checking, in order, with their columns."""
    position, previous = 0, ""
    for region in _NOT_PROSE.finditer(line):
        yield from _words_between(line, position, region.start(), previous)
        position, previous = region.end(), region.group()
    yield from _words_between(line, position, len(line), previous)


def _words_between(line: str, start: int, end: int, previous: str) -> Iterator[Word]:
    """Words in line[start:end]; ``previous`` is the non-prose region just before ``start``."""
    for match in _WORD.finditer(line, start, end):
        before = line[match.start() - 1] if match.start() > 0 else " "
        after = line[match.end()] if match.end() < len(line) else " "
        glued = match.start() == start and bool(previous)
        if match.group("ko"):
            # Hangul right after a closing tag or code is a particle of what came before it.
            particle = glued and previous.startswith(("</", "`"))
            if not particle and not _PARTICLE_HOSTS.match(before):
                yield Word(match.start(), match.end(), match.group(), True)
        elif glued and previous[0] in "`&" or after == "&":
            continue  # part of escaped markup or code: &lt;li, `x`s
        elif _is_checkable_latin(match.group(), before, after, line, match.end()):
            yield Word(match.start(), match.end(), match.group(), False)


def _is_pasted_code(line: str) -> bool:
    """A line of a pasted code-highlighter table (Color Scripter and the like)."""
    return "white-space: pre" in line or "white-space:pre" in line


def _is_checkable_latin(word: str, before: str, after: str, line: str, end: int) -> bool:
    if len(word) < 2 or any(c.isupper() for c in word[1:]):  # a, API, JavaScript, iPhone
        return False
    if before in _TECHNICAL_NEIGHBOURS:
        return False
    if after in _TECHNICAL_NEIGHBOURS:
        # A full stop ends a sentence unless a name goes on after it (file.md, e.g).
        return after == "." and not line[end + 1 : end + 2].isalnum()
    return True


class SpellChecker:
    """Checks Hangul words against ``korean`` and Latin words against ``english``.

    Either dictionary may be None (missing): its words are then taken as correct. Words the
    writer added (a personal word list, one word a line, UTF-8) or ignored are always correct.
    """

    def __init__(
        self,
        korean: Dictionary | None,
        english: Dictionary | None,
        personal_path: Path | None = None,
        cache_size: int = 50_000,
    ) -> None:
        self.korean = korean
        self.english = english
        self.missing: list[str] = []  # "Korean" / "English": dictionaries not installed
        self.personal_path: Path | None = None
        self._personal: set[str] = set()
        self.use_personal_list(personal_path)
        self._ignored: set[str] = set()
        self._lookup = functools.lru_cache(maxsize=cache_size)(self._lookup_uncached)

    @classmethod
    def load(cls, personal_path: Path | None = None) -> SpellChecker:
        """Load the Korean and English dictionaries; ``missing`` names any not installed.

        Raises :class:`SpellUnavailable` when neither can be loaded. Slow (about a second for
        Korean): call it off the UI thread.
        """
        try:
            import enchant
        except (ImportError, OSError) as error:  # no pyenchant, or no libenchant-2 library
            raise SpellUnavailable(f"the spelling library is missing ({error})") from error
        korean = _first_dictionary(enchant, KOREAN_TAGS)
        english = _first_dictionary(enchant, ENGLISH_TAGS)
        missing = [name for name, d in (("Korean", korean), ("English", english)) if d is None]
        if korean is None and english is None:
            raise SpellUnavailable("no Korean or English dictionary is installed")
        checker = cls(korean, english, personal_path)
        checker.missing = missing
        return checker

    # -- checking ---------------------------------------------------------------------------
    def misspelled_ranges(self, line: str, in_code: bool = False) -> list[tuple[int, int]]:
        """(start, end) columns of the misspelt words of one line; none inside fenced code."""
        if in_code or _is_pasted_code(line):
            return []
        return [(w.start, w.end) for w in prose_words(line) if not self.is_correct(w.text)]

    def misspelled_word_at(self, line: str, column: int, in_code: bool = False) -> Word | None:
        """The misspelt word that ``column`` is in or touches the end of, if any."""
        if in_code or _is_pasted_code(line):
            return None
        for word in prose_words(line):
            if word.start <= column <= word.end and not self.is_correct(word.text):
                return word
        return None

    def is_correct(self, word: str) -> bool:
        for form in (word, word.lower()) if word[:1].isupper() else (word,):
            if form in self._personal or form in self._ignored:
                return True  # an added word also at the start of a sentence
        return self._lookup(word)

    def _lookup_uncached(self, word: str) -> bool:
        dictionary = self._dictionary_for(word)
        if dictionary is None:
            return True
        try:
            return bool(dictionary.check(word))
        except Exception:  # a broken dictionary must not break typing  # noqa: BLE001
            return True

    def _dictionary_for(self, word: str) -> Dictionary | None:
        return self.korean if "\uac00" <= word[0] <= "\ud7a3" else self.english

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


def shared_checker() -> SpellChecker:
    """The process-wide checker, loaded on the first call (about a second; thread-safe).

    Raises :class:`SpellUnavailable` when no dictionary is installed.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SpellChecker.load()
        return _shared


def misspelled_ranges(line: str, in_code: bool = False) -> list[tuple[int, int]]:
    """(start, end) columns of misspelt words in one line, by the shared checker."""
    return shared_checker().misspelled_ranges(line, in_code)


def suggestions(word: str, limit: int = 8) -> list[str]:
    """Replacements for ``word``, best first, by the shared checker."""
    return shared_checker().suggestions(word, limit)


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
