"""Body Markdown -> HTML, as Jekyll 4.3 + kramdown (GFM input, Jekyll's defaults) renders it.

``render_body(text)`` gives what a Jekyll layout sees as ``{{ content }}`` for a post body
(front matter already removed). One Markdown instance per thread is built once and reset
between calls, so a render of a typical post takes a few milliseconds.
``pygments_css(style)`` is the CSS for the code token classes ``render_body`` emits.
"""

from __future__ import annotations

import threading

import markdown

from .extensions.kramdown import KramdownExtension
from .highlight import pygments_css

__all__ = ["render_body", "pygments_css"]

_local = threading.local()


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[KramdownExtension()], output_format="html")
        _local.md = md
    return md


def render_body(text: str) -> str:
    """Render a post body (Markdown mixed with HTML, no front matter) to an HTML fragment."""
    md = _markdown()
    md.reset()
    return md.convert(text)
