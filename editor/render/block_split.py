"""Split a post body into top-level Markdown blocks that render independently.

A split point is only placed where a full render would also start a fresh top-level block:
on blank lines, outside fenced code and raw HTML blocks, and never before a chunk that the
renderer would glue to the previous one (list items, indented continuations, ``>`` quotes,
definition-list ``:`` lines, kramdown ``{:`` attribute lines). When in doubt the splitter
merges: a merged block only costs speed, a wrong split costs correctness. An unclosed fence
or block-level HTML tag therefore runs to the end of the document.

Reference, abbreviation and footnote definitions act on the whole document; they are
collected separately (``collect_definitions``) so blocks can be rendered with them in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


# Block-level tags of Python-Markdown and kramdown together: more tags only merge more.
def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


BLOCK_HTML_TAGS = _names(
    "address article aside audio blockquote body canvas center colgroup dd del details dialog "
    "dir div dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header "
    "hgroup hr html iframe ins legend li main map math menu nav noscript object ol option output "
    "p pre progress script section style summary table tbody td textarea tfoot th thead title tr "
    "ul video"
)
VOID_TAGS = _names("hr br img input meta link area base col embed source track wbr")

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_OPEN = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_COMMENT_OPEN = re.compile(r"^ {0,3}<!--")
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

    def context_text(self) -> str:
        """Markdown that defines the same references and abbreviations, rendering to nothing."""
        return "\n".join(self.references + self.abbreviations)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_blank(line: str) -> bool:
    return not line.strip()


def _fence_end(lines: list[str], index: int, fence: str) -> int:
    """Index after the closing fence of the fence opened at ``index``; len(lines) if none."""
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for probe in range(index + 1, len(lines)):
        if closing.match(lines[probe]):
            return probe + 1
    return len(lines)


def _html_end(lines: list[str], index: int, tag: str) -> int:
    """Index after the line that closes the block-level ``tag`` opened at ``index``."""
    opening = re.compile(rf"<{tag}(?=[\s/>]|$)", re.IGNORECASE)
    self_closed = re.compile(rf"<{tag}(?=[\s/>])[^<>]*/>", re.IGNORECASE)
    closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
    depth = 0
    for probe in range(index, len(lines)):
        line = lines[probe]
        depth += len(opening.findall(line)) - len(self_closed.findall(line))
        depth -= len(closing.findall(line))
        if depth <= 0:
            return probe + 1
    return len(lines)


def _comment_end(lines: list[str], index: int) -> int:
    first = lines[index].split("<!--", 1)[1]
    if "-->" in first:
        return index + 1
    for probe in range(index + 1, len(lines)):
        if "-->" in lines[probe]:
            return probe + 1
    return len(lines)


def _construct_end(lines: list[str], index: int) -> int | None:
    """If a multi-line construct (fence, HTML block, comment) opens here, the index after it."""
    line = lines[index]
    fence = _FENCE_OPEN.match(line)
    if fence:
        return _fence_end(lines, index, fence.group(1))
    if _COMMENT_OPEN.match(line):
        return _comment_end(lines, index)
    html = _HTML_OPEN.match(line)
    if html:
        tag = html.group(1).lower()
        if tag in BLOCK_HTML_TAGS and tag not in VOID_TAGS:
            return _html_end(lines, index, tag)
    return None


def _chunk_end(lines: list[str], index: int) -> int:
    """Index after the chunk starting at ``index``: up to a blank line outside constructs."""
    while index < len(lines) and not _is_blank(lines[index]):
        after = _construct_end(lines, index)
        index = after if after is not None else index + 1
    return index


def _chunks(lines: list[str]) -> list[tuple[int, int]]:
    chunks = []
    index = 0
    while index < len(lines):
        if _is_blank(lines[index]):
            index += 1
            continue
        end = _chunk_end(lines, index)
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
    lines = normalise_newlines(text).split("\n")
    return [
        SourceBlock(start, end, "\n".join(lines[start:end]))
        for start, end in _group_chunks(lines, _chunks(lines))
    ]


def _outside_code_lines(block: SourceBlock) -> list[str]:
    """The block's lines that are not inside fenced code, indented code or HTML blocks."""
    lines = block.text.split("\n")
    kept = []
    index = 0
    while index < len(lines):
        after = _construct_end(lines, index)
        if after is not None:
            index = after
            continue
        if not lines[index].startswith(("    ", "\t")):
            kept.append(lines[index])
        index += 1
    return kept


def collect_definitions(blocks: list[SourceBlock]) -> Definitions:
    """Reference, abbreviation and footnote definitions of the whole document, in order."""
    references: list[str] = []
    abbreviations: list[str] = []
    has_footnotes = False
    for block in blocks:
        if "]:" not in block.text:
            continue  # cheap skip: every definition has "]:"
        for line in _outside_code_lines(block):
            if _FOOTNOTE_DEF.match(line):
                has_footnotes = True
            elif _ABBREVIATION_DEF.match(line):
                abbreviations.append(line.strip())
            elif _REFERENCE_DEF.match(line):
                references.append(re.sub(r"^ {0,3}(?:> ?)*", "", line).strip())
    return Definitions(tuple(references), tuple(abbreviations), has_footnotes)
