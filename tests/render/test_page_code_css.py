"""The preview page carries the CSS for the token classes its highlighted code uses."""

from __future__ import annotations

import re

from editor.core.post import Post
from editor.render.page import render_page

CODE_POST = "---\ntitle: t\n---\n```python\ndef f(x):\n    return 1\n```\n"


def styled_classes(page: str) -> set[str]:
    """Token classes that some `.highlight .x` selector of a <style> block gives a rule."""
    styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", page, re.DOTALL))
    return set(re.findall(r"\.highlight \.([\w-]+)\b[^{]*?(?=[,{])", styles))


def test_code_token_classes_are_styled_in_the_page() -> None:
    page = render_page(Post.from_text(CODE_POST), None)
    body = page[page.index('id="pe-body"') :]
    assert '<div class="language-python highlighter-rouge">' in body
    used = set(re.findall(r'<span class="(\w+)"', body))
    assert {"k", "nf", "mi"} <= used
    assert {"k", "nf", "mi"} <= styled_classes(page)
