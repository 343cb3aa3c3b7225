"""Streams rendered body blocks into the preview page with `postEditor.replaceBlocks`.

Renders come back tagged with a sequence number from two renderers (a thread and a child
process) that may answer out of order; only the newest result counts. Each result is
diffed against what the page shows, so an edit sends only its changed blocks. A big patch
(a freshly opened post) goes as a first screenful and then pieces, one runJavaScript after
another, so the page paints between them and no single script blocks it for long.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

from editor.render.incremental import minimal_patch

# replaceBlocks clamps its delete count, so this means "every block the page has"
ALL_BLOCKS = 2**31 - 1
Patch = tuple[int, int, list[str]]  # replaceBlocks(start, delete count, inserted blocks)

# Streaming a big body: the first script carries about a screenful, the later ones about
# this much HTML each, so no single script keeps the page from painting for long.
FIRST_CHUNK_BLOCKS = 30
FIRST_CHUNK_CHARS = 40_000
CHUNK_CHARS = 300_000


def stream_chunks(start: int, delete_count: int, inserted: list[str]) -> list[Patch]:
    """Split one replaceBlocks patch into smaller ones that give the same page: a first
    screenful, then pieces of about CHUNK_CHARS. Small patches stay whole."""
    chunks, taken, limit, block_limit = [], 0, FIRST_CHUNK_CHARS, FIRST_CHUNK_BLOCKS
    while True:
        size, end = 0, taken
        while end < len(inserted) and end - taken < block_limit and size < limit:
            size += len(inserted[end])
            end += 1
        chunks.append((start + taken, delete_count if taken == 0 else 0, inserted[taken:end]))
        taken, limit, block_limit = end, CHUNK_CHARS, len(inserted)
        if taken >= len(inserted):
            return chunks


def replace_script(start: int, delete_count: int, inserted: list[str]) -> str:
    return f"window.postEditor.replaceBlocks({start}, {delete_count}, {json.dumps(inserted)});"


class BodyStream(QObject):
    """What the page's body shows, and the scripts still to run to bring it up to date.

    `new_page()` when a page starts loading (its body is empty), `next_seq()` for each
    render request, `show(seq, blocks)` with each result, `send()` once the page is ready.
    `patch_done()` is called after the last script of a patch ran.
    """

    def __init__(
        self,
        page: QWebEnginePage,
        page_ready: Callable[[], bool],
        patch_done: Callable[[], None],
    ) -> None:
        super().__init__(page)
        self._page = page
        self._page_ready = page_ready
        # a plain call, not a signal: it must run inside _script_done's guard (see there)
        self._patch_done = patch_done
        self._generation = 0  # one per loaded page; script callbacks for an old one are dropped
        self._seq = 0  # one per render request
        self._page_floor = 0  # renders asked for before this one were for an older page
        self._applied_seq = -1
        self.page_blocks: list[str] | None = None  # what the page shows; None: unknown
        # replaceBlocks scripts not yet run, in order; one runs at a time while streaming
        self._outbox: deque[tuple[str, bool]] = deque()  # (script, ends a patch)
        self._script_running = False
        self.last_patch_chars = 0  # HTML characters the newest patch inserts
        self.render_count = 0  # body renders pushed into the page (tests, benchmarks)
        self.chunks_sent = 0  # replaceBlocks scripts run since the last new_page (tests)

    @property
    def idle(self) -> bool:
        """No script is waiting to run."""
        return not self._outbox

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def new_page(self) -> None:
        """A new page is loading: its body is empty and older renders no longer apply."""
        self._generation += 1
        self._outbox.clear()
        self._script_running = False  # a callback still due belongs to the old page
        self.chunks_sent = 0
        self._page_floor, self._applied_seq = self._seq + 1, self._seq
        self.page_blocks = None

    def show(self, seq: int, blocks: list[str]) -> None:
        """Bring the page to `blocks`, the result of render request `seq`."""
        if seq < self._page_floor or seq < self._applied_seq:
            return  # for an older page, or older than what the page shows
        again, self._applied_seq = seq == self._applied_seq, seq
        if self.page_blocks is None:
            patch = (0, ALL_BLOCKS, blocks)
        else:
            patch = minimal_patch(self.page_blocks, blocks)
            if again and patch[1] == 0 and not patch[2]:
                return  # the other renderer already sent this text
        self.page_blocks = blocks
        self.last_patch_chars = sum(map(len, patch[2]))
        self.render_count += 1
        scripts = [replace_script(*chunk) for chunk in stream_chunks(*patch)]
        self._outbox.extend((script, False) for script in scripts[:-1])
        self._outbox.append((scripts[-1], True))
        self.send()

    def send(self) -> None:
        """Run the next queued script once the page is up and the last one ran."""
        if self._script_running or not self._page_ready() or not self._outbox:
            return
        script, ends_patch = self._outbox.popleft()
        self._script_running = True
        self.chunks_sent += 1
        generation = self._generation
        world = QWebEngineScript.ScriptWorldId.MainWorld
        self._page.runJavaScript(
            script, world, lambda _result: self._script_done(generation, ends_patch)
        )

    def _script_done(self, generation: int, ends_patch: bool) -> None:
        if generation != self._generation:
            return  # the page was replaced while the script ran
        self._script_running = False
        # A page being destroyed calls its pending callbacks from the view's destructor,
        # when the view can no longer emit signals or run scripts: stop there.
        try:
            if ends_patch:
                self._patch_done()
            self.send()
        except (RuntimeError, TypeError):
            return
