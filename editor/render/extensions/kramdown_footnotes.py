"""Footnotes as kramdown writes them.

``[^name]: text`` defines a footnote (following lines indented by four spaces or a tab
continue it, blank lines allowed); ``[^name]`` in text marks a reference, numbered in order of
first use. Each reference becomes
``<sup id="fnref:name"><a href="#fn:name" class="footnote" rel="footnote">N</a></sup>``
(repeats get ``fnref:name:1`` ...). Used footnotes are listed at the end in
``<div class="footnotes" role="doc-endnotes"><ol>``, each ending with back links ``&#8617;``.
Definitions nobody references are dropped; a reference without a definition stays text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockprocessors import BlockProcessor

from .kramdown_tree import mark_no_block_boundary

DEFINITION_START = re.compile(r"^[ ]{0,3}\[\^([A-Za-z0-9_][A-Za-z0-9_-]*)\]:[ \t]*(.*)")
INDENT = re.compile(r"^(?:\t| {4})")
BACKLINK = '<a href="#fnref:{0}" class="reversefootnote" role="doc-backlink">&#8617;{1}</a>'


@dataclass
class FootnoteState:
    """Definitions found by the block parser and the numbering made while converting."""

    definitions: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # names in order of first reference
    repeats: dict[str, int] = field(default_factory=dict)

    def reset(self) -> None:
        self.definitions.clear()
        self.order.clear()
        self.repeats.clear()

    def reference_html(self, name: str) -> str:
        """The ``<sup>`` for one reference (kramdown's convert_footnote)."""
        if name in self.repeats:
            self.repeats[name] += 1
            ref_id = f"{name}:{self.repeats[name]}"
        else:
            self.order.append(name)
            self.repeats[name] = 0
            ref_id = name
        number = self.order.index(name) + 1
        return (
            f'<sup id="fnref:{ref_id}" role="doc-noteref">'
            f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>'
        )

    def backlinks(self, name: str) -> str:
        links = [BACKLINK.format(name, "")]
        links += [
            BACKLINK.format(f"{name}:{i}", f"<sup>{i + 1}</sup>")
            for i in range(1, self.repeats[name] + 1)
        ]
        return "\u00a0".join(links)


class FootnoteDefinitionProcessor(BlockProcessor):
    """Take ``[^name]: ...`` definitions out of the flow and remember their Markdown."""

    def __init__(self, parser, state: FootnoteState) -> None:
        super().__init__(parser)
        self.state = state

    def test(self, parent: etree.Element, block: str) -> bool:
        return DEFINITION_START.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        """kramdown: the first line, then indented lines (blank lines between allowed), then
        lazy lines after an indented one; whatever follows is the next block."""
        lines = blocks.pop(0).split("\n")
        m = DEFINITION_START.match(lines[0])
        body, rest, indented = [m.group(2)], 1, False
        while rest < len(lines) and lines[rest].strip():
            if INDENT.match(lines[rest]):
                indented = True
            elif not indented or DEFINITION_START.match(lines[rest]):
                break
            body.append(INDENT.sub("", lines[rest]))
            rest += 1
        if rest < len(lines):
            blocks.insert(0, "\n".join(lines[rest:]))
            mark_no_block_boundary(self.parser.md, blocks)
        else:
            while blocks and INDENT.match(blocks[0]):
                body += ["", *(INDENT.sub("", line) for line in blocks.pop(0).split("\n"))]
        self.state.definitions[m.group(1)] = "\n".join(body)


def build_footnotes(md, state: FootnoteState) -> etree.Element | None:
    """The footnotes ``<div>`` (block-parsed, spans still raw), or None when none was used."""
    if not state.order:
        return None
    div = etree.Element("div", {"class": "footnotes", "role": "doc-endnotes"})
    ol = etree.SubElement(div, "ol")
    for name in state.order:
        li = etree.SubElement(ol, "li", {"id": f"fn:{name}", "role": "doc-endnote"})
        md.parser.parseChunk(li, state.definitions[name])
    return div
