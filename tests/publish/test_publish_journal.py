"""The publish journal: a publish killed at any step (SIGKILL, no rollback) is undone by
recover_interrupted_publish, which make_plan's callers, apply_plan and the CLI run first."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from editor.core.tempfiles import is_atomic_temp_name
from editor.publish.apply import apply_plan
from editor.publish.journal import journal_path, recover_interrupted_publish
from editor.publish.plan import make_plan
from editor.publish.transaction import FileTransaction
from tests.publish.publish_helpers import git, tree_digest
from tests.publish.test_publish_apply import rich_plan

CHILD = Path(__file__).with_name("publish_kill_child.py")
TARGET = "_posts/2024-07-22-hello-world.md"


def run_child(
    site_root: Path, kill_after: int, commit: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PUBLISH_KILL_AFTER": str(kill_after), "PUBLISH_COMMIT": str(int(commit))}
    post = site_root / "_drafts" / "draft.md"
    return subprocess.run(
        [sys.executable, str(CHILD), str(site_root), str(post)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def leftovers(root: Path) -> list[str]:
    names = [path.relative_to(root).as_posix() for path in root.rglob("*")]
    return [
        name for name in names if is_atomic_temp_name(Path(name).name) or ".post-editor" in name
    ]


def count_steps(tmp_path: Path) -> tuple[int, dict[str, str]]:
    """Publish once without a kill: the number of steps, and the published tree."""
    site, _ = rich_plan(tmp_path / "count")
    done = run_child(site.root, 0)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.strip().removeprefix("steps=")), tree_digest(site.root)


def test_kill_at_every_step_then_recovery_restores_the_site(tmp_path: Path) -> None:
    steps, published = count_steps(tmp_path)
    assert steps >= 9  # journal, 4 staged files, an overwrite, 3 new images, a removal
    halfway_states, reports = set(), []
    for n in range(1, steps + 1):
        site, _ = rich_plan(tmp_path / f"kill{n}")
        before = tree_digest(site.root)
        killed = run_child(site.root, n)
        assert killed.returncode == -signal.SIGKILL, (n, killed.stdout, killed.stderr)
        halfway = tree_digest(site.root)
        assert halfway != published, n  # the kill came before the publish was complete
        halfway_states.add(tuple(sorted(halfway.items())))
        reports += recover_interrupted_publish(site.root)
        assert tree_digest(site.root) == before, n
        assert recover_interrupted_publish(site.root) == []  # nothing left to do
    assert len(halfway_states) == steps  # each kill point left a different half-done site
    assert f"restored {TARGET}" in reports
    assert "removed the half-published assets/img/pic0.png" in reports
    assert "restored _drafts/draft.md" in reports


def git_site(tmp_path: Path):
    site, _ = rich_plan(tmp_path)
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "config", "user.name", "Test")
    git(site.root, "config", "user.email", "t@example.com")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "start")
    return site


def git_state(root: Path) -> tuple:
    """The work tree, what git status says, and the tree HEAD holds (commit ids hold times)."""
    files = {
        k: v for k, v in tree_digest(root).items() if k != ".git" and not k.startswith(".git/")
    }
    return files, git(root, "status", "--porcelain"), git(root, "rev-parse", "HEAD^{tree}")


def test_kill_during_a_git_publish_is_all_or_nothing(tmp_path: Path) -> None:
    """With --commit the git add and commit run before the commit point too. A kill before
    git committed rolls files and index back; a kill after it keeps the whole publish."""
    counting = git_site(tmp_path / "count")
    done = run_child(counting.root, 0, commit=True)
    assert done.returncode == 0, done.stderr
    steps, published = int(done.stdout.strip().removeprefix("steps=")), git_state(counting.root)
    outcomes = []
    for n in range(1, steps + 1):
        site = git_site(tmp_path / f"kill{n}")
        before = git_state(site.root)
        assert run_child(site.root, n, commit=True).returncode == -signal.SIGKILL, n
        recover_interrupted_publish(site.root)
        after = git_state(site.root)
        assert after in (before, published), n
        outcomes.append(after == published)
    assert outcomes[0] is False and outcomes[-1] is True
    assert outcomes == sorted(outcomes)  # rolled back until the commit, kept from then on


def test_completed_publish_leaves_no_journal(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path)
    seen_journal = []
    result = apply_plan(plan, progress=lambda *_: seen_journal.append(journal_path(site.root)))
    assert result.ok, result.error
    assert seen_journal and not journal_path(site.root).parent.exists()
    assert leftovers(site.root) == []
    assert recover_interrupted_publish(site.root) == []


def test_journal_lists_every_change_before_the_first_rename(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path)
    seen = []
    real_replace = os.replace

    def first_rename_sees_journal(src, dst):
        if not Path(dst).name.startswith("publish-journal") and not seen:
            seen.append(json.loads(journal_path(site.root).read_text("utf-8")))
        return real_replace(src, dst)

    os.replace = first_rename_sees_journal
    try:
        assert apply_plan(plan).ok
    finally:
        os.replace = real_replace
    record = seen[0]
    kinds = sorted((change["kind"], change["target"]) for change in record["changes"])
    assert ("replace", TARGET) in kinds and ("remove", "_drafts/draft.md") in kinds
    assert [kind for kind, _ in kinds].count("create") == 3
    assert record["dirs"] == ["assets/img"]
    assert all(change["backup"] for change in record["changes"] if change["kind"] != "create")


def test_apply_plan_recovers_first_then_publishes(tmp_path: Path) -> None:
    site, _ = rich_plan(tmp_path)
    before = tree_digest(site.root)
    assert run_child(site.root, 6).returncode == -signal.SIGKILL
    assert journal_path(site.root).exists()
    plan = make_plan(_draft(site.root), _site(site.root), overwrite=True)
    result = apply_plan(plan)
    assert result.ok, result.error
    assert any(m.startswith("recovered an interrupted publish") for m in result.messages)
    assert leftovers(site.root) == []
    assert tree_digest(site.root) != before


def test_cli_publish_reports_the_recovery(tmp_path: Path) -> None:
    site, _ = rich_plan(tmp_path)
    assert run_child(site.root, 7).returncode == -signal.SIGKILL
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    draft = site.root / "_drafts" / "draft.md"
    done = subprocess.run(
        [sys.executable, "-m", "editor", "publish", str(draft), "--site", str(site.root)]
        + ["--overwrite", "--dry-run"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "recovered an interrupted publish" in done.stderr
    assert leftovers(site.root) == []


def test_running_transaction_is_not_rolled_back(tmp_path: Path) -> None:
    """The journal is locked while its transaction runs: a second recovery keeps out."""
    site, _ = rich_plan(tmp_path)
    target = site.root / "_posts" / "new.md"
    transaction = FileTransaction(site.root)
    transaction.begin([target], [])
    transaction.stage(target, b"new")
    transaction.install_all()
    assert recover_interrupted_publish(site.root) == []
    assert target.read_bytes() == b"new" and journal_path(site.root).exists()
    transaction.finish()
    assert target.read_bytes() == b"new" and leftovers(site.root) == []


def test_second_publish_never_overwrites_a_running_ones_journal(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path)
    first = FileTransaction(site.root)
    first.begin([site.root / "_posts" / "a.md"], [])
    journal = journal_path(site.root).read_bytes()
    before = tree_digest(site.root)
    result = apply_plan(plan)
    assert not result.ok and "another publish into this site is unfinished" in result.error
    assert tree_digest(site.root) == before and journal_path(site.root).read_bytes() == journal
    first.finish()
    assert leftovers(site.root) == []


def test_damaged_journal_is_reported_and_kept(tmp_path: Path) -> None:
    site, _ = rich_plan(tmp_path)
    path = journal_path(site.root)
    path.parent.mkdir()
    path.write_text("{not json")
    messages = recover_interrupted_publish(site.root)
    assert len(messages) == 1 and "left in place" in messages[0]
    assert path.read_text() == "{not json"


def test_hostile_journal_cannot_reach_outside_the_site(tmp_path: Path) -> None:
    site, _ = rich_plan(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    change = {"kind": "create", "target": "../victim.txt", "temp": None, "backup": None}
    path = journal_path(site.root)
    path.parent.mkdir()
    path.write_text(json.dumps({"version": 1, "changes": [change], "dirs": []}))
    messages = recover_interrupted_publish(site.root)
    assert len(messages) == 1 and "outside the site" in messages[0]
    assert victim.read_text() == "keep me" and path.exists()


def test_commit_that_landed_is_kept_not_undone(tmp_path: Path) -> None:
    """Killed after git committed but before the journal was deleted: undoing the files
    would leave the work tree behind HEAD, so recovery keeps the publish."""
    site, _ = rich_plan(tmp_path)
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "-A")
    git(site.root, "commit", "-q", "-m", "start")
    head = git(site.root, "rev-parse", "HEAD").strip()
    target = site.root / TARGET
    transaction = FileTransaction(site.root)
    transaction.begin([target], [], git_head=head)
    transaction.stage(target, b"new post")
    transaction.install_all()
    git(site.root, "commit", "-q", "-m", "Publish", "--", TARGET)
    transaction.journal.release()  # as if killed here: the journal stays, unlocked
    messages = recover_interrupted_publish(site.root)
    assert messages and "already committed" in messages[0]
    assert target.read_bytes() == b"new post"
    assert leftovers(site.root) == []
    assert git(site.root, "status", "--porcelain") == ""


def _draft(root: Path):
    from editor.core.post import Post

    return Post.load(root / "_drafts" / "draft.md")


def _site(root: Path):
    from editor.core.site import Site

    return Site(root)
