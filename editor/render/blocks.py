"""Split a rendered fragment into top-level blocks, so the preview can patch them in place.

Each block-level element at the top of the fragment becomes one block; a run of text and
inline elements between them (raw HTML posts have those) becomes one block too, so that
wrapping it in a <div> does not break a line into pieces. White space between blocks is
dropped. The parser tolerates unbalanced markup: an end tag closes what it matches, and a
stray end tag is kept as text of the current block.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements that start a new line on their own (HTML's flow content that is not phrasing).
BLOCK_ELEMENTS = _names(
    """
    address article aside blockquote center details dialog dd div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section
    summary table ul script style noscript template iframe object embed video audio canvas
    """
)
VOID_ELEMENTS = _names("area base br col embed hr img input link meta param source track wbr")
# A block start inside an open <p> closes the <p>, as browsers do.
_CLOSES_PARAGRAPH = BLOCK_ELEMENTS - {"script", "style", "template", "noscript"}


@dataclass
class _Node:
    start: int
    end: int
    is_block: bool


class _TopLevelScanner(HTMLParser):
    """Records the source span of every top-level node."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.nodes: list[_Node] = []
        self._stack: list[str] = []
        self._line_offsets = _line_offsets(source)
        self._top_start = 0
        self._top_is_block = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_offsets[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if self._stack == ["p"] and tag in _CLOSES_PARAGRAPH:
            self._close_top(start)
        if not self._stack:
            self._top_start = start
            self._top_is_block = tag in BLOCK_ELEMENTS
        if tag in VOID_ELEMENTS:
            if not self._stack:
                self._close_top(end)
            return
        self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        if not self._stack:
            self.nodes.append(_Node(start, end, tag in BLOCK_ELEMENTS))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return  # stray end tag: it stays inside whatever span surrounds it
        while self._stack and self._stack.pop() != tag:
            pass
        if not self._stack:
            start = self._offset()
            end = self.source.find(">", start) + 1 or len(self.source)
            self._close_top(end)

    def _close_top(self, end: int) -> None:
        self._stack.clear()
        self.nodes.append(_Node(self._top_start, end, self._top_is_block))

    def finish(self) -> list[_Node]:
        self.close()
        if self._stack:  # unclosed element: it runs to the end of the fragment
            self._close_top(len(self.source))
        return self.nodes


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for index, char in enumerate(text):
        if char == "\n":
            offsets.append(index + 1)
    return offsets


def split_blocks(fragment: str) -> list[str]:
    """The fragment's top-level blocks, each as its own HTML string, in order.

    Expects balanced markup (what sanitize_html returns): a stray end tag inside a block
    would close the block's container in the browser.
    """
    scanner = _TopLevelScanner(fragment)
    scanner.feed(fragment)
    blocks: list[str] = []
    run_start = 0  # text and inline elements since the last block element
    for node in scanner.finish():
        if node.is_block:
            _add_inline_run(blocks, fragment[run_start : node.start])
            blocks.append(fragment[node.start : node.end])
            run_start = node.end
    _add_inline_run(blocks, fragment[run_start:])
    return blocks


def _add_inline_run(blocks: list[str], text: str) -> None:
    """A run of inline content becomes a block unless it is only white space."""
    if text.strip():
        blocks.append(text.strip())


def wrap_blocks(fragment: str) -> str:
    """Put each top-level block in its own `<div class="pe-block" data-block="N">`."""
    return "".join(
        block_container(index, block) for index, block in enumerate(split_blocks(fragment))
    )


def block_container(index: int, block_html: str) -> str:
    """One block's container; the page script builds the same markup when it patches."""
    return f'<div class="pe-block" data-block="{index}">{block_html}</div>\n'
