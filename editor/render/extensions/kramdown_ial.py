"""kramdown's attribute lists (parser/kramdown/extensions.rb) and its table of contents.

- A block IAL, a line ``{: .class #id key="value"}``, gives its attributes to the block just
  above it (no blank line between) or else to the next block.
- A span IAL right after a span element (``![x](/a.png){: width="300"}``) gives them to that
  element; after plain text it stays text (handled in kramdown_spans).
- ``{:name: .class}`` defines an attribute list that IALs can name (``{: name}``).
- A list with the reference ``toc`` (``* TOC`` then ``{:toc}``) is replaced by the table of
  contents, ``<ul id="markdown-toc">``, built from the headers that got ids.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockprocessors import BlockProcessor

from .kramdown_tree import follows_block_directly, mark_no_block_boundary

ALD_ID_NAME = r"[A-Za-z0-9_][A-Za-z0-9_-]*"
_KEY_VALUE = rf"({ALD_ID_NAME})=(\"|')((?:\\\}}|\\\2|[^}}\2])*?)\2"
_CLASS = r"\.([^\s.#]+)"
_ID = r"#([A-Za-z][\w:-]*)"
ALD_TYPE_ANY = re.compile(
    rf"(?:\A|\s)(?:{_KEY_VALUE}|({ALD_ID_NAME})|((?:{_ID}|{_CLASS})+))(?=\s|\Z)"
)
_ID_OR_CLASS = re.compile(rf"{_ID}|{_CLASS}")
IAL_BLOCK_LINE = re.compile(r"[ ]{0,3}\{:(?!:|/)((?:\\\}|[^}])+)\}[ \t]*$")
ALD_LINE = re.compile(rf"[ ]{{0,3}}\{{:({ALD_ID_NAME}):((?:\\\}}|[^}}])+)\}}[ \t]*$")
TOC_MARK = "data-kramdown-toc"


@dataclass
class AttributeList:
    """Attributes in kramdown's order (``class`` accumulates) and references to ALDs."""

    attrs: dict[str, str] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)


def parse_attribute_list(text: str, into: AttributeList | None = None) -> AttributeList:
    """kramdown's parse_attribute_list."""
    result = into or AttributeList()
    if not text.strip() or text.strip() == ":":
        return result
    for m in ALD_TYPE_ANY.finditer(text):
        key, sep, value, ref, ids_classes = (
            m.group(1),
            m.group(2),
            m.group(3),
            m.group(4),
            m.group(5),
        )
        if ref:
            result.refs.append(ref)
        elif ids_classes:
            for id_or_class in _ID_OR_CLASS.finditer(ids_classes):
                if id_or_class.group(2):
                    add_class(result.attrs, id_or_class.group(2))
                else:
                    result.attrs["id"] = id_or_class.group(1)
        else:
            result.attrs[key] = re.sub(rf"\\(\}}|{re.escape(sep)})", r"\1", value)
    return result


def add_class(attrs: dict[str, str], name: str) -> None:
    attrs["class"] = f"{attrs.get('class', '')} {name}".lstrip()


def resolve(ial: AttributeList, alds: dict[str, AttributeList]) -> dict[str, str]:
    """The attributes an IAL sets, its ALD references first (kramdown's update_attr_with_ial)."""
    attrs: dict[str, str] = {}
    for ref in ial.refs:
        if ref in alds:
            _merge(attrs, resolve(alds[ref], alds))
    _merge(attrs, ial.attrs)
    return attrs


def _merge(attrs: dict[str, str], more: dict[str, str]) -> None:
    for key, value in more.items():
        if key == "class":
            add_class(attrs, value)
        else:
            attrs[key] = value


_STASH = re.compile(r"^\x02wzxhzdk:(\d+)\x03$")
_FIRST_TAG = re.compile(r"<([A-Za-z][\w:-]*)([^>]*?)(/?)>")
_ROUGE_CLASS = re.compile(r'class="(language-\S+) highlighter-rouge"')


def add_attributes_to_html(html: str, attrs: dict[str, str]) -> str:
    """Add attributes to the first tag of stashed HTML (an HTML block or a code block)."""
    m = _FIRST_TAG.search(html)
    if not m:
        return html
    tag_attrs = m.group(2)
    for key, value in attrs.items():
        if key == "class":
            rouge = _ROUGE_CLASS.search(tag_attrs)
            if rouge:  # kramdown: language class, then the IAL's, then highlighter-rouge
                new = f'class="{rouge.group(1)} {value} highlighter-rouge"'
                tag_attrs = tag_attrs[: rouge.start()] + new + tag_attrs[rouge.end() :]
                continue
            existing = re.search(r'\sclass="([^"]*)"', tag_attrs)
            if existing:
                value = f"{existing.group(1)} {value}"
        tag_attrs = re.sub(rf'\s{re.escape(key)}="[^"]*"', "", tag_attrs)
        tag_attrs += f' {key}="{value}"'
    return html[: m.start(2)] + tag_attrs + html[m.end(2) :]


def apply_ial(element: etree.Element, ial: AttributeList, alds: dict, md=None) -> None:
    """Give ``element`` the IAL's attributes (into its stashed HTML if it is a placeholder)."""
    stash = _STASH.match(element.text or "") if md is not None and element.tag == "p" else None
    if stash:
        blocks = md.htmlStash.rawHtmlBlocks
        index = int(stash.group(1))
        blocks[index] = add_attributes_to_html(blocks[index], resolve(ial, alds))
        return
    for key, value in resolve(ial, alds).items():
        if key == "class" and element.get("class"):
            element.set("class", f"{element.get('class')} {value}")
        else:
            element.set(key, value)
    if "toc" in ial.refs and element.tag in ("ul", "ol"):
        element.set(TOC_MARK, "1")


class BlockIalProcessor(BlockProcessor):
    """Block IAL and ALD lines: see the module docstring."""

    def test(self, parent: etree.Element, block: str) -> bool:
        first = block.lstrip("\n").split("\n", 1)[0]
        return bool(IAL_BLOCK_LINE.match(first) or ALD_LINE.match(first))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        md = self.parser.md
        block = blocks.pop(0)
        glued = follows_block_directly(md, block) and len(parent) > 0
        after_blank = block.startswith("\n")  # a blank line came before the IAL
        first, _, rest = block.lstrip("\n").partition("\n")
        if m := ALD_LINE.match(first):
            parse_attribute_list(
                m.group(2), md.kramdown_alds.setdefault(m.group(1), AttributeList())
            )
        else:
            ial = parse_attribute_list(IAL_BLOCK_LINE.match(first).group(1))
            if glued:
                apply_ial(parent[-1], ial, md.kramdown_alds, md)
            elif not rest and not len(parent) and not after_blank:
                pass  # kramdown: the blank line after it takes the IAL, which is then lost
            elif rest or blocks:
                count = len(parent)
                self.parser.parseBlocks(parent, [rest, *blocks] if rest else blocks)
                blocks.clear()
                if len(parent) > count:
                    apply_ial(parent[count], ial, md.kramdown_alds, md)
                return
        if rest:
            blocks.insert(0, rest)
            mark_no_block_boundary(md, blocks)


@dataclass
class TocEntry:
    level: int
    header_id: str
    html: str  # the header's content with links unwrapped and footnotes left out


def toc_html(entries: list[TocEntry], tag: str, attrs: dict[str, str]) -> str:
    """kramdown's generate_toc_tree, written out."""
    attrs = {k: v for k, v in attrs.items() if k != TOC_MARK}
    list_id = attrs.setdefault("id", "markdown-toc")
    root: list = []
    stack: list[tuple[int, list]] = []  # (level, children of that entry)
    for entry in entries:
        item = (entry, [])
        while stack and stack[-1][0] >= entry.level:
            stack.pop()
        (stack[-1][1] if stack else root).append(item)
        stack.append((entry.level, item[1]))
    attr_text = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f"<{tag}{attr_text}>{_toc_items(root, tag, list_id)}</{tag}>"


def _toc_items(items: list, tag: str, list_id: str) -> str:
    out = []
    for entry, children in items:
        link = f'<a href="#{entry.header_id}" id="{list_id}-{entry.header_id}">{entry.html}</a>'
        nested = f"<{tag}>{_toc_items(children, tag, list_id)}</{tag}>" if children else ""
        out.append(f"<li>{link}{nested}</li>")
    return "".join(out)
