"""The little of Liquid that changes what Jekyll shows for a post body.

Jekyll runs Liquid over a post before kramdown. We have no site data, so output tags
``{{ ... }}`` render empty -- what Liquid does with a variable it cannot resolve, and what
Jekyll shows when a post's JSX or template code contains ``{{ }}``. ``{% raw %}`` sections
keep their text (the tags go), ``{% comment %}`` sections vanish; other tags are left as they
are, so they stay visible in the preview.
"""

from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.S)
_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.S)
_OUTPUT = re.compile(r"\{\{.*?\}\}", re.S)


def render_liquid(text: str) -> str:
    """Apply the Liquid rules above to ``text``."""
    if "{" not in text:
        return text
    parts, pos = [], 0
    for m in _RAW.finditer(text):
        parts.append(_outside_raw(text[pos : m.start()]))
        parts.append(m.group(1))
        pos = m.end()
    parts.append(_outside_raw(text[pos:]))
    return "".join(parts)


def _outside_raw(text: str) -> str:
    return _OUTPUT.sub("", _COMMENT.sub("", text))


class LiquidPreprocessor(Preprocessor):
    """Run ``render_liquid`` over the whole body before any Markdown parsing."""

    def run(self, lines: list[str]) -> list[str]:
        return render_liquid("\n".join(lines)).split("\n")
