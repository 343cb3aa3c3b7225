"""Every corpus post gives a well-formed preview page: balanced, one script, nothing active,
its colours intact, and blocks that add up to the whole body."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.render.blocks import VOID_ELEMENTS
from editor.render.page import body_blocks, render_page
from editor.render.pipeline import render_body

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
POSTS = sorted(path for path in CORPUS.rglob("_posts/*") if path.is_file())
ACTIVE_TAGS = {"script", "iframe", "object", "embed", "form", "meta", "base", "link", "style"}


class PageShape(HTMLParser):
    """Checks nesting while it parses; collects what the body holds."""

    def __init__(self, site_url: str) -> None:
        super().__init__()
        self.site_url = site_url
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.in_body_part = 0
        self.scripts = 0
        self.blocks = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if values.get("id") == "pe-body":
            self.in_body_part = len(self.stack) + 1
        elif self.in_body_part and len(self.stack) == self.in_body_part:
            self.blocks += 1
            if tag != "div" or values.get("class") != "pe-block":
                self.problems.append(f"<{tag}> directly in #pe-body")
        if self.in_body_part:
            self._check_body_element(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def _check_body_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.problems.append(f"<{tag}> in the body")
        for name, value in attrs:
            url = re.sub(r"\s", "", value or "").lower()
            if name.startswith("on"):
                self.problems.append(f"{tag}[{name}]")
            elif name in ("href", "src") and url.startswith(("javascript:", "data:text")):
                self.problems.append(f"{tag}[{name}]={value}")
            elif url.startswith("file:") and not unquote(value or "").startswith(self.site_url):
                self.problems.append(f"{tag}[{name}]={value} is outside the site")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if self.in_body_part and len(self.stack) < self.in_body_part:
            self.in_body_part = 0


@pytest.mark.parametrize("path", POSTS, ids=[f"{p.parent.parent.name}/{p.name}" for p in POSTS])
def test_corpus_post_page_is_well_formed(path: Path) -> None:
    post = Post.load(path)
    site = Site.find(path)
    body_html = render_body(post.body)
    page = render_page(post, site, body_html=body_html)
    shape = PageShape(unquote(site.root.as_uri()) + "/")
    shape.feed(page)
    shape.close()
    assert shape.problems == []
    assert shape.stack == []
    assert shape.scripts == 1
    assert shape.blocks == len(body_blocks(body_html, site))
    if body_html.strip():
        assert shape.blocks > 0
    assert page.count("#21538527") >= body_html.count("#21538527")


def test_corpus_is_there() -> None:
    assert len(POSTS) > 150
