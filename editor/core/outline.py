"""Headings of a post body, for the outline panel: Markdown and Tistory HTML alike.

Finds ATX (``## x``) and setext (``x`` over ``===``/``---``) headings and HTML
``<h1>``..``<h6>`` with any attributes (``<h2 data-ke-size="size26">``), skipping fenced code
and a leading front matter block. Line numbers are 0-based, as QTextDocument block numbers.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple


class Heading(NamedTuple):
    level: int
    title: str
    line: int


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)[ \t]*$")
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_OPEN = re.compile(r"<h([1-6])\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")
_LIST_OR_QUOTE = re.compile(r"^\s*(?:[-*+>]|\d+[.)])\s")
_HTML_LOOKAHEAD = 20  # lines an HTML heading may span


def clean_title(raw: str) -> str:
    """Heading text as a reader sees it: no tags, entities decoded, spaces collapsed."""
    text = html.unescape(_TAG.sub("", raw))
    return " ".join(text.split())


def _front_matter_end(lines: list[str]) -> int:
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return index + 1
    return 0


def _setext_level(lines: list[str], index: int) -> int:
    """2 or 1 when ``lines[index]`` is a paragraph line underlined as a setext heading."""
    if index + 1 >= len(lines) or not lines[index].strip():
        return 0
    line = lines[index]
    if _ATX.match(line) or _FENCE.match(line) or _LIST_OR_QUOTE.match(line):
        return 0
    if line.lstrip().startswith("<") or (index > 0 and lines[index - 1].strip()):
        return 0
    underline = _SETEXT.match(lines[index + 1])
    if not underline:
        return 0
    return 1 if underline.group(1).startswith("=") else 2


def _html_headings(lines: list[str], index: int) -> list[Heading]:
    line = lines[index]
    if not _HTML_OPEN.search(line):
        return []
    found = [
        Heading(int(m.group(1)), clean_title(m.group(2)), index)
        for m in _HTML_HEADING.finditer(line)
    ]
    if found:
        return found
    # An opening tag whose closing tag is on a later line.
    joined = "\n".join(lines[index : index + _HTML_LOOKAHEAD])
    match = _HTML_HEADING.search(joined)
    if match and match.start() < len(line):
        return [Heading(int(match.group(1)), clean_title(match.group(2)), index)]
    return []


def _closes_fence(fence: str, line: str) -> bool:
    match = _FENCE.match(line)
    if not match or match.group(1)[0] != fence[0] or len(match.group(1)) < len(fence):
        return False
    return not line.strip().strip(fence[0])


def extract_headings(text: str) -> list[Heading]:
    """All headings of ``text`` in document order."""
    lines = text.split("\n")
    headings: list[Heading] = []
    fence: str | None = None
    for index in range(_front_matter_end(lines), len(lines)):
        line = lines[index]
        if fence is not None:
            if _closes_fence(fence, line):
                fence = None
            continue
        fence_match = _FENCE.match(line)
        if fence_match:
            fence = fence_match.group(1)
            continue
        atx = _ATX.match(line)
        if atx:
            headings.append(Heading(len(atx.group(1)), clean_title(atx.group(2) or ""), index))
            continue
        level = _setext_level(lines, index)
        if level:
            headings.append(Heading(level, clean_title(line), index))
            continue
        headings.extend(_html_headings(lines, index))
    return headings
