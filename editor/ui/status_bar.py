"""Status bar: cursor position, word and character counts, reading time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.core.text_stats import TextStats


def format_position(line: int, column: int) -> str:
    return QCoreApplication.translate("StatusBar", "Ln {line}, Col {column}").format(
        line=line, column=column
    )


def format_stats(stats: TextStats) -> str:
    return QCoreApplication.translate(
        "StatusBar",
        "{words} words · {chars} chars ({chars_no_spaces} without spaces) · ~{minutes} min read",
    ).format(
        words=f"{stats.words:,}",
        chars=f"{stats.chars_with_spaces:,}",
        chars_no_spaces=f"{stats.chars_without_spaces:,}",
        minutes=stats.reading_minutes,
    )


class EditorStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position_label = QLabel(format_position(1, 1), self)
        self.stats_label = QLabel("", self)
        self.stats_label.setToolTip(
            QCoreApplication.translate(
                "StatusBar", "Characters (글자수): with spaces / without spaces"
            )
        )
        self.notice_label = QLabel("", self)  # e.g. why a post is read-only
        self.addWidget(self.notice_label, 1)
        self.addPermanentWidget(self.stats_label)
        self.addPermanentWidget(self.position_label)

    def show_position(self, line: int, column: int) -> None:
        self.position_label.setText(format_position(line, column))

    def show_stats(self, stats: TextStats) -> None:
        self.stats_label.setText(format_stats(stats))
        self.stats_label.setToolTip(
            QCoreApplication.translate(
                "StatusBar",
                "Characters (글자수): with spaces / without spaces\n"
                "200-square manuscript pages (원고지): {pages}",
            ).format(pages=stats.manuscript_pages)
        )

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
