"""Canonical HTML for comparing our output with Jekyll's.

Tags keep their names and attributes (sorted, values entity-decoded), text is entity-decoded
and runs of ASCII white space fold to one space; white space next to a block-level tag is
dropped, since browsers ignore it there. ``&nbsp;`` stays a no-break space: it is visible.
Inside ``<pre>`` text is kept exactly (its lines start with ``│``). Each block-level tag
starts a new line, so a diff of two canonical forms reads like a diff of the documents.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "br",
    ]
)
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")


class _Canonicaliser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr_text = "".join(f' {k}="{v or ""}"' for k, v in sorted(attrs))
        self._tag(tag, f"<{tag}{attr_text}>")
        if tag == "pre":
            self._pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "pre":
            self._pre_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        self._tag(tag, f"</{tag}>")

    def _tag(self, tag: str, text: str) -> None:
        if tag in BLOCK_TAGS and not self._pre_depth:
            self.parts.append("\n" + text + "\n")
        else:
            self.parts.append(text)

    def handle_data(self, data: str) -> None:
        if self._pre_depth:  # kept exactly; "│" marks code lines so they are not stripped
            self.parts.append(data.replace("\n", "\n│"))
        else:
            self.parts.append(_SPACE_RUN.sub(" ", data))

    def handle_comment(self, data: str) -> None:
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.parts.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self.parts.append(f"<?{data}>")


def canonical_html(html: str) -> str:
    """Return ``html`` in canonical form (see the module docstring)."""
    parser = _Canonicaliser()
    parser.feed(html)
    parser.close()
    lines = "".join(parser.parts).split("\n")
    # a line made of spaces next to block tags carries nothing; spaces at line edges neither
    kept = (line if line.startswith("│") else line.strip(" ") for line in lines)
    return "\n".join(line for line in kept if line)


def heading_ids(html: str) -> list[str]:
    """The ``id`` of every h1-h6, in document order."""
    return re.findall(r"<h[1-6][^>]*?\sid=\"([^\"]*)\"", canonical_html(html))
