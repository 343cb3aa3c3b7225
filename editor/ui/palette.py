"""Colour and highlight palette menus (Tistory's colours plus a custom colour).

Colours travel as CSS strings (``#ee2323``, ``#21538527``). They become QColors only through
:func:`css_to_qcolor`, because QColor's own parser reads 8-digit hex as ``#AARRGGBB``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QColorDialog, QMenu, QWidget

from editor.core.css_color import CssColor, parse_css_color
from editor.core.span_markup import HIGHLIGHT_COLORS, TEXT_COLORS

_SWATCH = 16

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
# The palette's colour names live in editor/core (no Qt); listed here so lupdate finds them.
COLOR_NAMES = (
    QT_TRANSLATE_NOOP("Palette", "Red"),
    QT_TRANSLATE_NOOP("Palette", "Dark blue"),
    QT_TRANSLATE_NOOP("Palette", "Orange"),
    QT_TRANSLATE_NOOP("Palette", "Teal"),
    QT_TRANSLATE_NOOP("Palette", "Blue"),
    QT_TRANSLATE_NOOP("Palette", "Purple"),
    QT_TRANSLATE_NOOP("Palette", "Wine"),
    QT_TRANSLATE_NOOP("Palette", "Indigo"),
    QT_TRANSLATE_NOOP("Palette", "Brown"),
    QT_TRANSLATE_NOOP("Palette", "Dark grey"),
    QT_TRANSLATE_NOOP("Palette", "Grey"),
    QT_TRANSLATE_NOOP("Palette", "Light grey"),
    QT_TRANSLATE_NOOP("Palette", "White"),
    QT_TRANSLATE_NOOP("Palette", "Pink"),
    QT_TRANSLATE_NOOP("Palette", "Apricot"),
    QT_TRANSLATE_NOOP("Palette", "Mint"),
    QT_TRANSLATE_NOOP("Palette", "Sky"),
    QT_TRANSLATE_NOOP("Palette", "Lavender"),
    QT_TRANSLATE_NOOP("Palette", "Blue-grey"),
    QT_TRANSLATE_NOOP("Palette", "Yellow"),
)


def css_to_qcolor(css: str) -> QColor:
    """A QColor for a CSS colour string; invalid strings give an invalid QColor."""
    color = parse_css_color(css)
    if color is None:
        return QColor()
    return QColor(color.r, color.g, color.b, color.alpha_byte)


def qcolor_to_css(color: QColor) -> str:
    """``#rrggbb``, or CSS ``#rrggbbaa`` when the colour is not opaque."""
    return CssColor(color.red(), color.green(), color.blue(), color.alpha() / 255).hex()


def swatch_icon(css: str) -> QIcon:
    """A small square of the colour as the site shows it: drawn over white."""
    pixmap = QPixmap(_SWATCH, _SWATCH)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.fillRect(0, 0, _SWATCH, _SWATCH, css_to_qcolor(css))
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRect(0, 0, _SWATCH - 1, _SWATCH - 1)
    painter.end()
    return QIcon(pixmap)


def choose_custom_color(parent: QWidget | None, initial: str, with_alpha: bool) -> str | None:
    """Ask for a colour with Qt's own dialog; the CSS string, or None when cancelled."""
    dialog = QColorDialog(css_to_qcolor(initial), parent)
    dialog.setObjectName("customColorDialog")
    dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
    dialog.setOption(QColorDialog.ColorDialogOption.ShowAlphaChannel, with_alpha)
    dialog.setWindowTitle(
        translate("Palette", "Custom highlight colour")
        if with_alpha
        else translate("Palette", "Custom text colour")
    )
    if dialog.exec() != QColorDialog.DialogCode.Accepted:
        return None
    return qcolor_to_css(dialog.selectedColor())


class ColorPaletteMenu(QMenu):
    """A menu of swatches; ``colorChosen(css)`` fires for a swatch or a custom colour."""

    colorChosen = Signal(str)  # noqa: N815

    def __init__(
        self,
        title: str,
        colors: tuple[tuple[str, str], ...],
        with_alpha: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._with_alpha = with_alpha
        self.current = colors[0][0]
        self.swatch_actions: list[QAction] = []
        for css, name in colors:
            action = self.addAction(swatch_icon(css), f"{translate('Palette', name)}  {css}")
            action.setData(css)
            action.triggered.connect(lambda _checked=False, c=css: self._choose(c))
            self.swatch_actions.append(action)
        self.addSeparator()
        self.custom_action = self.addAction(translate("Palette", "Custom colour…"))
        self.custom_action.triggered.connect(self.choose_custom)

    def _choose(self, css: str) -> None:
        self.current = css
        self.colorChosen.emit(css)

    def choose_custom(self) -> None:
        css = choose_custom_color(self.parentWidget(), self.current, self._with_alpha)
        if css is not None:
            self._choose(css)


def text_color_menu(parent: QWidget | None = None) -> ColorPaletteMenu:
    return ColorPaletteMenu(
        translate("Palette", "Text colour"), TEXT_COLORS, with_alpha=False, parent=parent
    )


def highlight_menu(parent: QWidget | None = None) -> ColorPaletteMenu:
    return ColorPaletteMenu(
        translate("Palette", "Highlight"), HIGHLIGHT_COLORS, with_alpha=True, parent=parent
    )
