"""Process environment Qt needs before QApplication exists (no Qt import here)."""

from __future__ import annotations

import os

_NO_SANDBOX = "--no-sandbox"


def prepare_webengine_environment() -> None:
    """QtWebEngine's Chromium refuses to start as root unless its sandbox is off.

    Without this the app (and the packaged build) exits with no message when run as root.
    """
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if _NO_SANDBOX not in flags.split():
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} {_NO_SANDBOX}".strip()
