"""Site: found by walking up, config read safely, categories/tags by use, paths kept inside."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.site import Site

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def make_site(root: Path, config: str = "title: t\n") -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config, encoding="utf-8")
    return root


def post(root: Path, name: str, front: str, body: str = "") -> Path:
    path = root / "_posts" / name
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def test_find_walks_up_from_a_post(sample_site: Path, reference_post: Path) -> None:
    site = Site.find(reference_post)
    assert site is not None and site.root == sample_site.resolve()
    assert site.config["timezone"] == "Asia/Seoul"
    assert site.timezone == "Asia/Seoul"
    assert site.permalink.startswith("/:categories")
    assert site.posts_dir == site.root / "_posts" and site.drafts_dir == site.root / "_drafts"
    assert site.post_files() == [reference_post.resolve()]


def test_find_returns_none_outside_a_site(tmp_path: Path) -> None:
    assert Site.find(tmp_path) is None


def test_broken_config_is_kept_as_error(tmp_path: Path) -> None:
    root = make_site(tmp_path / "s", "title: [broken] x\n")
    site = Site(root)
    assert site.config == {}
    assert site.config_error is not None and site.config_error.line == 1
    assert site.permalink == "date"


def test_categories_and_tags_sorted_by_use(tmp_path: Path) -> None:
    root = make_site(tmp_path / "s")
    post(root, "2024-01-01-a.md", "categories: [경제, 정치]\ntags: [x]\n")
    post(root, "2024-01-02-b.md", "categories:\n  - 경제\ntags: y x\n")
    post(root, "2024-01-03-c.md", "category: 사회\n")
    post(root, "2024-01-04-d.md", "title: [broken] x\n")
    (root / "_posts" / ".2024-01-05-e.md.abc123.post-editor-tmp").write_text("---\n")
    assert Site(root).categories_in_use() == ["경제", "사회", "정치"]
    assert Site(root).tags_in_use() == ["x", "y"]
    assert len(Site(root).post_files()) == 4


def test_category_cache_sees_changed_files(tmp_path: Path) -> None:
    root = make_site(tmp_path / "s")
    path = post(root, "2024-01-01-a.md", "categories: [a]\n")
    site = Site(root)
    assert site.categories_in_use() == ["a"]
    path.write_text("---\ncategories: [bb]\n---\n", encoding="utf-8")
    assert site.categories_in_use() == ["bb"]


def test_resolve_site_path_stays_inside(tmp_path: Path) -> None:
    root = make_site(tmp_path / "s", "baseurl: /blog\n")
    (root / "assets").mkdir()
    (root / "assets" / "out").symlink_to(tmp_path)
    site = Site(root)
    assert site.resolve_site_path("/assets/img/x.jpg") == site.root / "assets/img/x.jpg"
    assert site.resolve_site_path("/blog/assets/a%20b.jpg?v=1#top") == site.root / "assets/a b.jpg"
    assert site.resolve_site_path("{{ site.baseurl }}/x.png") == site.root / "x.png"
    for escaping in ["/../etc/passwd", "/assets/out/s/../x", "/%2e%2e/x", "/assets/out/y"]:
        assert site.resolve_site_path(escaping) is None, escaping
    for not_site in ["https://a.b/x.jpg", "//cdn/x.jpg", "img/x.jpg", "file:///etc/passwd"]:
        assert site.resolve_site_path(not_site) is None, not_site


@pytest.mark.parametrize(
    ("blog", "image_dir"),
    [
        ("whereispost.github.io", "assets/img"),
        ("skullkim.github.io", "img"),  # one sub-folder per post: their common parent
        ("alembic", "assets/img"),  # no local images: the default
    ],
)
def test_image_dir_follows_the_posts(blog: str, image_dir: str) -> None:
    site = Site(CORPUS / blog)
    assert site.image_dir == site.root / image_dir
