"""Publish plans of every kind a writer meets, made in a throwaway site (no writes).

Shared by the byte-identity test of the CLI's English plan text
(tests/publish/test_publish_describe.py) and the Korean dialog test
(tests/ui/test_publish_dialog_korean.py): each scenario yields a post, a site and the
make_plan options, so both sides look at the very same plans.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from editor.core.post import Post
from editor.core.site import Site
from tests.publish.publish_helpers import (
    PNG,
    SAMPLE_SITE,
    make_repository_with_remote,
    write_post,
)

NOW = datetime(2026, 11, 27, 9, 15, 0, tzinfo=ZoneInfo("Asia/Seoul"))
Scenario = tuple[Post, Site, dict]


def _site(tmp: Path) -> Site:
    shutil.copytree(SAMPLE_SITE, tmp / "site")
    return Site(tmp / "site")


def _git_site(tmp: Path) -> Site:
    """A site repository with one pushed commit; identity set in its own config."""
    site = _site(tmp)
    make_repository_with_remote(Path(site.root), tmp / "remote.git")
    return site


def new_post_with_images(tmp: Path) -> Scenario:
    site = _site(tmp)
    work = tmp / "work"
    work.mkdir()
    (work / "shot one.png").write_bytes(PNG)
    shutil.copy(Path(site.root) / "assets/img/newsdao_breakingnews.jpg", work / "same.jpg")
    body = "![a](shot one.png)\n\n![b](same.jpg)\n"
    text = f"---\ntitle: 안녕 세상\ndate: 2024-07-22 10:30:00 +0900\n---\n{body}"
    return write_post(work, "post.md", text), site, {}


def commit_and_push(tmp: Path) -> Scenario:
    site = _git_site(tmp)
    text = "---\ntitle: Hello World\ndate: 2024-07-22\ncategories: [notes]\n---\nHi.\n"
    return write_post(tmp / "work", "post.md", text), site, {"commit": True, "push": True}


def conflict_with_diff(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Same Name\ndate: 2024-07-22\n---\n{}\n"
    write_post(Path(site.posts_dir), "2024-07-22-same-name.md", text.format("first text"))
    return write_post(tmp / "work", "p.md", text.format("second text")), site, {}


def overwrite_with_diff(tmp: Path) -> Scenario:
    post, site, _ = conflict_with_diff(tmp)
    return post, site, {"overwrite": True}


def draft_moves_to_posts(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: 초안 글\ndate: 2024-07-01 08:00:00 +0900\n---\n본문\n"
    return write_post(Path(site.drafts_dir), "초안-글.md", text), site, {}


def save_as_draft(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Draft Me\ndate: 2024-07-22\n---\nbody\n"
    return write_post(tmp / "work", "p.md", text), site, {"draft": True, "slug_mode": "romanized"}


def undated_draft(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: No Date Yet\n---\nbody\n"
    return write_post(tmp / "work", "p.md", text), site, {"draft": True}


def problems_and_warnings(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Broken\ndate: 2024-07-22\n---\n<b>bold\n\n![x](nowhere/gone.png)\n"
    return write_post(tmp / "work", "p.md", text), site, {}


def no_title(tmp: Path) -> Scenario:
    site = _site(tmp)
    return write_post(tmp / "work", "p.md", "---\ndate: 2024-07-22\n---\nx\n"), site, {}


def missing_body_image(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Lost\ndate: 2024-07-22\n---\nx\n\n![x](nowhere/gone.png)\n"
    return write_post(tmp / "work", "p.md", text), site, {}


def symlinked_target(tmp: Path) -> Scenario:
    post, site, _ = bad_date(tmp)
    (tmp / "elsewhere.md").write_text("outside", "utf-8")
    (Path(site.posts_dir) / "2024-07-22-dated.md").symlink_to(tmp / "elsewhere.md")
    return post, site, {}


def missing_cover_image(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Cover\ndate: 2024-07-22\nimage: gone/cover.png\n---\nx\n"
    return write_post(tmp / "work", "p.md", text), site, {}


def reserved_slug(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Device\ndate: 2024-07-22\n---\nx\n"
    return write_post(tmp / "work", "p.md", text), site, {"slug": "CON"}


def bad_date(tmp: Path) -> Scenario:
    site = _site(tmp)
    text = "---\ntitle: Dated\ndate: 2024-07-22\n---\nx\n"
    return write_post(tmp / "work", "p.md", text), site, {"date": "22/07/2024"}


def impossible_date(tmp: Path) -> Scenario:
    post, site, _ = bad_date(tmp)
    return post, site, {"date": "2024-02-30"}


def no_front_matter_slug(tmp: Path) -> Scenario:
    post, site, _ = bad_date(tmp)
    return post, site, {"slug_mode": "front-matter"}


def not_numbered(tmp: Path) -> Scenario:
    post, site, _ = bad_date(tmp)
    return post, site, {"slug_mode": "number"}


def commit_without_git(tmp: Path) -> Scenario:
    post, site, _ = bad_date(tmp)
    return post, site, {"commit": True}


def already_published(tmp: Path) -> Scenario:
    site = _site(tmp)
    reference = Path(site.posts_dir) / "2023-09-29-digital-transformation.md"
    return Post.load(reference), site, {}


SCENARIOS: dict[str, Callable[[Path], Scenario]] = {
    name: function
    for name, function in globals().items()
    if callable(function) and getattr(function, "__annotations__", {}).get("return") == "Scenario"
}
