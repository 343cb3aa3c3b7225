"""The top of a long body, cut where a block ends: what the preview renders first on open.

A fresh app opening a 2 MB post rendered all of it (~0.5 s of Python-Markdown, holding the
GUI process's GIL while Chromium was starting the page) before the first block could be
shown. The preview renders this prefix on its thread for the first paint instead, while
the render child, once up, renders the whole text; the whole render then replaces what
differs (the stream diffs block lists), so the page always ends as one whole render.
"""

from __future__ import annotations

import re

# About two screenfuls of the reference post (its 8 KB body fills about three).
FIRST_SCREEN_CHARS = 16_000
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def first_screen(text: str, limit: int = FIRST_SCREEN_CHARS) -> str:
    """The longest start of ``text`` within ``limit`` characters that ends at a blank line
    outside fenced code (so the cut splits no block); all of ``text`` if it is that short.
    With no such blank line, the first ``limit`` characters: a preview of the top only,
    corrected by the whole render."""
    if len(text) <= limit:
        return text
    fence, cut, position = "", 0, 0
    for line in text[: limit + 1].splitlines(keepends=True):
        position += len(line)
        if position > limit:
            break
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)
        elif not line.strip() and position > 1:
            cut = position
    return text[:cut] if cut else text[:limit]
