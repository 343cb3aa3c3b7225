"""Undo and redo for front matter edits, interleaved with the body editor's own undo steps.

The body's history lives in its QTextDocument; PySide6 cannot add custom items to it
(QAbstractUndoItem is not bound). So each front matter step remembers how many body undo
steps existed when it was made. Walking back, a front matter step comes first while the body
has no more steps than it had then; walking forward, it comes once the body is back there.
This keeps one chronological order without touching the body's own stack; Ctrl+Z typed in
the body goes through Document.undo as well (editor/ui/undo_keys.py).

Consecutive keystrokes in one form field (or in the raw YAML editor) merge into one step, as
typing in the body does; a calendar pick, an image choice or a restore is a step of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextDocument


@dataclass
class FrontMatterStep:
    before: str | None  # the raw YAML with its own line endings; None: no front matter
    after: str | None
    body_steps: int  # the body's available undo steps when this step was made
    merge_key: str | None  # steps with the same key merge; None never merges


class FrontMatterUndo:
    """The front matter's undo and redo stacks, ordered against the body's."""

    def __init__(self, body: QTextDocument) -> None:
        self._body = body
        self._undo: list[FrontMatterStep] = []
        self._redo: list[FrontMatterStep] = []
        self._merge_allowed = True  # False right after an undo: the next edit starts anew
        # a new body edit ends the redo of front matter steps, as Qt ends the body's own
        body.undoCommandAdded.connect(lambda: self._redo.clear())

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def record(self, before: str | None, after: str | None, merge_key: str | None) -> None:
        """Note one front matter change (made already) as an undo step."""
        if before == after:
            return
        body_steps = self._body.availableUndoSteps()
        self._redo.clear()
        last = self._undo[-1] if self._undo and self._merge_allowed else None
        self._merge_allowed = True
        if (
            last is not None
            and merge_key is not None
            and last.merge_key == merge_key
            and last.body_steps == body_steps
        ):
            last.after = after
            if last.before == last.after:  # typed and typed back: nothing to undo
                self._undo.pop()
            return
        self._undo.append(FrontMatterStep(before, after, body_steps, merge_key))

    def next_undo(self) -> FrontMatterStep | None:
        """The front matter step to undo now, or None when the body's step comes first."""
        if not self._undo:
            return None
        step = self._undo[-1]
        if self._body.isUndoAvailable() and self._body.availableUndoSteps() > step.body_steps:
            return None
        return step

    def next_redo(self) -> FrontMatterStep | None:
        """The front matter step to redo now, or None when the body's redo comes first."""
        if not self._redo:
            return None
        step = self._redo[-1]
        if self._body.isRedoAvailable() and self._body.availableUndoSteps() < step.body_steps:
            return None
        return step

    def undone(self, step: FrontMatterStep) -> None:
        self._undo.remove(step)
        self._redo.append(step)
        self._merge_allowed = False

    def redone(self, step: FrontMatterStep) -> None:
        self._redo.remove(step)
        self._undo.append(step)
        self._merge_allowed = False  # a redone step never swallows the next keystroke

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)
