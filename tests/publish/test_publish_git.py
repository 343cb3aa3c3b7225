"""Git steps with a real local bare repository as the remote."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.publish.apply import apply_plan
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import PNG, SAMPLE_SITE, git, simple_post


@pytest.fixture
def site_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A site clone with one commit pushed to a bare remote; identity from the environment."""
    for key, value in {
        "GIT_AUTHOR_NAME": "Writer",
        "GIT_AUTHOR_EMAIL": "writer@example.com",
        "GIT_COMMITTER_NAME": "Writer",
        "GIT_COMMITTER_EMAIL": "writer@example.com",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }.items():
        monkeypatch.setenv(key, value)
    (tmp_path / "gitconfig").write_text("[user]\n\tname = Writer\n\temail = writer@example.com\n")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "-b", "main", str(remote))
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    git(site, "init", "--quiet", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "--quiet", "-m", "start")
    git(site, "remote", "add", "origin", str(remote))
    git(site, "push", "--quiet", "-u", "origin", "main")
    return site, remote


def _publish(site_root: Path, tmp_path: Path, **options):
    from editor.core.site import Site

    work = tmp_path / "w"
    work.mkdir(exist_ok=True)
    (work / "shot.png").write_bytes(PNG)
    post = simple_post(work, body="![s](shot.png)\n")
    plan = make_plan(post, Site(site_root), **options)
    assert plan.ok, plan.describe()
    return plan, apply_plan(plan)


def test_commit_holds_only_post_and_images(site_repo, tmp_path: Path) -> None:
    site, _ = site_repo
    config = site / "_config.yml"
    config.write_text(config.read_text() + "# dirty\n")
    (site / "staged.txt").write_text("staged by the writer")
    git(site, "add", "staged.txt")
    plan, result = _publish(site, tmp_path, commit=True)
    assert result.ok, result.error
    assert git(site, "log", "-1", "--format=%s").strip() == "Publish: Hello World"
    files = git(site, "show", "--name-only", "--format=", "HEAD").split()
    assert files == ["_posts/2024-07-22-hello-world.md", "assets/img/shot.png"]
    status = sorted(git(site, "status", "--porcelain").splitlines())
    assert status == [" M _config.yml", "A  staged.txt"]  # still staged / still dirty


def test_push_sends_the_commit(site_repo, tmp_path: Path) -> None:
    site, remote = site_repo
    plan, result = _publish(site, tmp_path, push=True)
    assert result.ok and result.pushed, result.error
    assert git(remote, "log", "-1", "--format=%s", "main").strip() == "Publish: Hello World"


def test_rejected_push_keeps_commit_and_says_what_to_do(site_repo, tmp_path: Path) -> None:
    site, remote = site_repo
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(remote), str(other))
    (other / "about.md").write_text("moved on\n")
    git(other, "add", "about.md")
    git(other, "commit", "--quiet", "-m", "elsewhere")
    git(other, "push", "--quiet", "origin", "main")
    remote_head = git(remote, "rev-parse", "main").strip()
    plan, result = _publish(site, tmp_path, push=True)
    assert not result.ok and result.push_rejected and not result.pushed
    assert "pull --rebase" in result.error and "push" in result.error
    assert result.commit and git(site, "rev-parse", "HEAD").strip() == result.commit
    assert git(remote, "rev-parse", "main").strip() == remote_head  # nothing forced
    assert plan.target.exists()


def test_republish_same_content_makes_no_commit(site_repo, tmp_path: Path) -> None:
    site, _ = site_repo
    _publish(site, tmp_path, commit=True)
    head = git(site, "rev-parse", "HEAD")
    plan, result = _publish(site, tmp_path, commit=True)
    assert plan.unchanged and result.ok and not result.commit
    assert git(site, "rev-parse", "HEAD") == head


def test_commit_outside_a_repository_refused_before_writing(tmp_path: Path) -> None:
    from editor.core.site import Site

    site = tmp_path / "plain"
    shutil.copytree(SAMPLE_SITE, site)
    work = tmp_path / "w"
    plan = make_plan(simple_post(work), Site(site), commit=True)
    assert not plan.ok and "not a git repository" in plan.describe()


def test_draft_move_committed_as_removal(site_repo, tmp_path: Path) -> None:
    from editor.core.site import Site

    site, _ = site_repo
    draft = simple_post(site / "_drafts")
    git(site, "add", "_drafts/draft.md")
    git(site, "commit", "--quiet", "-m", "draft")
    plan = make_plan(draft, Site(site), commit=True)
    result = apply_plan(plan)
    assert result.ok, result.error
    files = git(site, "show", "--no-renames", "--name-status", "--format=", "HEAD").splitlines()
    assert sorted(files) == ["A\t_posts/2024-07-22-hello-world.md", "D\t_drafts/draft.md"]


def test_refused_commit_undoes_the_publish(site_repo, tmp_path: Path) -> None:
    """A pre-commit hook says no: the files and the staging area go back as they were."""
    from editor.core.site import Site
    from tests.publish.publish_helpers import tree_digest

    site, _ = site_repo
    hook = site / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)
    (site / "staged.txt").write_text("staged by the writer")
    git(site, "add", "staged.txt")
    status = git(site, "status", "--porcelain")
    work = tmp_path / "w"
    work.mkdir()
    (work / "shot.png").write_bytes(PNG)
    plan = make_plan(simple_post(work, body="![s](shot.png)\n"), Site(site), commit=True)
    before = {k: v for k, v in tree_digest(site).items() if not k.startswith(".git")}
    result = apply_plan(plan)
    assert not result.ok and "hook says no" in result.error
    assert {k: v for k, v in tree_digest(site).items() if not k.startswith(".git")} == before
    assert git(site, "status", "--porcelain") == status
    assert git(site, "log", "-1", "--format=%s").strip() == "start"
