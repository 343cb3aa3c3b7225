"""QA round 2: `post-editor` (or a mistyped command such as `post-editor chek`) over ssh with
no display: Qt aborted (exit 134, "could not connect to display", a core dump). Now a plain
message says why and which commands work without a window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run_editor

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="X11/Wayland displays")


def run_without_display(*args: str) -> subprocess.CompletedProcess[str]:
    return run_editor(*args, drop_env=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


@pytest.mark.parametrize("args", [(), ("chek",)], ids=["no-arguments", "mistyped-command"])
def test_no_display_is_a_plain_message_not_a_qt_abort(args) -> None:
    result = run_without_display(*args)
    assert result.returncode == 2, result.stderr
    assert "display" in result.stderr and "check, meta, render, publish" in result.stderr
    assert "qt.qpa" not in result.stderr and "Aborted" not in result.stderr


def test_the_commands_still_work_without_a_display() -> None:
    sample = REPO / "resources" / "sample_site" / "_posts"
    post = next(sample.glob("*.md"))
    assert run_without_display("meta", str(post), "--json").returncode == 0


def test_the_selftest_runs_offscreen_without_a_display() -> None:
    """--selftest chooses offscreen itself: the check must not stop it."""
    result = run_without_display("--selftest")
    assert "no display" not in result.stderr
