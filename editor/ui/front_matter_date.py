"""The front matter form's date row: the date as text, a calendar, and a hint.

A mixin of FrontMatterForm (which provides document, fields, form_page, _line_edit,
_on_line_edited, _write and _site_zone). Texts keep the FrontMatterForm translation context.
A calendar pick changes only the day: the time and zone stay as written, and a post with no
date gets the day alone (post_date.with_day says why); the calendar opens on the date
written, else the file name's day, else today in the site's timezone.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from editor.core.post_date import EXAMPLE, default_day, parse_post_date, with_day, yaml_value

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def scalar_text(value: object) -> str:
    """A front matter value as a form field shows it."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.isoformat(sep=" ")
    return str(value)


class DateRow:
    """The date field, its calendar button and its hint, for FrontMatterForm."""

    def _build_date_row(self) -> QWidget:
        """The date as text (any shape Jekyll reads), a calendar for the day, and a hint."""
        box = QWidget(self.form_page)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        date_edit = self._line_edit("date")
        # Jekyll takes the date from the file name when the key is missing
        date_edit.setPlaceholderText(
            translate("FrontMatterForm", "From the file name, or like {example}").format(
                example=EXAMPLE
            )
        )
        self.calendar = QCalendarWidget(self)
        self.calendar.clicked.connect(self.pick_date)
        menu = QMenu(self)
        calendar_action = QWidgetAction(menu)
        calendar_action.setDefaultWidget(self.calendar)
        menu.addAction(calendar_action)
        menu.aboutToShow.connect(self._show_date_in_calendar)
        self.date_button = QToolButton(self.form_page)
        self.date_button.setText("…")
        self.date_button.setToolTip(translate("FrontMatterForm", "Pick the day from a calendar"))
        self.date_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.date_button.setMenu(menu)
        row.addWidget(date_edit, 1)
        row.addWidget(self.date_button)
        column.addLayout(row)
        self.date_hint = QLabel(box)
        self.date_hint.setObjectName("dateHint")
        self.date_hint.setStyleSheet("color: #c62828;")
        self.date_hint.hide()
        column.addWidget(self.date_hint)
        return box

    def pick_date(self, day: QDate) -> None:
        """The calendar's choice: the day changes, the time and zone stay as written; a post
        with no date gets the day alone (with_day says why). One undo step."""
        edit = self.fields["date"]
        self._replace_field_text(edit, with_day(edit.text(), day.toPython()))
        self._on_line_edited("date", merge=False)
        menu = self.date_button.menu()
        if menu.isVisible():
            menu.close()

    @staticmethod
    def _replace_field_text(edit: QLineEdit, text: str) -> None:
        """Replace the field's text so that Ctrl+Z in the field can take it back (setText
        would clear the field's undo history)."""
        edit.blockSignals(True)  # the caller writes the document itself, as one step
        edit.selectAll()
        edit.insert(text)
        edit.blockSignals(False)

    def _show_date_in_calendar(self) -> None:
        parsed = parse_post_date(self.fields["date"].text())
        if parsed is None:
            path = self.document.path
            day = default_day(path.name if path else None, self._site_zone)
        else:
            day = parsed.date() if isinstance(parsed, _dt.datetime) else parsed
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _show_date_hint(self, text: str) -> None:
        """Say why the typed date is not written (the file keeps its last good date)."""
        bad = bool(text.strip()) and parse_post_date(text) is None
        hint = translate("FrontMatterForm", "Not a date Jekyll reads; write it like {example}")
        hint = hint.format(example=EXAMPLE)
        self.date_hint.setText(hint if bad else "")
        self.date_hint.setVisible(bad)

    def _write_date(self, text: str, previous: object, merge: bool) -> None:
        self._show_date_hint(text)
        if not text.strip():
            self._write(lambda: self.document.unset_meta("date"))
        elif scalar_text(previous) != text and parse_post_date(text) is not None:
            self._write(lambda: self.document.set_meta("date", yaml_value(text), merge=merge))
