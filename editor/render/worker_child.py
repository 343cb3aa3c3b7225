"""The render child process: ``RenderWorker`` (editor.render.worker) starts it and talks to it.

It is a plain ``subprocess`` running ``python -m editor --render-child REQUEST_FD RESULT_FD``
(in the frozen app: ``post-editor --render-child ...``, which editor/__main__.py hands here
before anything else is imported). Not multiprocessing's spawn: that re-imports the parent's
main script in the child (a script that imports PySide6 at the top cost the child 60 MB
resident instead of 30) and starts a resource-tracker process (13 MB) the renderer never uses
(issue #7, memory).

The two descriptors are pipes wrapped in ``multiprocessing.connection.Connection`` (pickled
messages, as before). The first request is ``("config", sys_path, renderer_spec,
clean_for)``; then each request is ``(seq, text)``, or None to stop. Replies: ``("ready",
pid)``, ``("result", patch)`` and ``("error", seq, traceback)``. No Qt here.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from editor.render.incremental import IncrementalRenderer, RenderUpdate

FLAG = "--render-child"
NOT_CONFIGURED = 3  # exit code: no config from the app (not 2, argparse's usage error)
VERIFY_AFTER_IDLE_S = 0.5  # no new text for this long: compare with a full render
VERIFY_LIMIT = 1_000_000  # characters; longer texts are not re-rendered whole when idle

Cleaner = Callable[[list[str]], list[str]]


def load_function(spec: str) -> Callable[[str], str]:
    """'package.module:function' -> the function."""
    module_name, _, name = spec.partition(":")
    return getattr(importlib.import_module(module_name), name)


def make_cleaner(clean_for: tuple | None) -> Cleaner:
    """Blocks -> sanitised blocks with the site's image links; identity for None."""
    if clean_for is None:
        return lambda htmls: htmls
    from editor.core.site import Site
    from editor.render.page_images import ImageLinker
    from editor.render.sanitize import sanitize_html

    site_root, base_url, *labels = clean_for  # labels: the placeholders' words, if given
    linker = ImageLinker(Site(site_root) if site_root else None, base_url, *labels)
    cache: dict[str, str] = {}

    def clean(htmls: list[str]) -> list[str]:
        if len(cache) > 20_000:  # blocks typed away long ago: start again
            cache.clear()
        out = []
        for raw in htmls:
            if raw not in cache:
                cache[raw] = linker.rewrite(sanitize_html(raw))
            out.append(cache[raw])
        return out

    return clean


def run(argv: list[str]) -> int:
    """Entry point: ``argv`` is [REQUEST_FD, RESULT_FD]. Returns the exit code."""
    # Ctrl+C in a terminal reaches the whole process group: the app stops this child itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests = Connection(int(argv[0]), writable=False)
    results = Connection(int(argv[1]), readable=False)
    try:
        kind, sys_path, renderer_spec, clean_for = requests.recv()
    except (EOFError, OSError, ValueError, TypeError):
        return NOT_CONFIGURED  # the app went away (or is not the app) before configuring us
    if kind != "config":
        return NOT_CONFIGURED
    # The app's import path after ours (as multiprocessing's spawn passed it): renderers
    # named by the app (tests' too) import here; a frozen child keeps its own bundle first.
    sys.path.extend(path for path in sys_path if path not in sys.path)
    serve(requests, results, renderer_spec, clean_for)
    return 0


def serve(requests: Connection, results: Connection, renderer_spec: str, clean_for) -> None:
    """Render the newest request, send the patch, repeat until the app says stop."""
    latest: list[Any] = []
    arrived = threading.Condition()

    def read_requests() -> None:
        while True:
            try:
                message = requests.recv()
            except (EOFError, OSError):
                message = None  # the app went away
            with arrived:
                latest[:] = [message]  # only the newest counts
                arrived.notify()
            if message is None:
                return

    threading.Thread(target=read_requests, daemon=True).start()
    try:
        renderer = IncrementalRenderer(load_function(renderer_spec))
        clean = make_cleaner(clean_for)
    except Exception:
        results.send(("error", -1, "the renderer did not start:\n" + traceback.format_exc()))
        raise
    results.send(("ready", os.getpid()))
    while True:
        with arrived:
            arrived.wait_for(lambda: latest)
            message = latest.pop()
        if message is None:
            return
        results.send(_render_one(renderer, clean, *message))
        with arrived:  # typing paused: check the incremental result against a full render
            idle = not arrived.wait_for(lambda: latest, VERIFY_AFTER_IDLE_S)
        if idle and message[0] is not None and len(message[1]) <= VERIFY_LIMIT:
            correction = _verify(renderer, clean, *message)
            if correction is not None:
                results.send(correction)


def _render_one(renderer: IncrementalRenderer, clean: Cleaner, seq: int, text: str) -> tuple:
    try:
        update = renderer.update(text)
        return ("result", _as_patch(seq, update, clean))
    except Exception:
        return ("error", seq, traceback.format_exc(limit=8))


def _verify(renderer: IncrementalRenderer, clean: Cleaner, seq: int, text: str) -> tuple | None:
    try:
        update = renderer.verify(text)
        return None if update is None else ("result", _as_patch(seq, update, clean))
    except Exception:
        return ("error", seq, traceback.format_exc(limit=8))


def _as_patch(seq: int, update: RenderUpdate, clean: Cleaner) -> dict:
    return {
        "seq": seq,
        "start": update.start,
        "delete_count": update.delete_count,
        "new_htmls": clean(update.new_htmls),
        "rendered_blocks": update.rendered_blocks,
        "line_ranges": update.line_ranges,
        "full_render": update.full_render,
        "render_ms": update.render_ms,
        "warning": update.error,
    }


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
