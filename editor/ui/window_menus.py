"""The window's menus: File, Edit, Format, View. Actions call the window's methods."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from editor.ui.recent_files import RecentFilesMenu


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
    file_menu = bar.addMenu("&File")
    keys = QKeySequence.StandardKey
    window.new_action = add_action(
        window, file_menu, "&New from Template", window.new_post, keys.New
    )
    window.open_action = add_action(window, file_menu, "&Open…", window.open_dialog, keys.Open)
    window.recent_menu = RecentFilesMenu(
        "Open &Recent",
        lambda: list(window.prefs.recent_files),
        window.open_recent,
        window.clear_recent,
        window,
    )
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    window.save_action = add_action(window, file_menu, "&Save", window.save, keys.Save)
    window.save_as_action = add_action(window, file_menu, "Save &As…", window.save_as, keys.SaveAs)
    window.export_action = add_action(
        window, file_menu, "&Export HTML…", window.export_html, "Ctrl+E"
    )
    window.history_action = add_action(window, file_menu, "Local &History…", window.show_history)
    window.publish_action = add_action(
        window, file_menu, "&Publish…", window.publish, "Ctrl+Shift+P"
    )
    file_menu.addSeparator()
    window.site_action = add_action(window, file_menu, "Site &Folder…", window.choose_site)
    file_menu.addSeparator()
    window.close_action = add_action(window, file_menu, "&Close", window.close_post, keys.Close)
    window.quit_action = add_action(window, file_menu, "&Quit", window.close, keys.Quit)
    _build_edit_menu(window, bar.addMenu("&Edit"))
    format_menu = bar.addMenu("F&ormat")
    for action in window.widgets.format_actions:
        format_menu.addAction(action)
    _build_view_menu(window, bar.addMenu("&View"))


def _build_edit_menu(window, menu) -> None:
    keys = QKeySequence.StandardKey
    add_action(window, menu, "&Undo", window.editor.undo, keys.Undo)
    add_action(window, menu, "&Redo", window.editor.redo, keys.Redo)
    menu.addSeparator()
    for action in window.widgets.edit_actions:
        menu.addAction(action)


def _build_view_menu(window, menu) -> None:
    theme_menu = menu.addMenu("&Theme")
    group = QActionGroup(window)
    window.theme_actions: dict[str, QAction] = {}
    for mode, label in (("system", "&System"), ("light", "&Light"), ("dark", "&Dark")):
        action = QAction(label, window, checkable=True)
        action.triggered.connect(lambda _checked=False, m=mode: window.set_theme(m))
        group.addAction(action)
        theme_menu.addAction(action)
        window.theme_actions[mode] = action
    add_action(window, menu, "Editor &Font…", window.choose_font)
    keys = QKeySequence.StandardKey
    window.zoom_in_action = add_action(
        window, menu, "Zoom &In", lambda: window.zoom(+1), keys.ZoomIn
    )
    window.zoom_out_action = add_action(
        window, menu, "Zoom &Out", lambda: window.zoom(-1), keys.ZoomOut
    )
    add_action(window, menu, "&Reset Zoom", lambda: window.zoom(0), "Ctrl+0")
    menu.addSeparator()
    window.raw_yaml_action = QAction("Raw &YAML Front Matter", window, checkable=True)
    window.raw_yaml_action.toggled.connect(window.form.set_raw_mode)
    window.form.raw_mode_changed.connect(window.raw_yaml_action.setChecked)
    menu.addAction(window.raw_yaml_action)
    window.form_action = QAction("Show Front &Matter", window, checkable=True, checked=True)
    window.form_action.toggled.connect(window.form.setVisible)
    menu.addAction(window.form_action)
    menu.addAction(window.outline_dock.toggleViewAction())
