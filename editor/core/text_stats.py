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
from dataclasses import dataclass

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
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class TextStats:
    words: int
    chars_with_spaces: int
    chars_without_spaces: int
    reading_minutes: int
    manuscript_pages: int = 0


def visible_text(markdown_text: str) -> str:
    """The text a reader sees: markup, link targets and Markdown markers removed."""
    text = _COMMENT.sub("", markdown_text)
    text = _TAG.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _FENCE.sub("", text)
    text = _RULE.sub("", text)
    text = _LINE_MARKER.sub("", text)
    text = _EMPHASIS.sub("", text)
    return html.unescape(text)


def manuscript_pages(text: str) -> int:
    """200자 원고지 sheets the text fills, by the usual rules: every paragraph starts a new
    row with one empty square, each character or space takes a square, and a space that would
    open a row is not written."""
    rows = 0
    for paragraph in _LINE_BREAKS.split(text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        squares = 1  # the indent
        for char in paragraph:
            if char.isspace() and squares % MANUSCRIPT_COLUMNS == 0:
                continue  # no space at the start of a row
            squares += 1
        rows += math.ceil(squares / MANUSCRIPT_COLUMNS)
    return math.ceil(rows / MANUSCRIPT_ROWS)


def reading_minutes(text: str) -> int:
    """Whole minutes (rounded up) to read `text`; 0 for no text at all."""
    hangul = len(_HANGUL.findall(text))
    other_words = sum(1 for word in _WORD.findall(text) if not _HANGUL.search(word))
    minutes = hangul / HANGUL_PER_MINUTE + other_words / WORDS_PER_MINUTE
    return math.ceil(minutes) if minutes > 0 else 0


def compute_stats(markdown_text: str) -> TextStats:
    """Counts over the visible text of a post body (Markdown mixed with HTML)."""
    text = visible_text(markdown_text)
    without_breaks = _LINE_BREAKS.sub("", text)
    # \xa0 (from &nbsp;) counts as a space, as it looks like one.
    non_space = sum(1 for char in without_breaks if not char.isspace())
    return TextStats(
        words=len(_WORD.findall(text)),
        chars_with_spaces=len(without_breaks),
        chars_without_spaces=non_space,
        reading_minutes=reading_minutes(text),
        manuscript_pages=manuscript_pages(text),
    )
