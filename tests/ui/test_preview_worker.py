"""The preview's renderers: a thread (one request in flight, only the newest waits) and a
child process watched by a QSocketNotifier; both hand back every block, cleaned."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

from editor.ui.core_api import Site, render_body
from editor.ui.preview import error_box
from editor.ui.preview_blocks import BodyBlocks
from editor.ui.render_worker import ProcessRenderer, RenderWorker

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
BASE = SAMPLE_SITE.resolve().as_uri() + "/"
TEXT = '# 제목\n\n<p style="color:#ee2323" onclick="x()">빨강</p>\n\n![그림](/assets/a.png)\n'


def test_bursts_render_the_first_and_the_newest_only(qtbot) -> None:
    threads: set[str] = set()

    def render(text: str) -> str:
        threads.add(threading.current_thread().name)
        return render_body(text)

    worker = RenderWorker(error_box)
    blocks = BodyBlocks(render, Site(SAMPLE_SITE), None)
    results: list[tuple] = []
    worker.blocks_ready.connect(lambda seq, htmls: results.append((seq, htmls)))
    for number in range(10):  # all sent before the first result comes back
        worker.request(blocks, number, f"paragraph {number}\n")
    qtbot.waitUntil(lambda: not worker.busy, timeout=10_000)
    assert [seq for seq, _ in results] == [0, 9]
    assert "paragraph 0" in results[0][1][0] and "paragraph 9" in results[1][1][0]
    assert "preview-render" in threads
    worker.stop()


def test_a_failing_renderer_gives_an_error_block(qtbot) -> None:
    def broken(_text: str) -> str:
        raise ValueError("no good")

    worker = RenderWorker(error_box)
    results: list = []
    worker.blocks_ready.connect(lambda _seq, htmls: results.append(htmls))
    worker.request(BodyBlocks(broken, None, None), 3, "x")
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert len(results[0]) == 1
    assert "pe-render-error" in results[0][0] and "ValueError: no good" in results[0][0]
    worker.stop()


def test_the_process_gives_the_same_blocks_as_the_thread(qtbot) -> None:
    expected = BodyBlocks(render_body, Site(SAMPLE_SITE), BASE).blocks_for(TEXT)
    assert "onclick" not in "".join(expected)  # sanitised
    process = ProcessRenderer(error_box, (str(SAMPLE_SITE), BASE))
    results: list[tuple] = []
    process.blocks_ready.connect(lambda seq, htmls: results.append((seq, htmls)))
    process.request(1, TEXT)
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert results[0] == (1, expected)
    assert process.pid != os.getpid()
    process.close()


def test_a_killed_process_shows_an_error_then_renders_again(qtbot) -> None:
    process = ProcessRenderer(error_box, (None, None))
    results: list[tuple] = []
    process.blocks_ready.connect(lambda seq, htmls: results.append((seq, htmls)))
    process.request(1, "first text\n")
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    os.kill(process.pid, signal.SIGKILL)
    process.request(2, "second text\n")
    qtbot.waitUntil(lambda: any("second text" in "".join(h) for _, h in results), timeout=20_000)
    errors = [htmls[0] for _, htmls in results if "pe-render-error" in htmls[0]]
    assert errors and "restarted" in errors[0]
    process.close()
