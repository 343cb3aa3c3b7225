"""Body text -> the preview's blocks, re-rendering and re-cleaning only what changed.

Qt-free on purpose (it lives beside the preview that uses it): the same object can later
run in a worker process. Each top-level source block (editor.render.incremental) is
rendered and sanitised once and cached until its text changes.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.render.incremental import IncrementalRenderer, minimal_patch
from editor.render.sanitize import sanitize_html
from editor.ui import core_api

# replaceBlocks clamps its delete count, so this means "every block the page has"
ALL_BLOCKS = 2**31 - 1

Patch = tuple[int, int, list[str]]


class BodyBlocks:
    """Turns each new body text into a replaceBlocks patch for the page."""

    def __init__(self, render_body: Callable[[str], str], site, base_url: str | None) -> None:
        self._render = render_body
        self._site = site
        self._base_url = base_url
        self._incremental = None
        self._clean_cache: dict[str, str] = {}
        self._page_blocks: list[str] | None = None  # None: unknown, replace them all

    def first_page_body(self, text: str) -> str:
        """Raw body HTML for render_page (which cleans it itself); the next patch then
        replaces every block, as the page splits its body its own way."""
        self._page_blocks = None
        return "\n".join(self._raw_blocks(text))

    @property
    def has_cache(self) -> bool:
        """Blocks of an earlier text are kept (for the next edit)."""
        return self._incremental is not None

    def blocks_for(self, text: str) -> list[str]:
        """Every block of the body, sanitised and with the site's image links."""
        return self._blocks_for(text)

    def patch_for(self, text: str) -> Patch:
        blocks = self._blocks_for(text)
        if self._page_blocks is None:
            start, delete_count, inserted = 0, ALL_BLOCKS, blocks
        else:
            start, delete_count, inserted = minimal_patch(self._page_blocks, blocks)
        self._page_blocks = blocks
        return start, delete_count, inserted

    def forget_page(self) -> None:
        """The page's blocks are no longer what we sent (an error box replaced them)."""
        self._page_blocks = None
        self._incremental = None

    def _raw_blocks(self, text: str) -> list[str]:
        if self._incremental is None:
            self._incremental = IncrementalRenderer(self._render)
        return self._incremental.update(text).htmls

    def _blocks_for(self, text: str) -> list[str]:
        cache: dict[str, str] = {}
        blocks = []
        for raw in self._raw_blocks(text):
            clean = cache.get(raw) or self._clean_cache.get(raw) or self._clean(raw)
            cache[raw] = clean
            blocks.append(clean)
        self._clean_cache = cache  # keep only what the current text uses
        return blocks

    def _clean(self, raw_html: str) -> str:
        return core_api.ImageLinker(self._site, self._base_url).rewrite(sanitize_html(raw_html))
