"""The live preview: one page per opened post, its body replaced in place on each edit.

Opening a post loads only the page shell (header, CSS, an empty #pe-body) at once; the
body is rendered on a background thread (render_worker) while the shell loads and then
streamed in with `window.postEditor.replaceBlocks(...)`: the first screenful of blocks
first, the rest in chunks, one runJavaScript after another so the page paints between.
Edits send only the blocks that changed the same way, which keeps the scroll position
and never reloads. A zero-delay timer merges a burst of edits into one render.
Links never navigate the preview; http, https and mailto links open in the browser.
QtWebEngine loads about:blank (and runs javascript: links) without asking
acceptNavigationRequest, so any main-frame URL change away from the loaded page reloads
the post's page at once, body and scroll position included.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.render.incremental import minimal_patch
from editor.ui import core_api
from editor.ui.preview_blocks import ALL_BLOCKS, BodyBlocks
from editor.ui.preview_policy import SiteOnlyInterceptor, harden_settings
from editor.ui.render_worker import ProcessRenderer, RenderWorker

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
# setHtml percent-encodes the page into a data: URL and fails above 2 MB of it; pages whose
# encoded size passes this limit go through a temp file instead.
SET_HTML_LIMIT = 1_500_000
_UNRESERVED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


def data_url_size(data: bytes) -> int:
    """Bytes of the percent-encoded data: URL setHtml would build (3 per reserved byte)."""
    reserved = len(data.translate(None, _UNRESERVED))
    return len(data) + 2 * reserved


CLICK_PREFIX = "pe-click:"
# Streaming a big body: the first script carries about a screenful, the later ones about
# this much HTML each, so no single script keeps the page from painting for long.
FIRST_CHUNK_BLOCKS = 30
FIRST_CHUNK_CHARS = 40_000
CHUNK_CHARS = 300_000
# Bodies this long render in a child process (no GIL shared with typing); shorter ones on
# a thread, which answers sooner and costs no process.
PROCESS_MIN_CHARS = 100_000
# A scroll to the top this close before a foreign navigation is the navigation's own reset.
RESET_S = 0.5

# Runs in an isolated world after each load: reports the clicked top-level block.
_CLICK_REPORTER = """
(function () {
  if (window.__peClickReporter) return;
  window.__peClickReporter = true;
  document.addEventListener('click', function (event) {
    var node = event.target;
    while (node && !(node.classList && node.classList.contains('pe-block'))) {
      node = node.parentNode;
    }
    if (!node) return;
    var blocks = document.querySelectorAll('#pe-body > .pe-block');
    var index = Array.prototype.indexOf.call(blocks, node);
    if (index < 0) return;
    console.log('%s' + index + ':' + blocks.length);
  }, true);
})();
""".replace("%s", CLICK_PREFIX)

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


def open_external(url: QUrl) -> bool:
    """Open an http, https or mailto link in the system browser; nothing else opens."""
    if url.scheme().lower() not in EXTERNAL_SCHEMES:
        return False
    return QDesktopServices.openUrl(url)


def error_box(message: str) -> str:
    """A visible error in place of the body; the editor's text is never touched."""
    return (
        '<div class="pe-render-error" role="alert" style="border: 2px solid #c62828;'
        " background: #fdecea; color: #8e1c1c; padding: 12px; font-family: monospace;"
        ' white-space: pre-wrap;"><b>Preview error</b>\n'
        f"{html.escape(message)}</div>"
    )


class PreviewPage(QWebEnginePage):
    """Refuses every navigation except the loads the view asks for itself."""

    block_clicked = Signal(int, int)  # page block index, page block count
    external_link = Signal(QUrl)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allow_next_load = False

    def allow_next_load(self) -> None:
        self._allow_next_load = True

    def acceptNavigationRequest(  # noqa: N802 (Qt override)
        self, url: QUrl, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        if nav_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            self._follow_link(url)
            return False  # javascript: links too: a click never runs a URL
        if self._allow_next_load and is_main_frame:
            self._allow_next_load = False
            return True
        return False

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage:  # noqa: N802
        # target=_blank links: catch the URL in a throwaway page, never show a window.
        return _LinkCatcherPage(self)

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        if message.startswith(CLICK_PREFIX):
            try:
                index, count = (int(p) for p in message[len(CLICK_PREFIX) :].split(":"))
            except ValueError:
                return
            self.block_clicked.emit(index, count)

    def _follow_link(self, url: QUrl) -> None:
        # looked up at call time so tests can replace open_external
        scheme = url.scheme().lower()
        if scheme == "javascript":
            return
        if scheme in EXTERNAL_SCHEMES:
            if open_external(url):
                self.external_link.emit(url)
        elif url.hasFragment():  # footnotes, in-page anchors: scroll, never navigate
            target = json.dumps(url.fragment(QUrl.ComponentFormattingOption.FullyDecoded))
            script = f"var e = document.getElementById({target}); if (e) e.scrollIntoView();"
            self.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)


class _LinkCatcherPage(QWebEnginePage):
    def __init__(self, owner: PreviewPage) -> None:
        super().__init__(owner)
        self._owner = owner

    def acceptNavigationRequest(self, url: QUrl, _nav_type, _is_main_frame: bool) -> bool:  # noqa: N802
        self._owner._follow_link(url)
        self.deleteLater()
        return False


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
        self._render_body: Callable[[str], str] = core_api.render_body
        self._post = None
        self._site = None
        self._pending_text: str | Callable[[], str] | None = None
        self._page_ready = False
        self._page_has_api = False
        self._body = BodyBlocks(self._render_body, None, None)
        self._custom_renderer = False  # set_renderer: a function a child cannot import
        self._generation = 0  # one per loaded page; script callbacks for an old one are dropped
        self._seq = 0  # one per render request
        self._page_floor = 0  # renders asked for before this one were for an older page
        self._applied_seq = -1
        self._page_blocks: list[str] | None = None  # what the page shows; None: unknown
        self._worker = RenderWorker(error_box, self)
        self._worker.blocks_ready.connect(self._on_blocks)
        self._process: ProcessRenderer | None = None
        self._base: str | None = None
        self.render_count = 0  # body renders pushed into the page (tests, benchmarks)
        self._zoom = 1.0
        self._temp_dir: tempfile.TemporaryDirectory | None = None
        # replaceBlocks scripts not yet run, in order; one runs at a time while streaming
        self._outbox: deque[tuple[str, bool]] = deque()  # (script, ends a patch)
        self._script_running = False
        self.chunks_sent = 0  # replaceBlocks scripts run since the last show_post (tests)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_pending)
        self.loadFinished.connect(self._on_load_finished)
        # what the page must show: a change away from it is a navigation to undo
        self._expected_url: QUrl | None = None
        self._last_load: tuple[str, QUrl] | None = None  # a page loaded without a post
        self._body_text = ""  # the newest body text asked for, to rebuild the page
        self._scroll = self._scroll_before = QPointF()
        self._scroll_time = 0.0
        self._restore_scroll: QPointF | None = None
        self.restore_count = 0  # pages rebuilt after a foreign navigation (tests)
        self.preview_page.urlChanged.connect(self._on_url_changed)
        self.preview_page.scrollPositionChanged.connect(self._on_scroll)

    # ----- whole page -----
    def show_post(self, post, site) -> None:
        """Load the page for a newly opened post (or a new site folder)."""
        self._restore_scroll = None
        self._load_post(post, site, core_api.to_lf(post.body or ""))

    def _load_post(self, post, site, body_text: str) -> None:
        self._post, self._site = post, site
        self._generation += 1
        self._pending_text = None
        self._timer.stop()
        self._page_ready = False
        self._outbox.clear()
        self._script_running = False  # a callback still due belongs to the old page
        self.chunks_sent = 0
        self._page_floor, self._applied_seq = self._seq + 1, self._seq
        self._page_blocks = None
        base_url = self.base_url_for(site)
        self._base = None if base_url.scheme() == "about" else base_url.toString()
        try:
            self._body = BodyBlocks(self._render_body, site, self._base)
            page_html = core_api.render_page(post, site, body_html="", base_url=self._base)
            self._page_has_api = True
        except Exception as error:  # any renderer bug shows up in the preview, not a crash
            page_html = _error_page(f"{type(error).__name__}: {error}")
            self._page_has_api = False
        self._load_html(page_html, base_url)
        if self._page_has_api:  # render the body while the shell loads
            self._request_render(body_text)

    def base_url_for(self, site) -> QUrl:
        root = getattr(site, "root", None)
        if root is None:
            return QUrl("about:blank")
        return QUrl.fromLocalFile(str(Path(root).resolve()) + os.sep)

    def _load_html(self, page_html: str, base_url: QUrl) -> None:
        site_root = base_url.toLocalFile() if base_url.isLocalFile() else None
        temp_root = self._temp_dir.name if self._temp_dir is not None else None
        self.interceptor.set_roots([site_root, temp_root])
        self.preview_page.allow_next_load()
        self._last_load = (page_html, base_url)
        data = page_html.encode("utf-8")
        if data_url_size(data) <= SET_HTML_LIMIT:
            self._expected_url = base_url
            self.setHtml(page_html, base_url)
            return
        if self._temp_dir is None:
            self._temp_dir = tempfile.TemporaryDirectory(prefix="post-editor-preview-")
            self.interceptor.set_roots([site_root, self._temp_dir.name])
        page_file = Path(self._temp_dir.name) / "preview.html"
        page_file.write_bytes(data)
        self._expected_url = QUrl.fromLocalFile(str(page_file))
        self.load(self._expected_url)

    # ----- foreign navigations -----
    def _shows_expected(self, url: QUrl) -> bool:
        if self._expected_url is None:
            return True
        # setHtml's own data: URL shows when one setHtml cuts another short; Chromium lets
        # only the browser (setHtml) navigate the main frame to data:, never the page
        if url.scheme() == "data":
            return True
        # same page, whatever the #fragment (PySide's QUrl.adjusted refuses RemoveFragment)
        return url.toString().split("#")[0] == self._expected_url.toString().split("#")[0]

    def _on_url_changed(self, url: QUrl) -> None:
        if url.isEmpty():
            return
        if self._shows_expected(url):
            if not self._page_ready and not self.preview_page.isLoading():
                # a load that replaced a foreign one can report finished before its URL
                self._on_load_finished(True)
            return
        # about:blank, a refresh or a script's location change: the page is gone. Rebuild
        # it on the next turn (not inside the navigation's own signal).
        self._page_ready = False
        self._restore_scroll = self._scroll_to_keep()
        QTimer.singleShot(0, self._restore_page)

    def _restore_page(self) -> None:
        if self._shows_expected(self.preview_page.url()):
            return  # already rebuilt
        self.restore_count += 1
        if self._post is not None:
            self._load_post(self._post, self._site, self._body_text)
        elif self._last_load is not None:
            self._load_html(*self._last_load)

    def _on_scroll(self, position: QPointF) -> None:
        page = self.preview_page
        if self._page_ready and not page.isLoading() and self._shows_expected(page.url()):
            # A page being navigated away reports 0 just before its URL changes: keep
            # the position before it, for a URL change that follows within RESET_S.
            self._scroll_before, self._scroll = self._scroll, QPointF(position)
            self._scroll_time = time.monotonic()

    def _scroll_to_keep(self) -> QPointF:
        reset = self._scroll.isNull() and time.monotonic() - self._scroll_time < RESET_S
        return QPointF(self._scroll_before if reset else self._scroll)

    def _on_load_finished(self, ok: bool) -> None:
        url = self.preview_page.url()
        if not url.isEmpty() and not self._shows_expected(url):
            return  # a foreign page: _on_url_changed rebuilds ours
        self._page_ready = True
        self.setZoomFactor(self._zoom)
        self.page().runJavaScript(_CLICK_REPORTER, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        self.page_ready.emit()
        self._send_next_script()  # a body rendered while the shell loaded
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
        if not self._page_ready or not self._page_has_api:
            return
        linker = core_api.ImageLinker(self._site, self._base)
        try:
            parts = {
                "header": core_api.header_html(post),
                "feature": core_api.feature_html(post, linker),
                "image": core_api.image_html(post, linker),
                "notice": core_api.notice_html(post),
            }
        except Exception as error:
            parts = {"notice": error_box(f"{type(error).__name__}: {error}")}
        for name, part_html in parts.items():
            self._run_main(
                f"window.postEditor.setPart({json.dumps(name)}, {json.dumps(part_html)})"
            )

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
        text, self._pending_text = self._pending_text, None
        if text is None or not self._page_ready:
            return
        if callable(text):
            text = text()
        if not self._page_has_api:  # the last page failed: try the whole page again
            if self._post is not None:
                self.show_post(self._post, self._site)
            return
        self._request_render(text)

    def _request_render(self, text: str) -> None:
        """Long bodies go to the child process once it is up; until then (and for short
        bodies) the thread renders. Results come back to _on_blocks, tagged by request."""
        self._seq += 1
        self._body_text = text
        if not self._custom_renderer and len(text) >= PROCESS_MIN_CHARS:
            process = self._ensure_process()
            process.request(self._seq, text)
            if process.ready:
                if self._body.has_cache:  # the thread's copy of the blocks is not needed
                    self._body = BodyBlocks(self._render_body, self._site, self._base)
                return
        self._worker.request(self._body, self._seq, text)

    def _ensure_process(self) -> ProcessRenderer:
        site_root = str(self._site.root) if getattr(self._site, "root", None) else None
        clean_for = (site_root, self._base)
        if self._process is not None and self._process.clean_for != clean_for:
            self._process.close()  # cleans for another site: start one for this one
            self._process.deleteLater()
            self._process = None
        if self._process is None:
            self._process = ProcessRenderer(error_box, clean_for, self)
            self._process.blocks_ready.connect(self._on_blocks)
        return self._process

    @property
    def render_process(self) -> ProcessRenderer | None:
        """The child process renderer, once a long body needed it (tests, benchmarks)."""
        return self._process

    def _on_blocks(self, seq: int, blocks: list[str]) -> None:
        if seq < self._page_floor or seq < self._applied_seq:
            return  # for an older page, or older than what the page shows
        again, self._applied_seq = seq == self._applied_seq, seq
        if self._page_blocks is None:
            patch = (0, ALL_BLOCKS, blocks)
        else:
            patch = minimal_patch(self._page_blocks, blocks)
            if again and patch[1] == 0 and not patch[2]:
                return  # the other renderer already sent this text
        self._page_blocks = blocks
        self._apply_patch(patch)

    def _apply_patch(self, patch) -> None:
        self.render_count += 1
        scripts = [_replace_script(*chunk) for chunk in stream_chunks(*patch)]
        self._outbox.extend((script, False) for script in scripts[:-1])
        self._outbox.append((scripts[-1], True))
        self._send_next_script()

    def _send_next_script(self) -> None:
        """Run the next queued replaceBlocks once the page is up and the last one ran."""
        if self._script_running or not self._page_ready or not self._outbox:
            return
        script, ends_patch = self._outbox.popleft()
        self._script_running = True
        self.chunks_sent += 1
        generation = self._generation
        self._run_main(script, lambda result: self._script_done(generation, ends_patch))

    def _script_done(self, generation: int, ends_patch: bool) -> None:
        if generation != self._generation:
            return  # the page was replaced while the script ran
        self._script_running = False
        # A page being destroyed calls its pending callbacks from the view's destructor,
        # when the view can no longer emit signals or run scripts: stop there.
        try:
            if ends_patch:
                self._scroll_back()
                self.body_updated.emit()
            self._send_next_script()
        except (RuntimeError, TypeError):
            return

    def _run_main(self, script: str, callback=None) -> None:
        world = QWebEngineScript.ScriptWorldId.MainWorld
        if callback is None:
            self.page().runJavaScript(script, world)
        else:
            self.page().runJavaScript(script, world, callback)

    def _scroll_back(self) -> None:
        """After a page rebuilt by _restore_page got its body: back where the reader was."""
        if self._restore_scroll is not None and not self._outbox:
            where, self._restore_scroll = self._restore_scroll, None
            script = f"window.scrollTo({where.x():.1f}, {where.y():.1f});"
            self.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)

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
        """Swap the body renderer (an incremental or off-thread one, later)."""
        self._render_body = render_body
        self._custom_renderer = True
        self._body = BodyBlocks(render_body, self._site, self._base)


def stream_chunks(start: int, delete_count: int, inserted: list[str]) -> list[tuple]:
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


def _replace_script(start: int, delete_count: int, inserted: list[str]) -> str:
    return f"window.postEditor.replaceBlocks({start}, {delete_count}, {json.dumps(inserted)});"


def _error_page(message: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        f"<div id='pe-body'>{error_box(message)}</div></body></html>"
    )
