"""kramdown's element tree and its HTML constants, ported to Python.

Our extensions parse raw HTML and span-level Markdown the way kramdown 2.4 does
(lib/kramdown/parser/html.rb, parser/kramdown/*.rb) into ``Node`` trees; kramdown_convert
writes them back the way kramdown's HTML converter does.

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
# LAZY_END_HTML_START / LAZY_END_HTML_STOP: any tag but span elements and script), and so
# does the placeholder line of a stashed HTML block
_LAZY_SPAN_NAMES = "|".join(sorted(SPAN_ELEMENTS | {"script"}))
LAZY_END_HTML = (
    rf"<(?>(?!(?:{_LAZY_SPAN_NAMES})\b){UNAME})"
    rf"|</(?!(?:{_LAZY_SPAN_NAMES})\b){UNAME}[ \t\r\n\f\v]*>"
    r"|\x02wzxhzdk:\d+\x03"
)


def mark_no_block_boundary(md, blocks: list[str]) -> None:
    """Note that ``blocks[0]``, just put back by a processor, follows its block directly.

    kramdown starts a table or a setext header only after a blank line, and a block IAL
    right under a block belongs to that block; Python-Markdown loses that when a processor
    splits a block, so such processors mark the exact string they put back (by identity:
    equal text elsewhere in the post is not affected).
    """
    if blocks and not blocks[0].startswith("\n") and blocks[0].strip():
        md.kramdown_glued.append(blocks[0])


def follows_block_directly(md, block: str) -> bool:
    """True when no blank line separates ``block`` from the block before it."""
    return any(glued is block for glued in md.kramdown_glued)


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
