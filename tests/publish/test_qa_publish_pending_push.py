"""QA round 2: a push that failed (remote unreachable) keeps the commit, and the message says
so. Publishing the same post again with push then said "Nothing to do: the same content is
already published" and pushed nothing: the post never reached the blog from the app. Now an
unchanged post with push asked pushes the commits the remote does not have yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.site import Site
from editor.publish.apply import apply_plan
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import (
    git,
    sample_site_repo,
    simple_post,
)


@pytest.fixture
def site_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    return sample_site_repo(tmp_path, monkeypatch)


def remote_head(remote: Path) -> str:
    return git(remote, "rev-parse", "main").strip()


def test_publishing_again_pushes_the_commit_a_failed_push_kept(site_repo, tmp_path) -> None:
    site, remote = site_repo
    post = simple_post(tmp_path / "work")
    away = remote.with_name("away.git")
    remote.rename(away)  # the remote cannot be reached
    first = apply_plan(make_plan(post, Site(site), commit=True, push=True))
    assert first.commit and not first.pushed
    remote_head_before = (away.rename(remote), remote_head(remote))[1]
    assert remote_head_before != first.commit
    again = make_plan(post, Site(site), commit=True, push=True)
    assert again.ok and not again.unchanged, again.describe()
    assert [step.args[0] for step in again.git_steps] == ["push"]  # no new commit
    result = apply_plan(again)
    assert result.ok and result.pushed, result.error
    assert remote_head(remote) == first.commit


def test_nothing_to_push_is_still_nothing_to_do(site_repo, tmp_path) -> None:
    site, _ = site_repo
    post = simple_post(tmp_path / "work")
    assert apply_plan(make_plan(post, Site(site), commit=True, push=True)).pushed
    again = make_plan(post, Site(site), commit=True, push=True)
    assert again.unchanged and again.git_steps == []


def test_without_push_a_pending_commit_is_left_alone(site_repo, tmp_path) -> None:
    site, remote = site_repo
    post = simple_post(tmp_path / "work")
    assert apply_plan(make_plan(post, Site(site), commit=True)).commit
    again = make_plan(post, Site(site), commit=True)
    assert again.unchanged and again.git_steps == []
