"""Body text -> the preview's blocks, re-rendering and re-cleaning only what changed.

Qt-free on purpose: render_worker runs it on a thread, where Qt must not be called. Each
top-level source block (editor.render.incremental) is rendered and sanitised once and
cached until its text changes. Which blocks the page must replace is the stream's
business (preview_stream diffs these lists against what the page shows).
"""

from __future__ import annotations

from collections.abc import Callable

from editor.render.incremental import IncrementalRenderer
from editor.render.sanitize import sanitize_html
from editor.ui import core_api


class BodyBlocks:
    """Turns each new body text into the page's blocks, reusing the unchanged ones."""

    def __init__(
        self,
        render_body: Callable[[str], str],
        site,
        base_url: str | None,
        image_labels: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self._render = render_body
        self._site = site
        self._base_url = base_url
        self._image_labels = image_labels  # the placeholders' words in the UI language
        self._incremental = None
        self._clean_cache: dict[str, str] = {}

    @property
    def has_cache(self) -> bool:
        """Blocks of an earlier text are kept (for the next edit)."""
        return self._incremental is not None

    def forget_page(self) -> None:
        """A render failed midway: start the next one from scratch, not from its state."""
        self._incremental = None

    def _raw_blocks(self, text: str) -> list[str]:
        if self._incremental is None:
            self._incremental = IncrementalRenderer(self._render)
        return self._incremental.update(text).htmls

    def blocks_for(self, text: str) -> list[str]:
        """Every block of the body, sanitised and with the site's image links."""
        cache: dict[str, str] = {}
        blocks = []
        for raw in self._raw_blocks(text):
            clean = cache.get(raw) or self._clean_cache.get(raw) or self._clean(raw)
            cache[raw] = clean
            blocks.append(clean)
        self._clean_cache = cache  # keep only what the current text uses
        return blocks

    def _clean(self, raw_html: str) -> str:
        linker = core_api.ImageLinker(self._site, self._base_url, self._image_labels)
        return linker.rewrite(sanitize_html(raw_html))
