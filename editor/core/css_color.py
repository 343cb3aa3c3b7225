"""Parse CSS colours the way browsers do, without Qt.

Tistory posts write highlights as ``#RRGGBBAA`` (CSS order: alpha LAST), e.g. ``#21538527`` is
a 15%-alpha blue. Qt's ``QColor("#21538527")`` reads the same string as ``#AARRGGBB`` and
draws green, so the highlighter must never hand 8-digit hex to QColor: it converts a
:class:`CssColor` instead.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class CssColor(NamedTuple):
    """An sRGB colour: channels 0-255, alpha 0.0-1.0 as CSS defines it."""

    r: int
    g: int
    b: int
    a: float = 1.0

    @property
    def alpha_byte(self) -> int:
        """Alpha as 0-255, for toolkits that want an integer."""
        return round(self.a * 255)

    def hex(self) -> str:
        """``#rrggbb``, or ``#rrggbbaa`` (CSS order) when not opaque."""
        base = f"#{self.r:02x}{self.g:02x}{self.b:02x}"
        return base if self.alpha_byte == 255 else f"{base}{self.alpha_byte:02x}"


_NAMED: dict[str, int] = {
    "aliceblue": 0xF0F8FF,
    "antiquewhite": 0xFAEBD7,
    "aqua": 0x00FFFF,
    "aquamarine": 0x7FFFD4,
    "azure": 0xF0FFFF,
    "beige": 0xF5F5DC,
    "bisque": 0xFFE4C4,
    "black": 0x000000,
    "blanchedalmond": 0xFFEBCD,
    "blue": 0x0000FF,
    "blueviolet": 0x8A2BE2,
    "brown": 0xA52A2A,
    "burlywood": 0xDEB887,
    "cadetblue": 0x5F9EA0,
    "chartreuse": 0x7FFF00,
    "chocolate": 0xD2691E,
    "coral": 0xFF7F50,
    "cornflowerblue": 0x6495ED,
    "cornsilk": 0xFFF8DC,
    "crimson": 0xDC143C,
    "cyan": 0x00FFFF,
    "darkblue": 0x00008B,
    "darkcyan": 0x008B8B,
    "darkgoldenrod": 0xB8860B,
    "darkgray": 0xA9A9A9,
    "darkgreen": 0x006400,
    "darkgrey": 0xA9A9A9,
    "darkkhaki": 0xBDB76B,
    "darkmagenta": 0x8B008B,
    "darkolivegreen": 0x556B2F,
    "darkorange": 0xFF8C00,
    "darkorchid": 0x9932CC,
    "darkred": 0x8B0000,
    "darksalmon": 0xE9967A,
    "darkseagreen": 0x8FBC8F,
    "darkslateblue": 0x483D8B,
    "darkslategray": 0x2F4F4F,
    "darkslategrey": 0x2F4F4F,
    "darkturquoise": 0x00CED1,
    "darkviolet": 0x9400D3,
    "deeppink": 0xFF1493,
    "deepskyblue": 0x00BFFF,
    "dimgray": 0x696969,
    "dimgrey": 0x696969,
    "dodgerblue": 0x1E90FF,
    "firebrick": 0xB22222,
    "floralwhite": 0xFFFAF0,
    "forestgreen": 0x228B22,
    "fuchsia": 0xFF00FF,
    "gainsboro": 0xDCDCDC,
    "ghostwhite": 0xF8F8FF,
    "gold": 0xFFD700,
    "goldenrod": 0xDAA520,
    "gray": 0x808080,
    "green": 0x008000,
    "greenyellow": 0xADFF2F,
    "grey": 0x808080,
    "honeydew": 0xF0FFF0,
    "hotpink": 0xFF69B4,
    "indianred": 0xCD5C5C,
    "indigo": 0x4B0082,
    "ivory": 0xFFFFF0,
    "khaki": 0xF0E68C,
    "lavender": 0xE6E6FA,
    "lavenderblush": 0xFFF0F5,
    "lawngreen": 0x7CFC00,
    "lemonchiffon": 0xFFFACD,
    "lightblue": 0xADD8E6,
    "lightcoral": 0xF08080,
    "lightcyan": 0xE0FFFF,
    "lightgoldenrodyellow": 0xFAFAD2,
    "lightgray": 0xD3D3D3,
    "lightgreen": 0x90EE90,
    "lightgrey": 0xD3D3D3,
    "lightpink": 0xFFB6C1,
    "lightsalmon": 0xFFA07A,
    "lightseagreen": 0x20B2AA,
    "lightskyblue": 0x87CEFA,
    "lightslategray": 0x778899,
    "lightslategrey": 0x778899,
    "lightsteelblue": 0xB0C4DE,
    "lightyellow": 0xFFFFE0,
    "lime": 0x00FF00,
    "limegreen": 0x32CD32,
    "linen": 0xFAF0E6,
    "magenta": 0xFF00FF,
    "maroon": 0x800000,
    "mediumaquamarine": 0x66CDAA,
    "mediumblue": 0x0000CD,
    "mediumorchid": 0xBA55D3,
    "mediumpurple": 0x9370DB,
    "mediumseagreen": 0x3CB371,
    "mediumslateblue": 0x7B68EE,
    "mediumspringgreen": 0x00FA9A,
    "mediumturquoise": 0x48D1CC,
    "mediumvioletred": 0xC71585,
    "midnightblue": 0x191970,
    "mintcream": 0xF5FFFA,
    "mistyrose": 0xFFE4E1,
    "moccasin": 0xFFE4B5,
    "navajowhite": 0xFFDEAD,
    "navy": 0x000080,
    "oldlace": 0xFDF5E6,
    "olive": 0x808000,
    "olivedrab": 0x6B8E23,
    "orange": 0xFFA500,
    "orangered": 0xFF4500,
    "orchid": 0xDA70D6,
    "palegoldenrod": 0xEEE8AA,
    "palegreen": 0x98FB98,
    "paleturquoise": 0xAFEEEE,
    "palevioletred": 0xDB7093,
    "papayawhip": 0xFFEFD5,
    "peachpuff": 0xFFDAB9,
    "peru": 0xCD853F,
    "pink": 0xFFC0CB,
    "plum": 0xDDA0DD,
    "powderblue": 0xB0E0E6,
    "purple": 0x800080,
    "red": 0xFF0000,
    "rosybrown": 0xBC8F8F,
    "royalblue": 0x4169E1,
    "saddlebrown": 0x8B4513,
    "salmon": 0xFA8072,
    "sandybrown": 0xF4A460,
    "seagreen": 0x2E8B57,
    "seashell": 0xFFF5EE,
    "sienna": 0xA0522D,
    "silver": 0xC0C0C0,
    "skyblue": 0x87CEEB,
    "slateblue": 0x6A5ACD,
    "slategray": 0x708090,
    "slategrey": 0x708090,
    "snow": 0xFFFAFA,
    "springgreen": 0x00FF7F,
    "steelblue": 0x4682B4,
    "tan": 0xD2B48C,
    "teal": 0x008080,
    "thistle": 0xD8BFD8,
    "tomato": 0xFF6347,
    "turquoise": 0x40E0D0,
    "violet": 0xEE82EE,
    "wheat": 0xF5DEB3,
    "white": 0xFFFFFF,
    "whitesmoke": 0xF5F5F5,
    "yellow": 0xFFFF00,
    "yellowgreen": 0x9ACD32,
    "rebeccapurple": 0x663399,
}

_HEX = re.compile(r"#([0-9a-fA-F]{3,8})")
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?"
_FUNC = re.compile(
    rf"(rgba?)\(\s*({_NUMBER})\s*[,\s]\s*({_NUMBER})\s*[,\s]\s*({_NUMBER})"
    rf"(?:\s*[,/]\s*({_NUMBER}))?\s*\)",
    re.IGNORECASE,
)
_DECLARATION = re.compile(r"(?:^|;)\s*([A-Za-z-]+)\s*:\s*([^;]*)")


def _clamp_byte(value: float) -> int:
    return max(0, min(255, round(value)))


def _channel(token: str) -> int:
    if token.endswith("%"):
        return _clamp_byte(float(token[:-1]) * 255 / 100)
    return _clamp_byte(float(token))


def _alpha(token: str | None) -> float:
    if token is None:
        return 1.0
    value = float(token[:-1]) / 100 if token.endswith("%") else float(token)
    return max(0.0, min(1.0, value))


def _parse_hex(digits: str) -> CssColor | None:
    if len(digits) in (3, 4):
        digits = "".join(ch * 2 for ch in digits)
    if len(digits) not in (6, 8):
        return None
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
    return CssColor(r, g, b, alpha)


def parse_css_color(text: str) -> CssColor | None:
    """The colour a CSS colour value names, or None when it is not one we understand.

    Supports ``#RGB``, ``#RGBA``, ``#RRGGBB``, ``#RRGGBBAA``, ``rgb()``/``rgba()`` (comma or
    space syntax, numbers or percentages, optional alpha) and the CSS named colours.
    """
    value = text.strip().rstrip(";").strip().lower()
    if value.endswith("!important"):
        value = value[: -len("!important")].strip()
    hex_match = _HEX.fullmatch(value)
    if hex_match:
        return _parse_hex(hex_match.group(1))
    func = _FUNC.fullmatch(value)
    if func:
        try:
            channels = [_channel(func.group(i)) for i in (2, 3, 4)]
            return CssColor(*channels, _alpha(func.group(5)))
        except ValueError:
            return None
    if value == "transparent":
        return CssColor(0, 0, 0, 0.0)
    rgb = _NAMED.get(value)
    if rgb is None:
        return None
    return CssColor((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)


def style_declarations(style: str) -> dict[str, str]:
    """``"color: #ee2323; font-size: 9px"`` -> ``{"color": "#ee2323", "font-size": "9px"}``."""
    return {m.group(1).lower(): m.group(2).strip() for m in _DECLARATION.finditer(style)}


def style_colors(style: str) -> tuple[CssColor | None, CssColor | None]:
    """The text colour and background colour a ``style`` attribute sets (None when unset)."""
    declarations = style_declarations(style)
    background = declarations.get("background-color")
    if background is None and "background" in declarations:
        # The ``background`` shorthand: take its first token that is a colour.
        for token in re.split(r"\s+(?![^()]*\))", declarations["background"]):
            background = token if parse_css_color(token) else background
            if background:
                break
    color = declarations.get("color")
    return (
        parse_css_color(color) if color else None,
        parse_css_color(background) if background else None,
    )


def relative_luminance(color: CssColor) -> float:
    """WCAG 2 relative luminance of the opaque colour (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)


def contrast_ratio(first: CssColor, second: CssColor) -> float:
    """WCAG 2 contrast ratio (1 .. 21) between two opaque colours."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def legible_on(color: CssColor, background: CssColor, minimum: float = 3.0) -> CssColor:
    """``color`` mixed toward white or black, just enough to reach ``minimum`` contrast.

    For drawing a post's span colours in a dark editor: ``#1a5490`` on a near-black
    background is hard to read, a lighter blue of the same hue is not. Already legible
    colours come back unchanged; alpha is kept.
    """
    if contrast_ratio(color, background) >= minimum:
        return color
    toward = 255 if relative_luminance(background) < 0.5 else 0
    mixed = color
    for step in range(1, 21):  # 5 % steps: the first mix that reads well
        share = step / 20
        mixed = CssColor(
            *(round(c + (toward - c) * share) for c in (color.r, color.g, color.b)), color.a
        )
        if contrast_ratio(mixed, background) >= minimum:
            break
    return mixed


def composite_over(color: CssColor, background: CssColor) -> CssColor:
    """The opaque colour ``color`` (with its alpha) shows over an opaque ``background``."""
    pairs = zip(color[:3], background[:3], strict=True)
    return CssColor(*(round(c * color.a + b * (1 - color.a)) for c, b in pairs))


def visible_tint_on(color: CssColor, background: CssColor, minimum: float = 1.25) -> CssColor:
    """A highlight colour that still shows as a tint over ``background``.

    ``#21538527`` (a 15 % blue-grey) reads well on a white page but vanishes over a dark
    editor. Its alpha is raised in 5 % steps until the tint stands ``minimum`` contrast away
    from the background (1.25: about what #21538527 gives on white, 1.27), and then, if it
    must, the colour is mixed toward white. Tints that
    already show come back unchanged; the file is never touched, this is for drawing.
    """
    if contrast_ratio(composite_over(color, background), background) >= minimum:
        return color
    tinted = color
    for step in range(1, 41):
        raised = color.a + step * 0.05
        whiten = min(1.0, max(0.0, raised - 1.0))  # once opaque, mix toward white
        channels = (round(c + (255 - c) * whiten) for c in color[:3])
        tinted = CssColor(*channels, min(1.0, raised))
        if contrast_ratio(composite_over(tinted, background), background) >= minimum:
            break
    return tinted
