"""kramdown's element tree, its HTML constants and its HTML converter, ported to Python.

Our extensions parse raw HTML and span-level Markdown the way kramdown 2.4 does
(lib/kramdown/parser/html.rb, parser/kramdown/*.rb) into ``Node`` trees, and write them back
the way kramdown's HTML converter does (lib/kramdown/converter/html.rb), with Jekyll 4.3's
options (``entity_output: as_char``, smart quotes ``lsquo,rsquo,ldquo,rdquo``).

Regular expressions follow Ruby's semantics: ``\\s``, ``\\w`` and ``\\d`` are ASCII there, so
they are spelled out as ASCII classes here; ``[[:alpha:]]`` and ``\\p{Word}`` are Unicode.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# --- character classes with Ruby's meaning -------------------------------------------------
SPACE = r"[ \t\r\n\f\v]"  # Ruby \s
NON_SPACE = r"[^ \t\r\n\f\v]"  # Ruby \S
ALPHA_ = r"[^\W\d]"  # [[:alpha:]_] (Unicode)
NAME_CHAR = r"[-\w.]"  # [-[:alnum:]._]
UNAME = rf"(?:{ALPHA_}{NAME_CHAR}*:)?{ALPHA_}{NAME_CHAR}*"  # REXML's UNAME_STR
WORD = r"\w"  # \p{Word} (Unicode; close enough: Python adds a few number forms)

HTML_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
HTML_INSTRUCTION_RE = re.compile(r"<\?(.*?)\?>", re.S)
HTML_ATTRIBUTE_RE = re.compile(
    rf"{SPACE}*({UNAME})(?:{SPACE}*={SPACE}*(?:({WORD}+)|(\"|')(.*?)\3))?", re.S
)
HTML_TAG_RE = re.compile(
    rf"<((?>{UNAME})){SPACE}*((?>(?:{SPACE}+{UNAME}(?:{SPACE}*={SPACE}*(?:{WORD}+|(\"|').*?\3))?)*))"
    rf"{SPACE}*(/)?>",
    re.S,
)
HTML_TAG_CLOSE_RE = re.compile(rf"</({UNAME}){SPACE}*>", re.S)
HTML_ENTITY_RE = re.compile(r"&([A-Za-z0-9_:][\-A-Za-z0-9_.:]*);|&#(\d+);|&#x([0-9a-fA-F]+);")
REFERENCE_RE = re.compile(r"&(?:[A-Za-z0-9_:][\-A-Za-z0-9_.:]*;|#\d+;|#x[0-9a-fA-F]+;)")

CONTENT_MODEL_BLOCK = frozenset(
    [
        "address",
        "applet",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "fieldset",
        "figure",
        "figcaption",
        "footer",
        "form",
        "header",
        "hgroup",
        "iframe",
        "li",
        "main",
        "map",
        "menu",
        "nav",
        "noscript",
        "object",
        "section",
        "summary",
        "td",
    ]
)
CONTENT_MODEL_SPAN = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "bdo",
        "big",
        "button",
        "cite",
        "caption",
        "del",
        "dfn",
        "dt",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "i",
        "ins",
        "label",
        "legend",
        "optgroup",
        "p",
        "q",
        "rb",
        "rbc",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "select",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "th",
        "tt",
    ]
)
CONTENT_MODEL_RAW = frozenset(
    ["script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"]
)
SPAN_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "big",
        "bdo",
        "br",
        "button",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "mark",
        "option",
        "q",
        "rb",
        "rbc",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "samp",
        "select",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "tt",
        "u",
        "var",
    ]
)
BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "applet",
        "body",
        "blockquote",
        "caption",
        "col",
        "colgroup",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "head",
        "iframe",
        "legend",
        "menu",
        "li",
        "main",
        "map",
        "nav",
        "ol",
        "optgroup",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
ELEMENTS_WITHOUT_BODY = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "command",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
KNOWN_ELEMENTS = (
    SPAN_ELEMENTS
    | BLOCK_ELEMENTS
    | ELEMENTS_WITHOUT_BODY
    | CONTENT_MODEL_BLOCK
    | CONTENT_MODEL_SPAN
    | CONTENT_MODEL_RAW
)


# a line starting like this ends a paragraph or a quote's lazy lines (kramdown's
# LAZY_END_HTML_START / LAZY_END_HTML_STOP: any tag but span elements and script)
_LAZY_SPAN_NAMES = "|".join(sorted(SPAN_ELEMENTS | {"script"}))
LAZY_END_HTML = (
    rf"<(?>(?!(?:{_LAZY_SPAN_NAMES})\b){UNAME})"
    rf"|</(?!(?:{_LAZY_SPAN_NAMES})\b){UNAME}[ \t\r\n\f\v]*>"
)


def mark_no_block_boundary(md, rest: str) -> None:
    """Note that ``rest`` (a block put back by a processor) follows its block directly.

    kramdown starts a table or a setext header only after a blank line; Python-Markdown
    loses that when a processor splits a block, so such processors record the first line
    of what they put back in ``md.kramdown_no_boundary``.
    """
    if rest and not rest.startswith("\n") and rest.strip():
        md.kramdown_no_boundary.add(rest.split("\n", 1)[0])


def content_model(tag: str) -> str:
    """kramdown's HTML_CONTENT_MODEL: 'block', 'span' or 'raw' (the default)."""
    if tag in CONTENT_MODEL_BLOCK:
        return "block"
    if tag in CONTENT_MODEL_SPAN:
        return "span"
    return "raw"


def parse_html_attributes(text: str, known_tag: bool) -> dict[str, str]:
    """Attributes as kramdown reads them; names lower-cased inside known HTML tags."""
    attrs: dict[str, str] = {}
    for m in HTML_ATTRIBUTE_RE.finditer(text):
        name = m.group(1).lower() if known_tag else m.group(1)
        attrs[name] = m.group(2) if m.group(2) is not None else (m.group(4) or "")
    return attrs


# --- the tree ------------------------------------------------------------------------------
@dataclass
class Node:
    """One kramdown element: ``type`` is kramdown's (:text, :em, :html_element ...)."""

    type: str
    value: str = ""
    attr: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)
    category: str = "span"  # "span" or "block" (html elements and comments)
    model: str = ""  # content model of an html element: "raw", "span" or "block"
    closed: bool = False  # html element written as <x ... />

    def add_text(self, text: str, kind: str = "text") -> None:
        """kramdown's add_text: extend the last child if it has the same type."""
        if not text:
            return
        if self.children and self.children[-1].type == kind:
            self.children[-1].value += text
        else:
            self.children.append(Node(kind, text))


# --- the converter -------------------------------------------------------------------------
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


def decode_entity(name: str | None, dec: str | None, hexa: str | None) -> str | None:
    """The character an entity reference names, or None if kramdown does not know it."""
    if name is not None:
        char = html.unescape(f"&{name};")
        return None if char == f"&{name};" else char
    code = int(dec) if dec is not None else int(hexa or "0", 16)
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return None
