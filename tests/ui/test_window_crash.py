"""SIGKILL while typing loses at most the last second: the real app, killed, then restarted.

Each trial runs the window in a child process (offscreen), types a numbered word every
50 ms, and is killed with SIGKILL; the next start must offer a copy holding every word
typed more than a second before the kill. PE_CRASH_TRIALS=20 runs the issue's 20 trials.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core.recovery import RecoveryStore

REPO = Path(__file__).resolve().parents[2]
TRIALS = int(os.environ.get("PE_CRASH_TRIALS", "2"))
KILL_AFTER_S = 2.5

DRIVER = r"""
import sys, time
from editor.qt_env import prepare_webengine_environment
prepare_webengine_environment()
from PySide6.QtCore import QCoreApplication, QTimer
QCoreApplication.setApplicationName("post-editor")
import PySide6.QtWebEngineWidgets  # noqa: F401
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from editor.app import build_window
window = build_window(sys.argv[1], None)
window.show()
count = [0]
def type_word():
    QTest.keyClicks(window.editor, f" w{count[0]}")
    print(f"typed {count[0]} {time.monotonic()}", flush=True)
    count[0] += 1
timer = QTimer()
timer.timeout.connect(type_word)
window.preview.page_ready.connect(lambda: timer.start(50))
app.exec()
"""


@pytest.mark.webengine
@pytest.mark.parametrize("trial", range(TRIALS))
def test_sigkill_while_typing_loses_at_most_one_second(tmp_path, sample_site, trial) -> None:
    original = next((sample_site / "_posts").glob("*.md")).read_bytes()
    post = tmp_path / "post.md"
    post.write_bytes(original)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    child = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(post)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    typed: list[tuple[int, float]] = []
    started = None
    try:
        for line in child.stdout:
            number, at = line.split()[1:]
            typed.append((int(number), float(at)))
            started = started or time.monotonic()
            if time.monotonic() - started > KILL_AFTER_S:
                break
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(30)
    assert len(typed) > 20, "the child did not type"
    store = RecoveryStore(tmp_path / "data" / "post-editor" / "recovery")
    entries = store.pending()
    assert len(entries) == 1 and entries[0].post_path == post.resolve()
    recovered = entries[0].text
    must_have = [n for n, at in typed if at < killed_at - 1.0]
    assert must_have, "nothing was typed a second before the kill"
    missing = [n for n in must_have if f" w{n}" not in recovered]
    assert missing == []
    assert post.read_bytes() == original  # the post itself was never written
    store.close()
