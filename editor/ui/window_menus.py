"""The window's menus: File, Edit, Format, View. Actions call the window's methods."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from editor.ui.recent_files import RecentFilesMenu

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

THEME_LABELS = (
    ("system", QT_TRANSLATE_NOOP("MainWindow", "&System")),
    ("light", QT_TRANSLATE_NOOP("MainWindow", "&Light")),
    ("dark", QT_TRANSLATE_NOOP("MainWindow", "&Dark")),
)


def add_action(window, menu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # every platform binding (Close: Ctrl+W and Ctrl+F4)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    keys = QKeySequence.StandardKey
    window.new_action = add_action(
        window, file_menu, translate("MainWindow", "&New from Template"), window.new_post, keys.New
    )
    window.open_action = add_action(
        window, file_menu, translate("MainWindow", "&Open…"), window.open_dialog, keys.Open
    )
    window.recent_menu = RecentFilesMenu(
        translate("MainWindow", "Open &Recent"),
        lambda: list(window.prefs.recent_files),
        window.open_recent,
        window.clear_recent,
        window,
    )
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    window.save_action = add_action(
        window, file_menu, translate("MainWindow", "&Save"), window.save, keys.Save
    )
    window.save_as_action = add_action(
        window, file_menu, translate("MainWindow", "Save &As…"), window.save_as, keys.SaveAs
    )
    window.export_action = add_action(
        window, file_menu, translate("MainWindow", "&Export HTML…"), window.export_html, "Ctrl+E"
    )
    window.history_action = add_action(
        window, file_menu, translate("MainWindow", "Local &History…"), window.show_history
    )
    window.publish_action = add_action(
        window, file_menu, translate("MainWindow", "&Publish…"), window.publish, "Ctrl+Shift+P"
    )
    file_menu.addSeparator()
    window.site_action = add_action(
        window, file_menu, translate("MainWindow", "Site &Folder…"), window.choose_site
    )
    file_menu.addSeparator()
    window.close_action = add_action(
        window, file_menu, translate("MainWindow", "&Close"), window.close_post, keys.Close
    )
    window.quit_action = add_action(
        window, file_menu, translate("MainWindow", "&Quit"), window.close, keys.Quit
    )
    _build_edit_menu(window, bar.addMenu(translate("MainWindow", "&Edit")))
    format_menu = bar.addMenu(translate("MainWindow", "F&ormat"))
    for action in window.widgets.format_actions:
        format_menu.addAction(action)
    _build_view_menu(window, bar.addMenu(translate("MainWindow", "&View")))


def _build_edit_menu(window, menu) -> None:
    keys = QKeySequence.StandardKey
    add_action(window, menu, translate("MainWindow", "&Undo"), window.document.undo, keys.Undo)
    add_action(window, menu, translate("MainWindow", "&Redo"), window.document.redo, keys.Redo)
    menu.addSeparator()
    for action in window.widgets.edit_actions:
        menu.addAction(action)


def _build_view_menu(window, menu) -> None:
    theme_menu = menu.addMenu(translate("MainWindow", "&Theme"))
    group = QActionGroup(window)
    window.theme_actions: dict[str, QAction] = {}
    for mode, label in THEME_LABELS:
        action = QAction(translate("MainWindow", label), window, checkable=True)
        action.triggered.connect(lambda _checked=False, m=mode: window.set_theme(m))
        group.addAction(action)
        theme_menu.addAction(action)
        window.theme_actions[mode] = action
    _build_language_menu(window, menu.addMenu(translate("MainWindow", "&Language")))
    add_action(window, menu, translate("MainWindow", "Editor &Font…"), window.choose_font)
    keys = QKeySequence.StandardKey
    window.zoom_in_action = add_action(
        window, menu, translate("MainWindow", "Zoom &In"), lambda: window.zoom(+1), keys.ZoomIn
    )
    window.zoom_out_action = add_action(
        window, menu, translate("MainWindow", "Zoom &Out"), lambda: window.zoom(-1), keys.ZoomOut
    )
    add_action(
        window, menu, translate("MainWindow", "&Reset Zoom"), lambda: window.zoom(0), "Ctrl+0"
    )
    menu.addSeparator()
    window.raw_yaml_action = QAction(
        translate("MainWindow", "Raw &YAML Front Matter"), window, checkable=True
    )
    window.raw_yaml_action.toggled.connect(window.form.set_raw_mode)
    window.form.raw_mode_changed.connect(window.raw_yaml_action.setChecked)
    menu.addAction(window.raw_yaml_action)
    window.form_action = QAction(
        translate("MainWindow", "Show Front &Matter"), window, checkable=True, checked=True
    )
    window.form_action.toggled.connect(window.form.setVisible)
    menu.addAction(window.form_action)
    menu.addAction(window.outline_dock.toggleViewAction())


def _build_language_menu(window, menu) -> None:
    """The UI language (editor.ui.i18n); widgets keep their texts until the next start."""
    from editor.ui.i18n import language_choices

    group = QActionGroup(window)
    window.language_actions: dict[str, QAction] = {}
    for value, label in language_choices():
        action = QAction(label, window, checkable=True)
        action.setChecked((value or "") == window.prefs.language)
        action.triggered.connect(lambda _checked=False, v=value or "": window.set_language(v))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[value or ""] = action
