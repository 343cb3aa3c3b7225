"""Block rules where kramdown's GFM parser differs from Python-Markdown.

- ``KramdownTableProcessor`` (replaces Python-Markdown's ``table``): kramdown's table rule
  (parser/kramdown/table.rb). A block whose every line has an unescaped pipe outside code
  spans is a table -- even a single line, and without a header; a separator line
  (``|---|:-:|``) turns the rows above it into ``<thead>`` and sets the alignment; the table
  needs at least one body row. Empty cells hold a no-break space, as kramdown writes them.
- ``ListInterruptsParagraphProcessor``: in GFM (kramdown's ``paragraph_end`` quirk) a list
  item line, a code fence or an ATX header ends the paragraph above it, no blank line needed;
- ``AtxHeaderProcessor`` (replaces ``hashheader``): GFM's ATX header rule;
- ``KramdownHRProcessor`` and ``KramdownBlockQuoteProcessor``: rules only at a block start,
  quotes not merged across blank lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.blockprocessors import (
    BlockProcessor,
    BlockQuoteProcessor,
    HRProcessor,
    ReferenceProcessor,
    SetextHeaderProcessor,
)

from .kramdown_spans import SpanParser
from .kramdown_tree import (
    LAZY_END_HTML,
    Node,
    follows_block_directly,
    mark_no_block_boundary,
)
from .rouge_code import FENCED_CODEBLOCK_MATCH, FENCED_CODEBLOCK_START

TABLE_LINE = re.compile(r"(?:\||.*?[^\\\n]\|).*")
TABLE_PIPE_CHECK = re.compile(r"(?:\||.*?[^\\\n]\|)")
TABLE_SEP_LINE = re.compile(r"([+|: \t-]*?-[+|: \t-]*?)[ \t]*$")
TABLE_HSEP_ALIGN = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
LIST_START = re.compile(r"^[ ]{0,3}(?:[+*-]|\d+\.)[\t ]", re.M)
PARAGRAPH_END = re.compile(  # GFM's paragraph end, kramdown's block IAL line, an HTML block
    r"^(?:[ ]{0,3}(?:[+*-][\t| ]|\d+\.[\t| ]|[~`]{3,}|>|\{:(?!:|/)(?:\\\}|[^}])+\}[ \t]*$)"
    r"|#{1,6}[\t ]|\x02wzxhzdk:\d+\x03$)",
    re.M,
)
ATX_HEADER = re.compile(r"(#{1,6})[\t ]+(.*)")
HEADER_ID = re.compile(r"[\t ]\{#([A-Za-z_:][-\w.:]*)\}$")
NBSP = "\u00a0"


def split_cells(row: str) -> list[str]:
    """kramdown's row split: on unescaped pipes, not inside code spans or ``<code>`` elements;
    ``\\|`` becomes ``|``."""
    cells: list[str] = []

    def append(text: str) -> None:
        if cells:
            cells[-1] += text
        else:
            cells.append(text)

    for index, part in enumerate(re.split(r"(<code.*?>.*?</code>)", row)):
        if index % 2:
            append(part)
            continue
        root = Node("root")
        SpanParser(part).parse_spans(root, None, ("codespan",))
        for child in root.children:
            if child.type == "codespan":
                delim = max(re.findall(r"`+", child.value), default="") + "`"
                pad = " " if len(delim) > 1 else ""
                append(f"{delim}{pad}{child.value}{pad}{delim}")
            else:
                first, *more = (p.replace("\\|", "|") for p in re.split(r"(?<!\\)\|", child.value))
                append(first)
                cells.extend(more)
    return cells


_IAL_LINE = re.compile(r"[ ]{0,3}\{:(?!:|/)(?:\\\}|[^}])+\}[ \t]*$")


def _until_ial(lines: list[str]) -> list[str]:
    for index, line in enumerate(lines):
        if index and _IAL_LINE.match(line):
            return lines[:index]
    return lines


def _ruby_lines(value: str) -> list[str]:
    """Ruby's ``String#split("\\n")``: trailing empty strings dropped."""
    lines = value.split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def pipe_on_line(text: str) -> bool:
    """kramdown's last table check: an unescaped pipe outside code spans and span HTML."""
    parser = SpanParser(text)
    root = Node("root")
    parser.parse_spans(root, None, ("codespan", "span_html"))
    pipe = False
    for child in root.children:
        if not child.value:
            continue
        lines = _ruby_lines(child.value)
        if child.type == "codespan":
            if len(lines) > 2 or (len(lines) == 2 and not pipe):
                break
            if len(lines) == 2:
                pipe = False
            continue
        if len(lines) > 1 and not pipe and not TABLE_PIPE_CHECK.match(lines[0]):
            break
        pipe = (False if len(lines) > 1 else pipe) or bool(
            lines and TABLE_PIPE_CHECK.match(lines[-1])
        )
    return pipe


def _alignment(separator: str) -> list[str]:
    aligns = []
    for left, right in TABLE_HSEP_ALIGN.findall(separator):
        if not left and not right:
            aligns.append("default")
        elif not right:
            aligns.append("left")
        elif not left:
            aligns.append("right")
        else:
            aligns.append("center")
    return aligns


class KramdownTableProcessor(BlockProcessor):
    """kramdown's table: see the module docstring."""

    def test(self, parent: etree.Element, block: str) -> bool:
        lines = _until_ial(block.rstrip("\n").split("\n"))
        md = self.parser.md
        if follows_block_directly(md, block):
            return False  # kramdown: a table needs blank lines (or nothing) around it
        if lines[0].lstrip(" ").startswith(">"):
            return False  # a quote: kramdown tries quotes first
        if not all(TABLE_LINE.match(line) for line in lines) or not pipe_on_line("\n".join(lines)):
            return False
        sections, _ = self._sections(lines)
        return any(kind == "tbody" for kind, _rows in sections)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        all_lines = blocks.pop(0).rstrip("\n").split("\n")
        lines = _until_ial(all_lines)
        if len(lines) < len(all_lines):  # a block IAL line ends the table and applies to it
            rest = "\n".join(all_lines[len(lines) :])
            blocks.insert(0, rest)
            mark_no_block_boundary(self.parser.md, blocks)
        sections, alignment = self._sections(lines)
        columns = max(len(row) for _kind, rows in sections for row in rows)
        alignment = (alignment + ["default"] * columns)[:columns]
        table = etree.SubElement(parent, "table")
        for kind, rows in sections:
            container = etree.SubElement(table, kind)
            for cells in rows:
                tr = etree.SubElement(container, "tr")
                for index in range(columns):
                    text = cells[index].strip() if index < len(cells) else ""
                    cell = etree.SubElement(tr, "th" if kind == "thead" else "td")
                    if alignment[index] != "default":
                        cell.set("style", f"text-align: {alignment[index]}")
                    cell.text = text if text else util.AtomicString(NBSP)

    @staticmethod
    def _sections(lines: list[str]) -> tuple[list[tuple[str, list[list[str]]]], list[str]]:
        leading_pipe = lines[0].lstrip().startswith("|")
        sections: list[tuple[str, list[list[str]]]] = []
        rows: list[list[str]] = []
        alignment: list[str] = []
        for line in lines:
            sep = TABLE_SEP_LINE.match(line)
            if sep:
                if not rows:
                    continue
                kind = "thead" if not alignment and not sections else "tbody"
                if kind == "thead":
                    alignment = _alignment(sep.group(1))
                sections.append((kind, rows))
                rows = []
                continue
            cells = split_cells(line.rstrip(" \t"))
            if leading_pipe and cells and not cells[0].strip():
                cells.pop(0)
            if cells and not cells[-1].strip():
                cells.pop()
            rows.append(cells)
        if rows:
            sections.append(("tbody", rows))
        return sections, alignment


class ListInterruptsParagraphProcessor(BlockProcessor):
    """Split a paragraph block where a list item, a fence, a quote or an ATX header starts.

    A line that only looks like such a start (a fence never closed, a header with no text)
    does not split: kramdown then joins it to the paragraph above. The part before the split
    is a paragraph whatever it looks like: kramdown tried the other blocks there already.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        first_break = block.find("\n")
        return (
            first_break >= 0
            and not (PARAGRAPH_END.match(block) and _starts_block(block))
            and PARAGRAPH_END.search(block, first_break + 1) is not None
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        add_paragraph_until_block_start(self.parser.md, parent, blocks)


def add_paragraph_until_block_start(md, parent: etree.Element, blocks: list[str]) -> None:
    """Make a paragraph of the first block up to where a real block starts in it."""
    block = blocks.pop(0)
    following = "\n\n".join(blocks)
    pos = block.find("\n") + 1 or len(block)
    while m := PARAGRAPH_END.search(block, pos):
        if _starts_block(block[m.start() :] + "\n\n" + following):
            blocks.insert(0, block[m.start() :])
            mark_no_block_boundary(md, blocks)
            block = block[: m.start()]
            break
        pos = block.find("\n", m.start()) + 1 or len(block)
    etree.SubElement(parent, "p").text = block.strip("\n").lstrip()


def _starts_block(text: str) -> bool:
    if FENCED_CODEBLOCK_START.match(text):
        return FENCED_CODEBLOCK_MATCH.match(text + "\n") is not None
    if m := ATX_HEADER.match(text.split("\n", 1)[0]):
        return bool(AtxHeaderProcessor.header_text(m.group(2))[0])
    return True


class AtxHeaderProcessor(BlockProcessor):
    """kramdown-parser-gfm's ATX header: only at a block's start, ``#`` needs a space after.

    (Python-Markdown's own processor finds headers anywhere in a block, which would pull a
    header out of a list item it lazily belongs to.)
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        m = ATX_HEADER.match(block.split("\n", 1)[0])
        return m is not None and bool(self.header_text(m.group(2))[0])

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        first, _, rest = blocks.pop(0).partition("\n")
        m = ATX_HEADER.match(first)
        text, header_id = self.header_text(m.group(2))
        header = etree.SubElement(parent, f"h{len(m.group(1))}")
        header.text = text
        if header_id:
            header.set("id", header_id)
        if rest:
            blocks.insert(0, rest)
            mark_no_block_boundary(self.parser.md, blocks)

    @staticmethod
    def header_text(contents: str) -> tuple[str, str | None]:
        """The header's text without closing hashes, and its ``{#id}`` if it has one."""
        text = contents.rstrip()
        header_id = None
        if m := HEADER_ID.search(text):
            header_id, text = m.group(1), text[: m.start()].rstrip()
        text = re.sub(r"[\t ]#+$", "", text).rstrip()
        return text, header_id


class KramdownHRProcessor(HRProcessor):
    """A rule only where a block starts: inside a paragraph ``***`` is text (kramdown)."""

    SEARCH_RE = re.compile(r"^[ ]{0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$", re.M)

    def test(self, parent: etree.Element, block: str) -> bool:
        m = self.SEARCH_RE.match(block.split("\n", 1)[0])
        if m:
            self.match = m
        return m is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        rest = blocks[0].partition("\n")[2]
        super().run(parent, blocks)
        if rest.strip():
            mark_no_block_boundary(self.parser.md, blocks)


_HR_LINE = re.compile(r"[ ]{0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$")
_NOT_SETEXT_CONTENT = re.compile(
    r"[ ]{0,3}(?:[ \t]|[+*-][\t| ]|\d+\.[\t| ]|>|[~`]{3,})|#{1,6}[\t ]"
)
_SETEXT_LINE = re.compile(r"[-=][-=]*[ \t\r\f\v]*$")


class KramdownSetextProcessor(SetextHeaderProcessor):
    """kramdown's setext header: only after a blank line, and only where no rule, list item,
    quote, fence or ATX header starts (kramdown tries those first); ``-`` and ``=`` may mix."""

    def test(self, parent: etree.Element, block: str) -> bool:
        lines = block.split("\n")
        return (
            len(lines) >= 2
            and not follows_block_directly(self.parser.md, block)
            and not _HR_LINE.match(lines[0])
            and not _NOT_SETEXT_CONTENT.match(lines[0])
            and _SETEXT_LINE.match(lines[1]) is not None
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        header = etree.SubElement(parent, "h1" if lines[1].startswith("=") else "h2")
        header.text = lines[0].strip()
        if len(lines) > 2:
            rest = "\n".join(lines[2:])
            blocks.insert(0, rest)
            mark_no_block_boundary(self.parser.md, blocks)


_QUOTE_LAZY_END = re.compile(  # kramdown's LAZY_END: a tag or block IAL line ends a quote
    rf"^[ ]{{0,3}}(?:{LAZY_END_HTML})|^[ ]{{0,3}}\{{:(?!:|/)(?:\\\}}|[^}}])+\}}[ \t]*$", re.M
)


class KramdownBlockQuoteProcessor(BlockQuoteProcessor):
    """A quote where a block starts (a ``>`` line inside a paragraph is split off by
    ``ListInterruptsParagraphProcessor`` first, as kramdown ends the paragraph there); a blank
    line ends a quote, so the next ``>`` block is a new ``<blockquote>`` (kramdown)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(re.match(r"[ ]{0,3}>", block))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        m = self.RE.search(block)
        if m:
            self.parser.parseBlocks(parent, [block[: m.start()]])
            block = block[m.start() :]
        end = _QUOTE_LAZY_END.search(block, block.find("\n") + 1 or len(block))
        if end and end.start() > 0:  # an HTML tag line ends the quote's lazy lines
            blocks.insert(0, block[end.start() :])
            mark_no_block_boundary(self.parser.md, blocks)
            block = block[: end.start()]
        block = "\n".join(self.clean(line) for line in block.split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


class BlockStartReferenceProcessor(ReferenceProcessor):
    """Link definitions only where a block starts; inside a paragraph they are text.

    kramdown also takes `[id]: <url with spaces>`; Python-Markdown's pattern stops at the
    first space and leaves the definition (and those after it) as a paragraph.
    """

    RE = re.compile(
        r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?(<[^>\n]*>|[^\s]+)[ ]*(?:\n[ ]*)?"
        r"(([\"\'])(.*)\4[ ]*|\((.*)\)[ ]*)?$",
        re.MULTILINE,
    )

    def test(self, parent: etree.Element, block: str) -> bool:
        return self.RE.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        count = len(blocks)
        handled = super().run(parent, blocks)
        if handled and len(blocks) == count:  # text after the definitions was put back
            mark_no_block_boundary(self.parser.md, blocks)
        return handled
