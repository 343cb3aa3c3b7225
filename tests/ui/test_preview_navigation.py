"""The preview can never be navigated away (issue #6), checked in the real QtWebEngine.

QtWebEngine loads about:blank and runs javascript: links without asking
acceptNavigationRequest. Here the sanitiser is bypassed (anchors are put into the live page
with runJavaScript) and, for javascript:, the page's CSP is removed too; what is left is
the page script's click guard and the view's restore of a page navigated away.
"""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import QUrl
from test_hostile_preview import mouse_click
from test_preview_live import WAIT_MS, run_js
from window_fixtures import site_copy  # noqa: F401

from editor.render.page import render_page
from editor.ui.core_api import Post, Site
from editor.ui.preview import PreviewView

pytestmark = pytest.mark.webengine

MARKER = "NAV-MARKER 이 문단은 남아야 한다."
EDITED = "EDITED-MARKER 편집한 문단."
FILLER = "".join(f"문단 {n} lorem ipsum dolor sit amet.\n\n" for n in range(120))
FRONT = "---\ntitle: Navigation\ncategories:\n  - Test\n---\n\n"
BODY_TEXT = "document.getElementById('pe-body') ? document.getElementById('pe-body').innerText : ''"


@pytest.fixture
def view(qtbot, site_copy):
    preview = PreviewView()
    qtbot.addWidget(preview)
    preview.resize(800, 600)
    preview.show()
    post = Post.from_text(f"{FRONT}{MARKER}\n\n{FILLER}")
    with qtbot.waitSignal(preview.body_updated, timeout=WAIT_MS):
        preview.show_post(post, Site(site_copy))
    qtbot.waitUntil(lambda: preview._page_ready, timeout=WAIT_MS)
    return preview


def inject_link(qtbot, view, href: str) -> None:
    """An anchor straight into the live page: past the sanitiser, at the top of the body."""
    script = (
        "var a = document.createElement('a'); a.id = 'nav'; a.textContent = 'go';"
        f"a.href = {json.dumps(href)};"
        "var p = document.createElement('p'); p.appendChild(a);"
        "var body = document.getElementById('pe-body'); body.insertBefore(p, body.firstChild);"
        "window.scrollTo(0, 0); 1"
    )
    run_js(qtbot, view, script)


def shows(qtbot, view, needle: str) -> bool:
    return needle.split()[0] in (run_js(qtbot, view, BODY_TEXT) or "")


def test_a_clicked_about_blank_link_keeps_the_post(qtbot, view) -> None:
    url = view.url()
    inject_link(qtbot, view, "about:blank")
    mouse_click(qtbot, view, "nav")
    qtbot.wait(700)
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)
    assert view.url() == url
    assert shows(qtbot, view, MARKER)


@pytest.mark.parametrize(
    "navigate",
    [
        "location.href = 'about:blank'; 1",
        "var m = document.createElement('meta'); m.httpEquiv = 'refresh';"
        " m.content = '0;url=about:blank'; document.head.appendChild(m); 1",
    ],
    ids=["script-location", "meta-refresh"],
)
def test_a_page_navigated_to_about_blank_is_rebuilt_with_the_newest_body_and_scroll(
    qtbot, view, navigate
) -> None:
    """A navigation that asks nobody (a script or refresh the CSP let through): the view
    notices the URL change and reloads the post's page, with the text last sent to it
    (not the text the post was opened with) and the reader's scroll position."""
    url = view.url()
    with qtbot.waitSignal(view.body_updated, timeout=WAIT_MS):
        view.update_body(f"{MARKER}\n\n{EDITED}\n\n{FILLER}")
    run_js(qtbot, view, "window.scrollTo(0, 1500); 1")
    qtbot.waitUntil(lambda: view._guard._scroll.y() > 1000, timeout=WAIT_MS)
    run_js(qtbot, view, navigate)
    qtbot.waitUntil(lambda: view.restore_count == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view._page_ready and shows(qtbot, view, EDITED), timeout=WAIT_MS)
    assert view.url() == url
    assert shows(qtbot, view, MARKER)
    scroll_y = "window.scrollY"
    qtbot.waitUntil(lambda: abs(run_js(qtbot, view, scroll_y) - 1500) < 2, timeout=WAIT_MS)
    # the rebuilt page is live: edits reach it in place
    with qtbot.waitSignal(view.body_updated, timeout=WAIT_MS):
        view.update_body(f"AGAIN-MARKER\n\n{FILLER}")
    assert shows(qtbot, view, "AGAIN-MARKER") and not shows(qtbot, view, MARKER)
    assert view.restore_count == 1


def test_a_clicked_javascript_link_does_not_run_with_the_csp_removed(qtbot, site_copy) -> None:
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    base = QUrl.fromLocalFile(str(site_copy) + "/")
    post = Post.from_text(f"{FRONT}{MARKER}\n")
    page = render_page(post, Site(site_copy), base_url=base.toString())
    no_csp, removed = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    assert removed == 1
    view._load_html(no_csp, base)
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)
    # the CSP is really off: an inline handler put into the page runs
    run_js(
        qtbot,
        view,
        "var i = document.createElement('img'); i.src = 'x';"
        " i.setAttribute('onerror', 'window.cspOff = 1'); document.body.appendChild(i); 1",
    )
    qtbot.waitUntil(
        lambda: run_js(qtbot, view, "typeof window.cspOff") == "number", timeout=WAIT_MS
    )
    url = view.url()
    inject_link(qtbot, view, "javascript:window.pwned=1;document.title='pwned'")
    mouse_click(qtbot, view, "nav")
    qtbot.wait(700)
    assert run_js(qtbot, view, "typeof window.pwned") == "undefined"
    assert run_js(qtbot, view, "document.title") != "pwned"
    assert view.url() == url and view.restore_count == 0
    assert "NAV-MARKER" in run_js(qtbot, view, "document.body.innerText")


def test_the_click_guard_leaves_external_links_and_anchors_to_the_editor(
    qtbot, view, monkeypatch
) -> None:
    """The guard stops only odd schemes: an https link still reaches acceptNavigationRequest
    (and so the browser), a #anchor still scrolls."""
    from editor.ui import preview_navigation as navigation_module

    opened: list[str] = []
    monkeypatch.setattr(
        navigation_module, "open_external", lambda url: opened.append(url.toString()) or True
    )
    inject_link(qtbot, view, "https://example.com/x")
    mouse_click(qtbot, view, "nav")
    qtbot.waitUntil(lambda: opened == ["https://example.com/x"], timeout=WAIT_MS)
    run_js(qtbot, view, "document.getElementById('nav').parentNode.remove(); 1")
    run_js(qtbot, view, "Array.from(document.querySelectorAll('#pe-body p')).pop().id = 'far'; 1")
    inject_link(qtbot, view, "#far")
    mouse_click(qtbot, view, "nav")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.scrollY") > 500, timeout=WAIT_MS)
    assert view.restore_count == 0
