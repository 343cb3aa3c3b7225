"""kramdown's HTML converter (lib/kramdown/converter/html.rb) for ``Node`` trees.

With Jekyll 4.3's options: ``entity_output: as_char`` (entities become characters, except
``< > &``), smart quotes ``lsquo,rsquo,ldquo,rdquo``, code spans through rouge
(``language-plaintext highlighter-rouge``).
"""

from __future__ import annotations

import re

from .kramdown_tree import ELEMENTS_WITHOUT_BODY, REFERENCE_RE, Node

_ESCAPE_MAP = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}
_ESCAPE_TEXT_RE = re.compile(rf"{REFERENCE_RE.pattern}|<|>|&")
_ESCAPE_ATTR_RE = re.compile(rf'{REFERENCE_RE.pattern}|<|>|&|"')
_ESCAPE_ALL_RE = re.compile(r"<|>|&")


def escape_text(text: str) -> str:
    """escape_html(text, :text): < > and & that does not start an entity reference."""
    return _ESCAPE_TEXT_RE.sub(lambda m: _ESCAPE_MAP.get(m.group(0), m.group(0)), text)


def escape_all(text: str) -> str:
    return _ESCAPE_ALL_RE.sub(lambda m: _ESCAPE_MAP[m.group(0)], text)


def html_attributes(attrs: dict[str, str]) -> str:
    return "".join(
        f' {k}="{_ESCAPE_ATTR_RE.sub(lambda m: _ESCAPE_MAP.get(m.group(0), m.group(0)), v)}"'
        for k, v in attrs.items()
    )


SMART_QUOTE_CHARS = {"lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d"}
TYPOGRAPHIC_CHARS = {
    "mdash": "\u2014",
    "ndash": "\u2013",
    "hellip": "\u2026",
    "laquo": "\u00ab",
    "raquo": "\u00bb",
    "laquo_space": "\u00ab\u00a0",
    "raquo_space": "\u00a0\u00bb",
}


def entity_to_str(char: str, original: str | None) -> str:
    """entity_output: as_char -- the character, except < > & which keep their source form."""
    if char == '"' or char not in _ESCAPE_MAP:
        return char
    return original or _ESCAPE_MAP[char]


def to_html(node: Node, parent: Node | None = None) -> str:
    """Write ``node`` as kramdown's HTML converter does."""
    return _CONVERTERS[node.type](node, parent)


def inner_html(node: Node) -> str:
    return "".join(to_html(child, node) for child in node.children)


def _in_raw_html(parent: Node | None) -> bool:
    return parent is not None and parent.type == "html_element" and parent.model == "raw"


def _convert_html_element(node: Node, parent: Node | None) -> str:
    res = inner_html(node)
    attrs = html_attributes(node.attr)
    if node.category == "span":
        if not res and node.value in ELEMENTS_WITHOUT_BODY:
            return f"<{node.value}{attrs} />"
        return f"<{node.value}{attrs}>{res}</{node.value}>"
    out = f"<{node.value}{attrs}"
    if node.closed and node.model == "raw":
        out += " />"
    elif res and node.model != "block":
        out += f">{res}</{node.value}>"
    elif res:
        out += f">\n{res.rstrip(chr(10))}\n</{node.value}>"
    elif node.value in ELEMENTS_WITHOUT_BODY:
        out += " />"
    else:
        out += f"></{node.value}>"
    return out if _in_raw_html(parent) else out + "\n"


def _convert_comment(node: Node, parent: Node | None) -> str:
    if node.category == "block" and not _in_raw_html(parent):
        return node.value + "\n"
    return node.value


def _simple(tag: str):
    def convert(node: Node, _parent: Node | None) -> str:
        return f"<{tag}{html_attributes(node.attr)}>{inner_html(node)}</{tag}>"

    return convert


_CONVERTERS = {
    "text": lambda n, _p: escape_text(n.value),
    "raw": lambda n, _p: n.value,
    "html_element": _convert_html_element,
    "xml_comment": _convert_comment,
    "xml_pi": _convert_comment,
    "em": _simple("em"),
    "strong": _simple("strong"),
    "a": _simple("a"),
    "img": lambda n, _p: f"<img{html_attributes(n.attr)} />",
    "br": lambda n, _p: "<br />",
    "codespan": lambda n, _p: (
        f'<code class="language-plaintext highlighter-rouge">{escape_all(n.value)}</code>'
    ),
    "entity": lambda n, _p: entity_to_str(n.value, n.attr.get("original")),
    "smart_quote": lambda n, _p: SMART_QUOTE_CHARS[n.value],
    "typographic_sym": lambda n, _p: TYPOGRAPHIC_CHARS[n.value],
}
