"""Opening a long post: the top first, the whole from the render child; the thread renders
alone where no child can run (Windows) or start."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from test_preview_live import LoadCounter, run_js, wait_for_text
from window_fixtures import site_copy  # noqa: F401 (fixture)

import editor.render.worker as render_worker
import editor.ui.preview as preview_module
from editor.render.first_screen import first_screen
from editor.ui.core_api import Post, Site, render_body
from editor.ui.preview import PROCESS_MIN_CHARS, PreviewView
from editor.ui.preview_blocks import BodyBlocks

pytestmark = pytest.mark.webengine
WAIT_MS = 30_000


def long_body() -> str:
    paragraph = "긴 글의 한 문단입니다. **굵게** 쓴 말도 있습니다. " * 10 + "\n\n"
    body = "첫 문단\n\n" + paragraph * (PROCESS_MIN_CHARS // len(paragraph) + 20)
    return body + "끝 문단\n"


def open_long(qtbot, site_copy, body: str) -> PreviewView:
    view = PreviewView()
    qtbot.addWidget(view)
    view.show_post(Post.from_text(f"---\ntitle: long\n---\n{body}", None), Site(site_copy))
    return view


def page_equals_a_fresh_render(qtbot, view: PreviewView, site_copy, body: str) -> None:
    expected = BodyBlocks(render_body, Site(site_copy), view._base).blocks_for(body)
    assert view._stream.page_blocks == expected
    count = "document.querySelectorAll('#pe-body > .pe-block').length"
    assert run_js(qtbot, view, count) == len(expected)


def test_on_open_the_thread_renders_only_the_top(qtbot, site_copy, monkeypatch) -> None:
    asked: list[int] = []
    request = preview_module.RenderWorker.request
    monkeypatch.setattr(
        preview_module.RenderWorker,
        "request",
        lambda self, blocks, seq, text: (asked.append(len(text)), request(self, blocks, seq, text)),
    )
    body = long_body()
    view = open_long(qtbot, site_copy, body)
    wait_for_text(qtbot, view, "끝 문단")  # the whole, from the child
    assert asked == [len(first_screen(body))] and asked[0] < len(body)
    assert view.render_process is not None
    page_equals_a_fresh_render(qtbot, view, site_copy, body)


def test_no_child_process_where_the_os_cannot_run_one(qtbot, site_copy, monkeypatch) -> None:
    # Windows cannot hand the child its pipes by descriptor number: the decision function
    # says no there; here it is forced (os.name itself stays as it is).
    monkeypatch.setattr(preview_module, "child_process_supported", lambda: False)
    body = long_body()
    view = open_long(qtbot, site_copy, body)
    wait_for_text(qtbot, view, "끝 문단")
    loads = LoadCounter(view)
    body = body.replace("첫 문단", "첫 문단 고침", 1)
    view.update_body(body)
    wait_for_text(qtbot, view, "첫 문단 고침")
    assert view.render_process is None
    page_equals_a_fresh_render(qtbot, view, site_copy, body)
    assert loads.started == 0  # patched in place, no reload


def test_a_child_that_cannot_start_leaves_the_thread_rendering(
    qtbot, site_copy, monkeypatch
) -> None:
    monkeypatch.setattr(render_worker, "child_command", lambda: ["/nonexistent/post-editor"])
    body = long_body()
    view = open_long(qtbot, site_copy, body)
    wait_for_text(qtbot, view, "끝 문단")
    assert view.render_process is None
    assert "FileNotFoundError" in (view.process_error or "")
    page_equals_a_fresh_render(qtbot, view, site_copy, body)


def test_the_render_worker_refuses_a_non_posix_os(monkeypatch) -> None:
    assert render_worker.child_process_supported("posix")
    assert not render_worker.child_process_supported("nt")
    monkeypatch.setattr(render_worker, "child_process_supported", lambda: False)
    with pytest.raises(render_worker.RenderChildUnsupported):
        render_worker.RenderWorker()
