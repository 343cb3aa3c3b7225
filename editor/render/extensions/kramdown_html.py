"""Block-level HTML as kramdown reads it with ``parse_block_html: false``.

A line that starts (after up to three spaces) with an HTML start tag whose name is not one of
kramdown's span elements, or with an HTML comment, starts an HTML block. The block runs to the
matching end tag -- across blank lines -- and everything inside is "raw": nested tags are
parsed only to find that end, Markdown is left alone, a stray end tag becomes escaped text,
and unclosed tags are closed at the end. kramdown then writes the block back from its tree
(sorted out again here by ``kramdown_tree.to_html``), which is why unbalanced Tistory HTML
comes out balanced.

``KramdownHtmlBlockPreprocessor`` replaces Python-Markdown's ``html_block`` preprocessor: it
swaps each such block for a stash placeholder on a line of its own. It skips fenced code
(protecting it, see rouge_code) and indented code, where kramdown does not look for HTML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from .kramdown_convert import to_html
from .kramdown_tree import (
    ELEMENTS_WITHOUT_BODY,
    HTML_COMMENT_RE,
    HTML_INSTRUCTION_RE,
    HTML_TAG_CLOSE_RE,
    HTML_TAG_RE,
    KNOWN_ELEMENTS,
    SPAN_ELEMENTS,
    UNAME,
    Node,
    mark_no_block_boundary,
    parse_html_attributes,
)
from .rouge_code import FENCED_CODEBLOCK_START, protect_fence

HTML_RAW_START = re.compile(rf"<({UNAME}|/|!--|\?)")
_BLOCK_START = re.compile(r"[ ]{0,3}<")
_TRAILING_WHITESPACE = re.compile(r"[ \t]*\n")
_INDENTED = re.compile(r"(?:\t| {4})")
# lines after which a new block starts: ATX header, rule, setext underline
_ENDS_ITS_BLOCK = re.compile(
    r"#{1,6}[\t ]|[ ]{0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$|[-=]+[ \t]*$"
)


class RawHtmlParser:
    """kramdown's parse_raw_html over ``text``, starting at ``pos``."""

    def __init__(self, text: str, pos: int = 0) -> None:
        self.text = text
        self.pos = pos

    def parse_block_start(self) -> Node | None:
        """Parse one block-level HTML element or comment at ``pos`` (after <=3 spaces)."""
        m = _BLOCK_START.match(self.text, self.pos)
        if not m:
            return None
        start = m.end() - 1
        # kramdown scans a comment right at the line start: an indented one is paragraph text
        comment = HTML_COMMENT_RE.match(self.text, start) if start == self.pos else None
        if comment:
            self.pos = comment.end()
            return Node("xml_comment", comment.group(0), category="block")
        tag = HTML_TAG_RE.match(self.text, start)
        if not tag or tag.group(1).lower() in SPAN_ELEMENTS:
            return None
        self.pos = tag.end()
        holder = Node("root")
        self._start_tag(holder, tag)
        return holder.children[0]

    def _start_tag(self, parent: Node, tag: re.Match[str]) -> None:
        """handle_html_start_tag + handle_kramdown_html_tag for the raw content model."""
        name = tag.group(1)
        known = name.lower() in KNOWN_ELEMENTS
        if known:
            name = name.lower()
        closed = tag.group(4) is not None
        el = Node("html_element", name, parse_html_attributes(tag.group(2), known))
        el.category, el.model, el.closed = "block", "raw", closed
        parent.children.append(el)
        if name in ("script", "style"):
            self._raw_body(el)
            return
        if not closed and name not in ELEMENTS_WITHOUT_BODY:
            self._parse_raw(el)
        elif name in ELEMENTS_WITHOUT_BODY:
            el.closed = True

    def _raw_body(self, el: Node) -> None:
        end = re.compile(rf"</{re.escape(el.value)}[ \t\r\n\f\v]*>", re.I)
        m = end.search(self.text, self.pos)
        stop = m.start() if m else len(self.text)
        el.add_text(self.text[self.pos : stop], "raw")
        self.pos = m.end() if m else len(self.text)

    def _parse_raw(self, el: Node) -> None:
        text = self.text
        while self.pos < len(text):
            m = HTML_RAW_START.search(text, self.pos)
            if not m:
                el.add_text(text[self.pos :])
                self.pos = len(text)
                return
            el.add_text(text[self.pos : m.start()])
            self.pos = m.start()
            if self._one_construct(el):
                return

    def _one_construct(self, el: Node) -> bool:
        """Handle what starts at ``pos``; True when ``el``'s end tag was found."""
        text, pos = self.text, self.pos
        for pattern, kind in ((HTML_COMMENT_RE, "xml_comment"), (HTML_INSTRUCTION_RE, "xml_pi")):
            m = pattern.match(text, pos)
            if m:
                el.children.append(Node(kind, m.group(0), category="block"))
                self.pos = m.end()
                return False
        m = HTML_TAG_RE.match(text, pos)
        if m:
            self.pos = m.end()
            self._start_tag(el, m)
            return False
        m = HTML_TAG_CLOSE_RE.match(text, pos)
        if m:
            self.pos = m.end()
            name = m.group(1).lower() if el.value in KNOWN_ELEMENTS else m.group(1)
            if el.value == name:
                return True
            el.add_text(m.group(0))
            return False
        el.add_text(text[pos])
        self.pos = pos + 1
        return False


class KramdownHtmlBlockPreprocessor(Preprocessor):
    """Stash kramdown-style HTML blocks; leave everything else to the block parser."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines).removesuffix("\n") + "\n"  # kramdown: chomp, then one "\\n"
        out: list[str] = []
        self.md.kramdown_glued.clear()
        lazy_text = False  # the line before was paragraph text
        pos, prev_blank, in_code = 0, True, False
        while pos < len(text):
            eol = text.find("\n", pos)
            eol = len(text) if eol < 0 else eol + 1
            line = text[pos:eol]
            blank = not line.strip()
            if (in_code or prev_blank) and _INDENTED.match(line) and not blank:
                in_code = True
            elif lazy_text and HTML_COMMENT_RE.match(line.lstrip(" ")):
                pass  # a comment does not end a paragraph: it is part of it (kramdown)
            elif (block := self._block_at(text, pos)) is not None:
                lazy_text = False
                out.append(block[0])
                pos, prev_blank, in_code = block[1], False, False
                continue
            else:
                in_code = in_code and blank
            lazy_text = not blank and not _ENDS_ITS_BLOCK.match(line)
            out.append(line)
            pos, prev_blank = eol, blank
        return "".join(out).split("\n")

    def _block_at(self, text: str, pos: int) -> tuple[str, int] | None:
        """A fenced code block (kept, protected) or an HTML block (stashed) at ``pos``."""
        if FENCED_CODEBLOCK_START.match(text, pos):
            return protect_fence(text, pos)
        return self._html_block(text, pos)

    def _html_block(self, text: str, pos: int) -> tuple[str, int] | None:
        parser = RawHtmlParser(text, pos)
        node = parser.parse_block_start()
        if node is None:
            return None
        end = parser.pos
        trailing = _TRAILING_WHITESPACE.match(text, end)
        if trailing:
            end = trailing.end()
        # a line of its own, with no blank lines added: whether a blank line separates it
        # from its neighbours matters to kramdown (StashedBlockProcessor takes it from here)
        placeholder = self.md.htmlStash.store(to_html(node).rstrip("\n"))
        return f"{placeholder}\n", end


class NestedHtmlBlockProcessor(BlockProcessor):
    """Block HTML inside list items and quotes, where the preprocessor does not look.

    Top-level HTML blocks were taken out before block parsing; this one parses the same way
    on the blocks the list or quote processor hands over (their text already de-indented).
    """

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(_BLOCK_START.match(block)) and (
            RawHtmlParser(block + "\n").parse_block_start() is not None
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        text = "\n\n".join(blocks) + "\n"
        parser = RawHtmlParser(text)
        node = parser.parse_block_start()
        end = parser.pos
        if trailing := _TRAILING_WHITESPACE.match(text, end):
            end = trailing.end()
        etree.SubElement(parent, "p").text = self.parser.md.htmlStash.store(
            to_html(node).rstrip("\n")
        )
        rest = text[end:]
        blocks[:] = rest.rstrip("\n").split("\n\n") if rest.strip() else []
        mark_no_block_boundary(self.parser.md, blocks)


PLACEHOLDER_LINE = re.compile(r"\x02wzxhzdk:\d+\x03$")


class StashedBlockProcessor(BlockProcessor):
    """A block starting with a stashed HTML block's placeholder line: the placeholder becomes
    its own paragraph (unwrapped later), what follows is the next block, directly after it."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return PLACEHOLDER_LINE.match(block.split("\n", 1)[0]) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        first, _, rest = blocks.pop(0).partition("\n")
        etree.SubElement(parent, "p").text = first
        if rest:
            blocks.insert(0, rest)
            mark_no_block_boundary(self.parser.md, blocks)
