"""Lists as kramdown reads them (parser/kramdown/list.rb), replacing Python-Markdown's.

kramdown differs from Python-Markdown in ways posts show: an item's content column is the
marker's width plus the spaces after it (``- `` is 2, ``1. `` is 3), so two or three spaces
nest a list; a line that is not indented continues the item lazily unless a blank line came
before; a list of the other kind (``1.`` after ``-``) starts a new list; and whether an item's
first paragraph gets its ``<p>`` ("transparent" or not) follows kramdown's own rule; GFM task
items (``- [ ]``, ``- [x]``) get kramdown-parser-gfm's checkboxes and classes. The
processor gathers the whole list from the remaining blocks, block-parses each item's text with
Python-Markdown (so everything else in an item works as usual) and hands the rest back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockprocessors import BlockProcessor

from .kramdown_ial import apply_ial, parse_attribute_list
from .kramdown_tree import LAZY_END_HTML, mark_no_block_boundary

# kramdown's PATTERN_TAIL is /[\t| ].*?\n/: a pipe after the marker starts an item too
LIST_START_UL = re.compile(r"([ ]{0,3}[+*-])([\t| ].*?\n|\n)")
LIST_START_OL = re.compile(r"([ ]{0,3}\d+\.)([\t| ].*?\n|\n)")
LIST_START = re.compile(r"[ ]{0,3}(?:[+*-]|\d+\.)[\t| ]")
LIST_ITEM_IAL = re.compile(r"\s*\{:(?![A-Za-z0-9_][A-Za-z0-9_-]*:|:|/)((?:\\\}|[^}])+)\}\s*")
LIST_ITEM_IAL_CHECK = re.compile(
    r"(?:\s*\{:(?![A-Za-z0-9_][A-Za-z0-9_-]*:|:|/)(?:\\\}|[^}])+\}\s*)?\s*\n"
)
HR_START = re.compile(r"[ ]{0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*\n")
BLANK_LINE = re.compile(r"(?:[ \t]*\ue001?\n)+")  # \ue001: a protected blank line in a fence
_LAZY_HTML = LAZY_END_HTML
_IAL = r"\{:(?!:|/)(?:\\\}|[^}])+\}[ \t]*\n"  # a block IAL line ends an item's lazy lines


@dataclass
class _Item:
    chunks: list[str] = field(default_factory=lambda: [""])
    ial: str | None = None  # "- {: .class} text": attributes for the <li>


def _marker_pattern(kind: str, indentation: int) -> re.Pattern[str]:
    """kramdown's fetch_pattern: a sibling marker may be indented less than the content."""
    spaces = min(max(indentation - 1, 0), 3)
    marker = r"[+*-]" if kind == "ul" else r"\d+\."
    return re.compile(rf"([ ]{{0,{spaces}}}{marker})([\t| ].*?\n|\n)")


def _item_patterns(indentation: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    fours, ones = divmod(indentation, 4)
    content = re.compile(rf"(?:(?: {{4}}){{{fours}}} {{{ones}}}|(?: {{4}}){{{fours + 1}}}).*\S.*\n")
    lazy = re.compile(rf"(?![ ]{{0,{min(indentation, 3)}}}(?:{_LAZY_HTML}|{_IAL})).*\S.*\n")
    indent = re.compile(rf"[ ]{{{indentation}}}")
    return content, lazy, indent


def parse_list_items(text: str) -> tuple[str, list[_Item], int]:
    """Gather one list from ``text``: (kind, items with their chunks, characters consumed)."""
    kind = "ul" if LIST_START_UL.match(text) else "ol"
    start_re = LIST_START_UL if kind == "ul" else LIST_START_OL
    items: list[_Item] = []
    pos, last_blank, nested = 0, False, False
    content_re = lazy_re = indent_re = None
    indentation = 0
    while pos < len(text):
        if last_blank and HR_START.match(text, pos):
            break
        if items and (m := BLANK_LINE.match(text, pos)):
            nested, last_blank = True, True
            items[-1].chunks[-1] += m.group(0)
            pos = m.end()
        elif m := start_re.match(text, pos):
            first = m.group(2)
            if not first.strip() or LIST_ITEM_IAL_CHECK.match(first):
                indentation = 4  # kramdown: an empty first line, or only an IAL, takes four
            else:
                indentation = len(m.group(1)) + len(first) - len(first.lstrip(" "))
            content_re, lazy_re, indent_re = _item_patterns(indentation)
            start_re = _marker_pattern(kind, indentation)
            value = re.sub(r"^[ \t\r\n\f\v]*", "", first)  # kramdown: content.sub!(/^\s*/, "")
            ial = LIST_ITEM_IAL.match(value)
            item = _Item([value[ial.end() :] if ial else value])
            item.ial = ial.group(1) if ial else None
            items.append(item)
            nested, last_blank, pos = bool(LIST_START.match(value)), False, m.end()
        elif items and (
            (m := content_re.match(text, pos))
            or (not last_blank and (m := lazy_re.match(text, pos)))
        ):
            line = m.group(0)
            found = indent_re.match(line)
            line = line[found.end() :] if found else line
            if not nested and found and LIST_START.match(line):
                items[-1].chunks.append("")
                nested = True
            elif nested and not found and LIST_START.match(line):
                line = " " * (indentation + 4) + line
            items[-1].chunks[-1] += line
            last_blank, pos = False, m.end()
        else:
            break
    return kind, items, pos


class KramdownListProcessor(BlockProcessor):
    """Parse a whole kramdown list starting at this block."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(LIST_START.match(block)) and not HR_START.match(block + "\n")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        text = "\n\n".join(blocks) + "\n"
        kind, items, consumed = parse_list_items(text)
        rest = text[consumed:]
        blocks[:] = [b for b in rest.rstrip("\n").split("\n\n")] if rest.strip() else []
        if not text[:consumed].endswith("\n\n"):  # no blank line after the list
            mark_no_block_boundary(self.parser.md, blocks)
        list_el = etree.SubElement(parent, kind)
        earlier_allows = False  # some earlier item starts without a <p>
        is_tasklist = False  # kramdown-parser-gfm: once a task item is seen, later items too
        for index, item in enumerate(items):
            li = etree.SubElement(list_el, "li")
            if item.ial:
                apply_ial(li, parse_attribute_list(item.ial), self.parser.md.kramdown_alds)
            for chunk in item.chunks:
                self.parser.parseChunk(li, chunk.rstrip("\n"))
            last = index == len(items) - 1
            first_is_p = len(li) > 0 and li[0].tag == "p"
            transparent = self._transparent(li, item, last, len(items) == 1 or earlier_allows)
            if transparent:
                self._unwrap_first_paragraph(li)
            earlier_allows = earlier_allows or transparent or not first_is_p
            is_tasklist = _mark_task(li) or is_tasklist
            if is_tasklist:
                li.set("class", "task-list-item")
        if is_tasklist:
            list_el.set("class", "task-list")

    @staticmethod
    def _transparent(li: etree.Element, item: _Item, last: bool, others_allow: bool) -> bool:
        """kramdown's rule for dropping the ``<p>`` of an item's first paragraph."""
        if not len(li) or li[0].tag != "p" or (li.text and li.text.strip()):
            return False
        value = "".join(item.chunks)
        if value.startswith("\n") or _DEFINITION.match(value):
            return False  # kramdown's first child is then a blank line or a definition
        after = _after_first_paragraph(value)
        if after is None:  # the paragraph is all there is
            own = True
        elif after.startswith("blank"):
            own = last and after == "blank-only" and len(li) == 1
        else:
            own = True
        return own and (not last or others_allow)

    @staticmethod
    def _unwrap_first_paragraph(li: etree.Element) -> None:
        p = li[0]
        li.text = (p.text or "").rstrip()
        li.remove(p)
        if len(li):  # kramdown appends "\n" to the text when more blocks follow
            li.text += "\n"


_DEFINITION = re.compile(r"[ ]{0,3}\[[^\n\]]+\]:")  # a footnote or link definition
_UNCHECKED = re.compile(r"\A\s*\[ \]\s+")
_CHECKED = re.compile(r"\A\s*\[x\]\s+", re.I)
_BOX = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"{} />'


def _mark_task(li: etree.Element) -> bool:
    """GFM task items: a leading ``[ ]`` / ``[x]`` becomes a disabled checkbox."""
    holder = (
        li if li.text and li.text.strip() else (li[0] if len(li) and li[0].tag == "p" else None)
    )
    if holder is None or not holder.text:
        return False
    text = _UNCHECKED.sub(_BOX.format(""), holder.text, count=1)
    text = _CHECKED.sub(_BOX.format(' checked="checked"'), text, count=1)
    changed = text != holder.text
    holder.text = text
    return changed


_PARA_END = re.compile(  # kramdown-parser-gfm's PARAGRAPH_END_GFM, roughly
    rf"[ \t]*\n|[ ]{{0,3}}(?:{_LAZY_HTML})|[ ]{{0,3}}(?:[+*-]|\d+\.)[\t| ]|#{{1,6}}[\t ]"
    rf"|[ ]{{0,3}}>|[ ]{{0,3}}[~`]{{3,}}"
)


def _after_first_paragraph(value: str) -> str | None:
    """What follows the item's first paragraph: None, 'blank-only', 'blank-more' or 'block'."""
    lines = value.splitlines(keepends=True)
    index = 1
    while index < len(lines) and not _PARA_END.match(lines[index]):
        index += 1
    if index >= len(lines):
        return None
    if lines[index].strip():
        return "block"
    rest = "".join(lines[index:])
    return "blank-only" if not rest.strip() else "blank-more"
