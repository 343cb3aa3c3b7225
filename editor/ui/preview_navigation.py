"""The preview can never be navigated away (issue #6).

Two layers, because QtWebEngine asks the page about some navigations but not others:
* `PreviewPage.acceptNavigationRequest` refuses every navigation the view did not start
  itself; clicked http, https and mailto links open in the browser instead, #anchors scroll.
* QtWebEngine loads about:blank (and runs javascript: links) without asking, so
  `NavigationGuard` watches the main frame's URL: any change away from the page the view
  loaded asks the view to rebuild it, with the reader's scroll position.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
CLICK_PREFIX = "pe-click:"
# A scroll to the top this close before a foreign navigation is the navigation's own reset.
RESET_S = 0.5

# Runs in an isolated world after each load: reports the clicked top-level block.
CLICK_REPORTER = """
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


def open_external(url: QUrl) -> bool:
    """Open an http, https or mailto link in the system browser; nothing else opens."""
    if url.scheme().lower() not in EXTERNAL_SCHEMES:
        return False
    return QDesktopServices.openUrl(url)


class PreviewPage(QWebEnginePage):
    """Refuses every navigation except the loads the view asks for itself."""

    block_clicked = Signal(int, int)  # page block index, page block count

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
        # open_external is looked up at call time so tests can replace it
        scheme = url.scheme().lower()
        if scheme == "javascript":
            return
        if scheme in EXTERNAL_SCHEMES:
            open_external(url)
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


class NavigationGuard(QObject):
    """Watches the main frame's URL and the reader's scroll position.

    `expect(url)` names the page the view loaded. A URL change away from it emits `left`
    at once (stop sending scripts to a page that is gone) and `rebuild` on the next turn
    (not inside the navigation's own signal), with `restore_scroll` set to where the reader
    was; `scroll_back()` goes there once the rebuilt page has its body again.
    """

    left = Signal()
    arrived = Signal()  # the expected page is back and loaded before loadFinished said so
    rebuild = Signal()

    def __init__(self, page: QWebEnginePage, page_ready: Callable[[], bool]) -> None:
        super().__init__(page)
        self._page = page
        self._page_ready = page_ready
        self.expected_url: QUrl | None = None
        self._scroll = self._scroll_before = QPointF()
        self._scroll_time = 0.0
        self.restore_scroll: QPointF | None = None
        self.restore_count = 0  # pages rebuilt after a foreign navigation (tests)
        page.urlChanged.connect(self._on_url_changed)
        page.scrollPositionChanged.connect(self._on_scroll)

    def expect(self, url: QUrl) -> None:
        self.expected_url = url

    def shows_expected(self, url: QUrl) -> bool:
        if self.expected_url is None:
            return True
        # setHtml's own data: URL shows when one setHtml cuts another short; Chromium lets
        # only the browser (setHtml) navigate the main frame to data:, never the page
        if url.scheme() == "data":
            return True
        # same page, whatever the #fragment (PySide's QUrl.adjusted refuses RemoveFragment)
        return url.toString().split("#")[0] == self.expected_url.toString().split("#")[0]

    def _on_url_changed(self, url: QUrl) -> None:
        if url.isEmpty():
            return
        if self.shows_expected(url):
            if not self._page_ready() and not self._page.isLoading():
                # a load that replaced a foreign one can report finished before its URL
                self.arrived.emit()
            return
        # about:blank, a refresh or a script's location change: the page is gone.
        self.left.emit()
        self.restore_scroll = self._scroll_to_keep()
        QTimer.singleShot(0, self._rebuild_if_still_away)

    def _rebuild_if_still_away(self) -> None:
        if self.shows_expected(self._page.url()):
            return  # already rebuilt
        self.restore_count += 1
        self.rebuild.emit()

    def forget_scroll(self) -> None:
        """Another post: where the reader was in the last one means nothing now."""
        self._scroll = self._scroll_before = QPointF()
        self._scroll_time = 0.0
        self.restore_scroll = None

    def _on_scroll(self, position: QPointF) -> None:
        page = self._page
        if self._page_ready() and not page.isLoading() and self.shows_expected(page.url()):
            # A page being navigated away reports 0 just before its URL changes: keep
            # the position before it, for a URL change that follows within RESET_S.
            self._scroll_before, self._scroll = self._scroll, QPointF(position)
            self._scroll_time = time.monotonic()

    def _scroll_to_keep(self) -> QPointF:
        reset = self._scroll.isNull() and time.monotonic() - self._scroll_time < RESET_S
        return QPointF(self._scroll_before if reset else self._scroll)

    def scroll_back(self) -> None:
        """After a rebuilt page got its body: back where the reader was."""
        if self.restore_scroll is not None:
            where, self.restore_scroll = self.restore_scroll, None
            script = f"window.scrollTo({where.x():.1f}, {where.y():.1f});"
            self._page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)
