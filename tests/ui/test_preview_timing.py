"""Edits that arrive while the preview page is loading or being rebuilt are not lost, and a
rebuilt page scrolls to where the reader was in this post (real QtWebEngine)."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from test_preview_live import WAIT_MS, run_js, wait_for_text
from window_fixtures import site_copy  # noqa: F401

from editor.ui.core_api import Post, Site
from editor.ui.preview import PreviewView

pytestmark = pytest.mark.webengine

FILLER = "".join(f"문단 {n} lorem ipsum dolor sit amet.\n\n" for n in range(120))
PAGE_TEXT = "document.body.innerText"


def post(title: str, body: str) -> Post:
    return Post.from_text(f"---\ntitle: {title}\n---\n{body}")


@pytest.fixture
def view(qtbot):
    preview = PreviewView()
    qtbot.addWidget(preview)
    preview.resize(800, 600)
    preview.show()
    return preview


def show(qtbot, view, shown: Post, site: Site) -> None:
    with qtbot.waitSignal(view.body_updated, timeout=WAIT_MS):
        view.show_post(shown, site)
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)


def test_a_header_edit_while_the_page_loads_is_shown(qtbot, view, site_copy) -> None:
    view.show_post(post("Old title", "BODY-TEXT\n"), Site(site_copy))
    assert not view._page_ready  # the shell is still loading
    view.update_parts(post("New title", "BODY-TEXT\n"))
    wait_for_text(qtbot, view, "BODY-TEXT")
    qtbot.waitUntil(lambda: "New title" in run_js(qtbot, view, PAGE_TEXT), timeout=WAIT_MS)
    assert "Old title" not in run_js(qtbot, view, PAGE_TEXT)


def test_an_edit_made_while_the_page_is_rebuilt_is_shown(qtbot, view, site_copy) -> None:
    """A keystroke between a foreign navigation and the page's rebuild: the rebuilt page
    shows it (it once got the text from before the keystroke, until the next one)."""
    show(qtbot, view, post("t", f"FIRST-TEXT\n\n{FILLER}"), Site(site_copy))
    typed: list[str] = []

    def type_while_away(url: QUrl) -> None:
        if url.scheme() == "about" and not typed:
            typed.append("typed")
            view.update_body(f"TYPED-WHILE-AWAY\n\n{FILLER}")

    view.preview_page.urlChanged.connect(type_while_away)
    run_js(qtbot, view, "location.href = 'about:blank'; 1")
    qtbot.waitUntil(lambda: view.restore_count == 1 and view._page_ready, timeout=WAIT_MS)
    assert typed == ["typed"]
    wait_for_text(qtbot, view, "TYPED-WHILE-AWAY")
    assert "FIRST-TEXT" not in run_js(qtbot, view, PAGE_TEXT)


def test_a_rebuilt_page_does_not_scroll_to_the_previous_posts_place(qtbot, view, site_copy) -> None:
    show(qtbot, view, post("one", f"ONE\n\n{FILLER}"), Site(site_copy))
    run_js(qtbot, view, "window.scrollTo(0, 1500); 1")
    qtbot.waitUntil(lambda: view._guard._scroll.y() > 1000, timeout=WAIT_MS)
    show(qtbot, view, post("two", f"TWO\n\n{FILLER}"), Site(site_copy))
    assert run_js(qtbot, view, "window.scrollY") == 0
    run_js(qtbot, view, "location.href = 'about:blank'; 1")
    qtbot.waitUntil(lambda: view.restore_count == 1 and view._page_ready, timeout=WAIT_MS)
    wait_for_text(qtbot, view, "TWO")
    qtbot.wait(300)
    assert run_js(qtbot, view, "window.scrollY") == 0


def test_a_refused_reload_is_not_a_new_page(qtbot, view, site_copy) -> None:
    """The context menu's Reload is refused in acceptNavigationRequest; its loadFinished
    (ok=False) must not announce a fresh page to page_ready's listeners."""
    show(qtbot, view, post("t", "KEPT-TEXT\n"), Site(site_copy))
    ready: list[bool] = []
    finished: list[bool] = []
    view.page_ready.connect(lambda: ready.append(True))
    view.loadFinished.connect(finished.append)
    view.triggerPageAction(QWebEnginePage.WebAction.Reload)
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)
    qtbot.wait(200)
    assert finished == [False] and ready == []
    wait_for_text(qtbot, view, "KEPT-TEXT")


def test_after_a_failed_page_the_next_edit_rebuilds_it_with_that_edit(
    qtbot, view, site_copy, monkeypatch
) -> None:
    """The page itself could not be built (the site's CSS unreadable: a simulated disk
    error), so the preview shows an error page; the next edit builds the page again, with
    the text just typed, not the text the post was opened with."""
    css = site_copy / "_site" / "assets" / "css" / "broken.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text("body { color: #123456; }", encoding="utf-8")
    real_read_text = type(css).read_text

    def read_text(path, *args, **kwargs):
        if path.name == "broken.css":
            raise OSError(5, "Input/output error", str(path))
        return real_read_text(path, *args, **kwargs)

    monkeypatch.setattr(type(css), "read_text", read_text)
    view.show_post(post("t", "OPENED-TEXT\n"), Site(site_copy))
    wait_for_text(qtbot, view, "Input/output error")
    monkeypatch.undo()  # the disk is back
    view.update_body("TYPED-AFTER-ERROR\n")
    wait_for_text(qtbot, view, "TYPED-AFTER-ERROR")
    assert "OPENED-TEXT" not in run_js(qtbot, view, PAGE_TEXT)
