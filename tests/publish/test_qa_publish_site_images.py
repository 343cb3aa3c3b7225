"""QA round 2: an image pasted in the window is copied into the site at once
(/assets/img/<stamp>.png), so publishing sees it as "in the site" and left it out of the commit:
the pushed post showed a broken image. Images the post uses that git does not have yet (or
has in another version) go into the publish commit; nothing else does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.core.site import Site
from editor.publish.apply import apply_plan
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import (
    PNG,
    SAMPLE_SITE,
    git,
    make_repository_with_remote,
    sample_site_repo,
    simple_post,
)


@pytest.fixture
def site_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    return sample_site_repo(tmp_path, monkeypatch)


def publish(site: Path, tmp_path: Path, body: str, extra: str = ""):
    post = simple_post(tmp_path / "work", body=body, extra=extra)
    plan = make_plan(post, Site(site), commit=True, push=True)
    assert plan.ok, plan.describe()
    result = apply_plan(plan)
    assert result.ok, result.error
    return plan


def committed(site: Path) -> list[str]:
    return git(site, "show", "--name-only", "--format=", "HEAD").split()


def on_remote(remote: Path) -> list[str]:
    return git(remote, "ls-tree", "-r", "--name-only", "main").split()


def test_an_image_pasted_into_the_site_is_committed_and_pushed(site_repo, tmp_path) -> None:
    site, remote = site_repo
    pasted = site / "assets" / "img" / "2026-11-27-183651-1.png"
    pasted.write_bytes(PNG)  # what the window's paste wrote, untracked
    (site / "assets" / "img" / "not-used.png").write_bytes(PNG)
    plan = publish(site, tmp_path, "![붙여 넣은 그림](/assets/img/2026-11-27-183651-1.png)\n")
    files = committed(site)
    assert "assets/img/2026-11-27-183651-1.png" in files
    assert "assets/img/not-used.png" not in files  # only what the post uses
    assert "assets/img/2026-11-27-183651-1.png" in on_remote(remote)
    assert "assets/img/2026-11-27-183651-1.png" in plan.describe()  # the plan says so


def test_an_image_git_already_has_is_not_committed_again(site_repo, tmp_path) -> None:
    site, _ = site_repo
    publish(
        site,
        tmp_path,
        "![속보](/assets/img/newsdao_breakingnews.jpg)\n",
        extra="image: /assets/img/newsdao_breakingnews.jpg\n",
    )
    assert [name for name in committed(site) if name.startswith("assets/")] == []


def test_a_cover_image_pasted_into_the_site_is_committed(site_repo, tmp_path) -> None:
    site, remote = site_repo
    (site / "assets" / "img" / "cover.png").write_bytes(PNG)
    publish(site, tmp_path, "본문.\n", extra="image: /assets/img/cover.png\n")
    assert "assets/img/cover.png" in committed(site)
    assert "assets/img/cover.png" in on_remote(remote)


def test_a_site_in_a_subfolder_of_the_repository_commits_its_pasted_image(tmp_path) -> None:
    repository = tmp_path / "repo"
    site = repository / "docs"
    shutil.copytree(SAMPLE_SITE, site)
    make_repository_with_remote(repository, tmp_path / "remote.git")
    (site / "assets" / "img" / "pasted.png").write_bytes(PNG)
    post = simple_post(tmp_path / "work", body="![그림](/assets/img/pasted.png)\n")
    plan = make_plan(post, Site(site), commit=True)
    assert plan.ok, plan.describe()
    assert apply_plan(plan).ok
    assert "docs/assets/img/pasted.png" in committed(repository)
