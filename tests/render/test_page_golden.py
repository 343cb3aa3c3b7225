"""Golden files for the preview page (tests/render/golden/page/).

The page is built from a frozen body fragment (reference_body.html) so that improvements to
render_body do not churn these files; a separate test checks that render_page uses
render_body when no fragment is given. Machine-specific parts are replaced before comparing:
the site folder's file URL by {SITE_URL}, and the Pygments CSS (owned by the pipeline) by a
marker. Regenerate after an intended change with:
    UPDATE_GOLDEN=1 pytest tests/render/test_page_golden.py
(reference_body.html and placeholders_body.html are real Jekyll 4.3 output for the posts.)
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.render.page import render_page
from editor.render.pipeline import render_body

GOLDEN = Path(__file__).parent / "golden" / "page"
SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def normalise(page: str, site_root: Path) -> str:
    page = page.replace(site_root.resolve().as_uri(), "{SITE_URL}")
    page = re.sub(
        r'(<style id="pe-code-css">\n).*?(\n</style>)',
        r"\1/* Pygments CSS from render.pipeline */\2",
        page,
        flags=re.S,
    )
    # feature_text goes through the live render_body: its heading ids are its business
    feature = re.search(r'(<section id="pe-feature"[^>]*>)(.*?</section>)', page, re.S)
    assert feature, "no feature section"
    inside = re.sub(r' id="[^"]*"', "", feature[2])
    return page.replace(feature[0], feature[1] + inside)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        pytest.skip(f"golden file {name} written")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; UPDATE_GOLDEN=1 regenerates it"


def test_reference_post_page(reference_post: Path) -> None:
    fragment = (GOLDEN / "reference_body.html").read_text(encoding="utf-8")
    page = render_page(Post.load(reference_post), Site(SAMPLE_SITE), body_html=fragment)
    check_golden("reference.html", normalise(page, SAMPLE_SITE))


def test_placeholders_notice_and_feature_page(tmp_path: Path) -> None:
    site_root = tmp_path / "site"
    (site_root / "_posts").mkdir(parents=True)
    (site_root / "_config.yml").write_text("lang: ko\n", encoding="utf-8")
    shutil.copytree(SAMPLE_SITE / "assets", site_root / "assets")
    post_path = site_root / "_posts" / "2024-02-03-placeholders.md"
    shutil.copy(GOLDEN / "placeholders.md", post_path)
    post = Post.load(post_path)
    fragment = (GOLDEN / "placeholders_body.html").read_text(encoding="utf-8")
    page = render_page(post, Site(site_root), body_html=fragment)
    check_golden("placeholders.html", normalise(page, site_root))


def test_page_without_fragment_uses_render_body(reference_post: Path) -> None:
    post = Post.load(reference_post)
    site = Site(SAMPLE_SITE)
    assert render_page(post, site) == render_page(post, site, body_html=render_body(post.body))


def test_frozen_fragment_came_from_the_reference_post(reference_post: Path) -> None:
    """The frozen input is still the reference post's text (only Markdown details may differ)."""
    fragment = (GOLDEN / "reference_body.html").read_text(encoding="utf-8")
    live = render_body(Post.load(reference_post).body)

    def words(html: str) -> list[str]:
        return re.sub(r"<[^>]+>|&[a-z#0-9]+;", " ", html).split()

    assert words(fragment) == words(live)
