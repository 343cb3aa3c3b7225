"""Composition root: QApplication, settings, theme, the main window and what it opens first."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from editor.qt_env import prepare_webengine_environment

APP_NAME = "post-editor"


def run_gui(file: str | None = None, site: str | None = None, selftest: bool = False) -> int:
    if selftest:  # offscreen unless QT_QPA_PLATFORM asks for a display
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    prepare_webengine_environment()
    from PySide6.QtCore import QCoreApplication

    # No organisation name: app data goes to ~/.local/share/post-editor (not .../post-editor/
    # post-editor); AppSettings names its file itself (~/.config/post-editor/post-editor.conf).
    QCoreApplication.setApplicationName(APP_NAME)
    import PySide6.QtWebEngineWidgets  # noqa: F401  (must load before QApplication exists)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_app_identity(app)
    if selftest:  # always the sample post, whatever the settings say
        file, site = None, None
    # The self-test reads the window at once; a writer's window paints first, then opens.
    window = build_window(
        file,
        site,
        ignore_site_setting=selftest,
        offer_recovery=not selftest,
        paint_first=not selftest,
    )
    window.show()
    if selftest:
        return run_selftest(app, window)
    if os.environ.get("POST_EDITOR_EXIT_WHEN_SHOWN") == "1":  # start-up time probe
        from editor.ui.selftest import exit_when_shown

        exit_when_shown(app, window)
    return app.exec()


def app_icon():
    """The application icon: every size in resources/icons that loads (QGuiApplication first).

    PNGs rather than the SVG: the 16 px one is drawn apart for that size, and no SVG
    image plugin is needed in a trimmed build.
    """
    from PySide6.QtGui import QIcon

    from editor.resources import icon_png_paths

    icon = QIcon()
    for path in icon_png_paths().values():
        if path.is_file():
            icon.addFile(str(path))  # no size given: Qt reads it from the file's header
    return icon


def set_app_identity(app) -> None:
    """Window icon for every window, and the desktop file name that taskbars (Wayland's
    app id) use to find resources/post-editor.desktop once scripts/install_desktop.sh ran."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_NAME)


def build_window(
    file: str | None,
    site_arg: str | None,
    settings=None,
    ignore_site_setting: bool = False,
    offer_recovery: bool = True,
    paint_first: bool = False,
):
    """The main window with the right site and post open (see choose_start).

    With `paint_first` the window comes back empty: the preview, the site and the post follow
    right after its first paint (show it next), so the writer sees a window ~0.2 s sooner.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui.i18n import install_translators
    from editor.ui.main_window import MainWindow, after_first_paint
    from editor.ui.settings import AppSettings
    from editor.ui.theme import ThemeController

    settings = settings or AppSettings()
    prefs = settings.load_preferences()
    install_translators(QApplication.instance(), prefs.language or None)
    theme = ThemeController(QApplication.instance(), prefs.theme)
    window = MainWindow(settings, theme, paint_first=True)

    def open_first() -> None:
        from editor.ui.safety import default_stores

        site_pref = "" if ignore_site_setting else prefs.site_dir
        site, first_post = choose_start(file, site_arg, site_pref)
        recovery, history = default_stores(prefs.history_keep, prefs.history_days)
        QApplication.instance().aboutToQuit.connect(recovery.close)
        window.attach_site(site, recovery, history)
        if first_post is not None:
            window.open_path(first_post)
        else:
            window.document.new_from_template()

    def finish() -> None:
        window.create_preview()
        if offer_recovery:
            window.safety.offer_recovery()

    if paint_first:  # text first, then the web view: the writer can read while it starts
        after_first_paint(window, lambda: (open_first(), QTimer.singleShot(0, finish)))
    else:
        open_first()
        finish()
    return window


def choose_start(file: str | None, site_arg: str | None, site_pref: str):
    """(site, post to open): --site beats the setting; with neither, the sample site."""
    from editor.ui.core_api import Site

    if site_arg:
        root = Path(site_arg).resolve()
        if not (root / "_config.yml").is_file():
            print(
                f"post-editor: {root} has no _config.yml; using it as the site anyway",
                file=sys.stderr,
            )
        return Site(root), _path_or_none(file)
    if site_pref and (Path(site_pref) / "_config.yml").is_file():
        return Site(Path(site_pref)), _path_or_none(file)
    if file:
        found = Site.find(Path(file).resolve().parent)
        return (found if found is not None else sample_site()), Path(file)
    site = sample_site()
    return site, next(iter(sorted(Path(site.root, "_posts").glob("*.md"))), None)


def sample_site():
    """A writable copy of the bundled sample site in the app data folder.

    Editing the bundled copy would write into the install (or a frozen build's temp dir).
    """
    from PySide6.QtCore import QStandardPaths

    from editor.resources import sample_site_dir
    from editor.ui.core_api import Site

    data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    target = Path(data) / "sample_site"
    try:
        if not (target / "_config.yml").is_file():
            shutil.copytree(sample_site_dir(), target, dirs_exist_ok=True)
        return Site(target)
    except OSError:  # read-only home: show the bundled one, saving will say why it fails
        return Site(sample_site_dir())


def _path_or_none(file: str | None) -> Path | None:
    return Path(file) if file else None


def run_selftest(app, window) -> int:
    """The checks of `post-editor --selftest` (editor/ui/selftest.py); 0 if all pass."""
    from editor.ui import selftest

    return selftest.run_selftest(app, window)
