"""kramdown's span-level parser (GFM flavour), ported from kramdown 2.4 / kramdown-parser-gfm 1.1.

``SpanParser(text, link_defs).parse()`` returns a ``Node`` whose children are what kramdown
builds for a paragraph's (or header's, list item's, table cell's) text. The port keeps
kramdown's algorithm because its quirks are what Jekyll shows: the scanner jumps to the
earliest position where any span parser could start, tries the parsers in kramdown's order,
and otherwise takes one character as text. Each ``_parse_*`` method mirrors
``parse_*`` in lib/kramdown/parser/kramdown/*.rb.

Footnote markers become ``footnote`` nodes, numbered later by kramdown_inline. Not ported
(absent from the posts we render): inline math, span IALs and extensions, abbreviations.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .kramdown_ial import parse_attribute_list, resolve
from .kramdown_tree import (
    BLOCK_ELEMENTS,
    ELEMENTS_WITHOUT_BODY,
    HTML_COMMENT_RE,
    HTML_ENTITY_RE,
    HTML_TAG_CLOSE_RE,
    HTML_TAG_RE,
    KNOWN_ELEMENTS,
    UNAME,
    Node,
    content_model,
    decode_entity,
    parse_html_attributes,
)
from .kramdown_typography import QUOTE_NAMES, TYPOGRAPHIC_RE, TYPOGRAPHIC_SYMS, smart_quotes_at

SP = r"[ \t\r\n\f\v]"  # Ruby's \s
_ACHARS = r"[\w\-_.]"  # [[:alnum:]]-_.
EMPHASIS_START = re.compile(r"\*\*?|__?")
CODESPAN_START = re.compile(r"`+")
AUTOLINK_START = re.compile(rf"<((mailto|https?|ftps?):.+?|{_ACHARS}+?@{_ACHARS}+?)>")
HTML_SPAN_START = re.compile(rf"<({UNAME}|!--|/)")
IAL_SPAN = re.compile(r"\{:((?:\\\}|[^}])+)\}")
FOOTNOTE_MARKER_START = re.compile(r"\[\^([A-Za-z0-9_][A-Za-z0-9_-]*)\]")
LINK_START = re.compile(r"!?\[(?=[^^])")
SMART_QUOTES_START = re.compile(r"""[^\\]?["']""")
LINE_BREAK = re.compile(r"(  |\\\\)(?=\n)")
ESCAPED_CHARS = re.compile(r"""\\([\\.*_+`<>()\[\]{}#!:|"'$=\-~])""")
STRIKETHROUGH = re.compile(r"~~(?![ \t\r\n\f\v]|~).*?[^ \t\r\n\f\v~]~~", re.S)
LINK_BRACKET_STOP_RE = re.compile(r"(\])|!?\[")
LINK_PAREN_STOP_RE = re.compile(r"""(\()|(\))|[ \t\r\n\f\v](?=['"])""")
LINK_INLINE_ID_RE = re.compile(r"[ \t\r\n\f\v]*?\[([^\]]+)?\]")
LINK_INLINE_TITLE_RE = re.compile(r"""[ \t\r\n\f\v]*?(["'])(.+?)\1[ \t\r\n\f\v]*?\)""", re.S)

# (name, span start) in kramdown's order; a parser's own start regex decides at a position.
_ALL_STARTS = [
    ("emphasis", r"\*|_"),
    ("codespan", r"`"),
    ("autolink", r"<"),
    ("span_html", r"<"),
    ("footnote_marker", r"\["),
    ("link", r"!?\["),
    ("smart_quotes", r"""[^\\]?["']"""),
    ("span_extensions", r"\{:"),
    ("html_entity", r"&"),
    ("typographic_syms", r"--|\.\.\.|(?:\\| )?(?:<<|>>)"),
    ("line_break", r"(?:  |\\\\)(?=\n)"),
    ("escaped_chars", r"\\"),
    ("strikethrough", r"~~"),
]
_START_RES = {
    "emphasis": EMPHASIS_START,
    "codespan": CODESPAN_START,
    "autolink": AUTOLINK_START,
    "span_html": HTML_SPAN_START,
    "footnote_marker": FOOTNOTE_MARKER_START,
    "link": LINK_START,
    "smart_quotes": SMART_QUOTES_START,
    "span_extensions": re.compile(r"\{:"),
    "html_entity": HTML_ENTITY_RE,
    "typographic_syms": TYPOGRAPHIC_RE,
    "line_break": LINE_BREAK,
    "escaped_chars": ESCAPED_CHARS,
    "strikethrough": STRIKETHROUGH,
}
ALL_PARSERS = tuple(name for name, _ in _ALL_STARTS)


def _union(names: tuple[str, ...]) -> str:
    return "|".join(start for name, start in _ALL_STARTS if name in names)


_STOP_CACHE: dict[tuple[str, tuple[str, ...]], re.Pattern[str]] = {}


def _used_re(stop: re.Pattern[str] | None, parsers: tuple[str, ...]) -> re.Pattern[str]:
    key = (stop.pattern if stop else "", parsers)
    if key not in _STOP_CACHE:
        union = _union(parsers) if stop is None else f"{stop.pattern}|{_union(parsers)}"
        flags = stop.flags & re.I if stop is not None else 0
        _STOP_CACHE[key] = re.compile(f"(?={union})", flags | re.S)
    return _STOP_CACHE[key]


MAX_STEPS_PER_CHAR = 40


class SpanParseTooCostly(Exception):
    """Raised when pathological input (thousands of unclosed ``[``) would take too long."""


def normalize_link_id(link_id: str) -> str:
    return re.sub(r"[ \t\r\n\f\v]+", " ", link_id).lower()


class SpanParser:
    """Parse one block's raw text into kramdown span elements."""

    def __init__(
        self,
        text: str,
        link_defs: dict[str, tuple[str, str | None]] | None = None,
        footnotes: dict[str, str] | None = None,
    ):
        self.src = text
        self.footnotes = footnotes or {}
        self.pos = 0
        self.link_defs = link_defs or {}
        self.tree = Node("root")
        self.stack: list[Node] = []
        self._last: re.Match[str] | None = None  # kramdown's @src[n] after check/scan
        # Emphasis that found no closing delimiter from some position will not find one from a
        # later position either: remembering that keeps long paragraphs full of lone "*" or "_"
        # linear instead of quadratic. Key: (delimiter, element, enclosing element types).
        self._failed_emphasis: dict[tuple[str, str, tuple[str, ...]], int] = {}
        self.steps = 0  # loop iterations; see MAX_STEPS_PER_CHAR

    def parse(self) -> Node:
        root = self.tree
        self.parse_spans(root)
        return root

    # --- kramdown's parse_spans ------------------------------------------------------------
    def parse_spans(
        self,
        el: Node,
        stop: re.Pattern[str] | None = None,
        parsers: tuple[str, ...] = ALL_PARSERS,
        accept_stop: Callable[[], bool] | None = None,
    ) -> bool:
        self.stack.append(self.tree)
        self.tree = el
        used = _used_re(stop, parsers)
        found = False
        while self.pos < len(self.src) and not found:
            self.steps += 1
            if self.steps > MAX_STEPS_PER_CHAR * len(self.src) + 1000:
                raise SpanParseTooCostly(len(self.src))
            m = used.search(self.src, self.pos)
            if m is None:
                if stop is None:
                    el.add_text(self.src[self.pos :])
                    self.pos = len(self.src)
                break
            el.add_text(self.src[self.pos : m.start()])
            self.pos = m.start()
            if stop is not None and (sm := stop.match(self.src, self.pos)):
                self._last = sm
                found = accept_stop() if accept_stop else True
            if not found and not self._run_parsers(parsers):
                el.add_text(self.src[self.pos])
                self.pos += 1
        self.tree = self.stack.pop()
        return found

    def _run_parsers(self, parsers: tuple[str, ...]) -> bool:
        for name in parsers:
            m = _START_RES[name].match(self.src, self.pos)
            if m:
                self._last = m
                getattr(self, f"_parse_{name}")(m)
                return True
        return False

    def _in_stack(self, kind: str) -> bool:
        return self.tree.type == kind or any(t.type == kind for t in self.stack)

    def _pre_match(self, start: int) -> str:
        return self.src[max(0, start - 200) : start]

    # --- the span parsers ------------------------------------------------------------------
    def _parse_emphasis(self, m: re.Match[str]) -> None:
        start = self.pos
        result = m.group(0)
        element = "strong" if len(result) == 2 else "em"
        kind = result[0]
        self.pos = m.end()
        after = self.src[self.pos : self.pos + 1]
        if (
            (kind == "_" and re.search(r"[^\W\d_]-?[^\W\d_]*\Z", self._pre_match(start)))
            or (after and after in " \t\r\n\f\v")
            or self._in_stack(element)
        ):
            self.tree.add_text(result)
            return
        found, el, stop = self._sub_emphasis(result, element, kind)
        if not found and element == "strong" and self.tree.type != "em":
            self.pos = start + 1
            found, el, stop = self._sub_emphasis(kind, "em", kind)
        if found:
            self.pos = stop.match(self.src, self.pos).end()
            self.tree.children.append(el)
        else:
            self.pos = start + len(result)
            self.tree.add_text(result)

    def _sub_emphasis(self, delim: str, elem: str, kind: str) -> tuple[bool, Node, re.Pattern]:
        el = Node(elem)
        stop = re.compile(re.escape(delim))
        key = (delim, elem, tuple(t.type for t in (*self.stack, self.tree)))
        if self._failed_emphasis.get(key, len(self.src) + 1) <= self.pos:
            return False, el, stop
        double = re.compile(f"{re.escape(delim * 2)}(?!{re.escape(delim)})")
        alnum_after = re.compile(rf"{re.escape(delim)}[^\W_]")

        def accept() -> bool:
            before = self.src[self.pos - 1 : self.pos]
            return (
                not (before and before in " \t\r\n\f\v")
                and (elem != "em" or not double.match(self.src, self.pos))
                and (kind != "_" or not alnum_after.match(self.src, self.pos))
                and bool(el.children)
            )

        start = self.pos
        found = self.parse_spans(el, stop, accept_stop=accept)
        if not found:
            self._failed_emphasis[key] = min(start, self._failed_emphasis.get(key, start))
        return found, el, stop

    def _parse_codespan(self, m: re.Match[str]) -> None:
        start, result = self.pos, m.group(0)
        self.pos = m.end()
        simple = len(result) == 1
        before = self.src[start - 1 : start]
        after = self.src[self.pos : self.pos + 1]
        if simple and (not before or before in " \t\r\n\f\v") and after and after in " \t\r\n\f\v":
            self.tree.add_text(result)
            return
        end = self.src.find(result, self.pos)
        if end < 0:
            self.tree.add_text(result)
            return
        text = self.src[self.pos : end]
        self.pos = end + len(result)
        if not simple:
            text = text[1:] if text[:1] == " " else text
            text = text[:-1] if text[-1:] == " " else text
        self.tree.children.append(Node("codespan", text))

    def _parse_autolink(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        href = m.group(1) if m.group(2) is not None else f"mailto:{m.group(1)}"
        el = Node("a", attr={"href": href})
        el.add_text(re.sub(r"^mailto:", "", m.group(1)))
        self.tree.children.append(el)

    def _parse_span_html(self, m: re.Match[str]) -> None:
        pos = self.pos
        if comment := HTML_COMMENT_RE.match(self.src, pos):
            self.pos = comment.end()
            self.tree.children.append(Node("xml_comment", comment.group(0)))
        elif close := HTML_TAG_CLOSE_RE.match(self.src, pos):
            self.pos = close.end()
            self.tree.add_text(close.group(0))
        elif tag := HTML_TAG_RE.match(self.src, pos):
            self.pos = tag.end()
            self._span_html_tag(tag)
        else:
            self.tree.add_text(self.src[pos])
            self.pos = pos + 1

    def _span_html_tag(self, tag: re.Match[str]) -> None:
        name = tag.group(1)
        known = name.lower() in KNOWN_ELEMENTS
        if known:
            name = name.lower()
        if name in BLOCK_ELEMENTS:
            self.tree.add_text(tag.group(0))
            return
        attrs = parse_html_attributes(tag.group(2), known)
        attrs = {k: re.sub(r"\n+", " ", v) for k, v in attrs.items()}
        parsing = content_model(name) != "raw" and self.tree.model != "raw"
        el = Node("html_element", name, attrs, model="span" if parsing else "raw")
        el.closed = tag.group(4) is not None
        self.tree.children.append(el)
        if el.closed or name in ELEMENTS_WITHOUT_BODY:
            return
        stop = re.compile(rf"</{re.escape(name)}[ \t\r\n\f\v]*>", re.I if known else 0)
        if self.parse_spans(el, stop, ALL_PARSERS if parsing else ("span_html",)):
            self.pos = stop.match(self.src, self.pos).end()
        else:
            el.add_text(self.src[self.pos :])
            self.pos = len(self.src)

    def _parse_footnote_marker(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        if m.group(1) in self.footnotes:
            self.tree.children.append(Node("footnote", m.group(1)))
        else:
            self.tree.add_text(m.group(0))

    def _parse_link(self, m: re.Match[str]) -> None:
        start, result = self.pos, m.group(0)
        self.pos = m.end()
        cur = self.pos
        kind = "img" if result.startswith("!") else "a"
        if kind == "a" and (self._in_stack("img") or self._in_stack("a")):
            self.tree.add_text(result)
            return
        el = Node(kind)
        count = 1

        def accept() -> bool:
            nonlocal count
            count += -1 if self._last.group(1) else 1
            return count - sum(c.type == "img" for c in el.children) == 0

        if not self.parse_spans(el, LINK_BRACKET_STOP_RE, accept_stop=accept):
            self._revert(start, result)
            return
        alt_text = ESCAPED_CHARS.sub(r"\1", self.src[cur : self.pos])
        self.pos = LINK_BRACKET_STOP_RE.match(self.src, self.pos).end()
        ref = LINK_INLINE_ID_RE.match(self.src, self.pos)
        if ref or self.src[self.pos : self.pos + 1] != "(":
            if ref:
                self.pos = ref.end()
            link_id = normalize_link_id((ref.group(1) if ref else None) or alt_text)
            if link_id in self.link_defs:
                url, title = self.link_defs[link_id]
                self._add_link(el, url, title, alt_text)
            else:
                self._revert(start, result)
            return
        self._inline_link(el, start, result, alt_text)

    def _inline_link(self, el: Node, start: int, result: str, alt_text: str) -> None:
        if angle := re.compile(r"\(<(.*?)>").match(self.src, self.pos):
            self.pos = angle.end()
            url = angle.group(1)
            if self.src[self.pos : self.pos + 1] == ")":
                self.pos += 1
                self._add_link(el, url, None, alt_text)
                return
        else:
            url, brackets = "", 0
            while m := LINK_PAREN_STOP_RE.search(self.src, self.pos):
                url += self.src[self.pos : m.end()]
                self.pos = m.end()
                if m.group(2):
                    brackets -= 1
                    if brackets == 0:
                        break
                elif m.group(1):
                    brackets += 1
                else:
                    break
            url = url[1:-1].strip()
            if brackets == 0:
                self._add_link(el, url, None, alt_text)
                return
        if title := LINK_INLINE_TITLE_RE.match(self.src, self.pos):
            self.pos = title.end()
            self._add_link(el, url, title.group(2), alt_text)
        else:
            self._revert(start, result)

    def _revert(self, start: int, result: str) -> None:
        self.pos = start + len(result)
        self.tree.add_text(result)

    def _add_link(self, el: Node, href: str, title: str | None, alt_text: str) -> None:
        if el.type == "a":
            el.attr["href"] = href
        else:
            el.attr["src"] = href
            el.attr["alt"] = alt_text
            el.children.clear()
        if title is not None:
            el.attr["title"] = title
        self.tree.children.append(el)

    def _parse_smart_quotes(self, _m: re.Match[str]) -> None:
        pieces, self.pos = smart_quotes_at(self.src, self.pos)
        for piece in pieces:
            if piece in QUOTE_NAMES:
                self.tree.children.append(Node("smart_quote", piece))
            else:
                self.tree.add_text(piece[1:])

    def _parse_span_extensions(self, _m: re.Match[str]) -> None:
        """A span IAL after an element gives it attributes; anything else stays text.

        (kramdown's ``{::extension}`` tags are not supported: they stay text.)"""
        ial = IAL_SPAN.match(self.src, self.pos)
        last = self.tree.children[-1] if self.tree.children else None
        if ial and not ial.group(0).startswith(("{::", "{:/")) and last and last.type != "text":
            self.pos = ial.end()
            for key, value in resolve(parse_attribute_list(ial.group(1)), {}).items():
                if key == "class" and last.attr.get("class"):
                    last.attr["class"] = f"{last.attr['class']} {value}"
                else:
                    last.attr[key] = value
        else:
            self.tree.add_text(self.src[self.pos])
            self.pos += 1

    def _parse_html_entity(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        char = decode_entity(m.group(1), m.group(2), m.group(3))
        if char is None:
            self.tree.children.append(Node("entity", "&"))
            self.tree.add_text(m.group(0)[1:])
        else:
            self.tree.children.append(Node("entity", char, {"original": m.group(0)}))

    def _parse_typographic_syms(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        value = TYPOGRAPHIC_SYMS[m.group(0)]
        if value.startswith("&"):
            char = "<" if "lt" in value else ">"
            self.tree.children += [Node("entity", char), Node("entity", char)]
        else:
            self.tree.children.append(Node("typographic_sym", value))

    def _parse_line_break(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        self.tree.children.append(Node("br"))

    def _parse_escaped_chars(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        self.tree.add_text(m.group(1))

    def _parse_strikethrough(self, m: re.Match[str]) -> None:
        self.pos = m.end()
        el = Node("html_element", "del", model="span")
        self.tree.children.append(el)
        inner = SpanParser(m.group(0)[2:-2], self.link_defs, self.footnotes)
        inner.tree, inner.stack = el, [*self.stack, self.tree]
        inner.parse_spans(el)
