"""RenderWorker with a real child process: newest text only, patches, crashes, errors."""

from __future__ import annotations

import os
import select
import signal
import time

import pytest

from editor.render.pipeline import render_body
from editor.render.worker import MAX_FAILED_STARTS, RenderWorker

pytestmark = pytest.mark.timeout(60)

THIS_MODULE = __name__  # the child imports the renderers below by this name


def slow_render(text: str) -> str:
    """A renderer that takes 150 ms per call, and fails on demand."""
    if "BOOM" in text:
        raise ValueError("the renderer exploded")
    time.sleep(0.15)
    return "\n".join(f"<p>{part}</p>" for part in text.split("\n\n") if part)


def wait_for_seq(worker: RenderWorker, seq: int, timeout: float = 20) -> list:
    """All updates until the one for ``seq``."""
    updates = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        update = worker.wait(deadline - time.monotonic())
        if update is not None:
            updates.append(update)
            if update.seq == seq:
                return updates
    raise AssertionError(f"no update for {seq}; got {[(u.seq, u.error) for u in updates]}")


def patched(previous: list[str], update) -> list[str]:
    blocks = list(previous)
    blocks[update.start : update.start + update.delete_count] = update.new_htmls
    return blocks


def test_renders_in_a_child_and_sends_patches():
    with RenderWorker() as worker:
        assert worker.pid and worker.pid != os.getpid()
        text = "# Title\n\none\n\ntwo\n"
        worker.submit(1, text)
        first = wait_for_seq(worker, 1)[-1]
        assert first.html == render_body(text) and first.error is None
        assert worker.ready
        edited = text.replace("two", "two!")
        worker.submit(2, edited)
        second = wait_for_seq(worker, 2)[-1]
        assert (second.start, second.delete_count, second.rendered_blocks) == (2, 1, 1)
        assert patched(first.htmls, second) == second.htmls
        assert second.html == render_body(edited)


def test_fileno_becomes_readable_when_a_result_arrives():
    with RenderWorker() as worker:
        assert worker.poll() is None  # nothing rendered yet (a "ready" note is no update)
        worker.submit(7, "hello")
        readable, _, _ = select.select([worker.fileno()], [], [], 20)
        assert readable == [worker.fileno()]
        deadline = time.monotonic() + 20
        update = None
        while update is None and time.monotonic() < deadline:
            update = worker.poll()  # the "ready" note may come first and return nothing
            if update is None:
                select.select([worker.fileno()], [], [], 1)
        assert update.seq == 7 and update.htmls == ["<p>hello</p>"]


def test_only_the_newest_text_is_rendered_when_requests_pile_up():
    with RenderWorker(f"{THIS_MODULE}:slow_render") as worker:
        for seq in range(1, 21):
            started = time.perf_counter()
            worker.submit(seq, f"text {seq}")
            assert time.perf_counter() - started < 0.05  # submit never waits
        updates = wait_for_seq(worker, 20)
        renders = sum(update.rendered_blocks for update in updates)
        assert renders <= 4  # 20 requests; most were dropped unseen
        assert updates[-1].htmls == ["<p>text 20</p>"]


def test_a_killed_child_is_reported_restarted_and_renders_the_newest_text():
    with RenderWorker() as worker:
        worker.submit(1, "alpha\n\nbeta")
        before = wait_for_seq(worker, 1)[-1]
        old_pid = worker.pid
        os.kill(old_pid, signal.SIGKILL)
        report = worker.wait(20)
        assert report is not None and "stopped" in report.error
        assert report.htmls == before.htmls and report.delete_count == 0  # preview kept
        assert worker.restarts == 1 and worker.pid != old_pid
        worker.submit(2, "alpha\n\ngamma")
        after = wait_for_seq(worker, 2)[-1]
        assert after.html == render_body("alpha\n\ngamma")
        assert patched(before.htmls, after) == after.htmls


def test_a_renderer_error_is_reported_and_the_worker_goes_on():
    with RenderWorker(f"{THIS_MODULE}:slow_render") as worker:
        worker.submit(1, "fine")
        wait_for_seq(worker, 1)
        worker.submit(2, "BOOM")
        failed = worker.wait(20)
        assert failed is not None and "exploded" in failed.error and failed.htmls == ["<p>fine</p>"]
        worker.submit(3, "fine again")
        assert wait_for_seq(worker, 3)[-1].htmls == ["<p>fine again</p>"]
        assert worker.restarts == 0


def test_a_renderer_that_cannot_start_pauses_with_a_message_instead_of_looping():
    with RenderWorker("editor.render.no_such_module:render") as worker:
        worker.submit(1, "text")
        errors = []
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and not any("paused" in e for e in errors):
            update = worker.wait(1)
            if update is not None and update.error:
                errors.append(update.error)
        assert any("no_such_module" in error for error in errors)
        assert any("paused" in error for error in errors)
        assert worker.restarts == MAX_FAILED_STARTS and worker.pid is None


def test_starting_the_worker_does_not_wait_for_the_child_to_load_its_renderer():
    started = time.perf_counter()
    worker = RenderWorker()
    try:
        assert time.perf_counter() - started < 1.0  # spawn only; imports happen in the child
        assert not worker.ready
        worker.submit(1, "x")  # queued while the child is still loading
        assert wait_for_seq(worker, 1)[-1].htmls == ["<p>x</p>"]
    finally:
        worker.close()
    assert worker.pid is None


def numbered_paragraphs(text: str) -> str:
    """A renderer with a rule across blocks the splitter cannot know: paragraph numbers."""
    parts = [part for part in text.split("\n\n") if part.strip()]
    return "\n".join(f"<p>{number}: {part}</p>" for number, part in enumerate(parts, 1))


def test_when_typing_pauses_a_full_render_corrects_a_wrong_incremental_result():
    with RenderWorker(f"{THIS_MODULE}:numbered_paragraphs") as worker:
        worker.submit(1, "a\n\nb")
        updates = wait_for_seq(worker, 1)
        assert updates[-1].htmls == ["<p>1: a</p>", "<p>1: b</p>"]  # blocks rendered alone
        correction = worker.wait(20)
        assert correction is not None and "differed" in correction.error
        assert correction.html == numbered_paragraphs("a\n\nb") and correction.full_render
        worker.submit(2, "a\n\nb\n\nc")
        assert wait_for_seq(worker, 2)[-1].html == numbered_paragraphs("a\n\nb\n\nc")


def test_a_qt_socket_notifier_on_fileno_delivers_updates(qtbot):
    from PySide6.QtCore import QSocketNotifier

    with RenderWorker() as worker:
        received = []
        notifier = QSocketNotifier(worker.fileno(), QSocketNotifier.Type.Read)

        def on_readable() -> None:
            update = worker.poll()
            if update is not None:
                received.append(update)

        notifier.activated.connect(on_readable)
        worker.submit(1, "# Hi\n\nthere")
        qtbot.waitUntil(lambda: any(u.seq == 1 for u in received), timeout=20_000)
        worker.submit(2, "# Hi\n\nthere!")
        qtbot.waitUntil(lambda: any(u.seq == 2 for u in received), timeout=20_000)
        notifier.setEnabled(False)
        assert received[-1].html == render_body("# Hi\n\nthere!")
        assert received[-1].rendered_blocks == 1


def test_submitting_megabytes_while_the_child_is_busy_does_not_wait():
    big = "x" * 2_000_000
    with RenderWorker(f"{THIS_MODULE}:slow_render") as worker:
        for seq in range(1, 4):
            started = time.perf_counter()
            worker.submit(seq, big + str(seq))
            assert time.perf_counter() - started < 0.05
        assert wait_for_seq(worker, 3)[-1].htmls == [f"<p>{big}3</p>"]
