"""The Publish dialog: shows the plan, writes nothing until the writer presses Publish.

All decisions come from ``editor.publish`` (the same plan the CLI prints); this module only
shows them and collects the choices: slug mode (remembered per site), an explicit slug,
draft / replace / commit / push. Applying runs in a worker thread so the progress bar moves
for posts with many images; the dialog can be cancelled at any time before that.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.publish.apply import ApplyResult, apply_plan
from editor.publish.journal import recover_interrupted_publish
from editor.publish.naming import format_date, site_zone
from editor.publish.plan import PublishPlan, make_plan
from editor.publish.prefs import (
    record_publication,
    remember_slug_mode,
    remembered_publication,
    remembered_slug_mode,
)
from editor.ui.publish_text import plan_text, problem_message, said_text

SLUG_MODE_LABELS = {
    "auto": QT_TRANSLATE_NOOP(
        "PublishDialog", "Automatic (file name, front matter slug, numbering, or title)"
    ),
    "front-matter": QT_TRANSLATE_NOOP("PublishDialog", "Front matter `slug`"),
    "title": QT_TRANSLATE_NOOP("PublishDialog", "Title, as Jekyll slugifies it (Korean kept)"),
    "romanized": QT_TRANSLATE_NOOP("PublishDialog", "Title, romanised to ASCII"),
    "number": QT_TRANSLATE_NOOP("PublishDialog", "Next number (sites that name posts by number)"),
}


class _ApplyWorker(QObject):
    """Runs apply_plan off the GUI thread; reports progress through signals."""

    progress = Signal(int, int, object)  # the label is a Phrase: worded by said_text
    done = Signal(object)

    def __init__(self, plan: PublishPlan) -> None:
        super().__init__()
        self._plan = plan

    @Slot()
    def run(self) -> None:
        result = apply_plan(self._plan, progress=self.progress.emit)
        self.done.emit(result)


class PublishDialog(QDialog):
    """``PublishDialog(post, site)``: plan, show, confirm, apply. ``result`` holds the outcome.

    ``applying(plan)`` is emitted on the GUI thread just before the plan is applied (a window
    may stop watching its file: the publish may move or rewrite it). ``published(result)``
    is emitted once the post's files are in place, also when only git failed afterwards
    (``result.ok`` is then False): ``result.follow(path)`` says where the window's file is
    now, e.g. ``result.moved_from`` -> ``result.moved_to`` for a draft moved to _posts.
    """

    applying = Signal(object)  # PublishPlan, about to be applied
    published = Signal(object)  # ApplyResult, the files are in place

    def __init__(
        self, post, site, parent: QWidget | None = None, *, prefs_path: Path | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish"))
        self.resize(760, 560)
        self._post = post
        self._site = site
        self._prefs_path = prefs_path
        self.plan: PublishPlan | None = None
        self.result: ApplyResult | None = None
        self._thread: QThread | None = None
        self._worker: _ApplyWorker | None = None
        # A publish killed midway (SIGKILL, power cut) is rolled back before anything is
        # planned, so the plan and its diff describe the site as it really was.
        self.recovered = recover_interrupted_publish(Path(site.root))
        self._build()
        self._connect()
        self.replan()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.slug_mode = QComboBox()
        for mode, label in SLUG_MODE_LABELS.items():
            self.slug_mode.addItem(QCoreApplication.translate("PublishDialog", label), mode)
        remembered = remembered_slug_mode(self._site.root, self._prefs_path)
        self.slug_mode.setCurrentIndex(max(0, self.slug_mode.findData(remembered or "auto")))
        self.slug_edit = QLineEdit()
        self.slug_edit.setPlaceholderText(self.tr("from the slug mode"))
        # An explicit publish date (like --date); empty: the front matter's date, else the
        # file name's, else the day of publishing.
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(
            self.tr("from the front matter, else the day of publishing")
        )
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Publish with today's date and the current time"))
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.now_button)
        self.draft_box = QCheckBox(self.tr("Save as a draft (_drafts/)"))
        self.overwrite_box = QCheckBox(self.tr("Replace the existing post (see the diff below)"))
        self.commit_box = QCheckBox()
        self._word_commit_box()
        self.push_box = QCheckBox(self.tr("Push the branch"))
        form = QFormLayout()
        form.addRow(self.tr("Slug mode:"), self.slug_mode)
        form.addRow(self.tr("Slug:"), self.slug_edit)
        form.addRow(self.tr("Date:"), date_row)
        options = QHBoxLayout()
        for box in (self.draft_box, self.commit_box, self.push_box):
            options.addWidget(box)
        options.addStretch(1)
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        self.plan_view = QPlainTextEdit(readOnly=True)
        self.plan_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.plan_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setDefault(True)
        self.buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.overwrite_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.plan_view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def _word_commit_box(self) -> None:
        """The commit box shows the message the commit will have (a draft's says so)."""
        title = str(self._post.title or "")
        title = title if len(title) <= 40 else title[:39] + "…"
        if self.draft_box.isChecked():
            label = self.tr("Commit (“Draft: {title}”)")
        else:
            label = self.tr("Commit (“Publish: {title}”)")
        self.commit_box.setText(label.format(title=title))

    def _connect(self) -> None:
        self.slug_mode.currentIndexChanged.connect(self.replan)
        self.slug_edit.editingFinished.connect(self.replan)
        self.date_edit.editingFinished.connect(self.replan)
        self.now_button.clicked.connect(self.use_now)
        self.draft_box.toggled.connect(self._word_commit_box)
        for box in (self.draft_box, self.overwrite_box, self.commit_box, self.push_box):
            box.toggled.connect(self.replan)
        self.publish_button.clicked.connect(self.start_publish)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------------ planning

    def options(self) -> dict:
        slug = self.slug_edit.text().strip() or None
        return {
            "draft": self.draft_box.isChecked(),
            "overwrite": self.overwrite_box.isChecked(),
            "commit": self.commit_box.isChecked() or self.push_box.isChecked(),
            "push": self.push_box.isChecked(),
            "slug": slug,
            "date": self.date_edit.text().strip() or None,
            "slug_mode": self.slug_mode.currentData(),
        }

    @Slot()
    def use_now(self) -> None:
        """Fill the Date field with now in the site's timezone (e.g. over an old draft date)."""
        zone = site_zone(self._site)
        self.date_edit.setText(format_date(datetime.now(zone)))
        self.replan()

    @Slot()
    def replan(self) -> None:
        """Make a fresh plan from the current choices (writes nothing) and show it."""
        if self._thread is not None:
            return
        options = self.options()
        earlier = remembered_publication(
            self._site.root, getattr(self._post, "path", None), options["draft"], self._prefs_path
        )
        self.plan = make_plan(self._post, self._site, **options, published_as=earlier)
        self._show_wrapped(False)
        self.plan_view.setPlainText(plan_text(self.plan))
        self.overwrite_box.setVisible(bool(self.plan.conflicts) or self.overwrite_box.isChecked())
        self.publish_button.setEnabled(self.plan.ok and not self.plan.unchanged)
        draft = self.draft_box.isChecked()
        self.publish_button.setText(self.tr("Save Draft") if draft else self.tr("Publish"))
        summary = self._summary_text(self.plan)
        if self.recovered:
            summary = f"{said_text(self.recovered[0])}. {summary}"
        self.summary.setText(summary)

    @staticmethod
    def _summary_text(plan: PublishPlan) -> str:
        if plan.errors:
            return QCoreApplication.translate("PublishDialog", "Cannot publish: {reason}").format(
                reason=problem_message(plan.errors[0])
            )
        if plan.conflicts and plan.slug_mode == "published-before":
            return QCoreApplication.translate(
                "PublishDialog",
                "This post was published before as {path}: tick “Replace” to update it, "
                "or type a slug to publish a copy.",
            ).format(path=plan.relative(plan.conflicts[0].target))
        if plan.conflicts:
            return QCoreApplication.translate(
                "PublishDialog",
                "A post with this name exists: tick “Replace” to overwrite it, or change the slug.",
            )
        if plan.unchanged:
            return QCoreApplication.translate(
                "PublishDialog", "Already published with the same content: nothing to do."
            )
        images = sum(1 for copy in plan.copies if not copy.reuse)
        target = plan.relative(plan.target) if plan.target else ""
        if images:
            return QCoreApplication.translate(
                "PublishDialog", "Will write {target} and copy {count} image(s)"
            ).format(target=target, count=images)
        return QCoreApplication.translate("PublishDialog", "Will write {target}").format(
            target=target
        )

    # ------------------------------------------------------------------ applying

    @Slot()
    def start_publish(self) -> None:
        """The writer's confirmation: apply the plan shown, in a worker thread."""
        if self.plan is None or not self.plan.ok or self._thread is not None:
            return
        for widget in (self.slug_mode, self.slug_edit, self.draft_box, self.overwrite_box):
            widget.setEnabled(False)
        for widget in (self.date_edit, self.now_button):
            widget.setEnabled(False)
        for widget in (self.commit_box, self.push_box, self.publish_button):
            widget.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.progress.setRange(0, max(1, self._step_count(self.plan)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._thread = QThread(self)
        self._worker = _ApplyWorker(self.plan)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.done.connect(self._on_done)
        self.applying.emit(self.plan)
        self._thread.start()

    @staticmethod
    def _step_count(plan: PublishPlan) -> int:
        copies = sum(1 for copy in plan.copies if not copy.reuse)
        return len(plan.writes) + copies + len(plan.removals) + len(plan.git_steps)

    @Slot(int, int, object)
    def _on_progress(self, done: int, total: int, label: object) -> None:
        self.progress.setFormat("%v/%m  " + said_text(label))
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot(object)
    def _on_done(self, result: ApplyResult) -> None:
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self._worker = None
        self.result = result
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        messages = "\n".join(said_text(message) for message in result.messages)
        error = said_text(result.error)
        landed = bool(result.written or result.removed)
        if landed:
            self._record(result)
        if result.ok:
            remember_slug_mode(self._site.root, self.options()["slug_mode"], self._prefs_path)
            where = self.plan.url or self.plan.relative(self.plan.target)
            if self.plan.draft:
                done = self.tr("Saved the draft: {where}")
            else:
                done = self.tr("Published: {where}")
            self.summary.setText(done.format(where=where))
            self.plan_view.setPlainText(plan_text(self.plan) + "\n" + messages)
        elif landed:
            # The files are in place; only git went wrong (e.g. a rejected push).
            self.summary.setText(
                # the first line: the commands to run follow in the view below
                self.tr("Published the files, but git needs you: {error}").format(
                    error=error.split("\n")[0]
                )
            )
            self._show_wrapped(True)  # the advice is prose: readable without scrolling
            self.plan_view.setPlainText(error + "\n\n" + messages)
        else:
            self.summary.setText(self.tr("Not published: {error}").format(error=error))
            self._show_wrapped(True)
            self.plan_view.setPlainText(error + "\n\n" + messages)
        if landed:
            self.published.emit(result)

    def _record(self, result: ApplyResult) -> None:
        """Remember where the post went, so publishing it again updates that file. A config
        folder that cannot be written loses only this memory: the publish is done."""
        with contextlib.suppress(OSError, ValueError):
            record_publication(self.plan, result, self._prefs_path)

    def _show_wrapped(self, wrapped: bool) -> None:
        """Plans and diffs keep their lines (NoWrap); messages after applying wrap."""
        mode = QPlainTextEdit.LineWrapMode
        self.plan_view.setLineWrapMode(mode.WidgetWidth if wrapped else mode.NoWrap)

    def reject(self) -> None:
        if self._thread is not None:
            return  # applying: all or nothing, so it finishes before the dialog can close
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._thread is not None:
            event.ignore()
            return
        super().closeEvent(event)
