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
from .highlight import escape_code, pygments_css

__all__ = ["render_body", "pygments_css"]

_local = threading.local()


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[KramdownExtension()], output_format="xhtml")
        _local.md = md
    return md


def render_body(text: str) -> str:
    """Render a post body (Markdown mixed with HTML, no front matter) to an HTML fragment.

    Input nested too deeply to parse (thousands of unclosed tags) comes back as escaped text
    under a visible notice instead of an exception, so nothing of it is lost from view.
    """
    md = _markdown()
    md.reset()
    try:
        return md.convert(text)
    except RecursionError:
        md.reset()
        return (
            '<p class="render-error">This text is nested too deeply to render; '
            "it is shown as written.</p>\n"
            f'<pre class="render-error">{escape_code(text)}</pre>\n'
        )
