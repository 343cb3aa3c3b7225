"""The Open Recent list: newest first, no duplicates, bounded; and the menu that shows it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu

from editor.ui.settings import MAX_RECENT


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def add_recent(
    recent: list[str], path: str | os.PathLike[str], limit: int = MAX_RECENT
) -> list[str]:
    """A new list with `path` first and any earlier mention of it removed."""
    absolute = os.path.abspath(os.fspath(path))
    rest = [item for item in recent if _key(item) != _key(absolute)]
    return [absolute, *rest][:limit]


def remove_recent(recent: list[str], path: str | os.PathLike[str]) -> list[str]:
    target = _key(os.fspath(path))
    return [item for item in recent if _key(item) != target]


class RecentFilesMenu(QMenu):
    """Rebuilt from the list each time it is shown, so it never goes stale."""

    def __init__(
        self,
        title: str,
        get_recent: Callable[[], list[str]],
        open_path: Callable[[str], None],
        clear: Callable[[], None],
        parent=None,
    ) -> None:
        super().__init__(title, parent)
        self._get_recent = get_recent
        self._open_path = open_path
        self._clear = clear
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        self.clear()
        recent = self._get_recent()
        for number, path in enumerate(recent, start=1):
            label = f"&{number % 10} {Path(path).name}" if number <= 10 else Path(path).name
            action = self.addAction(label)
            action.setToolTip(path)
            action.setData(path)
            action.setEnabled(os.path.exists(path))
            action.triggered.connect(lambda _checked=False, p=path: self._open_path(p))
        if not recent:
            self.addAction(self.tr("(none)")).setEnabled(False)
        self.addSeparator()
        clear_action = self.addAction(self.tr("Clear List"))
        clear_action.setEnabled(bool(recent))
        clear_action.triggered.connect(self._clear)
