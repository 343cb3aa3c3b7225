"""Process environment Qt needs before QApplication exists (no Qt import here)."""

from __future__ import annotations

import os

_NO_SANDBOX = "--no-sandbox"
# The preview is one static page: one renderer process is enough, and Chromium's GPU
# thread in the app process (about 60 MB resident, measured with benchmarks/run.py) buys
# nothing for it; software compositing draws it as well (issue #7, memory).
MEMORY_FLAGS = ("--renderer-process-limit=1", "--disable-gpu", "--disable-gpu-compositing")
# The page script (resources/preview/preview.js) calls this V8 function once the preview has
# been quiet for a while after large patches: V8 left the garbage of a streamed 500 KB post
# (the chunk scripts' strings, the replaced blocks) uncollected on an idle page, ~20 MB
# resident in the renderer (benchmarks/README.md). Not the plain `gc`: nothing else should
# find it by that name.
GC_FUNCTION = "__peCollectGarbage"
JS_GC_FLAG = f"--js-flags=--expose-gc-as={GC_FUNCTION}"


def prepare_webengine_environment() -> None:
    """Chromium flags for the preview, kept beside any the user set.

    QtWebEngine's Chromium refuses to start as root unless its sandbox is off: without
    --no-sandbox the app (and the packaged build) exits with no message when run as root.
    The sandbox stays on for everyone else.
    """
    wanted = list(MEMORY_FLAGS)
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    # Chromium reads only the last --js-flags: a user's own V8 flags win over ours.
    if not any(flag.startswith("--js-flags=") for flag in flags):
        wanted.append(JS_GC_FLAG)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        wanted.append(_NO_SANDBOX)
    added = [flag for flag in wanted if flag not in flags]
    if added:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags + added)
