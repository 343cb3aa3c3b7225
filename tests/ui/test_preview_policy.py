"""The preview's request policy: only the site's files load, nothing from the network.

The page here has no Content-Security-Policy on purpose, so these checks see the
interceptor and the web settings alone (the CSP and the sanitiser are tested elsewhere).
"""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QUrl
from test_preview_live import WAIT_MS, run_js
from window_fixtures import site_copy  # noqa: F401

from editor.ui.preview import PreviewView
from editor.ui.preview_policy import url_allowed

pytestmark = pytest.mark.webengine


@pytest.fixture
def server():
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *_args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()


def test_only_site_files_load(qtbot, site_copy, tmp_path, server) -> None:
    base, hits = server
    outside = tmp_path / "outside.jpg"
    outside.write_bytes((site_copy / "assets/img/newsdao_breakingnews.jpg").read_bytes())
    inside = (site_copy / "assets/img/newsdao_breakingnews.jpg").as_uri()
    page = (
        "<!doctype html><html><body>"
        f'<img id="inside" src="{inside}">'
        f'<img id="outside" src="{outside.as_uri()}">'
        f'<img id="remote" src="{base}/pixel.png">'
        f'<link rel="stylesheet" href="{base}/style.css">'
        "</body></html>"
    )
    view = PreviewView()
    qtbot.addWidget(view)
    view._load_html(page, QUrl.fromLocalFile(str(site_copy) + "/"))
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)

    def width(image_id: str) -> int:
        return run_js(qtbot, view, f"document.getElementById('{image_id}').naturalWidth")

    qtbot.waitUntil(lambda: width("inside") > 0, timeout=WAIT_MS)
    run_js(qtbot, view, f"fetch('{base}/fetched').catch(function () {{}}); 1")
    qtbot.wait(500)
    assert width("outside") == 0 and width("remote") == 0
    assert hits == []
    assert any(url.endswith("outside.jpg") for url in view.interceptor.blocked)


def test_url_allowed_resolves_symlinks(tmp_path) -> None:
    root = tmp_path / "site"
    (root / "assets").mkdir(parents=True)
    (root / "assets" / "a.png").write_bytes(b"x")
    secret = tmp_path / "secret.txt"
    secret.write_text("no", encoding="utf-8")
    (root / "assets" / "link.png").symlink_to(secret)
    roots = [root.resolve()]
    assert url_allowed(QUrl.fromLocalFile(str(root / "assets" / "a.png")), roots)
    assert not url_allowed(QUrl.fromLocalFile(str(root / "assets" / "link.png")), roots)
    assert not url_allowed(QUrl.fromLocalFile(str(root / ".." / "secret.txt")), roots)
    assert not url_allowed(QUrl("https://example.com/a.png"), roots)
    assert url_allowed(QUrl("data:image/png;base64,AAAA"), roots)
    assert not url_allowed(QUrl.fromLocalFile(str(root / "a.png")), [])
