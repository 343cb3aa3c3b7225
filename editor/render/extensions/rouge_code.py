"""Code blocks as kramdown writes them with Jekyll's rouge highlighter.

Fenced blocks (GFM's rule: up to three spaces, three or more ``` or ~~~, an optional language,
a closing fence of the same kind at least as long) are parsed by ``FencedCodeProcessor`` in
the block parser, so a fence inside a list item gets the item's indentation removed, as in
kramdown. Before that, the source preprocessor calls ``protect_fence`` on each fence: tabs and
white-space-only lines inside would otherwise be expanded or emptied by Python-Markdown's
whitespace normalisation; sentinels keep them until ``restore_fence`` puts them back.
Indented blocks are read by ``KramdownCodeBlockProcessor`` and get rouge's wrapper with
kramdown's default language ``plaintext``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.postprocessors import Postprocessor

from ..highlight import escape_code, highlight_block
from .kramdown_tree import LAZY_END_HTML, mark_no_block_boundary

_S = r"[ \t\r\n\f\v]"
FENCED_CODEBLOCK_MATCH = re.compile(
    rf"[ ]{{0,3}}(([~`]){{3,}}){_S}*?(([^ \t\r\n\f\v]+?)(?:\?[^ \t\r\n\f\v]*)?)?{_S}*?\n"
    rf"(.*?)^[ ]{{0,3}}\1\2*{_S}*?\n",
    re.S | re.M,
)
FENCED_CODEBLOCK_START = re.compile(r"[ ]{0,3}[~`]{3,}")
DEFAULT_LANGUAGE = "plaintext"


def render_code_block(code: str, language: str | None) -> str:
    """kramdown's convert_codeblock with rouge: the wrapper div, or a bare pre if no lexer."""
    shown = language or DEFAULT_LANGUAGE
    highlighted = highlight_block(code, shown)
    if highlighted is not None:
        return f'<div class="language-{shown} highlighter-rouge">{highlighted}</div>'
    code_class = f' class="language-{language}"' if language else ""
    return f"<pre><code{code_class}>{escape_code(code.rstrip(chr(10)))}\n</code></pre>"


TAB_SENTINEL = "\ue000"
KEEP_LINE_SENTINEL = "\ue001"  # ends a white-space-only line so it is not blank
_WHITESPACE_LINE = re.compile(r"^([ \t]+)$", re.M)


def protect_fence(text: str, pos: int) -> tuple[str, int] | None:
    """The fenced code block at ``pos`` with its tabs and blank-looking lines protected."""
    m = FENCED_CODEBLOCK_MATCH.match(text, pos)
    if not m:
        return None
    fence = _WHITESPACE_LINE.sub(lambda w: w.group(1) + KEEP_LINE_SENTINEL, m.group(0))
    return fence.replace("\t", TAB_SENTINEL), m.end()


def restore_fence(text: str) -> str:
    return text.replace(KEEP_LINE_SENTINEL, "").replace(TAB_SENTINEL, "\t")


class FencedCodeProcessor(BlockProcessor):
    """A fenced code block starting this block (it may run over the following blocks)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return FENCED_CODEBLOCK_START.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        text = "\n\n".join(blocks) + "\n"
        m = FENCED_CODEBLOCK_MATCH.match(text)
        if not m:  # no closing fence: kramdown reads the line as paragraph text
            from .kramdown_blocks import add_paragraph_until_block_start

            add_paragraph_until_block_start(self.parser.md, parent, blocks)
            return
        html = render_code_block(restore_fence(m.group(5)), m.group(4))
        etree.SubElement(parent, "p").text = self.parser.md.htmlStash.store(html)
        rest = text[m.end() :]
        blocks[:] = rest.rstrip("\n").split("\n\n") if rest.strip() else []
        mark_no_block_boundary(self.parser.md, blocks)


class FenceSentinelPostprocessor(Postprocessor):
    """Drop sentinels left where no fence processor took the block (e.g. inside quotes)."""

    def run(self, text: str) -> str:
        return restore_fence(text)


_INDENT = re.compile(r"(?:\t| {4})")
_LINE_INDENT = re.compile(r"^(?:\t| {4})", re.M)
_LAZY_TAG_LINE = re.compile(
    rf"[ ]{{0,3}}(?:{LAZY_END_HTML}|\{{:(?!:|/)(?:\\\}}|[^}}])+\}}[ \t]*$)"
)  # a tag or a block IAL line ends an indented code block's lazy lines


def _code_lines(block: str) -> tuple[list[str], list[str]]:
    """kramdown's CODEBLOCK_MATCH within one block: indented lines and the lazy lines after
    them, up to a line that starts with an HTML tag; returns (code lines, the rest)."""
    lines = block.split("\n")
    for index, line in enumerate(lines[1:], 1):
        if not _INDENT.match(line) and _LAZY_TAG_LINE.match(line):
            return lines[:index], lines[index:]
    return lines, []


class KramdownCodeBlockProcessor(BlockProcessor):
    """Indented code as kramdown reads it, in rouge's plaintext wrapper.

    Unlike Python-Markdown, kramdown lets unindented lines continue an indented code block
    lazily (joined to the line before with a space) and removes one indent per line.
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        return _INDENT.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        code, rest = _code_lines(blocks.pop(0))
        data = "\n".join(code) + "\n"
        while not rest and blocks and _INDENT.match(blocks[0]):
            more, rest = _code_lines(blocks.pop(0))
            data += "\n" + "\n".join(more) + "\n"
        data = re.sub(r"\n( {0,3}\S)", r" \1", data.rstrip("\n") + "\n")
        data = _LINE_INDENT.sub("", data)
        html = render_code_block(data, None)
        etree.SubElement(parent, "p").text = self.parser.md.htmlStash.store(html)
        if rest:
            blocks.insert(0, "\n".join(rest))
            mark_no_block_boundary(self.parser.md, blocks)
