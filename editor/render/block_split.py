"""Split a post body into top-level Markdown blocks that render independently.

A split point is only placed where a full render would also start a fresh top-level block:
on blank lines, outside fenced code and raw HTML blocks, and never before a chunk that the
renderer would glue to the previous one (list items, indented continuations, ``>`` quotes,
definition-list ``:`` lines, kramdown ``{:`` attribute lines). When in doubt the splitter
merges: a merged block only costs speed, a wrong split costs correctness. HTML blocks are
delimited with the renderer's own kramdown raw-HTML parser, so an unclosed tag runs to the
end of the document here as it does there; so does an unclosed fence.

Reference, abbreviation and footnote definitions act on the whole document; they are
collected separately (``collect_definitions``) so blocks can be rendered with them in context.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from editor.render.extensions.kramdown_html import RawHtmlParser

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_START = re.compile(r"^ {0,3}<")
# One whole element on one line, no nested tags: cannot span lines, whatever it is.
_SIMPLE_ELEMENT = re.compile(
    r"""^ {0,3}<([A-Za-z][\w:.-]*)\b(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*>[^<>]*</\1\s*>[ \t]*$"""
)
_LIST_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_GLUE_TO_PREVIOUS = re.compile(r"^(?:[ \t]|:[ \t]|\{:)")
_REFERENCE_DEF = re.compile(r"^ {0,3}(?:> ?)*\[(?!\^)[^\]]+\]:[ \t]*\S")
_ABBREVIATION_DEF = re.compile(r"^ {0,3}\*\[[^\]]+\]:")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}(?:> ?)*\[\^[^\]]+\]:")


@dataclass(frozen=True)
class SourceBlock:
    """Lines ``start_line`` (0-based) up to ``end_line`` (exclusive) of the body."""

    start_line: int
    end_line: int
    text: str


@dataclass(frozen=True)
class Definitions:
    """Document-wide definitions that change how other blocks render."""

    references: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    has_footnotes: bool = False
    uncertain: bool = False  # a definition-like line the renderer may read otherwise

    def context_text(self) -> str:
        """Markdown that defines the same references and abbreviations, rendering to nothing."""
        return "\n".join(self.references + self.abbreviations)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_blank(line: str) -> bool:
    return not line.strip()


class _Source:
    """The body as lines, and as one text with line offsets for the HTML block parser."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self._offsets: list[int] | None = None

    def offset(self, line_index: int) -> int:
        if self._offsets is None:
            self._offsets = [0, *itertools.accumulate(len(line) + 1 for line in self.lines)]
        return self._offsets[line_index]

    def line_of(self, position: int) -> int:
        self.offset(0)
        return bisect.bisect_right(self._offsets, position) - 1


def _fence_end(lines: list[str], index: int, fence: str) -> int:
    """Index after the closing fence of the fence opened at ``index``; len(lines) if none."""
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for probe in range(index + 1, len(lines)):
        if closing.match(lines[probe]):
            return probe + 1
    return len(lines)


def _html_end(source: _Source, index: int) -> int | None:
    """Index after an HTML block starting on line ``index``, found with the renderer's own
    kramdown raw-HTML parser (so both agree on where it ends); None if none starts there."""
    lines = source.lines
    if _SIMPLE_ELEMENT.match(lines[index]):
        return index + 1  # fast path: `<p data-ke-size="size16">&nbsp;</p>` and the like
    for known in _HTML_BLOCKS_SEEN.get(lines[index], ()):
        if tuple(lines[index : index + len(known)]) == known:
            return index + len(known)
    node_parser = RawHtmlParser(source.text, source.offset(index))
    if node_parser.parse_block_start() is None:
        return None
    last_character = max(node_parser.pos - 1, source.offset(index))
    end = source.line_of(last_character) + 1
    _remember_html_block(tuple(lines[index:end]))
    return end


# The parser reads an HTML block left to right and stops at its end tag, so where a block
# ends depends only on its own lines: the same lines end at the same place. Re-parsing
# every HTML table of a long post on each keystroke would cost more than the rest.
_HTML_BLOCKS_SEEN: dict[str, list[tuple[str, ...]]] = {}
_HTML_BLOCKS_LIMIT = 4096


def _remember_html_block(block_lines: tuple[str, ...]) -> None:
    if len(_HTML_BLOCKS_SEEN) >= _HTML_BLOCKS_LIMIT:
        _HTML_BLOCKS_SEEN.clear()
    known = _HTML_BLOCKS_SEEN.setdefault(block_lines[0], [])
    if block_lines not in known:
        known.insert(0, block_lines)
        del known[8:]  # a few variants of one first line: the ones being edited now


def _construct_end(source: _Source, index: int) -> int | None:
    """If a multi-line construct (fence, HTML block) opens here, the index after it."""
    line = source.lines[index]
    fence = _FENCE_OPEN.match(line)
    if fence:
        return _fence_end(source.lines, index, fence.group(1))
    if _HTML_START.match(line):
        return _html_end(source, index)
    return None


def _chunk_end(source: _Source, index: int) -> int:
    """Index after the chunk starting at ``index``: up to a blank line outside constructs."""
    lines = source.lines
    while index < len(lines) and not _is_blank(lines[index]):
        after = _construct_end(source, index)
        index = after if after is not None else index + 1
    return index


def _chunks(source: _Source) -> list[tuple[int, int]]:
    lines = source.lines
    chunks = []
    index = 0
    while index < len(lines):
        if _is_blank(lines[index]):
            index += 1
            continue
        end = _chunk_end(source, index)
        chunks.append((index, end))
        index = end
    return chunks


def _glues(first_line_of_block: str, first_line_of_chunk: str) -> bool:
    """Whether a full render would continue the previous block with this chunk."""
    if _GLUE_TO_PREVIOUS.match(first_line_of_chunk):
        return True
    if _LIST_ITEM.match(first_line_of_block) and _LIST_ITEM.match(first_line_of_chunk):
        return True
    return bool(_QUOTE.match(first_line_of_block) and _QUOTE.match(first_line_of_chunk))


def _group_chunks(lines: list[str], chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    groups: list[list[int]] = []
    for start, end in chunks:
        if groups and _glues(lines[groups[-1][0]], lines[start]):
            groups[-1][1] = end
        else:
            groups.append([start, end])
    return [(start, end) for start, end in groups]


def split_blocks(text: str) -> list[SourceBlock]:
    """The top-level blocks of ``text`` (newlines normalised to ``\\n``), in order."""
    source = _Source(normalise_newlines(text))
    lines = source.lines
    return [
        SourceBlock(start, end, "\n".join(lines[start:end]))
        for start, end in _group_chunks(lines, _chunks(source))
    ]


def _prose_lines(block: SourceBlock) -> list[str]:
    """The block's lines, with fenced code, HTML blocks and indented lines masked as "\0"."""
    source = _Source(block.text)
    lines = source.lines
    kept = []
    index = 0
    while index < len(lines):
        after = _construct_end(source, index)
        if after is not None:
            kept.extend("\0" * (after - index))
            index = after
            continue
        kept.append("\0" if lines[index].startswith(("    ", "\t")) else lines[index])
        index += 1
    return kept


def _paragraph_runs(lines: list[str]) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for line in lines:
        if _is_blank(line):
            runs.append([])
        else:
            runs[-1].append(line)
    return [run for run in runs if run]


def _definition_kind(line: str) -> str | None:
    if _FOOTNOTE_DEF.match(line):
        return "footnote"
    if _ABBREVIATION_DEF.match(line):
        return "abbreviation"
    if _REFERENCE_DEF.match(line):
        return "reference"
    return None


def collect_definitions(blocks: list[SourceBlock]) -> Definitions:
    """Reference, abbreviation and footnote definitions of the whole document, in order.

    Only a run of lines made of definitions alone is trusted to be read as definitions; a
    definition-like line mixed with other lines (it may be a setext heading's text, a
    paragraph's line...) makes the result ``uncertain``.
    """
    found: dict[str, list[str]] = {"footnote": [], "abbreviation": [], "reference": []}
    uncertain = False
    for block in blocks:
        if "]:" not in block.text:
            continue  # cheap skip: every definition has "]:"
        for run in _paragraph_runs(_prose_lines(block)):
            kinds = [_definition_kind(line) for line in run]
            if all(kinds):
                for kind, line in zip(kinds, run, strict=True):
                    found[kind].append(re.sub(r"^ {0,3}(?:> ?)*", "", line).strip())
            elif any(kinds):
                uncertain = True
    return Definitions(
        tuple(found["reference"]), tuple(found["abbreviation"]), bool(found["footnote"]), uncertain
    )
