"""yaml_style: strings are quoted only when plain YAML would read them differently."""

from __future__ import annotations

import datetime

import pytest

from editor.core.yaml_style import inline_scalar, render_key, same_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("디지털 전환 민관 투자!", "디지털 전환 민관 투자!"),
        ("[예산 효율화] 2024", "'[예산 효율화] 2024'"),
        ("제목: 부제", "'제목: 부제'"),
        ("yes", "'yes'"),
        ("123", "'123'"),
        ("2024-01-02", "'2024-01-02'"),
        ("#태그", "'#태그'"),
        ("it's", "it's"),
        ("'quoted'", "'''quoted'''"),
        ("", "''"),
        ("줄\n바꿈", '"줄\\n바꿈"'),
        ("tab\there", "'tab\there'"),  # PyYAML rejects a tab inside a plain scalar
        (3, "3"),
        (True, "true"),
        (None, ""),
        (datetime.date(2024, 1, 2), "2024-01-02"),
    ],
)
def test_inline_scalar_quotes_only_when_needed(value: object, expected: str) -> None:
    assert inline_scalar(value) == expected


def test_preferred_quote_style_is_kept_when_it_can_hold_the_value() -> None:
    assert inline_scalar("plain", '"') == '"plain"'
    assert inline_scalar("plain", "'") == "'plain'"
    assert inline_scalar("a\nb", "'") == '"a\\nb"'  # single quotes cannot hold a line break here


def test_flow_items_quote_commas() -> None:
    assert inline_scalar("a, b", in_flow=True) == "'a, b'"
    assert inline_scalar(None, in_flow=True) == "null"


def test_render_key() -> None:
    assert render_key("title") == "title"
    assert render_key("a: b") == "'a: b'"
    assert render_key("true") == "'true'"


def test_same_value_is_strict_about_types() -> None:
    assert not same_value(1, True)
    assert not same_value(1, 1.0)
    assert same_value(float("nan"), float("nan"))
    assert not same_value({"a": 1, "b": 2}, {"b": 2, "a": 1})  # key order matters


# ----- a style hint: the style the key had before a run of keystroke edits -----


@pytest.mark.parametrize(
    ("hint", "value", "expected"),
    [
        (None, "Hello world", "title: Hello world\n"),  # plain again once it can be
        (None, "Hello ", "title: 'Hello '\n"),  # quotes only while needed
        (None, "a: b", "title: 'a: b'\n"),
        ("'", "Hello world", "title: 'Hello world'\n"),  # quoted in the file: stays quoted
        ('"', "Hello", 'title: "Hello"\n'),
        (">", "folded text\n", "title: >\n  folded text\n"),
    ],
)
def test_style_hint_replaces_the_style_the_key_has_now(hint, value, expected) -> None:
    from editor.core.frontmatter import set_key

    assert set_key("title: 'Hello '\n", "title", value, style=hint) == expected


def test_keystroke_edits_with_the_original_style_end_plain() -> None:
    from editor.core.frontmatter import set_key, value_styles

    text = "title: Old\nimage: '/a.png'\ntags: [x]\n"
    styles = value_styles(text)
    assert styles == {"title": None, "image": "'"}
    for typed in ("H", "He", "He ", "He:", "He: x", "He said"):
        text = set_key(text, "title", typed, style=styles.get("title"))
    assert text == "title: He said\nimage: '/a.png'\ntags: [x]\n"
    text = set_key(text, "image", "/b.png", style=styles.get("image"))
    assert "image: '/b.png'\n" in text
    assert value_styles("title: [broken\n") == {}
