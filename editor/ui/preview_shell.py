"""Loading a whole page into the preview: the post's shell, or an error page.

setHtml is the quick way in, but it percent-encodes the page into a data: URL and fails
above 2 MB of it; bigger pages go through a temp file, which the request interceptor must
then allow besides the site folder.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from editor.ui.preview_navigation import NavigationGuard, PreviewPage
from editor.ui.preview_policy import SiteOnlyInterceptor

# pages whose encoded size passes this limit go through a temp file instead of setHtml
SET_HTML_LIMIT = 1_500_000
_UNRESERVED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"


def data_url_size(data: bytes) -> int:
    """Bytes of the percent-encoded data: URL setHtml would build (3 per reserved byte)."""
    reserved = len(data.translate(None, _UNRESERVED))
    return len(data) + 2 * reserved


def error_box(message: str) -> str:
    """A visible error in place of the body; the editor's text is never touched."""
    return (
        '<div class="pe-render-error" role="alert" style="border: 2px solid #c62828;'
        " background: #fdecea; color: #8e1c1c; padding: 12px; font-family: monospace;"
        ' white-space: pre-wrap;"><b>Preview error</b>\n'
        f"{html.escape(message)}</div>"
    )


def error_page(message: str) -> str:
    """A whole page with only the error (the post's own page could not be built)."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        f"<div id='pe-body'>{error_box(message)}</div></body></html>"
    )


def base_url_for(site) -> QUrl:
    """Where the page's relative links point: the site folder, or about:blank without one."""
    root = getattr(site, "root", None)
    if root is None:
        return QUrl("about:blank")
    return QUrl.fromLocalFile(str(Path(root).resolve()) + os.sep)


class PageLoader:
    """Puts a page into the view and opens the interceptor to its site folder only."""

    def __init__(
        self,
        view: QWebEngineView,
        page: PreviewPage,
        interceptor: SiteOnlyInterceptor,
        guard: NavigationGuard,
    ) -> None:
        self._view = view
        self._page = page
        self._interceptor = interceptor
        self._guard = guard
        self._temp_dir: tempfile.TemporaryDirectory | None = None  # made for the first big page
        self.last_load: tuple[str, QUrl] | None = None  # to rebuild a page loaded without a post

    def load(self, page_html: str, base_url: QUrl) -> None:
        self.last_load = (page_html, base_url)
        data = page_html.encode("utf-8")
        fits = data_url_size(data) <= SET_HTML_LIMIT
        if not fits and self._temp_dir is None:
            self._temp_dir = tempfile.TemporaryDirectory(prefix="post-editor-preview-")
        site_root = base_url.toLocalFile() if base_url.isLocalFile() else None
        temp_root = self._temp_dir.name if self._temp_dir is not None else None
        self._interceptor.set_roots([site_root, temp_root])
        self._page.allow_next_load()
        # the guard learns the URL first: loading may report the URL change at once
        if fits:
            self._guard.expect(base_url)
            self._view.setHtml(page_html, base_url)
            return
        page_file = Path(temp_root) / "preview.html"
        page_file.write_bytes(data)
        self._guard.expect(QUrl.fromLocalFile(str(page_file)))
        self._view.load(self._guard.expected_url)
