"""configured_extensions(): the public list the self-test and packaging checks read."""

from __future__ import annotations

import importlib

from editor.render.pipeline import configured_extensions, render_body


def test_lists_our_extension_modules_and_markdowns_own() -> None:
    names = configured_extensions()
    assert names == sorted(set(names))
    ours = ("kramdown", "kramdown_blocks", "kramdown_footnotes", "kramdown_html", "kramdown_ial")
    ours += ("kramdown_inline", "kramdown_lists", "liquid", "rouge_code")
    for expected in ours:
        assert f"editor.render.extensions.{expected}" in names
    assert "markdown.blockprocessors" in names  # Python-Markdown's paragraph processor stays


def test_every_listed_module_imports() -> None:
    for name in configured_extensions():
        importlib.import_module(name)


def test_listing_does_not_disturb_rendering() -> None:
    before = render_body("# 제목\n\n```python\nx = 1\n```\n")
    configured_extensions()
    assert render_body("# 제목\n\n```python\nx = 1\n```\n") == before
