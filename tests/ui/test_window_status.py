"""The status bar's counts (window_status): equal to compute_stats over the whole body,
counted in slices once typing pauses, and a keystroke in between drops the stale count."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor

from editor.core.text_stats import compute_stats
from editor.ui.edit_ops import document_text
from editor.ui.markdown_edit import MarkdownEdit
from editor.ui.status_bar import EditorStatusBar, format_stats
from editor.ui.window_status import StatusCounts

SAMPLE_POST = next(
    (Path(__file__).resolve().parents[2] / "resources/sample_site/_posts").glob("*.md")
)
BODY = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2]


class Counted:
    """An editor, a status bar and the counts between them, as the window wires them."""

    def __init__(self, text: str) -> None:
        self.editor = MarkdownEdit()
        self.status = EditorStatusBar()
        self.counts = StatusCounts(self.status, self.editor.document(), self.status)
        self.editor.textChanged.connect(self.counts.text_changed)
        self.editor.setPlainText(text)

    def body(self) -> str:
        return document_text(self.editor.document())

    def expected(self) -> str:
        return format_stats(compute_stats(self.body()))

    def close(self) -> None:
        self.editor.deleteLater()
        self.status.deleteLater()


def test_a_long_body_is_counted_in_slices_and_matches_compute_stats(qtbot) -> None:
    counted = Counted(BODY * 100)  # ~500 KB
    counted.counts.count_now()
    assert counted.counts.busy  # nothing counted synchronously
    qtbot.waitUntil(lambda: not counted.counts.busy, timeout=20_000)
    assert counted.status.stats_label.text() == counted.expected()
    assert counted.counts.slices > 3  # the event loop ran between the slices
    counted.close()


def test_typing_during_a_count_drops_it_and_counts_the_new_text(qtbot) -> None:
    counted = Counted(BODY * 100)
    counts = counted.counts
    counts.count_now()
    qtbot.waitUntil(lambda: counts.slices >= 1, timeout=10_000)
    assert counts.busy
    cursor = counted.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" 새 단어 more words")  # as a keystroke arriving between two slices
    assert not counts.busy and counts.counted == 0  # the stale count is gone, not shown
    qtbot.waitUntil(lambda: counts.counted == 1, timeout=20_000)
    assert counted.status.stats_label.text() == counted.expected()
    assert "새 단어" in counted.body()
    counted.close()


edits = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.integers(0, 30),
        st.sampled_from(
            ["", "단어 ", "**b**", "\n\n", "<b>x</b>", "# ", "&nbsp;", "```\n", "\xa0", "\u2028"]
        ),
    ),
    min_size=1,
    max_size=8,
)


# qtbot only waits here: nothing of it carries over from one example to the next
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits)
def test_counts_shown_after_random_edits_equal_compute_stats(qapp, qtbot, edit_list) -> None:
    counted = Counted(BODY)
    document = counted.editor.document()
    for where, cut, typed in edit_list:
        cursor = QTextCursor(document)
        cursor.setPosition(int(where * (document.characterCount() - 1)))
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, cut)
        cursor.insertText(typed)
    counted.counts.count_now()  # as the pause timer would
    qtbot.waitUntil(lambda: not counted.counts.busy, timeout=10_000)
    assert counted.status.stats_label.text() == counted.expected()
    counted.close()
