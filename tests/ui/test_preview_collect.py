"""The preview page gives back the garbage of large patches once it is quiet (issue #7)."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from test_preview_live import run_js, wait_for_text
from test_preview_live import show_body as show
from window_fixtures import site_copy  # noqa: F401 (fixture)

from editor.qt_env import GC_FUNCTION

pytestmark = pytest.mark.webengine
WAIT_MS = 30_000
COUNT = "window.postEditor.collectionCount()"


def test_a_large_body_is_followed_by_one_collection(qtbot, site_copy) -> None:
    paragraph = "한 문단입니다. **굵게** 쓴 말도 있습니다. " * 8 + "\n\n"
    view = show(qtbot, site_copy, paragraph * 800 + "끝 문단\n")  # ~200,000 characters
    assert run_js(qtbot, view, f"typeof window.{GC_FUNCTION}") == "function"
    assert run_js(qtbot, view, "typeof window.gc") == "undefined"  # not under the usual name
    qtbot.waitUntil(lambda: run_js(qtbot, view, COUNT) == 1, timeout=WAIT_MS)
    view.update_body(paragraph * 800 + "끝 문단 고침\n")  # a small patch: no new collection
    wait_for_text(qtbot, view, "끝 문단 고침")
    qtbot.wait(1500)
    assert run_js(qtbot, view, COUNT) == 1


def test_small_posts_never_pay_for_a_full_collection(qtbot, site_copy) -> None:
    view = show(qtbot, site_copy, "짧은 글\n\n끝 문단\n")
    for number in range(3):
        view.update_body(f"짧은 글 {number}\n\n끝 문단\n")
        wait_for_text(qtbot, view, f"짧은 글 {number}")
    qtbot.wait(1500)
    assert run_js(qtbot, view, COUNT) == 0
