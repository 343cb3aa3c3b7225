"""Span-level Markdown and header ids as kramdown (GFM input, Jekyll 4.3 options) makes them.

``KramdownInlineProcessor`` replaces Python-Markdown's inline processing. For every element
whose text the block parser left raw (paragraphs, headers, list items, table cells) it runs
the ported kramdown span parser, numbers footnote references (and lists the footnotes at
the end, kramdown_footnotes), gives headers kramdown-parser-gfm's automatic ids, writes
the spans as kramdown's converter does and parks that HTML behind a marker which
``SpanHtmlPostprocessor`` puts back after Python-Markdown has serialised the tree.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from collections import defaultdict

from markdown import util
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .kramdown_convert import SMART_QUOTE_CHARS, TYPOGRAPHIC_CHARS, to_html
from .kramdown_footnotes import FootnoteState, build_footnotes
from .kramdown_ial import TOC_MARK, TocEntry, toc_html
from .kramdown_spans import SpanParser, SpanParseTooCostly, normalize_link_id
from .kramdown_tree import Node

HEADERS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
MARKER = "\x02kdspan:{}\x03"
_MARKER_RE = re.compile("\x02kdspan:(\\d+)\x03")
_PLACEHOLDER_ONLY = re.compile(f"^{util.STX}wzxhzdk:\\d+{util.ETX}$")


def gfm_header_id(raw_text: str, seen: dict[str, int]) -> str:
    """kramdown-parser-gfm's generate_gfm_header_id.

    Lower-case; drop every character that is not a letter, mark, decimal digit, connector
    punctuation, ``-``, space or tab (Ruby's ``[^\\p{Word}\\- \\t]``); spaces and tabs become
    ``-`` one for one. The n-th repeat of an id gets ``-n``. Korean stays as it is.
    """
    kept = [c for c in raw_text.lower() if c in "- \t" or _is_word(c)]
    result = "".join(kept).replace(" ", "-").replace("\t", "-")
    seen[result] += 1
    return result if seen[result] == 0 else f"{result}-{seen[result]}"


def _is_word(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("Nd", "Pc")


def header_raw_text(node: Node) -> str:
    """kramdown-parser-gfm's update_raw_text: the header's text as the reader sees it."""
    if node.type in ("text", "codespan"):
        return node.value
    if node.type == "entity":
        return node.value
    if node.type == "smart_quote":
        return SMART_QUOTE_CHARS[node.value]
    if node.type == "typographic_sym":
        return {"laquo_space": "« ", "raquo_space": " »"}.get(
            node.value, TYPOGRAPHIC_CHARS[node.value]
        )
    return "".join(header_raw_text(child) for child in node.children)


def spans_to_html(root: Node) -> str:
    """Write the spans, turning GFM's backslash-newline into a line break (hard_wrap: false)."""
    parts = []
    for index, child in enumerate(root.children):
        html = to_html(child, root)
        if child.type == "text" and "\\\n" in child.value:
            last = index == len(root.children) - 1
            html = _gfm_breaks(html, last)
        parts.append(html)
    return "".join(parts)


def _gfm_breaks(html: str, last_in_block: bool) -> str:
    lines = html.split("\\\n")
    if last_in_block and lines[-1] == "":
        return "<br />\n".join(lines[:-1])
    return "<br />\n".join(lines)


def toc_entry_html(tree: Node) -> str:
    """A header's content for its table-of-contents entry: links unwrapped, no footnotes."""

    def clean(nodes: list[Node]) -> list[Node]:
        out: list[Node] = []
        for node in nodes:
            if node.type == "footnote":
                continue
            copy = Node(node.type, node.value, dict(node.attr), clean(node.children))
            copy.category, copy.model, copy.closed = node.category, node.model, node.closed
            out.extend(copy.children if node.type == "a" else [copy])
        return out

    return spans_to_html(Node("root", children=clean(tree.children)))


class KramdownInlineProcessor(Treeprocessor):
    """Parse the raw text of block elements with the kramdown span parser."""

    def __init__(self, md, stash: list[str], footnotes: FootnoteState) -> None:
        super().__init__(md)
        self.stash = stash
        self.footnotes = footnotes

    def run(self, root: etree.Element) -> None:
        self.link_defs = {
            normalize_link_id(key): (url, title) for key, (url, title) in self.md.references.items()
        }
        self.seen_ids: dict[str, int] = defaultdict(lambda: -1)
        self.toc: list[TocEntry] = []
        self._process(root)
        self._replace_toc(root)
        div = build_footnotes(self.md, self.footnotes)
        if div is not None:
            self._process(div)
            for li in div.iter("li"):
                self._add_backlinks(li)
            root.append(div)

    def _process(self, root: etree.Element) -> None:
        for element in root.iter():
            text = element.text
            if not text or isinstance(text, util.AtomicString) or _PLACEHOLDER_ONLY.match(text):
                continue
            # kramdown strips a paragraph's text, but an item's first paragraph that went
            # transparent keeps the "\n" it got when more blocks follow in the item
            keep_newline = element.tag == "li" and len(element) > 0
            source = text.strip() + ("\n" if keep_newline and text.endswith("\n") else "")
            parser = SpanParser(source, self.link_defs, self.footnotes.definitions)
            try:
                tree = parser.parse()
            except SpanParseTooCostly:  # shown as plain text rather than hanging the preview
                tree = Node("root", children=[Node("text", source)])
            if element.tag in HEADERS:
                self._header(element, tree)
            self._number_footnotes(tree)
            element.text = self._park(spans_to_html(tree))

    def _header(self, element: etree.Element, tree: Node) -> None:
        """Give the header its automatic id and list it for a table of contents."""
        if "id" not in element.attrib:
            header_id = gfm_header_id(header_raw_text(tree), self.seen_ids)
            if header_id.strip():  # kramdown writes no empty id attribute
                element.set("id", header_id)
        in_toc = "no_toc" not in (element.get("class") or "").split()
        if element.get("id") and in_toc:
            entry = TocEntry(int(element.tag[1]), element.get("id"), toc_entry_html(tree))
            self.toc.append(entry)

    def _replace_toc(self, root: etree.Element) -> None:
        """The first list marked ``{:toc}`` becomes the table of contents (kramdown)."""
        for parent in root.iter():
            for index, child in enumerate(parent):
                if child.get(TOC_MARK):
                    if not self.toc:  # no headers: kramdown writes nothing
                        parent.remove(child)
                        return
                    holder = etree.Element("p")
                    holder.text = self.md.htmlStash.store(
                        toc_html(self.toc, child.tag, dict(child.attrib))
                    )
                    holder.tail = child.tail
                    parent[index] = holder
                    return

    def _number_footnotes(self, node: Node) -> None:
        for index, child in enumerate(node.children):
            if child.type == "footnote":
                node.children[index] = Node("raw", self.footnotes.reference_html(child.value))
            else:
                self._number_footnotes(child)

    def _add_backlinks(self, li: etree.Element) -> None:
        """kramdown's footnote_content: back links end the last paragraph, or a new one."""
        name = li.get("id", "")[3:]
        parent = li
        while len(parent) and parent[-1].tag not in ("p", *HEADERS):
            parent = parent[-1]
        last = parent[-1] if len(parent) else None
        marker = _MARKER_RE.fullmatch(last.text or "") if last is not None else None
        if marker:
            self.stash[int(marker.group(1))] += "\u00a0" + self.footnotes.backlinks(name)
        else:
            etree.SubElement(li, "p").text = self._park(self.footnotes.backlinks(name))

    def _park(self, html: str) -> str:
        self.stash.append(html)
        return util.AtomicString(MARKER.format(len(self.stash) - 1))


class SpanHtmlPostprocessor(Postprocessor):
    """Put the parked span HTML back in place of its marker."""

    def __init__(self, md, stash: list[str]) -> None:
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        return _MARKER_RE.sub(lambda m: self.stash[int(m.group(1))], text)
