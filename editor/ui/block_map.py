"""The top-level block spans of the editor's text, kept up to date edit by edit (no Qt).

editor.ui.scroll_sync maps the editor's lines to the preview's blocks with them; the source
is split into top-level blocks the way the renderer splits it (editor.render.block_split),
so block i of the source is usually block i of the page.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from editor.render.block_split import (
    CONSTRUCT_START,
    SIMPLE_ELEMENT,
    construct_chain_end,
    read_locally,
    split_blocks,
)
from editor.render.extensions.rouge_code import FENCED_CODEBLOCK_START

_LINE_REST_BLANK = re.compile(r"[ \t]*(?:\n|$)")
_HTML_BLOCK_START = re.compile(r"[ ]{0,3}<")  # the HTML parser's own block start
_ANGLE = re.compile(r"[<>]")
_SELF_CONTAINED: dict[str, bool] = {}  # block text -> self_contained(); blocks repeat
_SELF_CONTAINED_LIMIT = 8192


def block_starts(text: str) -> list[int]:
    """0-based first line of each top-level source block."""
    return [block.start_line for block in split_blocks(text)] or [0]


def block_for_line(starts: list[int], line: int) -> int:
    """Index of the source block holding 0-based `line`."""
    return max(0, bisect_right(starts, line) - 1)


def within_block(starts: list[int], index: int, line: int, line_count: int) -> float:
    """How far (0..1) `line` is into block `index`."""
    start = starts[index]
    end = starts[index + 1] if index + 1 < len(starts) else max(line_count, start + 1)
    return min(1.0, max(0.0, (line - start) / max(1, end - start)))


def line_for_page_block(starts: list[int], page_index: int, page_count: int) -> int:
    """0-based first line of the source block shown as page block `page_index`."""
    if page_count <= 0:
        return 0
    index = page_index if page_count == len(starts) else page_index * len(starts) // page_count
    return starts[min(max(0, index), len(starts) - 1)]


class BlockMap:
    """The top-level block spans of a text, kept equal to ``split_blocks`` edit by edit.

    A scroll may come after every keystroke (typing at the window's edge, wrapping), and
    splitting 2 MB takes ~90 ms; so after an edit only the lines around it are split again.

    Why that is exact: ``split_blocks`` reads forward only. Where a chunk ends depends on the
    lines from its start on, and whether a chunk joins the block before depends on that
    block's lines and the chunk's first line. So it restarts cleanly at any block start R
    above the edit whose blocks before R did not read past their own end ("self-contained",
    below), and from a later unchanged block start W on it gives the old blocks, shifted,
    once the re-split lines [R, W) end with the same (unchanged, self-contained) block as
    before. When no such W is found the split runs to the end of the text, as before.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] | None = None  # None: split all on next use
        self._safe: list[bool] = []
        self._dirty: tuple[int, int] | None = None  # changed lines [lo, hi), current numbers
        self._delta = 0  # line count now minus line count at the last split
        self.lines_split = 0  # how many lines split_blocks read since creation (for tests)

    def reset(self) -> None:
        """The whole text was replaced: split it all on next use."""
        self._spans, self._dirty, self._delta = None, None, 0

    def edited(self, first: int, old_end: int, new_end: int) -> None:
        """Lines [first, old_end) became lines [first, new_end) (numbers at edit time)."""
        if self._spans is None:
            return
        if self._dirty is None:
            lo, hi = first, new_end
        else:
            lo, hi = self._dirty
            if hi >= old_end:
                hi += new_end - old_end
            elif hi > first:
                hi = new_end
            lo, hi = min(lo, first), max(hi, new_end)
        self._dirty = (lo, hi)
        self._delta += new_end - old_end

    def starts(
        self,
        read_lines: Callable[[int, int], list[str]],
        line_count: int,
        budget: int | None = None,
    ) -> list[int] | None:
        """0-based first line of each block; ``read_lines(a, b)`` gives lines [a, b).

        With a ``budget``: None, and the map as it was, when bringing it up to date after
        edits would split more lines than that at once (the caller splits elsewhere:
        ``install``). The first split is always made here: ~90 ms at 2 MB, once."""
        if self._spans is None:
            self._spans, self._safe = self._split(read_lines, 0, line_count)
            self._dirty, self._delta = None, 0
        elif self._dirty is not None and not self._update(read_lines, line_count, budget):
            return None
        return [start for start, _end in self._spans] or [0]

    @property
    def stale(self) -> bool:
        """Edits (or no split yet) wait to be taken into the block spans."""
        return self._spans is None or self._dirty is not None

    def approximate_starts(self) -> list[int]:
        """The last split's block starts moved by the edits since, without splitting: for
        a caller that cannot wait (blocks around the edit may be off until the next split)."""
        if self._spans is None:
            return [0]
        lo, delta = (self._dirty[0], self._delta) if self._dirty else (0, 0)
        starts: list[int] = []
        for start in self._starts():
            moved = start if start <= lo else start + delta
            if moved > (starts[-1] if starts else -1):
                starts.append(moved)
        return starts or [0]

    def install(self, spans: list[tuple[int, int]], safe: list[bool]) -> None:
        """Take a whole split made elsewhere (``split_spans`` of the current text)."""
        self._set(spans, safe)

    def _starts(self) -> list[int]:
        return [start for start, _end in self._spans]

    def _restart(self) -> tuple[int, int]:
        """(index, first line) of the block the next update splits from."""
        keep = max(0, bisect_left(self._starts(), self._dirty[0]) - 1)
        if False in self._safe[:keep]:
            keep = self._safe.index(False)
        return keep, (self._spans[keep][0] if keep else 0)

    def _split(
        self, read_lines: Callable[[int, int], list[str]], first: int, end: int
    ) -> tuple[list[tuple[int, int]], list[bool]]:
        lines = read_lines(first, end)
        self.lines_split += len(lines)
        return split_spans(lines, first)

    def _update(
        self, read_lines: Callable[[int, int], list[str]], line_count: int, budget: int | None
    ) -> bool:
        """Bring the spans up to date; False (nothing changed) past ``budget`` lines."""
        spans, safe, (lo, hi), delta = self._spans, self._safe, self._dirty, self._delta
        starts = self._starts()
        # restart at the last block starting above the edit, or at the first one that
        # may have read past its end (it may read the edited lines)
        keep, restart = self._restart()
        # resume candidates: block `resume` starts after an unchanged block
        resume = bisect_left(starts, max(lo, hi - delta)) + 1
        while resume < len(spans):
            if budget is not None and spans[resume][0] + delta - restart > budget:
                return False
            new_spans, new_safe = self._split(read_lines, restart, spans[resume][0] + delta)
            if not all(new_safe[:-1]):
                break  # e.g. a fence left open: what follows depends on lines further on
            before = spans[resume - 1]
            if new_safe[-1] and new_spans[-1:] == [(before[0] + delta, before[1] + delta)]:
                tail = [(start + delta, end + delta) for start, end in spans[resume:]]
                self._set(spans[:keep] + new_spans + tail, safe[:keep] + new_safe + safe[resume:])
                return True
            # twice the lines next time: the lines split stay under 2x the last try
            reach = 2 * spans[resume][0] - restart
            resume = max(resume + 1, bisect_left(starts, reach))
        if budget is not None and line_count - restart > budget:
            return False
        new_spans, new_safe = self._split(read_lines, restart, line_count)
        self._set(spans[:keep] + new_spans, safe[:keep] + new_safe)
        return True

    def _set(self, spans: list[tuple[int, int]], safe: list[bool]) -> None:
        self._spans, self._safe, self._dirty, self._delta = spans, safe, None, 0


def split_spans(lines: list[str], first: int = 0) -> tuple[list[tuple[int, int]], list[bool]]:
    """The block spans (lines, offset by ``first``) of ``lines`` and whether each block is
    self-contained: what BlockMap keeps. Plain Python, so a thread may run it."""
    blocks = split_blocks("\n".join(lines))
    spans = [(first + b.start_line, first + b.end_line) for b in blocks]
    return spans, [self_contained(b.text) for b in blocks]


def self_contained(block_text: str) -> bool:
    """Whether ``split_blocks`` found this block's end without reading past it.

    Mirrors its walk over the block's lines: each fence or HTML block must have been read
    whole inside the block (an unclosed fence is no fence until a later line closes it, an
    unclosed element runs to the end of the text), a failed HTML start must have failed on
    the block's own characters, and no quoted attribute value, comment or instruction may
    be left open (the HTML parser would look for its end further on).
    """
    known = _SELF_CONTAINED.get(block_text)
    if known is None:
        if len(_SELF_CONTAINED) >= _SELF_CONTAINED_LIMIT:
            _SELF_CONTAINED.clear()
        known = _SELF_CONTAINED[block_text] = _walk_is_local(block_text)
    return known


def _walk_is_local(block_text: str) -> bool:
    text = block_text + "\n"
    if not read_locally(text):
        return False
    lines = block_text.split("\n")
    offset = index = 0
    while index < len(lines):
        line = lines[index]
        if CONSTRUCT_START.match(line) and not SIMPLE_ELEMENT.match(line):
            end, html_only = construct_chain_end(text, offset)
            if end is not None and html_only and end >= len(text):
                return False  # an element left open runs to the end of the text
            if not _stops_locally(text, offset if end is None else end):
                return False
            if end is not None:
                after = text.count("\n", 0, end - 1) + 1  # the line after the construct
                offset += sum(len(skipped) + 1 for skipped in lines[index:after])
                index = after
                continue
        offset += len(line) + 1
        index += 1
    return True


def _stops_locally(text: str, position: int) -> bool:
    """Whether the construct walk that stopped at ``position`` (the end of a construct,
    or a construct start that did not parse) would stop there whatever follows the text."""
    if _LINE_REST_BLANK.match(text, position):
        return True  # the construct ended its line
    if FENCED_CODEBLOCK_START.match(text, position):
        return False  # a fence without its closing line (yet)
    start = _HTML_BLOCK_START.match(text, position)
    if start is None:
        return True
    # A start tag that did not parse may still parse with more text, unless the parser met
    # a "<" or ">" outside quotes before the end; past the last quote, none can be inside.
    last_quote = max(text.rfind('"'), text.rfind("'"))
    return _ANGLE.search(text, max(start.end(), last_quote + 1)) is not None
