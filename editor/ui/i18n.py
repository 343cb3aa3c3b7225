"""The UI language: Korean or English, following the system locale unless the writer chooses.

For the window helper:

- ``app.py``: right after creating the QApplication and reading settings, and before any
  widget is built, call ``install_translators(app, prefs.language)`` where ``language`` is
  None ("follow the system"), ``"ko"`` or ``"en"``. It returns the language in effect.
- Settings: offer ``language_choices()`` (value, label) in a combo box and save the value
  (None / "ko" / "en"). Widgets built earlier keep their texts, so say that a change takes
  effect after a restart (or rebuild the window).
- Strings: wrap every user-visible string in ``self.tr("...")`` inside a QObject subclass
  that is never subclassed further, or ``QCoreApplication.translate("Context", "...")``
  elsewhere (PySide's ``tr`` takes the *runtime* class name as context, lupdate the class it
  reads the call in). Fill values in with ``.format()`` after ``tr``:
  ``self.tr("Saved {name}").format(name=name)``, never an f-string inside ``tr``.
  Labels kept in tables: ``QT_TRANSLATE_NOOP("FormatBar", "Bold")`` in the table and
  ``QCoreApplication.translate("FormatBar", label)`` where it is shown.
  ``scripts/find_untranslated.py`` lists visible strings that still bypass tr().
- After changing strings run ``scripts/update_translations.sh``, translate what it reports
  as unfinished in resources/translations/post_editor_ko.ts (Qt Linguist or an editor),
  and run it again to compile the .qm that the app loads.

Qt's own strings (the text editor's Undo/Cut/Copy/Paste menu, standard dialog buttons, the
file dialog) come from Qt's ``qtbase_ko.qm``, shipped with PySide6 (and bundled by build.spec).
That catalog lags behind Qt 6's sources in a few places: the file dialog asks for "&Look in:"
and "Files of &type:" while the catalog knows "Look in:" and "Files of type:". ``QtCatalogGaps``
answers such misses from the same catalog (see there), so no Korean is written in our code.
View › Language saves the choice that ``install_translators`` applies at the next start, to
Qt's catalogs and ours alike.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor.resources import resource_path

APP_CATALOG = "post_editor"
QT_CATALOGS = ("qtbase",)
SUPPORTED = ("ko", "en")  # English is the source language: it needs no catalog

_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators

# Qt's own contexts are its class names (QFileDialog, QLineEdit ...); ours never look like that.
_QT_CONTEXT = re.compile(r"Q[A-Z]\w*")
# Contexts whose strings Qt's catalog keeps under another class: the file dialog's "Folder" and
# "Drive" moved to QAbstractFileIconProvider in Qt 6; qtbase_ko.qm has them as QFileDialog's.
_CONTEXT_ALIASES = {"QAbstractFileIconProvider": "QFileDialog"}
# "&Look in:" -> ("", "L", "Look in:" ...): the accelerator letter and the text without it.
_ACCELERATOR = re.compile(r"&(\w)")


class QtCatalogGaps(QTranslator):
    """Fills the gaps of Qt's own catalog from that same catalog, for Qt's contexts only.

    Installed before every other catalog, so Qt asks it last: only for a string nobody
    translated. It tries the source without its accelerator ("&Look in:" -> "Look in:", the
    letter is added back the way Qt's Korean catalog writes it: "다음에서 찾기(&L):"), without
    its disambiguation, and under the context the catalog keeps it in.
    """

    def __init__(self, catalog: QTranslator, parent=None) -> None:
        super().__init__(parent)
        self.catalog = catalog

    def translate(self, context, source_text, disambiguation=None, n=-1) -> str | None:
        # None, not "": Qt takes an empty (non-null) string as the translation and stops there.
        if not context or not source_text or not _QT_CONTEXT.fullmatch(context):
            return None
        contexts = [context] + ([_CONTEXT_ALIASES[context]] if context in _CONTEXT_ALIASES else [])
        for where in contexts:
            for comment in dict.fromkeys([disambiguation, None]):
                found = self._lookup(where, source_text, comment, n)
                if found:
                    return found
        return None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return self.catalog.isEmpty()

    def _lookup(self, context: str, source: str, comment: str | None, n: int) -> str | None:
        found = self.catalog.translate(context, source, comment, n)
        if found:
            return found
        letter = _ACCELERATOR.search(source)
        if letter is None:
            return None
        bare = self.catalog.translate(context, _ACCELERATOR.sub(r"\1", source, 1), comment, n)
        return with_accelerator(bare, letter.group(1).upper()) if bare else None


def with_accelerator(text: str, letter: str) -> str:
    """ "다음에서 찾기:" + "L" -> "다음에서 찾기(&L):": how Qt's Korean catalog marks them."""
    if "&" in text:
        return text
    stem = text.rstrip(":：… ")
    return f"{stem}(&{letter}){text[len(stem) :]}"


def language_choices() -> list[tuple[str | None, str]]:
    """(setting value, label) pairs for a language combo box; each name in its own language."""
    system = QCoreApplication.translate("LanguageChoice", "System language")
    return [(None, system), ("ko", "한국어"), ("en", "English")]


def translations_dir():
    """resources/translations (in a checkout and in a PyInstaller build)."""
    return resource_path("translations")


def system_language() -> str:
    """ "ko" when the system's UI languages put Korean before English, else "en"."""
    for tag in QLocale.system().uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
    return "en"


def install_translators(app: QCoreApplication, language: str | None) -> str:
    """Install the catalogs for ``language`` (None: the system's); returns "ko" or "en".

    Replaces catalogs installed by an earlier call. An unknown language falls back to the
    system's; a missing or unreadable catalog leaves those strings in English.
    """
    chosen = language if language in SUPPORTED else system_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen == "en":
        QLocale.setDefault(QLocale("en_US"))
        return chosen
    qt_dir = qt_translations_dir()
    catalogs = [(f"{name}_{chosen}", qt_dir) for name in QT_CATALOGS]
    catalogs.append((f"{APP_CATALOG}_{chosen}", str(translations_dir())))
    loaded, gap_fillers = [], []
    for file_name, folder in catalogs:
        translator = QTranslator(app)
        if translator.load(file_name, folder):
            loaded.append(translator)
            if folder == qt_dir:
                gap_fillers.append(QtCatalogGaps(translator, app))
    # The gap fillers first: Qt asks the last installed translator first, so they come last.
    for translator in gap_fillers + loaded:
        if app.installTranslator(translator):
            _installed.append(translator)
    QLocale.setDefault(QLocale("ko_KR"))
    return chosen


def qt_translations_dir() -> str:
    """Where Qt's own catalogs are (in the wheel, or the build's PySide6/Qt/translations)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def installed_catalogs() -> list[str]:
    """File paths of the catalogs in use (for diagnostics and tests)."""
    return [t.filePath() for t in _installed if not isinstance(t, QtCatalogGaps)]
