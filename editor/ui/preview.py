"""The live preview: one page per opened post, its body replaced in place on each edit.

The page (render_page) is loaded once; edits call `window.postEditor.setBody(html)` through
runJavaScript, which keeps the scroll position and never reloads. Rendering runs on a
zero-delay timer, so the first edit shows at once and a burst of edits renders once.
Links never navigate the preview; http, https and mailto links open in the browser.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.ui import core_api

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
# setHtml fails above 2 MB (it becomes a data: URL); larger pages go through a temp file.
SET_HTML_LIMIT = 1_500_000
CLICK_PREFIX = "pe-click:"

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
    var blocks = document.querySelectorAll('#pe-body .pe-block');
    var index = Array.prototype.indexOf.call(blocks, node);
    var line = node.getAttribute('data-line');
    console.log('%s' + index + ':' + blocks.length + ':' + (line === null ? -1 : line));
  }, true);
})();
""".replace("%s", CLICK_PREFIX)

# Scrolls to the block of a source line when blocks carry data-line, else proportionally.
_SCROLL_TO = """
(function (line, fraction) {
  var blocks = document.querySelectorAll('#pe-body [data-line]');
  var target = null;
  for (var i = 0; i < blocks.length; i++) {
    if (parseInt(blocks[i].getAttribute('data-line'), 10) <= line) target = blocks[i];
    else break;
  }
  if (target) { target.scrollIntoView({block: 'start'}); return 'block'; }
  var room = document.documentElement.scrollHeight - window.innerHeight;
  window.scrollTo(0, Math.max(0, room) * fraction);
  return 'fraction';
})(%d, %f);
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

    block_clicked = Signal(int, int, int)  # block index, block count, source line (-1)
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
            return False
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
                index, count, src_line = (int(p) for p in message[len(CLICK_PREFIX) :].split(":"))
            except ValueError:
                return
            self.block_clicked.emit(index, count, src_line)

    def _follow_link(self, url: QUrl) -> None:
        # looked up at call time so tests can replace open_external
        if url.scheme().lower() in EXTERNAL_SCHEMES and open_external(url):
            self.external_link.emit(url)


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

    body_updated = Signal()  # setBody ran in the page (tests and benchmarks wait on it)
    page_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview_page = PreviewPage(self)
        self.setPage(self.preview_page)
        self._render_body: Callable[[str], str] = core_api.render_body
        self._post = None
        self._site = None
        self._pending_text: str | None = None
        self._page_ready = False
        self._page_has_api = False
        self._zoom = 1.0
        self._temp_dir: tempfile.TemporaryDirectory | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_pending)
        self.loadFinished.connect(self._on_load_finished)

    # ----- whole page -----
    def show_post(self, post, site) -> None:
        """Load the page for a newly opened post (or after its front matter changed)."""
        self._post, self._site = post, site
        self._pending_text = None
        self._timer.stop()
        self._page_ready = False
        base_url = self.base_url_for(site)
        try:
            page_html = core_api.render_page(post, site, base_url=base_url.toString())
            self._page_has_api = True
        except Exception as error:  # any renderer bug shows up in the preview, not a crash
            page_html = _error_page(f"{type(error).__name__}: {error}")
            self._page_has_api = False
        self._load_html(page_html, base_url)

    def base_url_for(self, site) -> QUrl:
        root = getattr(site, "root", None)
        if root is None:
            return QUrl("about:blank")
        return QUrl.fromLocalFile(str(Path(root).resolve()) + os.sep)

    def _load_html(self, page_html: str, base_url: QUrl) -> None:
        self.preview_page.allow_next_load()
        data = page_html.encode("utf-8")
        if len(data) <= SET_HTML_LIMIT:
            self.setHtml(page_html, base_url)
            return
        if self._temp_dir is None:
            self._temp_dir = tempfile.TemporaryDirectory(prefix="post-editor-preview-")
        page_file = Path(self._temp_dir.name) / "preview.html"
        page_file.write_bytes(data)
        self.load(QUrl.fromLocalFile(str(page_file)))

    def _on_load_finished(self, ok: bool) -> None:
        self._page_ready = True
        self.setZoomFactor(self._zoom)
        self.page().runJavaScript(_CLICK_REPORTER, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        self.page_ready.emit()
        if self._pending_text is not None:
            self._timer.start()

    # ----- body only -----
    def update_body(self, body_text: str) -> None:
        """Queue the newest body text; rendered on the next turn of the event loop."""
        self._pending_text = body_text
        if self._page_ready and not self._timer.isActive():
            self._timer.start()

    def _render_pending(self) -> None:
        text, self._pending_text = self._pending_text, None
        if text is None or not self._page_ready:
            return
        if not self._page_has_api:  # the last page failed: try the whole page again
            if self._post is not None:
                self.show_post(self._post, self._site)
            return
        try:
            body_html = self._render_body(text)
        except Exception as error:
            body_html = error_box(f"{type(error).__name__}: {error}")
        script = f"window.postEditor.setBody({json.dumps(body_html)}); true;"
        self.page().runJavaScript(
            script, QWebEngineScript.ScriptWorldId.MainWorld, self._after_set_body
        )

    def _after_set_body(self, _result: object) -> None:
        self.body_updated.emit()

    # ----- scrolling and zoom -----
    def scroll_to_source(self, line: int, fraction: float) -> None:
        """Show the block of source `line` (1-based) or, lacking marks, `fraction` down."""
        if self._page_ready:
            script = _SCROLL_TO % (line, min(1.0, max(0.0, fraction)))
            self.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)

    def set_zoom(self, factor: float) -> None:
        self._zoom = factor
        self.setZoomFactor(factor)

    def set_renderer(self, render_body: Callable[[str], str]) -> None:
        """Swap the body renderer (an incremental or off-thread one, later)."""
        self._render_body = render_body


def _error_page(message: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        f"<div id='pe-body'>{error_box(message)}</div></body></html>"
    )
