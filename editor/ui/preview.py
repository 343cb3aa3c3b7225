"""The live preview: one page per opened post, its body replaced in place on each edit.

Opening a post loads only the page shell (header, CSS, an empty #pe-body) at once; the
body is rendered off the GUI thread while the shell loads and then streamed in
(preview_stream). Edits send only the blocks that changed the same way, which keeps the
scroll position and never reloads. A zero-delay timer merges a burst of edits into one
render. The page can never be navigated away (preview_navigation); big pages load through
a temp file (preview_shell).

Parts: preview_shell (page loading), preview_stream (body patches), preview_navigation
(the navigation guard and rebuild), preview_blocks (text -> cleaned blocks),
render_worker (the thread and the child process that render), preview_policy (what the
page may load).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.render.first_screen import first_screen
from editor.render.page_images import BLOCKED, FRAME, MISSING, NO_ADDRESS, REMOTE
from editor.render.worker import child_process_supported
from editor.ui import core_api
from editor.ui.heap_trim import HeapTrimmer
from editor.ui.preview_blocks import BodyBlocks
from editor.ui.preview_navigation import CLICK_REPORTER, NavigationGuard, PreviewPage
from editor.ui.preview_policy import SiteOnlyInterceptor, harden_settings
from editor.ui.preview_shell import (
    SET_HTML_LIMIT,
    PageLoader,
    base_url_for,
    data_url_size,
    error_box,
    error_page,
)
from editor.ui.preview_stream import CHUNK_CHARS, FIRST_CHUNK_BLOCKS, BodyStream, stream_chunks
from editor.ui.render_worker import ProcessRenderer, RenderWorker

# What editor.ui.preview offered before the split. open_external is not among them on
# purpose: replacing it here would not reach PreviewPage (patch preview_navigation's).
__all__ = [
    "CHUNK_CHARS",
    "FIRST_CHUNK_BLOCKS",
    "PROCESS_MIN_CHARS",
    "SET_HTML_LIMIT",
    "PreviewPage",
    "PreviewView",
    "data_url_size",
    "error_box",
    "stream_chunks",
]

# Bodies this long render in a child process (no GIL shared with typing); shorter ones on
# a thread, which answers sooner and costs no process.
PROCESS_MIN_CHARS = 100_000
# After a patch inserting this much HTML (a long post opened, a large paste), the app's heap
# is trimmed once things are quiet (editor/ui/heap_trim.py); the page's script does the same
# for V8 in the renderer (resources/preview/preview.js). In a long body every keystroke also
# leaves megabytes of freed copies (the text for the render child, its pickle): trimmed
# too, once the writer pauses (~4.5 MB back at 500 KB, in 1-3.5 ms).
TRIM_AFTER_CHARS = 100_000

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def image_labels() -> tuple[tuple[str, str], ...]:
    """The words of the preview's picture placeholders in the UI language, as pairs (they
    travel to the render child with its configuration)."""
    words = {
        MISSING: translate("Preview", "Image not found in the site folder"),
        REMOTE: translate("Preview", "Remote image, not loaded in the preview"),
        FRAME: translate("Preview", "Embedded frame, not loaded in the preview"),
        BLOCKED: translate("Preview", "Image without an address the preview may load"),
        NO_ADDRESS: translate("Preview", "(no address)"),
    }
    return tuple(words.items())


# Scrolls to page block `index` of `count` source blocks, `within` (0..1) down it; with no
# blocks on the page, to `fraction` of the page.
_SCROLL_TO = """
(function (index, count, within, fraction) {
  var blocks = document.querySelectorAll('#pe-body > .pe-block');
  if (blocks.length && count > 0) {
    var i = blocks.length === count ? index : Math.floor(index * blocks.length / count);
    var block = blocks[Math.min(blocks.length - 1, Math.max(0, i))];
    var top = block.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, Math.max(0, top + within * block.offsetHeight - 8));
    return 'block';
  }
  var room = document.documentElement.scrollHeight - window.innerHeight;
  window.scrollTo(0, Math.max(0, room) * fraction);
  return 'fraction';
})(%d, %d, %f, %f);
"""


class PreviewView(QWebEngineView):
    """Shows one post; `show_post` loads the page, `update_body` patches it in place."""

    body_updated = Signal()  # replaceBlocks ran in the page (tests and benchmarks wait on it)
    page_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview_page = PreviewPage(self)
        harden_settings(self.preview_page.settings())
        self.interceptor = SiteOnlyInterceptor(self)
        self.preview_page.setUrlRequestInterceptor(self.interceptor)
        self.setPage(self.preview_page)
        self._page_ready = False
        self._page_has_api = False
        self._parts_stale = False  # a front matter edit came while the page was loading
        self._post = None
        self._site = None
        self._base: str | None = None
        self._zoom = 1.0
        self._guard = NavigationGuard(self.preview_page, lambda: self._page_ready)
        self._guard.left.connect(self._on_page_left)
        self._guard.arrived.connect(self._on_page_back)
        self._guard.rebuild.connect(self._rebuild_page)
        self._loader = PageLoader(self, self.preview_page, self.interceptor, self._guard)
        self._stream = BodyStream(self.preview_page, lambda: self._page_ready, self._patch_done)
        self.loadFinished.connect(self._on_load_finished)
        self.heap_trimmer = HeapTrimmer(self)
        self._init_rendering()

    def _init_rendering(self) -> None:
        self._render_body: Callable[[str], str] = core_api.render_body
        self._custom_renderer = False  # set_renderer: a function a child cannot import
        self._body = BodyBlocks(self._render_body, None, None)
        self._pending_text: str | Callable[[], str] | None = None
        self._body_text = ""  # the newest body text asked for, to rebuild the page
        self._worker = RenderWorker(error_box, self)
        self._worker.blocks_ready.connect(self._stream.show)
        self._process: ProcessRenderer | None = None
        self._no_process = False  # the child could not start here: the thread renders
        self.process_error: str | None = None  # why, if it failed to start (tests, logs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_pending)

    # ----- counters (tests, benchmarks) -----
    @property
    def render_count(self) -> int:
        """Body renders pushed into the page."""
        return self._stream.render_count

    @property
    def chunks_sent(self) -> int:
        """replaceBlocks scripts run since the last page load."""
        return self._stream.chunks_sent

    @property
    def restore_count(self) -> int:
        """Pages rebuilt after a foreign navigation."""
        return self._guard.restore_count

    # ----- whole page -----
    def show_post(self, post, site) -> None:
        """Load the page for a newly opened post (or a new site folder)."""
        self._guard.forget_scroll()  # a rebuild must not scroll to the last post's place
        self._load_post(post, site, core_api.to_lf(post.body or ""))

    def _load_post(self, post, site, body_text: str) -> None:
        self._post, self._site = post, site
        self._pending_text = None
        self._timer.stop()
        self._page_ready = False
        self._parts_stale = False  # the page is built from this post's front matter
        self._stream.new_page()
        base_url = self.base_url_for(site)
        self._base = None if base_url.scheme() == "about" else base_url.toString()
        try:
            self._body = BodyBlocks(self._render_body, site, self._base, image_labels())
            page_html = core_api.render_page(post, site, body_html="", base_url=self._base)
            self._page_has_api = True
        except Exception as error:  # any renderer bug shows up in the preview, not a crash
            page_html = error_page(f"{type(error).__name__}: {error}")
            self._page_has_api = False
        self._load_html(page_html, base_url)
        if self._page_has_api:  # render the body while the shell loads
            self._request_render(body_text)

    def base_url_for(self, site) -> QUrl:
        """The site folder's file:// URL the page resolves links against (HTML export
        uses the same, so its pictures load as in the preview)."""
        return base_url_for(site)

    def _load_html(self, page_html: str, base_url: QUrl) -> None:
        self._page_ready = False  # scripts wait; _on_load_finished knows a load of ours
        self._loader.load(page_html, base_url)

    def _on_page_left(self) -> None:
        self._page_ready = False  # scripts wait for the rebuilt page

    def _on_page_back(self) -> None:
        self._on_load_finished(True)  # loadFinished came before the URL change: treat it now

    def _rebuild_page(self) -> None:
        if self._post is not None:
            self._load_post(self._post, self._site, self._newest_text())
        elif self._loader.last_load is not None:
            self._load_html(*self._loader.last_load)

    def _on_load_finished(self, ok: bool) -> None:
        if self._page_ready:
            # every load of ours starts unready: this is a navigation acceptNavigationRequest
            # refused (the context menu's Reload), or a load the guard already reported
            return
        url = self.preview_page.url()
        if not url.isEmpty() and not self._guard.shows_expected(url):
            return  # a foreign page: the guard has it rebuilt
        self._page_ready = True
        self.setZoomFactor(self._zoom)
        world = QWebEngineScript.ScriptWorldId.ApplicationWorld
        self.page().runJavaScript(CLICK_REPORTER, world)
        self.page_ready.emit()
        self._stream.send()  # a body rendered while the shell loaded
        if self._parts_stale:
            self.update_parts(self._post)
        if self._pending_text is not None:
            self._timer.start()

    @property
    def shown_post(self):
        """The post whose page was last loaded (None before the first)."""
        return self._post

    # ----- parts of the page -----
    def update_parts(self, post) -> None:
        """Header, feature text, image and notice after a front matter edit (no reload)."""
        self._post = post
        if not self._page_ready:
            self._parts_stale = True  # the loading page has the older parts: redo them then
            return
        self._parts_stale = False
        if not self._page_has_api:
            return
        linker = core_api.ImageLinker(self._site, self._base, image_labels())
        try:
            parts = {
                "header": core_api.header_html(post),
                "feature": core_api.feature_html(post, linker),
                "image": core_api.image_html(post, linker),
                "notice": core_api.notice_html(post),
            }
        except Exception as error:
            parts = {"notice": error_box(f"{type(error).__name__}: {error}")}
        world = QWebEngineScript.ScriptWorldId.MainWorld
        for name, part_html in parts.items():
            script = f"window.postEditor.setPart({json.dumps(name)}, {json.dumps(part_html)})"
            self.page().runJavaScript(script, world)

    # ----- body only -----
    def update_body(self, body_text: str | Callable[[], str]) -> None:
        """Queue the newest body text; rendered on the next turn of the event loop.

        Pass a function that returns the text (the document's body_text) and it is called
        once then, not on each keystroke of a burst: copying a 2 MB text out of the editor
        takes ~10 ms."""
        self._pending_text = body_text
        if self._page_ready and not self._timer.isActive():
            self._timer.start()

    def _render_pending(self) -> None:
        if self._pending_text is None or not self._page_ready:
            return  # kept: the next page's _on_load_finished (or a rebuild) renders it
        text = self._newest_text()
        if not self._page_has_api:  # the last page failed: try the whole page again
            if self._post is not None:
                self._load_post(self._post, self._site, text)
            return
        self._request_render(text)

    def _newest_text(self) -> str:
        """The text queued by update_body, else the last one rendered; the queue empties."""
        text, self._pending_text = self._pending_text, None
        if text is None:
            return self._body_text
        return text() if callable(text) else text

    def _request_render(self, text: str) -> None:
        """Long bodies go to the child process; until it is up, the thread renders only
        their first screenful (the whole text took ~0.5 s of the GUI process's GIL on open,
        while the page was loading). Short bodies render on the thread. Results come back to
        the stream, tagged by request: the child's whole render, asked for last, wins."""
        self._body_text = text
        process = self._process_for(text)
        if process is None:
            self._worker.request(self._body, self._stream.next_seq(), text)
            return
        if not process.ready:  # on open, only the top: the page shows nothing yet
            top = first_screen(text) if self._stream.page_blocks is None else text
            self._worker.request(self._body, self._stream.next_seq(), top)
        elif self._body.has_cache:  # the thread's copy of the blocks is not needed
            self._body = BodyBlocks(self._render_body, self._site, self._base, image_labels())
        process.request(self._stream.next_seq(), text)

    def _process_for(self, text: str) -> ProcessRenderer | None:
        """The child process renderer for a long body; None: render on the thread (short
        bodies, a custom renderer, an OS or install where the child cannot start)."""
        if self._custom_renderer or len(text) < PROCESS_MIN_CHARS or self._no_process:
            return None
        if not child_process_supported():
            self._no_process = True
            return None
        try:
            return self._ensure_process()
        except OSError as error:  # no child for this app: the thread renders from now on
            self._no_process = True
            self.process_error = f"{type(error).__name__}: {error}"
            return None

    def _ensure_process(self) -> ProcessRenderer:
        site_root = str(self._site.root) if getattr(self._site, "root", None) else None
        clean_for = (site_root, self._base, image_labels())
        if self._process is not None and self._process.clean_for != clean_for:
            self._process.close()  # cleans for another site: start one for this one
            self._process.deleteLater()
            self._process = None
        if self._process is None:
            self._process = ProcessRenderer(error_box, clean_for, self)
            self._process.blocks_ready.connect(self._stream.show)
        return self._process

    @property
    def render_process(self) -> ProcessRenderer | None:
        """The child process renderer, once a long body needed it (tests, benchmarks)."""
        return self._process

    def _patch_done(self) -> None:
        if self._stream.idle:  # a page rebuilt after a foreign navigation has its body
            self._guard.scroll_back()
        long_body = len(self._body_text) >= PROCESS_MIN_CHARS
        if long_body or self._stream.last_patch_chars >= TRIM_AFTER_CHARS:
            self.heap_trimmer.after_large_work()
        self.body_updated.emit()

    # ----- scrolling and zoom -----
    def scroll_to_block(self, index: int, count: int, within: float, fraction: float) -> None:
        """Show source block `index` of `count`, `within` (0..1) down it."""
        if self._page_ready:
            clamp = lambda value: min(1.0, max(0.0, value))  # noqa: E731
            script = _SCROLL_TO % (index, count, clamp(within), clamp(fraction))
            self.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)

    def set_zoom(self, factor: float) -> None:
        self._zoom = factor
        self.setZoomFactor(factor)

    def set_renderer(self, render_body: Callable[[str], str]) -> None:
        """Swap the body renderer (tests pass one that raises). It always renders on the
        thread: the child process imports its renderer by name and cannot take a function."""
        self._render_body = render_body
        self._custom_renderer = True
        self._body = BodyBlocks(render_body, self._site, self._base, image_labels())
