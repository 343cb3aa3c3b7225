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

Qt's own strings (the text editor's Undo/Cut/Copy/Paste menu, standard dialog buttons) come
from Qt's ``qtbase_ko.qm``, shipped with PySide6.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor.resources import resource_path

APP_CATALOG = "post_editor"
QT_CATALOGS = ("qtbase",)
SUPPORTED = ("ko", "en")  # English is the source language: it needs no catalog

_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators


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
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogs = [(f"{name}_{chosen}", qt_dir) for name in QT_CATALOGS]
    catalogs.append((f"{APP_CATALOG}_{chosen}", str(translations_dir())))
    for file_name, folder in catalogs:
        translator = QTranslator(app)
        if translator.load(file_name, folder) and app.installTranslator(translator):
            _installed.append(translator)
    QLocale.setDefault(QLocale("ko_KR"))
    return chosen


def installed_catalogs() -> list[str]:
    """File paths of the catalogs in use (for diagnostics and tests)."""
    return [translator.filePath() for translator in _installed]
