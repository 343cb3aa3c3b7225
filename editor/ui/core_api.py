"""The core and render names the window uses, imported in one place, on first use.

editor/ui talks to editor/core and editor/render only through these names, so swapping a
renderer (an off-thread one, say) or a core type touches one file. Each name is imported
when it is first read (PEP 562 module __getattr__): the Markdown engine, YAML and Pygments
cost ~90 ms to import, and the window paints before it needs any of them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# ruff: noqa: F401 (the TYPE_CHECKING imports are re-exported names)
if TYPE_CHECKING:  # the same names, for type checkers and editors
    from editor.core.frontmatter import FrontMatterError
    from editor.core.post import Post
    from editor.core.site import Site
    from editor.core.textio import SaveError, restore_newlines, to_lf
    from editor.render.page import (
        body_blocks,
        feature_html,
        header_html,
        image_html,
        notice_html,
        render_page,
    )
    from editor.render.page_images import ImageLinker
    from editor.render.pipeline import render_body

_HOMES = {
    "FrontMatterError": "editor.core.frontmatter",
    "Post": "editor.core.post",
    "Site": "editor.core.site",
    "SaveError": "editor.core.textio",
    "restore_newlines": "editor.core.textio",
    "to_lf": "editor.core.textio",
    "body_blocks": "editor.render.page",
    "feature_html": "editor.render.page",
    "header_html": "editor.render.page",
    "image_html": "editor.render.page",
    "notice_html": "editor.render.page",
    "render_page": "editor.render.page",
    "ImageLinker": "editor.render.page_images",
    "render_body": "editor.render.pipeline",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later reads skip this function
    return value


def __dir__() -> list[str]:
    return __all__
