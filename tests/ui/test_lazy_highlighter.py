"""LazyMarkdownHighlighter: long passes in slices, the same formats as one whole pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

import editor.ui.lazy_highlighter as lazy
from editor.ui.highlighter import MarkdownHighlighter
from editor.ui.lazy_highlighter import PENDING_STATE, LazyMarkdownHighlighter

REFERENCE = (
    Path(__file__).resolve().parents[2]
    / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
)
BODY = REFERENCE.read_text(encoding="utf-8").split("\n---\n", 1)[1]


class WordChecker:
    """A spell checker that finds one word misspelt (the highlighter's LineChecker shape)."""

    def __init__(self, word: str) -> None:
        self.word = word

    def misspelled_ranges(self, line: str, in_code: bool = False) -> list[tuple[int, int]]:
        found, start = [], line.find(self.word)
        while start >= 0:
            found.append((start, start + len(self.word)))
            start = line.find(self.word, start + 1)
        return found


def make_editor(qtbot, highlighter_class, text: str = ""):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = highlighter_class(editor.document())
    qtbot.wait(1)  # QSyntaxHighlighter attaches on the next turn of the event loop
    if text:
        editor.setPlainText(text)
    return editor, highlighter


def line_formats(editor: QPlainTextEdit) -> list[tuple[object, list]]:
    """Every line's carried-over state and format ranges (copied: the ranges are temporaries).

    The state as the highlighter means it (open fence, open elements), not its block state
    number: each highlighter numbers the states in the order it first meets them."""
    highlighter = editor.document().findChild(MarkdownHighlighter)
    lines, block = [], editor.document().begin()
    while block.isValid():
        state = block.userState()
        meaning = highlighter._states[state] if state >= 0 else state
        ranges = block.layout().formats()
        lines.append((meaning, [(r.start, r.length, QTextCharFormat(r.format)) for r in ranges]))
        block = block.next()
    return lines


def whole_pass(qtbot, text: str, checker=None, dark: bool = False) -> list[tuple[int, list]]:
    editor, highlighter = make_editor(qtbot, MarkdownHighlighter)
    highlighter.set_spell_checker(checker)
    highlighter.set_dark(dark)
    editor.setPlainText(text)
    return line_formats(editor)


def test_a_long_text_leaves_all_but_the_top_for_the_pass(qtbot, monkeypatch):
    monkeypatch.setattr(lazy, "SYNC_BUDGET_S", 0.02)
    text = BODY * 40  # ~320 KB, 3,000 lines: far more than 20 ms of highlighting
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, text)
    lines = line_formats(editor)
    assert highlighter.pending
    assert lines[1][1]  # the top (the image line) has its colours at once
    assert lines[-1][0] == PENDING_STATE and not lines[-1][1]  # the end waits
    qtbot.waitUntil(lambda: not highlighter.pending, timeout=20_000)  # the pass runs alone
    assert line_formats(editor) == whole_pass(qtbot, text)


def test_within_the_budget_it_highlights_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(lazy, "SYNC_BUDGET_S", 60.0)
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY)
    assert not highlighter.pending
    assert line_formats(editor) == whole_pass(qtbot, BODY)


def test_a_refresh_leaves_lines_out_of_view_unlaid(qtbot, monkeypatch):
    # refreshed line by line, QPlainTextEdit laid out every line of a 2 MB post at once
    monkeypatch.setattr(lazy, "SYNC_LINES", 5)
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY * 10)
    highlighter.finish()
    last = editor.document().lastBlock()
    assert last.layout().lineCount() == 0  # never shown, never laid out
    highlighter.set_spell_checker(WordChecker("디지털"))
    highlighter.finish()
    assert last.layout().lineCount() == 0
    assert line_formats(editor) == whole_pass(qtbot, editor.toPlainText(), WordChecker("디지털"))


def test_the_pass_is_not_taken_for_an_edit(qtbot, monkeypatch):
    # rehighlightBlock outside an edit emits contentsChanged: the window would render the
    # preview and autosave for every slice.
    monkeypatch.setattr(lazy, "SYNC_BUDGET_S", 0.0)
    monkeypatch.setattr(lazy, "SYNC_LINES", 1)
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY * 3)
    changes: list[int] = []
    editor.textChanged.connect(lambda: changes.append(1))
    editor.document().contentsChanged.connect(lambda: changes.append(2))
    assert highlighter.pending
    highlighter.finish()
    highlighter.set_spell_checker(WordChecker("디지털"))
    qtbot.waitUntil(lambda: not highlighter.pending, timeout=20_000)
    assert changes == []
    assert not editor.document().signalsBlocked()


def test_a_short_text_gets_spelling_and_colours_at_once(qtbot):
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, "## h\n\n디지털 전환\n")
    highlighter.finish()
    checker = WordChecker("디지털")
    highlighter.set_spell_checker(checker)
    assert not highlighter.pending
    assert line_formats(editor) == whole_pass(qtbot, editor.toPlainText(), checker)
    highlighter.set_dark(True)
    assert not highlighter.pending
    assert line_formats(editor) == whole_pass(qtbot, editor.toPlainText(), checker, dark=True)


def test_spelling_and_dark_mode_keep_formats_until_refreshed(qtbot, monkeypatch):
    monkeypatch.setattr(lazy, "SYNC_LINES", 5)
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY)
    highlighter.finish()
    before = line_formats(editor)
    checker = WordChecker("디지털")
    highlighter.set_spell_checker(checker)
    # 5 lines refreshed at once (and the next, where Qt sees the state unchanged and stops);
    # the rest keep their formats
    assert highlighter.pending
    assert line_formats(editor)[6:] == before[6:]
    highlighter.finish()
    assert line_formats(editor) == whole_pass(qtbot, BODY, checker)
    assert line_formats(editor) != before  # the checker did underline something
    highlighter.set_dark(True)
    highlighter.finish()
    assert line_formats(editor) == whole_pass(qtbot, BODY, checker, dark=True)


def test_the_refresh_starts_at_the_visible_line_and_wraps(qtbot, monkeypatch):
    monkeypatch.setattr(lazy, "SYNC_LINES", 5)
    monkeypatch.setattr(lazy, "PASS_LINES", 1)  # one rehighlightBlock per line
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY)
    highlighter.finish()  # the text's own pass, if the machine was slow enough to need one
    count = editor.document().blockCount()
    highlighter.visible_block = lambda: count // 2
    refreshed: list[int] = []
    original = highlighter.rehighlightBlock

    def record(block):
        refreshed.append(block.blockNumber())
        original(block)

    highlighter.rehighlightBlock = record
    highlighter.rehighlight()
    highlighter.finish()
    assert refreshed == list(range(count // 2, count)) + list(range(count // 2))


EDITS = st.lists(
    st.tuples(
        st.floats(0, 1),  # where, as a share of the text
        st.integers(0, 40),  # characters removed
        st.sampled_from(["", "x", "\n", "```\n", "\n```", "<span style='color:red'>", "\n\n"]),
        st.integers(0, 3),  # slices of the pass run before the next edit
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_edits_during_the_pass_end_as_one_whole_pass(qtbot, monkeypatch, edits):
    # No budget: every run defers all but its first line, so edits meet pending lines
    # before, at and after the frontier; small pass steps move it often.
    monkeypatch.setattr(lazy, "SYNC_BUDGET_S", 0.0)
    monkeypatch.setattr(lazy, "SYNC_LINES", 1)
    monkeypatch.setattr(lazy, "PASS_LINES", 3)
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY[:6000])
    for where, removed, inserted, slices in edits:
        cursor = QTextCursor(editor.document())
        size = editor.document().characterCount() - 1
        start = int(where * size)
        cursor.setPosition(start)
        cursor.setPosition(min(size, start + removed), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(inserted)
        for _ in range(slices):
            highlighter._step()
    highlighter.finish()
    assert line_formats(editor) == whole_pass(qtbot, editor.toPlainText())


@pytest.mark.parametrize("share", [0.0, 0.5, 1.0])
def test_lines_removed_before_the_frontier_are_not_skipped(qtbot, monkeypatch, share):
    monkeypatch.setattr(lazy, "SYNC_BUDGET_S", 0.0)
    monkeypatch.setattr(lazy, "SYNC_LINES", 1)
    monkeypatch.setattr(lazy, "PASS_LINES", 2)
    editor, highlighter = make_editor(qtbot, LazyMarkdownHighlighter, BODY[:4000])
    for _ in range(5):
        highlighter._step()
    frontier = highlighter._frontier.position()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(int(share * frontier))
    cursor.movePosition(QTextCursor.MoveOperation.Down, QTextCursor.MoveMode.KeepAnchor, 4)
    cursor.removeSelectedText()
    highlighter.finish()
    assert line_formats(editor) == whole_pass(qtbot, editor.toPlainText())


CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from editor.core.heap import release_free_heap, resident_kb
from editor.ui.lazy_highlighter import LazyMarkdownHighlighter
app = QApplication([])
editor = QPlainTextEdit()
highlighter = LazyMarkdownHighlighter(editor.document())
editor.resize(600, 400)
editor.show()
app.processEvents()
editor.setPlainText(open(sys.argv[1], encoding="utf-8").read())
highlighter.finish()
app.processEvents()
release_free_heap()
before = resident_kb()
highlighter.rehighlight()
highlighter.finish()
app.processEvents()
release_free_heap()
print(resident_kb() - before)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_rehighlight_keeps_no_shaped_text(tmp_path) -> None:
    """Refreshing every line (the spell checker arriving, dark mode) must not lay them all
    out: a line laid out keeps its shaped glyphs, ~9 MB at 500 KB (benchmarks/README.md)."""
    import subprocess
    import sys

    post = tmp_path / "long.md"
    post.write_text(BODY * 60, encoding="utf-8")  # ~500 KB
    grown_kb = subprocess.run(
        [sys.executable, "-c", CHILD, str(post)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    ).stdout.split()[-1]
    assert int(grown_kb) < 3000
