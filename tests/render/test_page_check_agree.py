"""`check` names every picture the preview page shows as missing: the same posts, the same site."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from editor.core.checks import check_post
from editor.core.post import Post
from editor.core.site import Site
from editor.render.page import render_page

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
_MISSING = re.compile(r'class="pe-img-placeholder pe-img-missing"[^>]*\bdata-src="([^"]*)"')
_LIQUID_PREFIX = re.compile(r"^\{\{\s*site\.(?:baseurl|url)\s*\}\}")


def missing_on_page(post: Post, site: Site) -> set[str]:
    """Site paths (as written) of the placeholders for pictures not found in the site."""
    page = render_page(post, site)
    return {html.unescape(source) for source in _MISSING.findall(page) if source.startswith("/")}


def named_by_check(post: Post, site: Site) -> set[str]:
    names = set()
    for problem in check_post(post, site):
        found = re.match(r"image (.+?) (?:not found|points outside)", problem.message)
        if found:
            names.add(_LIQUID_PREFIX.sub("", found.group(1)))
    return names


@pytest.fixture
def empty_site(tmp_path: Path) -> Site:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: empty\n")
    return Site(tmp_path)


def test_every_form_of_picture_reference(empty_site: Site) -> None:
    text = (
        "---\ntitle: t\nimage: /assets/img/front.jpg\n"
        "feature_text: |\n  ![f](/assets/img/feature.jpg)\n---\n"
        "![a](/assets/img/inline.jpg)\n"
        '![t](/assets/img/titled.jpg "title")\n'
        "![s](</assets/img/with space.jpg>)\n"
        "![r][ref] ![c][] ![shortcut]\n"
        "<img src=\"/assets/img/double.jpg\"> <img src='/assets/img/single.jpg'>\n"
        "![l]({{ site.baseurl }}/assets/img/liquid.jpg)\n"
        '<img src="{{ site.baseurl }}/assets/img/liquid-html.jpg">\n'
        "\n[ref]: /assets/img/ref.jpg\n[C]: </assets/img/collapsed one.jpg>\n"
        "[shortcut]: /assets/img/shortcut.jpg\n"
    )
    path = empty_site.root / "_posts" / "2024-01-01-t.md"
    path.write_text(text, "utf-8")
    post = Post.load(path)
    shown = missing_on_page(post, empty_site)
    assert len(shown) == 12, sorted(shown)
    assert shown <= named_by_check(post, empty_site)


def test_feature_text_picture_is_reported_on_its_key_line(empty_site: Site) -> None:
    text = "---\ntitle: t\nfeature_text: >\n  ![f](/assets/img/f.jpg)\n---\nbody\n"
    path = empty_site.root / "_posts" / "2024-01-01-f.md"
    path.write_text(text, "utf-8")
    found = check_post(Post.load(path), empty_site)
    assert [(p.line, p.column, p.severity) for p in found] == [(3, 1, "error")]
    assert "/assets/img/f.jpg not found" in found[0].message


def test_corpus_posts_in_an_empty_site(empty_site: Site) -> None:
    """The real posts' pictures are all missing in an empty site: check names each one."""
    posts = sorted(CORPUS.rglob("_posts/*.md"))
    assert len(posts) > 150
    seen = 0
    for source in posts:
        post = Post.load(source)
        if post.read_only_reason is not None:
            continue
        shown = missing_on_page(post, empty_site)
        seen += len(shown)
        unnamed = shown - named_by_check(post, empty_site)
        assert not unnamed, f"{source.name}: the page shows {sorted(unnamed)} missing"
    assert seen > 100
