"""Process environment Qt needs before QApplication exists (no Qt import here)."""

from __future__ import annotations

import os

_NO_SANDBOX = "--no-sandbox"
# The preview is one static page: one renderer process is enough, and Chromium's GPU
# thread in the app process (about 60 MB resident, measured with benchmarks/run.py) buys
# nothing for it; software compositing draws it as well (issue #7, memory).
MEMORY_FLAGS = ("--renderer-process-limit=1", "--disable-gpu", "--disable-gpu-compositing")


def prepare_webengine_environment() -> None:
    """Chromium flags for the preview, kept beside any the user set.

    QtWebEngine's Chromium refuses to start as root unless its sandbox is off: without
    --no-sandbox the app (and the packaged build) exits with no message when run as root.
    The sandbox stays on for everyone else.
    """
    wanted = list(MEMORY_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        wanted.append(_NO_SANDBOX)
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    added = [flag for flag in wanted if flag not in flags]
    if added:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags + added)
