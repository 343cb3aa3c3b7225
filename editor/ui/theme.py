"""Light and dark palettes; "system" follows the platform's colour scheme (Qt 6.5+).

The preview keeps the site's own look in both modes: it shows what readers will see.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from editor.ui.settings import THEMES


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#6cb4ff",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ThemeController(QObject):
    """Applies the chosen mode to the application and re-applies it when the system flips."""

    dark_changed = Signal(bool)

    def __init__(self, app: QApplication, mode: str = "system") -> None:
        super().__init__(app)
        self._app = app
        self._mode = "system"
        self._dark: bool | None = None
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self.set_mode(mode)

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def is_dark(self) -> bool:
        return bool(self._dark)

    def set_mode(self, mode: str) -> None:
        if mode not in THEMES:
            raise ValueError(f"unknown theme {mode!r}; expected one of {', '.join(THEMES)}")
        self._mode = mode
        self._apply()

    def _on_system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._mode == "system":
            self._apply()

    def _apply(self) -> None:
        dark = self._mode == "dark" or (self._mode == "system" and system_is_dark())
        style = self._app.style()
        self._app.setPalette(dark_palette() if dark else style.standardPalette())
        if dark != self._dark:
            self._dark = dark
            self.dark_changed.emit(dark)
