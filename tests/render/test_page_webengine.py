"""The preview page in a real QtWebEngine: its CSP lets the page script run and blocks
everything else; window.postEditor patches blocks; site pictures load from file URLs."""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.render.page import render_page

pytestmark = pytest.mark.webengine

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"


@pytest.fixture
def view(qtbot):
    from PySide6.QtWebEngineCore import QWebEngineSettings
    from PySide6.QtWebEngineWidgets import QWebEngineView

    widget = QWebEngineView()
    # Let file pages reach the network, so that the CSP is the only barrier under test
    # (the app also turns this off; that layer belongs to the UI's own tests).
    widget.settings().setAttribute(QWebEngineSettings.LocalContentCanAccessRemoteUrls, True)
    widget.resize(900, 700)
    yield widget
    # The page must go before the profile, or QtWebEngine warns at exit.
    page = widget.page()
    widget.close()
    page.deleteLater()
    widget.deleteLater()
    qtbot.wait(50)


def load(qtbot, view, page: str) -> None:
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(view.loadFinished, timeout=20000) as blocker:
        view.setHtml(page, QUrl.fromLocalFile(str(SAMPLE_SITE.resolve()) + "/"))
    assert blocker.args == [True]


def run_js(qtbot, view, script: str):
    """Run in the page's main world (where the page script lives); return the JSON result."""
    results: list = []
    view.page().runJavaScript(f"JSON.stringify({script})", 0, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    return json.loads(results[0]) if results[0] else None  # undefined comes back empty


@pytest.fixture
def reference_page(reference_post: Path) -> str:
    return render_page(Post.load(reference_post), Site(SAMPLE_SITE))


class _Recorder(http.server.BaseHTTPRequestHandler):
    paths: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        type(self).paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_server():
    _Recorder.paths = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, _Recorder.paths
    server.shutdown()
    server.server_close()


def test_page_script_runs_and_site_picture_loads(qtbot, view, reference_page: str) -> None:
    load(qtbot, view, reference_page)
    assert run_js(qtbot, view, "typeof window.postEditor.replaceBlocks") == "function"
    qtbot.waitUntil(
        lambda: run_js(qtbot, view, "Array.from(document.images).every(i => i.complete)"),
        timeout=10000,
    )
    widths = run_js(qtbot, view, "Array.from(document.images).map(i => i.naturalWidth)")
    assert len(widths) == 2 and all(width > 0 for width in widths)


def test_csp_blocks_scripts_and_requests_that_slip_past_the_sanitiser(
    qtbot, view, reference_page: str, local_server
) -> None:
    server, requests = local_server
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    smuggled = (
        "<script>document.title = 'pwned'</script>"
        f'<img src="{origin}/pixel.gif" onerror="document.title = \'pwned\'">'
        f'<link rel="stylesheet" href="{origin}/x.css">'
        f'<iframe src="{origin}/frame"></iframe>'
        f'<div style="background: url({origin}/bg.png)">bg</div>'
    )
    page = reference_page.replace("</article>", smuggled + "</article>")
    load(qtbot, view, page)
    qtbot.wait(800)
    assert run_js(qtbot, view, "document.title") != "pwned"
    assert run_js(qtbot, view, "typeof window.postEditor.setBody") == "function"
    assert requests == []


def test_the_request_check_above_can_fail(qtbot, view, reference_page: str, local_server) -> None:
    """Control: without the CSP meta the same smuggled picture does reach the server."""
    server, requests = local_server
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    start = reference_page.index('<meta http-equiv="Content-Security-Policy"')
    end = reference_page.index(">", start) + 1
    page = reference_page[:start] + reference_page[end:]
    page = page.replace("</article>", f'<img src="{origin}/pixel.gif"></article>')
    load(qtbot, view, page)
    qtbot.waitUntil(lambda: requests == ["/pixel.gif"], timeout=10000)


def test_replace_blocks_patches_in_place_and_renumbers(qtbot, view, reference_page: str) -> None:
    load(qtbot, view, reference_page)
    count = run_js(qtbot, view, "window.postEditor.blockCount()")
    first = run_js(qtbot, view, "document.querySelector('#pe-body > .pe-block').innerHTML")
    after = run_js(
        qtbot, view, "window.postEditor.replaceBlocks(1, 2, ['<p>A</p>', '<p>B</p>', '<p>C</p>'])"
    )
    assert after == count + 1
    numbers = run_js(
        qtbot,
        view,
        "Array.from(document.getElementById('pe-body').children).map(b => b.dataset.block)",
    )
    assert numbers == [str(i) for i in range(count + 1)]
    texts = run_js(
        qtbot,
        view,
        "Array.from(document.getElementById('pe-body').children).slice(0, 4)"
        ".map(b => b.textContent)",
    )
    assert texts[1:] == ["A", "B", "C"]
    assert run_js(qtbot, view, "document.querySelector('#pe-body > .pe-block').innerHTML") == first
    assert (
        run_js(qtbot, view, "window.postEditor.replaceBlocks(999, 5, ['<p>end</p>'])") == count + 2
    )
    assert (
        run_js(qtbot, view, "document.getElementById('pe-body').lastElementChild.textContent")
        == "end"
    )


def test_patching_above_the_viewport_keeps_the_scroll_position(
    qtbot, view, reference_page: str
) -> None:
    load(qtbot, view, reference_page)
    run_js(qtbot, view, "window.scrollTo(0, 900)")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.scrollY") == 900, timeout=5000)
    run_js(qtbot, view, "window.postEditor.replaceBlocks(0, 1, ['<p>짧은 새 문단</p>'])")
    assert run_js(qtbot, view, "window.scrollY") == 900
    run_js(
        qtbot,
        view,
        'window.postEditor.setBody(\'<div class="pe-block" data-block="0"><p>x</p></div>\')',
    )
    assert run_js(qtbot, view, "window.postEditor.blockCount()") == 1


def test_set_part_replaces_only_named_parts(qtbot, view, reference_page: str) -> None:
    load(qtbot, view, reference_page)
    assert run_js(qtbot, view, "window.postEditor.setPart('notice', '<p>주의</p>')") is True
    assert run_js(qtbot, view, "document.getElementById('pe-notice').textContent") == "주의"
    assert run_js(qtbot, view, "window.postEditor.setPart('body', '')") is False
    assert run_js(qtbot, view, "window.postEditor.blockCount()") > 20
