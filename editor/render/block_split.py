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
from editor.render.extensions.rouge_code import FENCED_CODEBLOCK_MATCH, FENCED_CODEBLOCK_START

_FENCE_LIKE = re.compile(r"^ {0,3}(?:>[ >]*)?(?:[*+-]|\d{1,9}[.)])?[ \t]*[~`]{3,}")
# CONSTRUCT_START, SIMPLE_ELEMENT, construct_chain_end and read_locally are public because
# the editor's scroll map (editor/ui/scroll_sync.py) asks them where a block may be split
# again without reading the whole text: both must read constructs the same way.
CONSTRUCT_START = re.compile(r"^ {0,3}[<`~]")
_VALUE_OPENING = re.compile(r"=[ \t\r\n\f\v]*([\"'])")
_LINE_REST_BLANK = re.compile(r"[ \t]*(?:\n|$)")
# One whole element on one line, no nested tags: cannot span lines, whatever it is.
SIMPLE_ELEMENT = re.compile(
    r"^ {0,3}<([A-Za-z][\w:.-]*)(?=[\s/>])"  # the whole tag name: `<p-` is not `<p`
    r"""(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*>[^<>]*</\1\s*>[ \t]*$"""
)
_LIST_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_GLUE_TO_PREVIOUS = re.compile(r"^(?:[ \t]|:[ \t]|\{:)")
_ATTRIBUTE_LINE = re.compile(r"^ {0,3}\{:")
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
        self.lines = text.split("\n")
        # the renderer reads the body with one final line break (kramdown's adapt_source)
        self.text = text if text.endswith("\n") else text + "\n"
        self._offsets: list[int] | None = None

    def offset(self, line_index: int) -> int:
        if self._offsets is None:
            self._offsets = [0, *itertools.accumulate(len(line) + 1 for line in self.lines)]
        return self._offsets[line_index]

    def line_of(self, position: int) -> int:
        self.offset(0)
        return bisect.bisect_right(self._offsets, position) - 1


def _construct_end(source: _Source, index: int) -> int | None:
    """If a fenced code block or an HTML block starts line ``index``, the index after it.

    Found as the renderer's preprocessor finds them (its kramdown fence and raw-HTML
    parser), so both agree on where they end: an unclosed fence is no fence, an unclosed
    HTML element runs to the end, and after an end tag the same line may start another one.
    """
    lines = source.lines
    line = lines[index]
    if not CONSTRUCT_START.match(line):
        return None
    if SIMPLE_ELEMENT.match(line):
        return index + 1  # fast path: `<p data-ke-size="size16">&nbsp;</p>` and the like
    for known in _CONSTRUCTS_SEEN.get(line, ()):
        if tuple(lines[index : index + len(known)]) == known:
            return index + len(known)
    start = source.offset(index)
    end, html_only = construct_chain_end(source.text, start)
    if end is None:
        return None
    after = source.line_of(max(end - 1, start)) + 1
    if html_only and end < len(source.text) - 1 and read_locally(source.text[start:end]):
        _remember_construct(tuple(lines[index:after]))
    return after


def construct_chain_end(text: str, position: int) -> tuple[int | None, bool]:
    """Where the fence or HTML block(s) starting at ``position`` end (None if none does),
    and whether they were HTML blocks only."""
    covered = None
    while position < len(text):
        if FENCED_CODEBLOCK_START.match(text, position):
            fence = FENCED_CODEBLOCK_MATCH.match(text, position)
            return (fence.end() if fence else covered), False  # a fence ends its line
        parser = RawHtmlParser(text, position)
        end = parser.pos if parser.parse_block_start() is not None else None
        if end is None:
            break
        covered = position = end
        if text.startswith("\n", end) or _LINE_REST_BLANK.match(text, end):
            break  # the construct ends its line; else the rest of the line is read again
    return covered, True


def read_locally(html: str) -> bool:
    """Whether parsing ``html`` cannot have looked past its end.

    The raw-HTML parser reads a quoted attribute value up to the next such quote, and a
    comment or instruction up to its end mark, wherever that is; when that lies past the
    block, whether the tag was read as a tag depended on text further on.
    """
    for opening, closing in (("<!--", "-->"), ("<?", "?>")):
        last = html.rfind(opening)
        if last >= 0 and html.find(closing, last + len(opening)) < 0:
            return False
    return all(html.find(m.group(1), m.end()) >= 0 for m in _VALUE_OPENING.finditer(html))


# Where an HTML block ends depends only on its own lines when it was read locally (above):
# the same lines end at the same place. Re-parsing every HTML table of a long post on each
# keystroke would cost more than all the rest.
_CONSTRUCTS_SEEN: dict[str, list[tuple[str, ...]]] = {}
_CONSTRUCTS_LIMIT = 4096


def _remember_construct(block_lines: tuple[str, ...]) -> None:
    if len(_CONSTRUCTS_SEEN) >= _CONSTRUCTS_LIMIT:
        _CONSTRUCTS_SEEN.clear()
    known = _CONSTRUCTS_SEEN.setdefault(block_lines[0], [])
    if block_lines not in known:
        known.insert(0, block_lines)
        del known[8:]  # a few variants of one first line: the ones being edited now


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


@dataclass
class _Group:
    """Chunks glued into one block."""

    start: int
    end: int
    has_list: bool = False  # known to hold a list item line (computed when first needed)


def _glues(lines: list[str], group: _Group, chunk_start: int) -> bool:
    """Whether a full render would continue the previous block with the chunk at
    ``chunk_start``: an indented or `:` or `{:` line, a list item after a list (which may
    start inside a paragraph chunk), a quote after a quote, anything after a kramdown
    `{: ...}` line (it applies to the block after it as well)."""
    first = lines[chunk_start]
    if _GLUE_TO_PREVIOUS.match(first) or _ATTRIBUTE_LINE.match(lines[group.end - 1]):
        return True
    if _LIST_ITEM.match(first):
        group.has_list = group.has_list or any(
            _LIST_ITEM.match(line) for line in lines[group.start : group.end]
        )
        return group.has_list
    if _QUOTE.match(first):
        return any(_QUOTE.match(line) for line in lines[group.start : group.end])
    return False


def _group_chunks(lines: list[str], chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    groups: list[_Group] = []
    for start, end in chunks:
        if groups and _glues(lines, groups[-1], start):
            groups[-1].end = end
        else:
            groups.append(_Group(start, end))
    return [(group.start, group.end) for group in groups]


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


def fence_in_container(blocks: list[SourceBlock]) -> bool:
    """Whether a list or quote block holds a fence with a blank line after its opening.

    Inside a list item the renderer reads fence lines as the item's text, so a blank line
    in the fence ends the list there, and the fence's closing line then opens a new fence
    that runs over the following blocks. Splitting cannot follow that: render it whole.
    """
    for block in blocks:
        first = block.text.partition("\n")[0]
        if "\n" not in block.text or not (_LIST_ITEM.match(first) or _QUOTE.match(first)):
            continue
        lines = block.text.split("\n")
        fences = [i for i, line in enumerate(lines) if _FENCE_LIKE.match(line)]
        if fences and any(_is_blank(line) for line in lines[fences[0] :]):
            return True
    return False
