"""Render in a child process, so Python-Markdown never holds the GUI's GIL.

``RenderWorker`` owns one child process (editor.render.worker_child, started as this
executable again with pipes; see there why not multiprocessing) that holds the Markdown
engine and an ``IncrementalRenderer``. The GUI calls ``submit(seq, text)`` on each edit;
only the newest text counts: a pending text is replaced by a newer one on this side, and
in the child, requests that queued up while it was rendering are dropped but the last.
Results come back as patches of the block list; ``poll()`` (never blocks) gathers them
into one ``RenderUpdate`` against what the previous ``poll()`` returned. ``fileno()`` is a
descriptor that becomes readable when something arrived: watch it with a QSocketNotifier.
It stays the same across restarts of the child.

A crash of the child (killed, segfault, broken pipe) is noticed, reported as the update's
``error``, and the child is started again with the newest text. A renderer that raises is
reported the same way and the child goes on. When typing pauses, the child renders the
text whole once and, if the incremental result differs, sends the correction (with a
warning in ``error``) and renders whole from then on. No Qt here: this is the render layer.

With ``clean_for=(site_root, base_url)`` the child also sanitises each changed block and
links its images for the preview (as editor.ui.preview_blocks does on a thread), so the
blocks that come back are the ones the page shows.
"""

from __future__ import annotations

import collections
import contextlib
import os
import select
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

from editor.render.incremental import RenderUpdate, minimal_patch
from editor.render.worker_child import FLAG as CHILD_FLAG

DEFAULT_RENDERER = "editor.render.pipeline:render_body"
MAX_FAILED_STARTS = 3  # child deaths in a row without a result before the worker gives up
# The folder that holds the editor package: the child must import it from wherever it starts.
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


class RenderChildUnsupported(OSError):
    """The render child cannot run on this OS (see child_process_supported)."""


def child_process_supported(os_name: str | None = None) -> bool:
    """Whether the render child can run here. It gets its two pipes by descriptor number
    (subprocess's pass_fds), and the wake-up pipe is non-blocking and watched with a
    QSocketNotifier: POSIX only. Elsewhere (Windows) the preview renders on its thread."""
    return (os_name or os.name) == "posix"


def child_command() -> list[str]:
    """How to start the render child: this executable again, with the child's flag.

    The frozen app is its own interpreter (editor/__main__.py hands the flag to
    editor.render.worker_child before importing anything else); from source, ``python -m
    editor`` does the same.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG]
    return [sys.executable, "-m", "editor", CHILD_FLAG]


def _child_environment() -> dict[str, str]:
    env = dict(os.environ)
    paths = [_PACKAGE_ROOT, *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


# ---------------------------------------------------------------- the GUI side


class _Child:
    """One generation of the child process and the threads that talk to it."""

    def __init__(self, worker: RenderWorker, generation: int) -> None:
        request_reader, request_writer = os.pipe()
        result_reader, result_writer = os.pipe()
        child_ends = (request_reader, result_writer)
        try:
            self.process = subprocess.Popen(
                [*worker.command, *map(str, child_ends)],
                stdin=subprocess.DEVNULL,
                pass_fds=child_ends,
                env=_child_environment(),
            )
        except BaseException:
            for descriptor in (*child_ends, request_writer, result_reader):
                os.close(descriptor)
            raise
        for descriptor in child_ends:  # keep only ours, so EOF means the child died
            os.close(descriptor)
        self.requests = Connection(request_writer, readable=False)
        self.results = Connection(result_reader, writable=False)
        # Sent before anyone else can write here: the send loop only sees a started child.
        # A child that died at once is reported by the receiver thread (EOF), not here.
        with contextlib.suppress(OSError):
            self.requests.send(("config", list(sys.path), worker.renderer_spec, worker.clean_for))
        self.generation = generation
        self.mirror: list[str] = []  # the child's block list, rebuilt from its patches
        threading.Thread(target=self._receive, args=(worker,), daemon=True).start()

    def _receive(self, worker: RenderWorker) -> None:
        while True:
            try:
                message = self.results.recv()
            except (EOFError, OSError):
                worker._deliver(("died", self.generation))
                return
            worker._deliver(message + (self.generation,))

    def stop(self, timeout: float = 2.0) -> None:
        with contextlib.suppress(OSError):
            self.requests.send(None)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout)
        for connection in (self.requests, self.results):
            connection.close()


class RenderWorker:
    """Renders the newest submitted text in a child process; see the module docstring."""

    def __init__(
        self,
        renderer_spec: str = DEFAULT_RENDERER,
        clean_for: tuple[str | None, str | None] | None = None,
        command: list[str] | None = None,
    ) -> None:
        if not child_process_supported():
            raise RenderChildUnsupported(f"no render process on this OS ({os.name})")
        self.renderer_spec = renderer_spec
        self.command = command or child_command()  # e.g. a built executable, in its tests
        self.clean_for = clean_for  # (site root, base URL): clean blocks for the preview
        self._inbox: collections.deque = collections.deque()
        self._wakeup_read, self._wakeup_write = os.pipe()
        os.set_blocking(self._wakeup_read, False)
        os.set_blocking(self._wakeup_write, False)
        self._lock = threading.Lock()
        self._to_send = threading.Condition(self._lock)
        self._pending: tuple[int, str] | None = None  # newest text not yet sent
        self._latest: tuple[int, str] | None = None  # newest text submitted
        self._shown: list[str] = []  # what the last poll() returned
        self._failed_starts = 0
        self._closed = False
        self.restarts = 0
        self.ready = False  # the child has its renderer loaded
        self._generation = 0
        self._child = _Child(self, self._generation)
        threading.Thread(target=self._send_loop, daemon=True).start()

    # -- public API

    def submit(self, seq: int, text: str) -> None:
        """Render ``text`` (tagged ``seq``) soon; replaces any text not yet sent. Never blocks."""
        with self._to_send:
            self._latest = self._pending = (seq, text)
            if self._child is None and not self._closed:  # gave up earlier: try again
                self._failed_starts = 0
                self._start_child()
            self._to_send.notify()

    def fileno(self) -> int:
        """Readable when poll() has something; the same descriptor for the worker's life."""
        return self._wakeup_read

    def poll(self) -> RenderUpdate | None:
        """Everything that arrived since the last call, as one update; None if nothing did."""
        self._drain_wakeup()
        results, errors = [], []
        while self._inbox:
            self._handle(self._inbox.popleft(), results, errors)
        if not results and not errors:
            return None
        return self._combine(results, errors)

    def wait(self, timeout: float) -> RenderUpdate | None:
        """Block up to ``timeout`` seconds for the next update (tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            select.select([self._wakeup_read], [], [], left)
            update = self.poll()
            if update is not None:
                return update
        return None

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.process.pid if child else None

    def close(self) -> None:
        with self._to_send:
            self._closed = True
            child, self._child = self._child, None
            self._to_send.notify()
        if child:
            child.stop()
        for descriptor in (self._wakeup_read, self._wakeup_write):
            with contextlib.suppress(OSError):
                os.close(descriptor)

    def __enter__(self) -> RenderWorker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- internals

    def _start_child(self) -> None:
        self._generation += 1
        self._child = _Child(self, self._generation)

    def _deliver(self, message: tuple) -> None:
        """Called from receiver threads: queue the message and wake the GUI's notifier."""
        if self._closed:
            return  # the wake-up descriptors may be closed (and their numbers reused)
        self._inbox.append(message)
        with contextlib.suppress(OSError):  # full (already readable) or closed: fine
            os.write(self._wakeup_write, b"!")

    def _drain_wakeup(self) -> None:
        with contextlib.suppress(OSError):
            while os.read(self._wakeup_read, 4096):
                pass

    def _send_loop(self) -> None:
        while True:
            with self._to_send:
                self._to_send.wait_for(lambda: self._closed or (self._pending and self._child))
                if self._closed:
                    return
                message, self._pending = self._pending, None
                connection = self._child.requests
            # may wait for the child to read, but not on the GUI thread; if the child died,
            # its receiver thread reports it and poll() restarts it
            with contextlib.suppress(OSError, ValueError):
                connection.send(message)

    def _handle(self, message: tuple, results: list[dict], errors: list[str]) -> None:
        kind, generation = message[0], message[-1]
        child = self._child
        if child is None or generation != child.generation:
            return  # from a child that has been replaced
        if kind == "ready":
            self.ready = True
        elif kind == "result":
            patch = message[1]
            start, count = patch["start"], patch["delete_count"]
            child.mirror[start : start + count] = patch["new_htmls"]
            self._failed_starts = 0
            results.append(patch)
            if patch.get("warning"):
                errors.append(patch["warning"])
        elif kind == "error":
            errors.append(f"render failed (text {message[1]}): {message[2].strip()}")
        elif kind == "died":
            errors.append(self._restart_after_death(child))

    def _restart_after_death(self, child: _Child) -> str:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.process.wait(1.0)
        code = child.process.returncode
        self._failed_starts += 1
        self.ready = False
        with self._to_send:
            if self._failed_starts > MAX_FAILED_STARTS:
                self._child = None  # stop the loop; the next submit() tries again
                return f"the render process keeps failing (exit code {code}); preview paused"
            self.restarts += 1
            self._start_child()
            if self._latest is not None:
                self._pending = self._latest
                self._to_send.notify()
        return f"the render process stopped (exit code {code}); restarted"

    def _combine(self, results: list[dict], errors: list[str]) -> RenderUpdate:
        if results:  # else (only errors) the preview keeps what it shows
            start, count, new = minimal_patch(self._shown, self._child.mirror)
            self._shown = list(self._child.mirror)
        else:
            start, count, new = len(self._shown), 0, []
        last = results[-1] if results else {}
        return RenderUpdate(
            htmls=list(self._shown),
            start=start,
            delete_count=count,
            new_htmls=new,
            rendered_blocks=sum(result["rendered_blocks"] for result in results),
            line_ranges=last.get("line_ranges", []),
            full_render=last.get("full_render", False),
            seq=last.get("seq", -1),
            render_ms=last.get("render_ms", 0.0),
            error="\n".join(errors) or None,
        )
