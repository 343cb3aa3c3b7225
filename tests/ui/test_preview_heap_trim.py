"""After a large patch the app trims its C heap once, when quiet; small edits never do."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from test_preview_live import show_body as show
from test_preview_live import wait_for_text
from window_fixtures import site_copy  # noqa: F401 (fixture)

from editor.ui.heap_trim import HeapTrimmer

pytestmark = pytest.mark.webengine
PARAGRAPH = "한 문단입니다. **굵게** 쓴 말도 있습니다. " * 8 + "\n\n"


def test_a_large_body_is_trimmed_once_quiet_and_again_after_edits(qtbot, site_copy) -> None:
    view = show(qtbot, site_copy, PARAGRAPH * 800 + "끝 문단\n")  # ~200,000 characters
    qtbot.waitUntil(lambda: view.heap_trimmer.trims == 1, timeout=30_000)
    for number in range(3):  # typing: no trim while the edits keep coming
        view.update_body(PARAGRAPH * 800 + f"끝 문단 {number}\n")
        wait_for_text(qtbot, view, f"끝 문단 {number}")
    assert view.heap_trimmer.trims == 1 and view.heap_trimmer.pending
    qtbot.waitUntil(lambda: view.heap_trimmer.trims == 2, timeout=5_000)  # then one


def test_small_posts_never_trim(qtbot, site_copy) -> None:
    view = show(qtbot, site_copy, "짧은 글\n\n끝 문단\n")
    for number in range(3):
        view.update_body(f"짧은 글 {number}\n\n끝 문단\n")
        wait_for_text(qtbot, view, f"짧은 글 {number}")
    qtbot.wait(1500)
    assert view.heap_trimmer.trims == 0 and not view.heap_trimmer.pending


def test_the_trimmer_waits_for_quiet(qtbot) -> None:
    trimmer = HeapTrimmer(quiet_ms=300)
    for _ in range(4):  # work keeps coming: the timer restarts each time
        trimmer.after_large_work()
        qtbot.wait(150)
    assert trimmer.trims == 0
    qtbot.waitUntil(lambda: trimmer.trims == 1, timeout=2000)
