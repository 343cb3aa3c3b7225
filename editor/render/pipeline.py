"""Body Markdown -> HTML, as Jekyll 4.3 + kramdown (GFM input, Jekyll's defaults) renders it.

``render_body(text)`` gives what a Jekyll layout sees as ``{{ content }}`` for a post body
(front matter already removed). One Markdown instance per thread is built once and reset
between calls, so a render of a typical post takes a few milliseconds.
``pygments_css(style)`` is the CSS for the code token classes ``render_body`` emits.
``configured_extensions()`` names the modules of everything the renderer is configured with.
"""

from __future__ import annotations

import threading

import markdown

from .extensions.kramdown import KramdownExtension
from .highlight import escape_code, pygments_css

__all__ = ["configured_extensions", "render_body", "pygments_css"]

_local = threading.local()


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[KramdownExtension()], output_format="xhtml")
        _local.md = md
    return md


def configured_extensions() -> list[str]:
    """Sorted module names of every extension and processor ``render_body`` runs with.

    Read from the configured Markdown instance itself (extensions, preprocessors, block
    processors, inline patterns, tree- and postprocessors), so a packaged build that lost a
    module, or a new extension, shows up here without anyone editing a list.
    """
    md = _markdown()
    parts: list[object] = list(md.registeredExtensions)
    for registry in (md.preprocessors, md.parser.blockprocessors, md.inlinePatterns):
        parts += list(registry)
    parts += list(md.treeprocessors) + list(md.postprocessors)
    return sorted({type(part).__module__ for part in parts})


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
