"""Code blocks as kramdown writes them with Jekyll's rouge highlighter.

Fenced blocks (GFM's rule: up to three spaces, three or more ``` or ~~~, an optional language,
a closing fence of the same kind at least as long) are taken out of the source by the block
HTML preprocessor, which calls ``fenced_code_at``. Indented blocks are left to
Python-Markdown's code block processor; ``RougeCodeTreeprocessor`` rewrites its
``<pre><code>`` into rouge's wrapper, with kramdown's default language ``plaintext``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

from ..highlight import escape_code, highlight_block

_S = r"[ \t\r\n\f\v]"
FENCED_CODEBLOCK_MATCH = re.compile(
    rf"[ ]{{0,3}}(([~`]){{3,}}){_S}*?(([^ \t\r\n\f\v]+?)(?:\?[^ \t\r\n\f\v]*)?)?{_S}*?\n"
    rf"(.*?)^[ ]{{0,3}}\1\2*{_S}*?\n",
    re.S | re.M,
)
FENCED_CODEBLOCK_START = re.compile(r"[ ]{0,3}[~`]{3,}")
DEFAULT_LANGUAGE = "plaintext"


def render_code_block(code: str, language: str | None) -> str:
    """kramdown's convert_codeblock with rouge: the wrapper div, or a bare pre if no lexer."""
    shown = language or DEFAULT_LANGUAGE
    highlighted = highlight_block(code, shown)
    if highlighted is not None:
        return f'<div class="language-{shown} highlighter-rouge">{highlighted}</div>'
    code_class = f' class="language-{language}"' if language else ""
    return f"<pre><code{code_class}>{escape_code(code.rstrip(chr(10)))}\n</code></pre>"


def fenced_code_at(text: str, pos: int) -> tuple[str, int] | None:
    """Render the fenced code block starting at ``pos``; return (html, end) or None."""
    m = FENCED_CODEBLOCK_MATCH.match(text, pos)
    if not m:
        return None
    return render_code_block(m.group(5), m.group(4)), m.end()


class RougeCodeTreeprocessor(Treeprocessor):
    """Turn Python-Markdown's indented code blocks into rouge-wrapped plaintext blocks."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "pre" and len(child) == 1 and child[0].tag == "code":
                    code = _unescape(child[0].text or "").rstrip("\n") + "\n"
                    html = render_code_block(code, None)
                    placeholder = etree.Element("p")
                    placeholder.text = self.md.htmlStash.store(html)
                    placeholder.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, placeholder)


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
