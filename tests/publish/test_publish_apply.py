"""apply_plan: all or nothing. Failures at every step leave the site byte-identical."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from editor.publish.apply import apply_plan
from editor.publish.plan import make_plan
from tests.publish.publish_helpers import PNG, make_site, simple_post, tree_digest


def rich_plan(tmp_path: Path, overwrite: bool = True):
    """A plan that creates a file, replaces one, copies images into a new folder, removes a
    draft: every kind of change."""
    site = make_site(tmp_path)
    existing = site.root / "_posts" / "2024-07-22-hello-world.md"
    existing.write_text("---\ntitle: Hello World\n---\nold\n")
    work = tmp_path / "w"
    work.mkdir()
    for n in range(3):
        (work / f"pic{n}.png").write_bytes(PNG + bytes([n]))
    body = "".join(f"![p](../../w/pic{n}.png)\n" for n in range(3))
    draft = simple_post(site.root / "_drafts", body=body)
    site.image_dir.rename(site.root / "assets" / "old-img")  # the copy must create the folder
    (site.root / "assets" / "old-img" / "note.txt").write_text("x")
    plan = make_plan(draft, site, overwrite=overwrite)
    if not overwrite:
        return site, plan
    assert plan.ok, plan.describe()
    assert plan.writes[0].existing is not None and len(plan.copies) == 3 and plan.removals
    return site, plan


def test_apply_writes_everything(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path)
    seen = []
    result = apply_plan(plan, progress=lambda done, total, label: seen.append((done, total)))
    assert result.ok, result.error
    assert seen == [(n, 5) for n in range(1, 6)]
    assert plan.target.read_bytes() == plan.writes[0].data
    assert b"/assets/img/pic0.png" in plan.target.read_bytes()
    assert (site.image_dir / "pic2.png").read_bytes() == PNG + b"\x02"
    assert not (site.root / "_drafts" / "draft.md").exists()
    leftovers = [p for p in site.root.rglob("*.tmp")]
    assert leftovers == []


def _fail_at(monkeypatch: pytest.MonkeyPatch, name: str, n: int, code: int = errno.ENOSPC) -> list:
    real = getattr(os, name)
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == n:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)
    return calls


def _count_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> int:
    _, plan = rich_plan(tmp_path / "count")
    calls = _fail_at(monkeypatch, name, 10**9)
    assert apply_plan(plan).ok
    monkeypatch.undo()
    return len(calls)


@pytest.mark.parametrize("name", ["replace", "write", "mkdir", "fsync", "open"])
def test_failure_at_every_call_leaves_site_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    total = _count_calls(tmp_path, monkeypatch, name)
    assert total >= 1
    for n in range(1, total + 1):
        site, plan = rich_plan(tmp_path / f"{name}{n}")
        before = tree_digest(site.root)
        _fail_at(monkeypatch, name, n)
        result = apply_plan(plan)
        monkeypatch.undo()
        assert not result.ok and "nothing was published" in result.error, (name, n)
        assert "No space left" in result.error
        assert tree_digest(site.root) == before, (name, n)


def test_no_hard_links_falls_back_and_still_publishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, plan = rich_plan(tmp_path)
    _fail_at(monkeypatch, "link", 1, errno.EPERM)
    assert apply_plan(plan).ok
    monkeypatch.undo()
    assert plan.target.read_bytes() == plan.writes[0].data
    assert [p for p in site.root.rglob("*.tmp")] == []


def test_permission_denied_midway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, plan = rich_plan(tmp_path)
    before = tree_digest(site.root)
    _fail_at(monkeypatch, "replace", 3, errno.EACCES)
    result = apply_plan(plan)
    monkeypatch.undo()
    assert not result.ok and "Permission denied" in result.error
    assert tree_digest(site.root) == before


def test_disk_full_for_real_on_dev_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes that really fail: every staged temp file is opened on /dev/full."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    site, plan = rich_plan(tmp_path)
    before = tree_digest(site.root)
    real_open = os.open
    monkeypatch.setattr(
        os, "open", lambda path, flags, mode=0o777: real_open("/dev/full", os.O_WRONLY)
    )
    result = apply_plan(plan)
    monkeypatch.undo()
    assert not result.ok and "No space left" in result.error
    assert tree_digest(site.root) == before


def test_stale_plan_refused(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path)
    plan.target.write_text("someone else wrote this")
    before = tree_digest(site.root)
    result = apply_plan(plan)
    assert not result.ok and "changed since the plan" in result.error
    assert tree_digest(site.root) == before


def test_refused_plan_applies_nothing(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path, overwrite=False)
    assert not plan.ok
    before = tree_digest(site.root)
    result = apply_plan(plan)
    assert not result.ok and "conflict" in result.error
    assert tree_digest(site.root) == before


def test_file_modes_kept_when_replacing(tmp_path: Path) -> None:
    site, plan = rich_plan(tmp_path)
    os.chmod(plan.target, 0o600)
    assert apply_plan(plan).ok
    assert plan.target.stat().st_mode & 0o777 == 0o600


class Crash(Exception):
    """Not an OSError: a bug or an interrupt in the middle of installing."""


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_unexpected_exception_midway_rolls_back_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    site, plan = rich_plan(tmp_path)
    before = tree_digest(site.root)
    real = os.replace
    calls = []

    def crashing(*args):
        calls.append(args)
        if len(calls) == n:
            raise Crash("boom")
        return real(*args)

    monkeypatch.setattr(os, "replace", crashing)
    with pytest.raises(Crash):
        apply_plan(plan)
    monkeypatch.undo()
    assert tree_digest(site.root) == before
