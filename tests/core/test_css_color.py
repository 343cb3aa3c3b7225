"""CSS colour parsing: CSS byte order for #RRGGBBAA, functional and named colours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.core.css_color import CssColor, parse_css_color, style_colors, style_declarations


def test_tistory_highlight_is_rgba_with_alpha_last():
    color = parse_css_color("#21538527")
    assert color == CssColor(0x21, 0x53, 0x85, 0x27 / 255)
    assert color.alpha_byte == 0x27


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#ee2323", CssColor(0xEE, 0x23, 0x23, 1.0)),
        ("#1A5490", CssColor(0x1A, 0x54, 0x90, 1.0)),
        ("#f00", CssColor(255, 0, 0, 1.0)),
        ("#f008", CssColor(255, 0, 0, 0x88 / 255)),
        ("  #ffe066 ; ", CssColor(0xFF, 0xE0, 0x66, 1.0)),
        ("#ee2323 !important", CssColor(0xEE, 0x23, 0x23, 1.0)),
        ("rgb(255, 0, 128)", CssColor(255, 0, 128, 1.0)),
        ("rgba(33, 83, 133, 0.15)", CssColor(33, 83, 133, 0.15)),
        ("rgb(33 83 133 / 50%)", CssColor(33, 83, 133, 0.5)),
        ("rgb(100%, 0%, 50%)", CssColor(255, 0, 128, 1.0)),
        ("RGBA(300, -5, 0, 2)", CssColor(255, 0, 0, 1.0)),
        ("white", CssColor(255, 255, 255, 1.0)),
        ("RebeccaPurple", CssColor(0x66, 0x33, 0x99, 1.0)),
        ("transparent", CssColor(0, 0, 0, 0.0)),
    ],
)
def test_parses(text, expected):
    assert parse_css_color(text) == expected


@pytest.mark.parametrize(
    "text", ["", "#12", "#12345", "#1234567", "#gggggg", "rgb(1,2)", "notacolour", "ee2323;"]
)
def test_rejects(text):
    assert parse_css_color(text) is None


def test_hex_round_trip_keeps_css_order():
    assert parse_css_color("#21538527").hex() == "#21538527"
    assert parse_css_color("#EE2323").hex() == "#ee2323"


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
def test_eight_digit_hex_channels(r, g, b, a):
    color = parse_css_color(f"#{r:02x}{g:02x}{b:02x}{a:02x}")
    assert (color.r, color.g, color.b, color.alpha_byte) == (r, g, b, a)


def test_style_declarations_and_colors():
    style = "font-size: 9px; background-color: #e5e5e5; color: white; border-radius: 10px"
    assert style_declarations(style)["border-radius"] == "10px"
    fg, bg = style_colors(style)
    assert fg == CssColor(255, 255, 255, 1.0)
    assert bg == CssColor(0xE5, 0xE5, 0xE5, 1.0)


def test_background_color_is_not_mistaken_for_color():
    fg, bg = style_colors("background-color: #21538527;")
    assert fg is None
    assert bg.alpha_byte == 0x27


def test_background_shorthand():
    assert style_colors("background: url(x.png) #ffe066 no-repeat")[1] == CssColor(
        0xFF, 0xE0, 0x66, 1.0
    )


def test_contrast_ratio_matches_wcag_examples():
    from editor.core.css_color import CssColor, contrast_ratio

    black, white = CssColor(0, 0, 0), CssColor(255, 255, 255)
    assert round(contrast_ratio(black, white), 1) == 21.0
    assert contrast_ratio(white, white) == 1.0


def test_dark_blue_span_is_lightened_on_a_dark_editor_and_kept_on_white():
    from editor.core.css_color import CssColor, contrast_ratio, legible_on, parse_css_color

    blue = parse_css_color("#1a5490")
    dark_bg, white = CssColor(0x1E, 0x1E, 0x1E), CssColor(255, 255, 255)
    assert contrast_ratio(blue, dark_bg) < 3
    lighter = legible_on(blue, dark_bg)
    assert contrast_ratio(lighter, dark_bg) >= 3
    assert lighter.b > lighter.g > lighter.r  # still a blue
    assert legible_on(blue, white) == blue
    red = parse_css_color("#ee2323")
    assert legible_on(red, dark_bg) == red  # the red reads on both


def test_visible_tint_on_a_dark_background_raises_a_faint_highlight():
    from editor.core.css_color import composite_over, contrast_ratio, visible_tint_on

    dark = CssColor(0x1E, 0x1E, 0x1E)
    faint = CssColor(0x21, 0x53, 0x85, 0x27 / 255)  # the corpus's #21538527
    tint = visible_tint_on(faint, dark)
    assert contrast_ratio(composite_over(tint, dark), dark) >= 1.25
    assert tint.a > faint.a and tint.a < 1.0  # more alpha, still a tint
    assert (tint.r, tint.g, tint.b) == (faint.r, faint.g, faint.b)


def test_visible_tint_on_leaves_visible_tints_alone():
    from editor.core.css_color import visible_tint_on

    white = CssColor(255, 255, 255)
    faint = CssColor(0x21, 0x53, 0x85, 0x27 / 255)
    assert visible_tint_on(faint, white) == faint  # on the page it is written for


def test_visible_tint_on_mixes_toward_white_when_alpha_is_not_enough():
    from editor.core.css_color import composite_over, contrast_ratio, visible_tint_on

    black = CssColor(0, 0, 0)
    near_black = CssColor(5, 5, 5, 0.5)
    tint = visible_tint_on(near_black, black)
    assert tint.a == 1.0 and tint.r > 5
    assert contrast_ratio(composite_over(tint, black), black) >= 1.25


def test_composite_over_matches_css_alpha_blending():
    from editor.core.css_color import composite_over

    assert composite_over(CssColor(255, 0, 0, 0.5), CssColor(0, 0, 255)) == CssColor(128, 0, 128)
