"""Counts a writer cares about: words, characters with and without spaces, reading time.

Qt-free. The counts are taken over the text a reader sees, so HTML tags, entities and
Markdown markers (`**`, `#`, link targets) are removed first. Korean writers count 글자수
both ways: "공백 포함" (every character but line breaks) and "공백 제외" (no whitespace),
and many also think in 원고지 pages (200-square manuscript sheets, 20 squares by 10 rows).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import TypeVar

MANUSCRIPT_COLUMNS = 20  # a 200자 원고지: 20 squares a row, 10 rows a sheet
MANUSCRIPT_ROWS = 10

# Reading speeds: Korean readers take ~500 syllables a minute, others ~230 words a minute.
HANGUL_PER_MINUTE = 500
WORDS_PER_MINUTE = 230

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_LINE_MARKER = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.MULTILINE
)
_EMPHASIS = re.compile(r"\*\*|__|~~|`|(?<!\w)\*|\*(?!\w)")
_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
T = TypeVar("T")


@dataclass(frozen=True)
class TextStats:
    words: int
    chars_with_spaces: int
    chars_without_spaces: int
    reading_minutes: int
    manuscript_pages: int = 0


# Work between two yields of the stepwise versions below: small enough that a caller on
# the GUI thread can stop after a few milliseconds and let a keystroke through.
_MATCHES_PER_STEP = 512
_CHARS_PER_STEP = 16_384

# Applied in this order, each to the result of the one before. Patterns that cannot
# match across a piece boundary (see _line_chunks) run piece by piece; the others, whose
# scans jump from one literal "<", "!" or "[" to the next, run over the whole text with a
# yield every few hundred matches.
_VISIBLE_TEXT_STEPS = (
    (_COMMENT, "", False),
    (_TAG, "", False),
    (_IMAGE, r"\1", False),
    (_LINK, r"\1", False),
    (_FENCE, "", True),  # "^\s*" crosses blank lines only, and no piece ends with one
    (_RULE, "", True),
    (_LINE_MARKER, "", True),
    (_EMPHASIS, "", True),
)
_NON_SPACE = re.compile(r"\S")
_LINE_BREAK_CHARS = "\r\n\u2028\u2029"  # the characters _LINE_BREAKS matches
# a word (whitespace-delimited, as \S+) holding Hangul, matched once at its start
_HANGUL_WORD = re.compile(r"(?<!\S)[^\s\uac00-\ud7a3\u3131-\u318e]*+[\uac00-\ud7a3\u3131-\u318e]")

Steps = Generator[None, None, T]


def visible_text(markdown_text: str) -> str:
    """The text a reader sees: markup, link targets and Markdown markers removed."""
    return run_steps(visible_text_steps(markdown_text))


def compute_stats(markdown_text: str) -> TextStats:
    """Counts over the visible text of a post body (Markdown mixed with HTML)."""
    return run_steps(stats_steps(markdown_text))


def run_steps(steps: Steps[T]) -> T:
    """Run a stepwise computation to its end in one go."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def stats_steps(markdown_text: str) -> Steps[TextStats]:
    """compute_stats in small steps: each ``next()`` does a bounded piece of the work, and
    the generator returns the TextStats. A caller on the GUI thread runs a few steps per
    event-loop turn, so counting 2 MB never holds up a keystroke."""
    text = yield from visible_text_steps(markdown_text)
    counts = _Counts()
    for chunk in _line_chunks(text):
        counts.add(chunk)
        yield
    return counts.stats()


def visible_text_steps(markdown_text: str) -> Steps[str]:
    text = markdown_text
    for pattern, template, line_local in _VISIBLE_TEXT_STEPS:
        if line_local:
            text = yield from _sub_by_pieces(pattern, template, text)
        else:
            text = yield from _sub_steps(pattern, template, text)
    parts = []
    for chunk in _line_chunks(text):  # an entity never spans a line break
        parts.append(html.unescape(chunk))
        yield
    return "".join(parts)


def _sub_steps(pattern: re.Pattern[str], template: str, text: str) -> Steps[str]:
    """``pattern.sub(template, text)``, yielding every few hundred matches (none of the
    patterns matches the empty string, so finditer meets the same matches sub does)."""
    parts, last = [], 0
    for count, match in enumerate(pattern.finditer(text), 1):
        parts.append(text[last : match.start()])
        if template:
            parts.append(match.expand(template))
        last = match.end()
        if count % _MATCHES_PER_STEP == 0:
            yield
    parts.append(text[last:])
    yield  # the scan after the last match may have been long
    return "".join(parts)


def _sub_by_pieces(pattern: re.Pattern[str], template: str, text: str) -> Steps[str]:
    """``pattern.sub(template, text)`` for a pattern that matches within one line: each
    piece starts a line and ends with its line break, so ^, $ and the lookarounds of
    _EMPHASIS see what they would see in the whole text."""
    parts = []
    for chunk in _line_chunks(text):
        parts.append(pattern.sub(template, chunk))
        yield
    return "".join(parts)


def _line_chunks(text: str) -> Iterator[str]:
    """``text`` in pieces of about _CHARS_PER_STEP, each cut just after a "\n" that ends
    a line holding more than whitespace (so _FENCE's "^\\s*" cannot run across a cut)."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _CHARS_PER_STEP)
        while cut >= 0 and not text[text.rfind("\n", start, cut) + 1 : cut].strip():
            cut = text.find("\n", cut + 1)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end


class _Counts:
    """Running totals over pieces of the visible text cut at line breaks: every count is a
    sum over lines (words and 원고지 paragraphs never span a line break)."""

    def __init__(self) -> None:
        self.words = self.chars = self.non_space = self.hangul = self.hangul_words = 0
        self.rows = 0

    def add(self, piece: str) -> None:
        breaks = sum(map(piece.count, _LINE_BREAK_CHARS))
        self.chars += len(piece) - breaks
        # str.split() and \s agree on whitespace (both Py_UNICODE_ISSPACE), line breaks are
        # whitespace; \xa0 (from &nbsp;) counts as a space, as it looks like one.
        words = piece.split()
        self.words += len(words)
        self.non_space += sum(map(len, words))
        self.hangul += len(piece) - len(_HANGUL.sub("", piece))
        self.hangul_words += len(_HANGUL_WORD.findall(piece))
        self.rows += sum(map(_manuscript_rows, _LINE_BREAKS.split(piece)))

    def stats(self) -> TextStats:
        return TextStats(
            words=self.words,
            chars_with_spaces=self.chars,
            chars_without_spaces=self.non_space,
            reading_minutes=_minutes(self.hangul, self.words - self.hangul_words),
            manuscript_pages=math.ceil(self.rows / MANUSCRIPT_ROWS),
        )


def manuscript_pages(text: str) -> int:
    """200자 원고지 sheets the text fills, by the usual rules: every paragraph starts a new
    row with one empty square, each character or space takes a square, and a space that would
    open a row is not written."""
    rows = sum(map(_manuscript_rows, _LINE_BREAKS.split(text)))
    return math.ceil(rows / MANUSCRIPT_ROWS)


def _manuscript_rows(paragraph: str) -> int:
    """Rows one paragraph fills (see manuscript_pages); a row at a time, not a char."""
    paragraph = paragraph.strip()
    if len(paragraph) < MANUSCRIPT_COLUMNS:
        return 1 if paragraph else 0  # indent + up to 19 squares: no row to open
    squares, index, length = 1, 0, len(paragraph)  # 1: the indent
    while index < length:
        free = -squares % MANUSCRIPT_COLUMNS  # squares left in this row
        if free:  # fill the row: spaces inside a row are written
            taken = min(free, length - index)
            squares, index = squares + taken, index + taken
            continue
        found = _NON_SPACE.search(paragraph, index)  # no space opens a row
        index = found.start() + 1  # strip() left a non-space at the end
        squares += 1
    return math.ceil(squares / MANUSCRIPT_COLUMNS)


def reading_minutes(text: str) -> int:
    """Whole minutes (rounded up) to read `text`; 0 for no text at all."""
    words = len(text.split())
    return _minutes(len(_HANGUL.findall(text)), words - len(_HANGUL_WORD.findall(text)))


def _minutes(hangul: int, other_words: int) -> int:
    minutes = hangul / HANGUL_PER_MINUTE + other_words / WORDS_PER_MINUTE
    return math.ceil(minutes) if minutes > 0 else 0
