"""Child process for test_crash_recovery: an editor that types by itself until it is killed.

    python tests/ui/crash_typing_child.py RECOVERY_FOLDER POST_PATH [INTERVAL_MS]

It opens POST_PATH in a QPlainTextEdit wired to a real Autosaver (default timing), prints
"READY <monotonic time>" and then types TYPED_TEXT one character every INTERVAL_MS: ASCII
through key clicks, Enter as a key, Korean and emoji as input-method commits (the way a
Korean IME delivers them). After each character it prints "<monotonic time>\\t<count>" and
flushes, so the parent knows exactly what was in the editor when. CLOCK_MONOTONIC is
system-wide on Linux, so the parent can compare these times with its own kill time.

Stand-in for the real window until it wires in the Autosaver; the parent only relies on the
printed protocol and on RecoveryStore, so the lead can swap in the real app later.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Mixed text as users write it; long enough for a few seconds of typing at 20 ms a char.
TYPED_TEXT = (
    "\n## 새 문단\n\n"
    'Digital transformation <b><span style="color: #ee2323;">핵심</span></b> is people. 😀\n'
    "- 첫째, 문서를 잃지 않는다\n- second: autosave every second\n"
) * 4

DOC_ID = "crash-typing-doc"


def main() -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from editor.core.recovery import RecoveryStore
    from editor.ui.autosave import Autosaver

    folder, post = Path(sys.argv[1]), Path(sys.argv[2])
    interval_ms = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    app = QApplication(sys.argv[:1])
    editor = QPlainTextEdit()
    editor.setPlainText(post.read_text(encoding="utf-8"))
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.show()
    saver = Autosaver(RecoveryStore(folder), DOC_ID, editor.toPlainText, lambda: post)
    editor.document().contentsChanged.connect(saver.notify_edited)

    typed = 0

    def type_next() -> None:
        nonlocal typed
        if typed == len(TYPED_TEXT):
            return  # the parent kills us long before this
        char = TYPED_TEXT[typed]
        if char == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        elif char.isascii():
            QTest.keyClicks(editor, char)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(editor, commit)
        typed += 1
        print(f"{time.monotonic():.6f}\t{typed}", flush=True)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(type_next)
    timer.start(interval_ms)
    print(f"READY {time.monotonic():.6f}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
