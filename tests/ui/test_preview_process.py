"""Long posts render in a child process: the page streams in, edits patch it, no reload."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from test_preview_live import LoadCounter, run_js, wait_for_text
from window_fixtures import site_copy  # noqa: F401 (fixture)

from editor.ui.core_api import Post, Site, render_body
from editor.ui.preview import PROCESS_MIN_CHARS, PreviewView
from editor.ui.preview_blocks import BodyBlocks

pytestmark = pytest.mark.webengine
WAIT_MS = 30_000


def long_body() -> str:
    paragraph = "긴 글의 한 문단입니다. **굵게** 쓴 말도 있습니다. " * 10 + "\n\n"
    body = "첫 문단\n\n" + paragraph * (PROCESS_MIN_CHARS // len(paragraph) + 20)
    return body + "끝 문단\n"


def test_a_long_post_is_edited_through_the_render_process(qtbot, site_copy) -> None:
    body = long_body()
    view = PreviewView()
    qtbot.addWidget(view)
    loads = LoadCounter(view)
    view.show_post(Post.from_text(f"---\ntitle: long\n---\n{body}", None), Site(site_copy))
    wait_for_text(qtbot, view, "끝 문단")
    process = view.render_process
    assert process is not None
    qtbot.waitUntil(lambda: process.ready, timeout=WAIT_MS)
    renders = view.render_count
    for number in range(3):
        body = body.replace("첫 문단", f"첫 문단 {number}", 1)
        view.update_body(body)
        wait_for_text(qtbot, view, f"첫 문단 {number}")
    assert view.render_count > renders
    assert not view._body.has_cache  # the thread's copy of the blocks was let go
    expected = BodyBlocks(render_body, Site(site_copy), view._base).blocks_for(body)
    assert view._stream.page_blocks == expected  # the process renders what a fresh render gives
    count = "document.querySelectorAll('#pe-body > .pe-block').length"
    assert run_js(qtbot, view, count) == len(expected)
    assert loads.started == 1


def test_short_posts_stay_on_the_thread(qtbot, site_copy) -> None:
    view = PreviewView()
    qtbot.addWidget(view)
    view.show_post(Post.from_text("---\ntitle: short\n---\n짧은 글\n", None), Site(site_copy))
    wait_for_text(qtbot, view, "짧은 글")
    view.update_body("짧은 글 고침\n")
    wait_for_text(qtbot, view, "짧은 글 고침")
    assert view.render_process is None


def test_a_text_function_is_read_once_per_burst(qtbot, site_copy) -> None:
    view = PreviewView()
    qtbot.addWidget(view)
    view.show_post(Post.from_text("---\ntitle: t\n---\n처음\n", None), Site(site_copy))
    wait_for_text(qtbot, view, "처음")
    reads: list[str] = []

    def body_text() -> str:
        reads.append("read")
        return "다섯 번 고친 글\n"

    for _ in range(5):  # a burst: all before the event loop turns
        view.update_body(body_text)
    assert reads == []  # nothing copied while the keys are handled
    wait_for_text(qtbot, view, "다섯 번 고친 글")
    assert reads == ["read"]
