"""Which words of a post's source line are prose worth spell checking (no Qt).

A line mixes Markdown, Tistory HTML, URLs and code. :func:`prose_words` yields the Hangul and
Latin words outside tags, attributes, entities, URLs, code and Liquid, with their columns;
:mod:`editor.core.spell` asks a dictionary about each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

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


def is_pasted_code(line: str) -> bool:
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
