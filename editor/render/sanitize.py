"""What may reach the preview: a Tistory-friendly allowlist on top of nh3 (ammonia).

The body fragment Jekyll publishes is left as written; only the preview page goes through
here. Scripts, event handlers, frames, forms, objects and document-level tags (meta, base,
link, style) are removed; `javascript:`, `file:` and `data:text/html` URLs are dropped; style
attributes keep their colours, backgrounds, sizes and alignment but lose any declaration
that could load something (`url(...)`, `@import`, `expression(...)`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TEXT_TAGS = {
    "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "mark", "kbd",
    "sup", "sub", "small", "big", "abbr", "cite", "q", "code", "samp", "var", "tt",
    "dfn", "time", "font", "wbr", "br", "a", "img", "bdi", "bdo", "ruby", "rt", "rp",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "pre", "hr", "figure", "figcaption", "center", "section", "article",
    "header", "footer", "aside", "nav", "details", "summary", "hgroup",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "input",  # GFM task lists: a disabled checkbox, nothing else (see _FORCED_ATTRIBUTES)
}  # fmt: skip
ALLOWED_TAGS: frozenset[str] = frozenset(_TEXT_TAGS | _BLOCK_TAGS)

# Removed together with everything inside them (not just the tag).
_DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "applet", "noscript", "template",
    "title", "textarea", "select", "option", "button", "frame", "frameset", "noembed",
    "noframes", "xmp", "plaintext", "math", "svg", "canvas", "audio", "video", "head",
}  # fmt: skip

_GLOBAL_ATTRIBUTES = {
    "style", "class", "id", "title", "lang", "dir", "align", "valign", "role", "aria-label",
}  # fmt: skip
_TAG_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "name", "rel", "target", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "width", "height", "bgcolor", "nowrap"},
    "th": {"colspan", "rowspan", "width", "height", "bgcolor", "nowrap", "scope"},
    "table": {"width", "height", "border", "cellpadding", "cellspacing", "bgcolor", "summary"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "ol": {"start", "type", "reversed"},
    "ul": {"type"},
    "li": {"value"},
    "font": {"color", "size", "face"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
    "abbr": set(),
    "hr": {"width", "size", "noshade"},
    "input": {"checked"},
}
# GFM task-list checkboxes are the only inputs a post has; whatever an input claims to be,
# the preview shows a disabled checkbox.
_FORCED_ATTRIBUTES = {"input": {"type": "checkbox", "disabled": "disabled"}}
_URL_SCHEMES = {"http", "https", "mailto", "data"}  # data: is narrowed to images below

# Properties a post may set in a style attribute (what the Tistory editor and pasted
# highlighter tables use). Anything else, e.g. position or behaviour, is dropped.
_STYLE_PROPERTIES = _names(
    """
    color background-color background opacity
    font font-family font-size font-weight font-style font-variant line-height
    letter-spacing word-spacing word-break word-wrap overflow-wrap white-space
    text-align text-decoration text-decoration-line text-decoration-color
    text-decoration-style text-indent text-transform text-shadow vertical-align
    width height min-width max-width min-height max-height
    margin margin-top margin-right margin-bottom margin-left
    padding padding-top padding-right padding-bottom padding-left
    border border-top border-right border-bottom border-left border-color border-style
    border-width border-radius border-collapse border-spacing
    border-top-color border-right-color border-bottom-color border-left-color
    border-top-style border-right-style border-bottom-style border-left-style
    border-top-width border-right-width border-bottom-width border-left-width
    list-style list-style-type table-layout caption-side empty-cells
    display float clear overflow overflow-x overflow-y box-sizing tab-size
    """
)
# A declaration whose value contains any of these could fetch or run something.
_UNSAFE_STYLE_VALUE = re.compile(
    r"url\s*\(|image-set\s*\(|image\s*\(|expression\s*\(|@import|javascript:|\\|<|>"
    r"|-moz-binding|behavior",
    re.IGNORECASE,
)
_DATA_IMAGE = re.compile(r"^\s*data:image/(png|gif|jpe?g|webp|bmp|avif);", re.IGNORECASE)
# Ids the page itself uses; a post must not shadow them.
_RESERVED_ID = re.compile(r"^\s*pe-", re.IGNORECASE)


def sanitize_html(html: str) -> str:
    """Return `html` with everything that could run, load or navigate removed."""
    attributes = {tag: set(names) for tag, names in _TAG_ATTRIBUTES.items()}
    attributes["*"] = set(_GLOBAL_ATTRIBUTES)
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        attributes=attributes,
        attribute_filter=_filter_attribute,
        strip_comments=True,
        link_rel=None,
        generic_attribute_prefixes={"data-"},
        url_schemes=set(_URL_SCHEMES),
        set_tag_attribute_values=_FORCED_ATTRIBUTES,
    )


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3 calls this for each allowed attribute after its URL scheme check."""
    if attribute == "style":
        return sanitize_style(value) or None
    if attribute in ("href", "src", "cite") and value.strip().lower().startswith("data:"):
        # Only pictures may be inline data; data:text/html and friends are documents.
        return value if tag == "img" and attribute == "src" and _DATA_IMAGE.match(value) else None
    if attribute == "id" and _RESERVED_ID.match(value):
        return None
    if attribute == "target":
        return None  # links never open windows from the preview
    return value


@lru_cache(maxsize=4096)  # posts repeat the same few style strings thousands of times
def sanitize_style(style: str) -> str:
    """Keep the allowed declarations of a style attribute, byte for byte; drop the rest."""
    kept = []
    for declaration in _split_declarations(style):
        name, colon, value = declaration.partition(":")
        if not colon or not value.strip():
            continue
        if name.strip().lower() not in _STYLE_PROPERTIES:
            continue
        if _UNSAFE_STYLE_VALUE.search(value):
            continue
        kept.append(declaration.strip())
    if not kept:
        return ""
    ends_with_semicolon = style.rstrip().endswith(";")
    return "; ".join(kept) + (";" if ends_with_semicolon else "")


def _split_declarations(style: str) -> list[str]:
    """Split on semicolons that are outside quotes and parentheses."""
    if not any(char in style for char in "\"'("):
        return [part for part in style.split(";") if part.strip()]
    parts: list[str] = []
    current: list[str] = []
    quote = ""
    depth = 0
    for char in style:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [part for part in parts if part.strip()]
