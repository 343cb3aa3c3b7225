"""What the preview page may do: no remote loads, no files outside the site, no windows.

Defence in depth behind the page's Content-Security-Policy and the sanitiser: even markup
that slipped through both cannot fetch from the network or read files elsewhere on disk.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

# data: is the setHtml page itself (and inline pictures); about: is the blank page.
INLINE_SCHEMES = frozenset({"data", "about"})

_OFF = (
    "LocalContentCanAccessRemoteUrls",
    "JavascriptCanOpenWindows",
    "JavascriptCanAccessClipboard",
    "JavascriptCanPaste",
    "PluginsEnabled",
    "PdfViewerEnabled",
    "AllowRunningInsecureContent",
    "AllowGeolocationOnInsecureOrigins",
    "AllowWindowActivationFromJavaScript",
    "NavigateOnDropEnabled",  # a file dropped on the preview must not replace the page
    "ScreenCaptureEnabled",
    "HyperlinkAuditingEnabled",
    "DnsPrefetchEnabled",
    "LocalStorageEnabled",
    "WebGLEnabled",
)
_ON = (
    "LocalContentCanAccessFileUrls",  # the site's own pictures (the interceptor limits which)
    "WebRTCPublicInterfacesOnly",
)


def harden_settings(settings: QWebEngineSettings) -> None:
    attribute = QWebEngineSettings.WebAttribute
    for name in _OFF:
        settings.setAttribute(getattr(attribute, name), False)
    for name in _ON:
        settings.setAttribute(getattr(attribute, name), True)


def url_allowed(url: QUrl, roots: list[Path]) -> bool:
    """True for inline URLs and for files inside one of `roots` (symlinks resolved)."""
    scheme = url.scheme().lower()
    if scheme in INLINE_SCHEMES:
        return True
    if scheme != "file" or not roots:
        return False
    try:
        target = Path(os.path.realpath(url.toLocalFile()))
    except (OSError, ValueError):
        return False
    return any(target == root or root in target.parents for root in roots)


class SiteOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request but inline ones and files under the allowed folders."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._roots: list[Path] = []
        self.blocked: list[str] = []  # the last blocked URLs, newest last (for tests, logs)

    def set_roots(self, roots: list[Path | str | None]) -> None:
        self._roots = [Path(os.path.realpath(root)) for root in roots if root]

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt)
        url = info.requestUrl()
        if not url_allowed(url, self._roots):
            info.block(True)
            self.blocked = [*self.blocked[-49:], url.toString()]
