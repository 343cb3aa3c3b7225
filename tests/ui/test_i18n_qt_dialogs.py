"""Qt's own dialogs and menus speak the UI language: the file dialog (Qt's widget dialog, the
one Linux gets), message box buttons, the text editors' context menus, and the file dialog's
labels that Qt's Korean catalog lacks in Qt 6's wording ("&Look in:", "Files of &type:")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from editor.ui import i18n

HANGUL = re.compile(r"[\uac00-\ud7a3]")
REPO = Path(__file__).resolve().parents[2]


def file_dialog_labels(qtbot) -> list[str]:
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


def test_qt_catalog_comes_from_the_wheel_and_is_installed(korean):
    qt_catalog = i18n.installed_catalogs()[0]
    assert qt_catalog.startswith(i18n.qt_translations_dir())
    assert qt_catalog.endswith("qtbase_ko.qm")


def test_the_file_dialog_labels_are_korean(korean, qtbot):
    labels = file_dialog_labels(qtbot)
    assert labels == ["다음에서 찾기(&L):", "파일 이름(&N):", "파일 형식(&T):"]


def test_the_file_dialog_folder_type_is_korean(korean):
    # The detail view's Type column: Qt 6 asks QAbstractFileIconProvider, with a comment.
    folder = QCoreApplication.translate(
        "QAbstractFileIconProvider", "Folder", "All other platforms"
    )
    assert folder == "폴더"


def test_without_the_gap_filler_qt_6_file_dialog_labels_stay_english(korean, qtbot):
    """Control: proves the labels above need QtCatalogGaps (qtbase_ko.qm lacks them)."""
    gaps = [t for t in i18n._installed if isinstance(t, i18n.QtCatalogGaps)]
    assert gaps
    for translator in gaps:
        korean.removeTranslator(translator)
    labels = file_dialog_labels(qtbot)
    assert "&Look in:" in labels and "Files of &type:" in labels


def test_message_box_buttons_and_context_menus_are_korean(korean, qtbot):
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Discard
        | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["저장", "무시", "취소"])
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "예(&Y)"
    for widget in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(widget)
        texts = [a.text().split("\t")[0] for a in widget.createStandardContextMenu().actions()]
        texts = [text for text in texts if text]
        assert "실행 취소(&U)" in texts and "모두 선택" in texts, texts
        assert all(HANGUL.search(text) for text in texts), texts


def test_switching_the_language_switches_qt_dialogs_too(qapp, qtbot):
    i18n.install_translators(qapp, "ko")
    assert "파일 형식(&T):" in file_dialog_labels(qtbot)
    i18n.install_translators(qapp, "en")
    assert "Files of &type:" in file_dialog_labels(qtbot)
    i18n.install_translators(qapp, "ko")
    try:
        assert "다음에서 찾기(&L):" in file_dialog_labels(qtbot)
    finally:
        i18n.install_translators(qapp, "en")


def test_the_gap_filler_answers_only_qt_contexts_and_only_from_its_catalog(qapp):
    catalog = QTranslator()
    assert catalog.load("qtbase_ko", i18n.qt_translations_dir())
    gaps = i18n.QtCatalogGaps(catalog)
    assert gaps.translate("QFileDialog", "&Look in:") == "다음에서 찾기(&L):"
    assert gaps.translate("QFileDialog", "Files of &type:") == "파일 형식(&T):"
    assert gaps.translate("QFileDialog", "&Open") == "열기(&O)"  # known as is: unchanged
    assert gaps.translate("MainWindow", "&Open") is None  # ours: never guessed from Qt's
    assert gaps.translate("QFileDialog", "No such string in Qt &at all") is None


def test_a_string_no_catalog_knows_stays_in_english(korean):
    """The gap filler answers None, not "": Qt would show an empty string for "" (it did)."""
    assert QCoreApplication.translate("FindReplaceBar", "Not in any catalog") == (
        "Not in any catalog"
    )
    assert QCoreApplication.translate("QFileDialog", "Not in Qt's &catalog") == (
        "Not in Qt's &catalog"
    )


@pytest.mark.parametrize(
    ("text", "letter", "marked"),
    [
        ("다음에서 찾기:", "L", "다음에서 찾기(&L):"),
        ("열기", "O", "열기(&O)"),
        ("저장…", "S", "저장(&S)…"),
        ("이미(&A)", "B", "이미(&A)"),
    ],
)
def test_with_accelerator_marks_the_letter_as_qt_korean_does(text, letter, marked):
    assert i18n.with_accelerator(text, letter) == marked


FILE_DIALOG_PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from editor.ui import i18n
app = QApplication([])
choice = sys.argv[1] or None
print(i18n.install_translators(app, choice))
dialog = QFileDialog(None, "t")
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
print("|".join(label.text() for label in dialog.findChildren(QLabel) if label.text()))
"""


@pytest.mark.parametrize(
    ("system", "choice", "labels"),
    [
        ("ko_KR.UTF-8", "", "다음에서 찾기(&L):|파일 이름(&N):|파일 형식(&T):"),
        ("ko_KR.UTF-8", "en", "&Look in:|File &name:|Files of &type:"),
        ("en_US.UTF-8", "ko", "다음에서 찾기(&L):|파일 이름(&N):|파일 형식(&T):"),
    ],
)
def test_the_file_dialog_follows_the_system_or_the_chosen_language(system, choice, labels):
    """View › Language's choice ("" follows the system) as the app applies it at start."""
    env = {
        **os.environ,
        "LANG": system,
        "LC_ALL": system,
        "LANGUAGE": "",
        "QT_QPA_PLATFORM": "offscreen",
    }
    run = subprocess.run(
        [sys.executable, "-c", FILE_DIALOG_PROBE, choice],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    language, shown = run.stdout.splitlines()
    assert (language, shown) == (choice or system[:2], labels)
