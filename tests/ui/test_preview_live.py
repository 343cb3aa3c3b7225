"""Live preview: one page load per post, body patched in place, scroll kept, links blocked."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from window_fixtures import (  # noqa: F401 (fixtures)
    app_settings,
    site_copy,
    type_text,
    window,
)

from editor.ui import preview_navigation as navigation_module
from editor.ui.core_api import Post, Site
from editor.ui.preview import SET_HTML_LIMIT, PreviewView, data_url_size

pytestmark = pytest.mark.webengine
WAIT_MS = 15_000


def run_js(qtbot, view, script: str):
    """Evaluate `script` in the page and return its value."""
    box: list = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def wait_for_text(qtbot, view, needle: str) -> None:
    def shown() -> bool:
        return needle in (run_js(qtbot, view, "document.getElementById('pe-body').innerText") or "")

    qtbot.waitUntil(shown, timeout=WAIT_MS)


def show_body(qtbot, site: Path, body: str, shown: str = "끝 문단") -> PreviewView:
    """A PreviewView showing a post with ``body`` in ``site``, once ``shown`` is on the page."""
    view = PreviewView()
    qtbot.addWidget(view)
    view.show_post(Post.from_text(f"---\ntitle: t\n---\n{body}", None), Site(site))
    wait_for_text(qtbot, view, shown)
    return view


class LoadCounter:
    def __init__(self, view) -> None:
        self.started = 0
        self.finished = 0
        view.loadStarted.connect(self._start)
        view.loadFinished.connect(self._finish)

    def _start(self) -> None:
        self.started += 1

    def _finish(self, _ok: bool) -> None:
        self.finished += 1


@pytest.fixture
def loaded(window, qtbot):
    """The window with its preview page loaded once."""
    qtbot.waitUntil(lambda: window.preview._page_ready, timeout=WAIT_MS)
    wait_for_text(qtbot, window.preview, "산업 디지털 전환")
    return window


def test_edits_update_the_page_without_reloading(loaded, qtbot) -> None:
    view = loaded.preview
    loads = LoadCounter(view)
    url = view.url()
    for word in ("alpha", "bravo", "charlie"):
        type_text(qtbot, loaded, f"{word} ")
        wait_for_text(qtbot, view, word)
    assert (loads.started, loads.finished) == (0, 0)
    assert view.url() == url
    assert run_js(qtbot, view, "document.querySelectorAll('#pe-body .pe-block').length") > 10


def test_a_burst_of_edits_renders_once(loaded, qtbot) -> None:
    view = loaded.preview
    before = view.render_count
    cursor = loaded.editor.textCursor()
    for char in "burst-typed":  # all in one turn of the event loop
        cursor.insertText(char)
    wait_for_text(qtbot, view, "burst-typed")
    assert view.render_count - before == 1


def test_scroll_position_is_kept_across_edits(loaded, qtbot) -> None:
    view = loaded.preview
    run_js(qtbot, view, "window.scrollTo(0, 600); window.scrollY")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.scrollY") == 600, timeout=WAIT_MS)
    loaded.preview.scroll_to_source = lambda *_: None  # keep editor-driven sync out of this
    end = loaded.editor.document().characterCount() - 1
    cursor = loaded.editor.textCursor()
    cursor.setPosition(end)
    cursor.insertText("\n\n맨 끝에 새 문단\n")
    wait_for_text(qtbot, view, "맨 끝에 새 문단")
    assert run_js(qtbot, view, "window.scrollY") == 600


def test_preview_shows_colours_highlight_table_and_image(loaded, qtbot) -> None:
    view = loaded.preview
    colours = run_js(
        qtbot,
        view,
        "Array.from(document.querySelectorAll('#pe-body span')).map("
        "s => getComputedStyle(s).color + '|' + getComputedStyle(s).backgroundColor).join(';')",
    )
    assert "rgb(238, 35, 35)" in colours  # #ee2323
    assert "rgb(26, 84, 144)" in colours  # #1a5490
    assert "rgba(33, 83, 133, 0.15" in colours  # #21538527: alpha last, as CSS reads it
    assert run_js(qtbot, view, "document.querySelectorAll('#pe-body table td').length") == 18
    body_image = "document.querySelector('#pe-body img')"
    width = f"{body_image} !== null && {body_image}.complete && {body_image}.naturalWidth"
    qtbot.waitUntil(lambda: run_js(qtbot, view, width) == 1200, timeout=WAIT_MS)  # 1200x630
    # and still after an edit re-renders the blocks
    type_text(qtbot, loaded, "x")
    wait_for_text(qtbot, view, "x")
    qtbot.waitUntil(lambda: run_js(qtbot, view, width) == 1200, timeout=WAIT_MS)
    assert run_js(qtbot, view, "document.querySelectorAll('.pe-img-placeholder').length") == 0


def test_links_never_navigate_and_open_externally(loaded, qtbot, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        navigation_module, "open_external", lambda url: opened.append(url.toString()) or True
    )
    view = loaded.preview
    url = view.url()
    run_js(qtbot, view, "window.__stillThisPage = 42; 1")
    link = "document.querySelector('#pe-body a[href^=\"https://newsdao\"]')"
    run_js(qtbot, view, f"{link}.click(); 1")
    qtbot.waitUntil(lambda: opened == ["https://newsdao.kr/2899"], timeout=WAIT_MS)
    qtbot.wait(300)
    # the same document is still there: no navigation happened
    assert run_js(qtbot, view, "window.__stillThisPage") == 42
    assert view.url() == url
    wait_for_text(qtbot, view, "산업 디지털 전환")


@pytest.mark.parametrize(
    "href",
    ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.com/x", "data:text/html,hi"],
)
def test_other_schemes_never_open(qtbot, href, monkeypatch, tmp_path) -> None:
    opened: list[str] = []
    monkeypatch.setattr(navigation_module, "QDesktopServices", _Recorder(opened))
    page = navigation_module.PreviewPage()
    page._follow_link(QUrl(href))
    assert opened == []
    page._follow_link(QUrl("mailto:a@example.com"))
    assert opened == ["mailto:a@example.com"]


class _Recorder:
    def __init__(self, log: list[str]) -> None:
        self.log = log

    def openUrl(self, url: QUrl) -> bool:  # noqa: N802 (QDesktopServices' name)
        self.log.append(url.toString())
        return True


def click_element(qtbot, view, selector: str) -> None:
    """A real mouse click (a user gesture) in the middle of the element."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    script = (
        f"var r = document.querySelector({selector!r}).getBoundingClientRect();"
        "r.left + r.width / 2 + ',' + (r.top + r.height / 2)"
    )
    run_js(qtbot, view, f"document.querySelector({selector!r}).scrollIntoView(); 1")
    x, y = (float(v) * view.zoomFactor() for v in run_js(qtbot, view, script).split(","))
    target = view.focusProxy() or view
    QTest.mouseClick(
        target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(int(x), int(y))
    )


def test_target_blank_link_opens_externally_without_a_window(loaded, qtbot, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        navigation_module, "open_external", lambda url: opened.append(url.toString()) or True
    )
    view = loaded.preview
    run_js(
        qtbot,
        view,
        "window.__samePage = 5; document.querySelector("
        "'#pe-body a[href=\"https://newsdao.kr\"]').setAttribute('target', '_blank'); 1",
    )
    click_element(qtbot, view, '#pe-body a[href="https://newsdao.kr"]')
    qtbot.waitUntil(lambda: opened == ["https://newsdao.kr/"], timeout=WAIT_MS)
    assert run_js(qtbot, view, "window.__samePage") == 5


def test_script_cannot_open_windows(loaded, qtbot, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        navigation_module, "open_external", lambda url: opened.append(url.toString()) or True
    )
    view = loaded.preview
    result = run_js(qtbot, view, "String(window.open('https://example.com/'))")
    qtbot.wait(300)
    assert result == "null" and opened == []


def test_render_error_shows_in_the_preview_and_keeps_the_text(loaded, qtbot) -> None:
    def broken(_text: str) -> str:
        raise RuntimeError("renderer exploded")

    view = loaded.preview
    view.set_renderer(broken)
    type_text(qtbot, loaded, "still here")
    wait_for_text(qtbot, view, "renderer exploded")
    assert run_js(qtbot, view, "document.querySelectorAll('.pe-render-error').length") == 1
    assert "still here" in loaded.editor.toPlainText()


def test_click_in_preview_moves_the_editor_cursor(loaded, qtbot) -> None:
    view = loaded.preview
    run_js(qtbot, view, "document.querySelector('#pe-body table td').click(); 1")
    table_line = next(
        i for i, line in enumerate(loaded.editor.toPlainText().split("\n")) if "<table" in line
    )
    qtbot.waitUntil(lambda: loaded.editor.textCursor().blockNumber() == table_line, timeout=WAIT_MS)


def test_editor_scroll_brings_the_same_block_into_view(loaded, qtbot) -> None:
    view = loaded.preview
    loaded.resize(700, 500)
    # let the page take its new size first; a resize re-anchors its scroll position
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.innerHeight") < 500, timeout=WAIT_MS)
    qtbot.wait(200)
    editor = loaded.editor
    lines = editor.toPlainText().split("\n")
    table_line = next(i for i, line in enumerate(lines) if "<table" in line)
    bar = editor.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    # scroll until the table's first line is the first visible line
    while editor.firstVisibleBlock().blockNumber() < table_line and bar.value() < bar.maximum():
        bar.setValue(bar.value() + 1)
    assert editor.firstVisibleBlock().blockNumber() == table_line
    table_top = "document.querySelector('#pe-body table').getBoundingClientRect().top"
    qtbot.wait(1000)
    qtbot.waitUntil(lambda: abs(run_js(qtbot, view, table_top)) < 40, timeout=WAIT_MS)


def test_front_matter_edit_updates_the_header_without_reload(loaded, qtbot) -> None:
    view = loaded.preview
    loads = LoadCounter(view)
    loaded.document.set_meta("title", "Brand new title")
    qtbot.waitUntil(
        lambda: "Brand new title" in run_js(qtbot, view, "document.body.innerText"),
        timeout=WAIT_MS,
    )
    assert loads.started == 0


def test_a_large_post_loads_a_small_shell_and_streams_its_body(qtbot, site_copy) -> None:
    paragraph = "긴 글의 한 문단입니다. " * 40 + "\n\n"
    body = "첫 문단 표시\n\n" + paragraph * 700  # ~0.9 MB of HTML
    post = Post.from_text(f"---\ntitle: big\n---\n{body}끝 문단 표시\n", None)
    view = PreviewView()
    qtbot.addWidget(view)
    loads = LoadCounter(view)
    updates: list[bool] = []
    view.body_updated.connect(lambda: updates.append(True))
    view.show_post(post, Site(site_copy))
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS * 2)
    assert not view.url().toLocalFile().endswith("preview.html")  # the shell fits setHtml
    wait_for_text(qtbot, view, "첫 문단 표시")
    wait_for_text(qtbot, view, "끝 문단 표시")
    qtbot.waitUntil(lambda: bool(updates), timeout=WAIT_MS)
    assert view.chunks_sent > 2  # a first screenful, then the rest in pieces
    # one body update per render, however many pieces: the top of the body (the thread,
    # while the render child starts), then the whole (the child); the second may find the
    # first already on the page and send only the rest
    assert view.render_count in (1, 2) and updates == [True] * view.render_count
    assert loads.started == 1
    blocks = run_js(qtbot, view, "document.querySelectorAll('#pe-body > .pe-block').length")
    assert blocks == 702


def test_a_page_too_large_for_set_html_loads_through_a_temp_file(qtbot, site_copy) -> None:
    view = PreviewView()
    qtbot.addWidget(view)
    big = "<p>" + "가" * 800_000 + "</p><p id='last'>끝 문단 표시</p>"
    view._load_html(
        f"<!doctype html><html><body><div id='pe-body'>{big}</div></body></html>",
        view.base_url_for(Site(site_copy)),
    )
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS * 2)
    assert view.url().isLocalFile() and Path(view.url().toLocalFile()).name == "preview.html"
    wait_for_text(qtbot, view, "끝 문단 표시")


def test_data_url_size_counts_percent_encoding() -> None:
    assert data_url_size(b"abc-_.~") == 7
    assert data_url_size("<p>가</p>".encode()) == 8 * 3 + 2  # only the two "p" stay single
    assert SET_HTML_LIMIT < 2 * 1024 * 1024


def test_korean_preedit_does_not_update_the_preview_until_committed(loaded, qtbot) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    view = loaded.preview
    loaded.editor.setFocus()
    qtbot.wait(50)
    before = view.render_count
    for preedit in ("ㅎ", "하", "한"):  # composing one syllable
        QApplication.sendEvent(loaded.editor, QInputMethodEvent(preedit, []))
        qtbot.wait(20)
    assert view.render_count == before
    assert "한" not in loaded.editor.toPlainText()[:5]
    commit = QInputMethodEvent("", [])
    commit.setCommitString("한")
    QApplication.sendEvent(loaded.editor, commit)
    qtbot.waitUntil(lambda: view.render_count == before + 1, timeout=WAIT_MS)
    qtbot.wait(100)
    assert view.render_count == before + 1
    assert loaded.editor.toPlainText().startswith("한")


def test_in_page_anchor_scrolls_without_navigating(loaded, qtbot, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(navigation_module, "open_external", lambda url: opened.append(url) or True)
    view = loaded.preview
    end = loaded.editor.document().characterCount() - 1
    cursor = loaded.editor.textCursor()
    cursor.setPosition(end)
    cursor.insertText('\n\n<p id="bottom-anchor">바닥</p>\n')
    cursor.setPosition(0)
    cursor.insertText('<p><a href="#bottom-anchor">아래로</a></p>\n\n')
    wait_for_text(qtbot, view, "아래로")
    run_js(qtbot, view, "window.scrollTo(0, 0); window.__samePage = 7; 1")
    run_js(qtbot, view, "document.querySelector('a[href=\"#bottom-anchor\"]').click(); 1")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.scrollY") > 500, timeout=WAIT_MS)
    assert run_js(qtbot, view, "window.__samePage") == 7 and opened == []


def test_opening_a_post_loads_the_page_once(qtbot, app_settings, site_copy) -> None:
    from window_fixtures import POST_NAME, make_window

    window = make_window(qtbot, app_settings, site_copy)
    loads = LoadCounter(window.preview)
    assert window.open_path(site_copy / "_posts" / POST_NAME)
    wait_for_text(qtbot, window.preview, "산업 디지털 전환")
    qtbot.wait(200)
    assert loads.started == 1


def test_a_window_with_nothing_opened_shows_the_template(qtbot, app_settings, site_copy) -> None:
    from window_fixtures import make_window

    window = make_window(qtbot, app_settings, site_copy)
    wait_for_text(qtbot, window.preview, "여기에 본문을 쓰세요.")
