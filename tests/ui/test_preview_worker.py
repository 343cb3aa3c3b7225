"""RenderWorker: renders off the GUI thread, one request in flight, only the newest waits."""

from __future__ import annotations

import threading
from pathlib import Path

from editor.ui.core_api import Site, render_body
from editor.ui.preview import error_box
from editor.ui.preview_blocks import ALL_BLOCKS, BodyBlocks
from editor.ui.render_worker import RenderWorker

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"


def test_bursts_render_the_first_and_the_newest_only(qtbot) -> None:
    threads: set[str] = set()

    def render(text: str) -> str:
        threads.add(threading.current_thread().name)
        return render_body(text)

    worker = RenderWorker(error_box)
    blocks = BodyBlocks(render, Site(SAMPLE_SITE), None)
    results: list[tuple] = []
    worker.patch_ready.connect(lambda generation, patch: results.append((generation, patch)))
    for number in range(10):  # all sent before the first result comes back
        worker.request(blocks, 1, f"paragraph {number}\n")
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
    assert len(results) == 2
    assert "paragraph 0" in results[0][1][2][0] and results[0][1][1] == ALL_BLOCKS
    assert "paragraph 9" in results[1][1][2][0] and results[1][1][:2] == (0, 1)
    assert "preview-render" in threads
    worker.stop()


def test_a_failing_renderer_gives_an_error_patch(qtbot) -> None:
    def broken(_text: str) -> str:
        raise ValueError("no good")

    worker = RenderWorker(error_box)
    results: list = []
    worker.patch_ready.connect(lambda _g, patch: results.append(patch))
    worker.request(BodyBlocks(broken, None, None), 3, "x")
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    start, delete_count, inserted = results[0]
    assert (start, delete_count) == (0, ALL_BLOCKS)
    assert "pe-render-error" in inserted[0] and "ValueError: no good" in inserted[0]
    worker.stop()
