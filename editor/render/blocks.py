"""Split a rendered fragment into top-level blocks, so the preview can patch them in place.

Each block-level element at the top of the fragment becomes one block; a run of text and
inline elements between them (raw HTML posts have those) becomes one block too, so that
wrapping it in a <div> does not break a line into pieces. White space between blocks is
dropped. The parser tolerates unbalanced markup: an end tag closes what it matches, and a
stray end tag is kept as text of the current block.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass


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


# A tag, a comment, or a doctype; attribute values may hold ">" inside quotes.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<![^>]*>|<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
_RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp"))
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")

# Decides whether a top-level block element is a transparent wrapper (its children become
# blocks of their own): called with the tag name and its attributes.
Unwrap = Callable[[str, dict[str, str]], bool]


@dataclass
class _Node:
    start: int
    end: int
    is_block: bool
    inner_start: int = 0  # where the element's content starts and ends
    inner_end: int = 0
    tag: str = ""
    attributes: str = ""


def _scan_top_level(source: str) -> list[_Node]:
    """The source span of every top-level element, with HTML's implied closings."""
    nodes: list[_Node] = []
    stack: list[str] = []
    top: _Node | None = None
    position = 0
    while True:
        match = _TOKEN.search(source, position)
        if match is None:
            break
        position = match.end()
        closing, name, attributes = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not name:
            continue  # comment or doctype: part of the surrounding span
        if closing:
            if name not in stack:
                continue  # stray end tag: it stays inside whatever span surrounds it
            while stack.pop() != name:
                pass
            if not stack and top is not None:
                top.end, top.inner_end = match.end(), match.start()
                nodes.append(top)
                top = None
            continue
        if stack == ["p"] and name in _CLOSES_PARAGRAPH and top is not None:
            top.end = top.inner_end = match.start()  # a block start closes an open <p>
            nodes.append(top)
            stack, top = [], None
        self_closing = attributes.rstrip().endswith("/") or name in VOID_ELEMENTS
        if not stack:
            top = _Node(match.start(), match.end(), name in BLOCK_ELEMENTS, match.end())
            top.tag, top.attributes = name, attributes
            if self_closing:
                top.inner_end = match.end()
                nodes.append(top)
                top = None
                continue
        if self_closing:
            continue
        stack.append(name)
        if name in _RAW_TEXT:  # its text is not markup: skip to its end tag
            end = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(source, position)
            position = end.start() if end else len(source)
    if top is not None:  # unclosed element: it runs to the end of the fragment
        top.end = top.inner_end = len(source)
        nodes.append(top)
    return nodes


def parse_attributes(text: str) -> dict[str, str]:
    """Attributes of a start tag's attribute text, entities decoded; the first one wins."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text.rstrip("/")):
        value = next((group for group in match.groups()[1:] if group is not None), "")
        found.setdefault(match.group(1).lower(), html.unescape(value))
    return found


def split_blocks(fragment: str, unwrap: Unwrap | None = None) -> list[str]:
    """The fragment's top-level blocks, each as its own HTML string, in order.

    Expects balanced markup (what sanitize_html returns): a stray end tag inside a block
    would close the block's container in the browser. With `unwrap`, a top-level element
    it accepts is left out and its content split instead, when that gives several blocks
    (Tistory wraps whole posts in one styleless <div>: the post would be a single block).
    """
    blocks: list[str] = []
    run_start = 0  # text and inline elements since the last block element
    for node in _scan_top_level(fragment):
        if not node.is_block:
            continue
        _add_inline_run(blocks, fragment[run_start : node.start])
        inner = _unwrapped(fragment, node, unwrap)
        blocks += inner if len(inner) > 1 else [fragment[node.start : node.end]]
        run_start = node.end
    _add_inline_run(blocks, fragment[run_start:])
    return blocks


def _unwrapped(fragment: str, node: _Node, unwrap: Unwrap | None) -> list[str]:
    """The blocks inside a transparent wrapper (worth it only when there are several)."""
    if unwrap is None or not unwrap(node.tag, parse_attributes(node.attributes)):
        return []
    return split_blocks(fragment[node.inner_start : node.inner_end], unwrap)


def _add_inline_run(blocks: list[str], text: str) -> None:
    """A run of inline content becomes a block unless it is only white space."""
    if text.strip():
        blocks.append(text.strip())


def wrap_blocks(fragment: str, unwrap: Unwrap | None = None) -> str:
    """Put each top-level block in its own `<div class="pe-block" data-block="N">`."""
    return "".join(
        block_container(index, block) for index, block in enumerate(split_blocks(fragment, unwrap))
    )


def block_container(index: int, block_html: str) -> str:
    """One block's container; the page script builds the same markup when it patches."""
    return f'<div class="pe-block" data-block="{index}">{block_html}</div>\n'
