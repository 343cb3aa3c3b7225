"""Child process for test_crash_recovery: an editor that types by itself until it is killed.

    python tests/ui/crash_typing_child.py stand-in RECOVERY_FOLDER POST_PATH [INTERVAL_MS]
    python tests/ui/crash_typing_child.py window SITE_FOLDER POST_PATH [INTERVAL_MS]

"stand-in" opens POST_PATH in a QPlainTextEdit wired to a real Autosaver (default timing);
"window" opens it in the real main window (editor.app.build_window). Then it prints
"READY <monotonic time>" and then types TYPED_TEXT one character every INTERVAL_MS: ASCII
through key clicks, Enter as a key, Korean and emoji as input-method commits (the way a
Korean IME delivers them). After each character it prints
"<monotonic time>\\t<count>\\t<JSON of the text typed so far>" and flushes, so the parent knows
exactly what was in the editor when. That text is read back from the editor, not assumed:
the window's editor continues a list on Enter ("- " appears by itself), so after a list item
the editor holds more than the keys typed. CLOCK_MONOTONIC is system-wide on Linux, so the
parent can compare these times with its own kill time.

The parent relies only on this printed protocol and on the RecoveryStore files, so the
same trials run against the stand-in and, once it wires in the Autosaver, the real window.
"""

from __future__ import annotations

import json
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


def stand_in_editor(folder: Path, post: Path):
    """A QPlainTextEdit wired to a real Autosaver exactly as the window is meant to be."""
    from PySide6.QtWidgets import QPlainTextEdit

    from editor.core.recovery import RecoveryStore
    from editor.ui.autosave import Autosaver

    editor = QPlainTextEdit()
    editor.setPlainText(post.read_text(encoding="utf-8"))
    saver = Autosaver(RecoveryStore(folder), DOC_ID, editor.toPlainText, lambda: post)
    editor.document().contentsChanged.connect(saver.notify_edited)
    editor.show()
    return editor, (editor, saver)


def real_window_editor(site: Path, post: Path):
    """The real main window (its own autosave wiring); we type into its body editor.

    The recovery folder is wherever the window puts it under $XDG_DATA_HOME.
    """
    from PySide6.QtWidgets import QPlainTextEdit

    from editor.app import build_window

    window = build_window(str(post), str(site))
    window.show()
    editor = window.findChildren(QPlainTextEdit)[0]  # the body editor comes first
    return editor, (window,)


def main() -> int:
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor.qt_env import prepare_webengine_environment

    mode, place, post = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    interval_ms = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    if mode == "window":
        prepare_webengine_environment()
        import PySide6.QtWebEngineWidgets  # noqa: F401  (must load before QApplication)
    QCoreApplication.setOrganizationName("post-editor")
    QCoreApplication.setApplicationName("post-editor")
    app = QApplication(sys.argv[:1])
    make = stand_in_editor if mode == "stand-in" else real_window_editor
    editor, keep_alive = make(place, post)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    start = editor.textCursor().position()

    def typed_so_far() -> str:
        """The editor's text from where typing began to its end (small: no whole-text copy)."""
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selection().toPlainText()

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
        now = time.monotonic()
        print(f"{now:.6f}\t{typed}\t{json.dumps(typed_so_far())}", flush=True)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(type_next)
    timer.start(interval_ms)
    print(f"READY {time.monotonic():.6f}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
