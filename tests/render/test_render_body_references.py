"""Reference definitions as kramdown 2.4 (Jekyll 4.3) reads them.

Expected HTML is what `ruby -rkramdown` (GFM input, Jekyll's defaults) wrote for each input.
"""

from __future__ import annotations

from render_body_golden import html_diff

from editor.render.pipeline import render_body


def assert_same_html(markdown: str, expected: str) -> None:
    actual = render_body(markdown)
    assert not (diff := html_diff(expected, actual)), diff


def test_reference_url_in_angle_brackets_may_hold_spaces() -> None:
    assert_same_html(
        "![r][ref] ![c][] ![shortcut]\n\n[ref]: /assets/img/ref.jpg\n"
        "[C]: </assets/img/collapsed one.jpg>\n[shortcut]: /assets/img/shortcut.jpg\n",
        '<p><img src="/assets/img/ref.jpg" alt="r" /> '
        '<img src="/assets/img/collapsed one.jpg" alt="c" /> '
        '<img src="/assets/img/shortcut.jpg" alt="shortcut" /></p>\n',
    )


def test_angle_bracket_reference_with_a_title() -> None:
    assert_same_html('[a]: <b c> "T"\n\n![x][a]\n', '<p><img src="b c" alt="x" title="T" /></p>\n')
