"""Verified for real: publish into a throwaway site, build it with Debian's Jekyll, and find
each post at the site's permalink with its coloured spans and its images."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.core.site import Site
from editor.publish.apply import apply_plan
from editor.publish.permalink import output_file
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import CORPUS, REFERENCE, SAMPLE_SITE

pytestmark = pytest.mark.jekyll

CORPUS_POSTS = [
    ("whereispost.github.io/_posts/2024-07-17-1648.md", "auto"),
    ("whereispost.github.io/_posts/2024-07-19-1806.md", "romanized"),
    ("koreanews.github.io/_posts/2024-07-08-1482.md", "title"),
]
RED = 'style="color: #ee2323;"'


def _local_image(folder: Path) -> Path:
    image = folder / "붉은 점.png"
    subprocess.run(["convert", "-size", "4x4", "xc:#ee2323", str(image)], check=True)
    return image


def test_published_posts_build_with_jekyll(tmp_path: Path) -> None:
    if not shutil.which("jekyll"):
        pytest.skip("Debian's jekyll is not installed")
    site_root = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site_root)
    (site_root / "_posts" / REFERENCE.name).unlink()  # published again below, from outside
    work = tmp_path / "work"
    work.mkdir()
    image = _local_image(work)
    reference = work / REFERENCE.name
    reference.write_bytes(REFERENCE.read_bytes() + f"\n![점]({image.name})\n".encode())
    sources = [(reference, "auto")] + [(CORPUS / name, mode) for name, mode in CORPUS_POSTS]
    plans = []
    for source, mode in sources:
        plan = make_plan(Post.load(source), Site(site_root), slug_mode=mode)
        assert plan.ok, plan.describe()
        result = apply_plan(plan)
        assert result.ok, result.error
        plans.append(plan)
    build = subprocess.run(
        [
            "jekyll",
            "build",
            "--quiet",
            "--source",
            str(site_root),
            "--destination",
            str(tmp_path / "_site"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    built = tmp_path / "_site"
    for plan in plans:
        page = built / output_file(plan.url)
        assert page.is_file(), (plan.url, sorted(p.name for p in built.rglob("*.html")))
        html = page.read_text("utf-8")
        assert RED in html, plan.url
    assert plans[0].url == "/news/2023/09/29/digital-transformation.html"
    assert plans[
        2
    ].target.name == "2024-07-19-jeongbu-haengjeongjeonsanmang-gaeseon-jonghap.md" or (
        plans[2].target.name.isascii()
    )
    (copy,) = plans[0].copies
    assert (built / copy.url.lstrip("/")).read_bytes() == image.read_bytes()
    assert f'src="{copy.url}"' in (built / output_file(plans[0].url)).read_text("utf-8")
    assert (built / "assets/img/newsdao_breakingnews.jpg").is_file()


@pytest.mark.parametrize(
    "permalink", ["pretty", "date", "none", "/:categories/:year/:i_month/:title/", "/:slug.html"]
)
def test_permalink_styles_match_jekyll(tmp_path: Path, permalink: str) -> None:
    if not shutil.which("jekyll"):
        pytest.skip("Debian's jekyll is not installed")
    site_root = tmp_path / "site"
    (site_root / "_posts").mkdir(parents=True)
    (site_root / "_config.yml").write_text(f"timezone: Asia/Seoul\npermalink: {permalink}\n")
    post = tmp_path / "p.md"
    post.write_text(
        "---\ntitle: 'Café 뉴스: Q&A 2.0'\ncategories: [Tech, 뉴스]\n"
        "date: 2024-03-05 23:30:00 -0500\n---\n"
        '<b><span style="color: #ee2323;">red</span></b>\n',
        "utf-8",
    )
    plan = make_plan(Post.load(post), Site(site_root))
    assert plan.ok and apply_plan(plan).ok, plan.describe()
    build = subprocess.run(
        ["jekyll", "build", "--quiet", "-s", str(site_root), "-d", str(tmp_path / "_site")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    pages = sorted(
        p.relative_to(tmp_path / "_site").as_posix() for p in (tmp_path / "_site").rglob("*.html")
    )
    assert pages == [output_file(plan.url)]
    assert RED in (tmp_path / "_site" / pages[0]).read_text("utf-8")
