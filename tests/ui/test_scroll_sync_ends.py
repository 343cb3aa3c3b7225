"""Scroll sync at the ends of a post, in the real window with the sample post (it has a
header box, a feature image and a body image): the top of the editor shows the top of the
preview (title, header), the end of the editor shows the bottom of the preview, typing at
the end keeps the new text in view, and a block the editor put at the top of the preview
stays there when an image above it loads later (QA, issue #4)."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from window_fixtures import app_settings, site_copy, window  # noqa: F401 (fixtures)

pytestmark = pytest.mark.webengine
WAIT_MS = 15_000
PAGE = (
    "JSON.stringify({y: window.scrollY, height: window.innerHeight,"
    " bottom: document.documentElement.scrollHeight - window.innerHeight})"
)


def run_js(qtbot, view, script: str):
    """Evaluate `script` in the page and return its value."""
    box: list = []
    view.page().runJavaScript(script, 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT_MS)
    return box[0]


def page_state(qtbot, view) -> dict:
    return json.loads(run_js(qtbot, view, PAGE))


def settle(qtbot, view, expect) -> dict:
    """Wait until the page's scroll state satisfies `expect`; return the last state seen
    (the assertion message shows it when the wait runs out)."""
    seen: list[dict] = []

    def holds() -> bool:
        seen.append(page_state(qtbot, view))
        return expect(seen[-1])

    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(holds, timeout=3_000)
    return seen[-1]


@pytest.fixture
def shown(window, qtbot):
    """The window at a size where the sample post scrolls in both panes, its preview
    loaded with every image decoded."""
    window.resize(1100, 760)
    view = window.preview
    qtbot.waitUntil(lambda: view._page_ready, timeout=WAIT_MS)
    body = "document.getElementById('pe-body').innerText"
    qtbot.waitUntil(
        lambda: "산업 디지털 전환" in (run_js(qtbot, view, body) or ""), timeout=WAIT_MS
    )
    images = "Array.from(document.images).every(function (i) { return i.complete; })"
    qtbot.waitUntil(lambda: run_js(qtbot, view, images) is True, timeout=WAIT_MS)
    bar = window.editor.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    wait_until_steady(qtbot, bar.maximum)  # the editor lays out wrapped lines lazily
    wait_until_steady(qtbot, lambda: page_state(qtbot, view)["bottom"])  # the page, resized
    state = page_state(qtbot, view)
    assert state["bottom"] > state["height"]  # the preview scrolls too
    return window


def wait_until_steady(qtbot, read) -> None:
    """Wait until `read()` gives the same value for 300 ms."""
    seen = [read()]

    def steady() -> bool:
        qtbot.wait(300)
        seen.append(read())
        return seen[-1] == seen[-2]

    qtbot.waitUntil(steady, timeout=WAIT_MS)


def scroll_editor(qtbot, window, value: int) -> None:
    """Scroll the editor to `value`; the end means the end once lines shown for the first
    time have been laid out (that can raise the maximum)."""
    bar = window.editor.verticalScrollBar()
    at_end = value == bar.maximum()
    bar.setValue(value)
    while at_end and bar.value() < bar.maximum():
        bar.setValue(bar.maximum())
    assert bar.value() == (bar.maximum() if at_end else value) or not at_end


def test_editor_at_the_top_shows_the_top_of_the_preview(shown, qtbot) -> None:
    view, bar = shown.preview, shown.editor.verticalScrollBar()
    scroll_editor(qtbot, shown, bar.maximum() // 2)
    assert settle(qtbot, view, lambda s: s["y"] > 0)["y"] > 0
    scroll_editor(qtbot, shown, 0)
    assert settle(qtbot, view, lambda s: s["y"] == 0)["y"] == 0  # title and header in view


def test_cursor_to_line_one_shows_the_title_and_header(shown, qtbot) -> None:
    view, editor = shown.preview, shown.editor
    scroll_editor(qtbot, shown, editor.verticalScrollBar().maximum())
    assert settle(qtbot, view, lambda s: s["y"] > 0)["y"] > 0
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert editor.textCursor().blockNumber() == 0
    assert settle(qtbot, view, lambda s: s["y"] == 0)["y"] == 0
    title = "document.querySelector('h1, .post-title').getBoundingClientRect().top"
    assert 0 <= run_js(qtbot, view, title) < page_state(qtbot, view)["height"]


def test_editor_at_the_end_shows_the_bottom_of_the_preview(shown, qtbot) -> None:
    view, bar = shown.preview, shown.editor.verticalScrollBar()
    scroll_editor(qtbot, shown, bar.maximum())
    state = settle(qtbot, view, lambda s: abs(s["y"] - s["bottom"]) <= 1)
    assert abs(state["y"] - state["bottom"]) <= 1, state


def test_typing_at_the_end_keeps_the_new_text_in_view(shown, qtbot) -> None:
    view, editor = shown.preview, shown.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for line in ["", "", "## Closing heading", "", "The closing paragraph"]:
        qtbot.keyClicks(editor, line)
        if line != "The closing paragraph":
            qtbot.keyClick(editor, Qt.Key.Key_Return)
    found = "document.getElementById('pe-body').innerText.indexOf('The closing paragraph') >= 0"
    qtbot.waitUntil(lambda: run_js(qtbot, view, found) is True, timeout=WAIT_MS)
    where = (
        "JSON.stringify(Array.from(document.querySelectorAll('#pe-body h2, #pe-body p'))"
        ".filter(function (e) { return /Closing heading|closing paragraph/.test(e.textContent); })"
        ".map(function (e) { var r = e.getBoundingClientRect();"
        " return [r.top, r.bottom, window.innerHeight]; }))"
    )

    def new_text_in_view() -> bool:
        boxes = json.loads(run_js(qtbot, view, where))
        return len(boxes) == 2 and all(top >= 0 and bottom <= inner for top, bottom, inner in boxes)

    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(new_text_in_view, timeout=3_000)
    boxes = json.loads(run_js(qtbot, view, where))
    assert len(boxes) == 2
    assert all(top >= 0 and bottom <= inner for top, bottom, inner in boxes), boxes
    state = page_state(qtbot, view)
    assert abs(state["y"] - state["bottom"]) <= 1, state


def tall_picture(folder: Path) -> str:
    """A 600x2400 picture in the site, for an image that grows a block once it loads."""
    picture = QImage(600, 2400, QImage.Format.Format_RGB32)
    picture.fill(QColor("#8899aa"))
    assert picture.save(str(folder / "assets" / "img" / "tall.png"))
    return "/assets/img/tall.png"


def test_a_middle_block_stays_in_place_when_an_image_above_it_loads(
    shown, qtbot, site_copy
) -> None:
    view, editor = shown.preview, shown.editor
    tall = tall_picture(site_copy)
    lines = editor.toPlainText().split("\n")
    list_line = next(i for i, line in enumerate(lines) if line.startswith("<ul>"))
    bar = editor.verticalScrollBar()
    while editor.firstVisibleBlock().blockNumber() < list_line and bar.value() < bar.maximum():
        bar.setValue(bar.value() + 1)
    assert editor.firstVisibleBlock().blockNumber() == list_line
    list_top = "document.querySelector('#pe-body ul').getBoundingClientRect().top"
    qtbot.waitUntil(lambda: abs(run_js(qtbot, view, list_top)) < 40, timeout=WAIT_MS)
    placed = run_js(qtbot, view, list_top)
    # the body's first image (above the list) gets a picture four times as tall, the way
    # a picture that loads after the block was placed grows the page above the reader
    source = json.dumps(tall.lstrip("/"))
    grow = (
        "(function () { var image = document.querySelector('#pe-body img');"
        f" image.src = new URL({source}, document.baseURI).href; return image.src; }})()"
    )
    assert run_js(qtbot, view, grow).endswith("tall.png")
    loaded = "(function () { var i = document.querySelector('#pe-body img');"
    loaded += " return i.complete && i.naturalHeight === 2400; })()"
    qtbot.waitUntil(lambda: run_js(qtbot, view, loaded) is True, timeout=WAIT_MS)
    qtbot.wait(300)
    assert abs(run_js(qtbot, view, list_top) - placed) < 2


def test_a_click_in_the_preview_still_moves_the_editor(shown, qtbot) -> None:
    view, editor = shown.preview, shown.editor
    lines = editor.toPlainText().split("\n")
    table_line = next(i for i, line in enumerate(lines) if "<table" in line)
    scroll_editor(qtbot, shown, editor.verticalScrollBar().maximum())
    settle(qtbot, view, lambda s: abs(s["y"] - s["bottom"]) <= 1)
    click = (
        "(function () { var cell = document.querySelector('#pe-body table td');"
        " cell.click(); return true; })()"
    )
    assert run_js(qtbot, view, click) is True
    qtbot.waitUntil(lambda: editor.textCursor().blockNumber() == table_line, timeout=WAIT_MS)


def test_a_preview_the_reader_scrolled_stays_put_while_typing_at_the_end(shown, qtbot) -> None:
    view, editor = shown.preview, shown.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, view, lambda s: abs(s["y"] - s["bottom"]) <= 1)
    assert run_js(qtbot, view, "window.scrollTo(0, 300); window.scrollY") == 300
    qtbot.wait(100)  # the page's scroll event: the reader took over
    qtbot.keyClicks(editor, " readerkeeps")
    found = "document.getElementById('pe-body').innerText.indexOf('readerkeeps') >= 0"
    qtbot.waitUntil(lambda: run_js(qtbot, view, found) is True, timeout=WAIT_MS)
    assert page_state(qtbot, view)["y"] == 300


def test_a_post_that_fits_the_editor_follows_the_cursor(window, qtbot, site_copy) -> None:
    tall = tall_picture(site_copy)
    post = site_copy / "_posts" / "2023-10-01-short.md"
    post.write_text(f"---\ntitle: Short\n---\n![tall]({tall})\n\nfirst\n\nlast\n", "utf-8")
    assert window.open_path(post)
    window.resize(1100, 760)
    view, editor = window.preview, window.editor
    loaded = "(function () { var i = document.querySelector('#pe-body img');"
    loaded += " return !!i && i.complete && i.naturalHeight === 2400; })()"
    qtbot.waitUntil(lambda: run_js(qtbot, view, loaded) is True, timeout=WAIT_MS)
    wait_until_steady(qtbot, lambda: page_state(qtbot, view)["bottom"])
    assert editor.verticalScrollBar().maximum() == 0
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    state = settle(qtbot, view, lambda s: s["bottom"] > 0 and abs(s["y"] - s["bottom"]) <= 1)
    assert state["bottom"] > 0 and abs(state["y"] - state["bottom"]) <= 1, state
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert settle(qtbot, view, lambda s: s["y"] == 0)["y"] == 0
