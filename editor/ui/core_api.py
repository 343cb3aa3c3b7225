"""The core and render names the window uses, imported in one place.

editor/ui talks to editor/core and editor/render only through these names, so swapping a
renderer (an off-thread one, say) or a core type touches one file.
"""

from __future__ import annotations

# ruff: noqa: F401
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
