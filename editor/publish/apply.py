"""Carry out a PublishPlan: every file or none, then the git steps.

Before touching anything the targets are checked again (nothing appeared or changed since
the plan was made). Files are staged, then renamed into place; any failure rolls every path
back. The commit runs while the old files can still be restored: if git refuses (a hook,
a lock), the files and the index go back as they were. A rejected push keeps the commit.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.image_store import UnsafePathError
from editor.publish import gitops
from editor.publish.journal import recover_interrupted_publish
from editor.publish.plan import PublishPlan
from editor.publish.transaction import FileTransaction
from editor.publish.wording import Phrase, Refusal

Progress = Callable[[int, int, str], None]


@dataclass
class ApplyResult:
    """What applying a plan did. ``ok`` is False when nothing was published, but also when
    the files are in place and only git failed afterwards (``written``/``removed`` say so).
    ``moved_from``/``moved_to``: the post's own file was moved (a draft published from
    _drafts to _posts); a window showing ``moved_from`` should follow it (``follow``)."""

    ok: bool
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    commit: str = ""
    pushed: bool = False
    push_rejected: bool = False
    messages: list[str] = field(default_factory=list)
    error: str = ""
    moved_from: Path | None = None
    moved_to: Path | None = None

    def follow(self, path: Path | None) -> Path | None:
        """Where the post file ``path`` is now, if this publish moved or rewrote it; None if
        it did not touch it. An editor showing ``path`` reloads the returned file: it holds
        what was published (the editor's text, with the date and image links written in)."""
        if path is None:
            return None
        real = os.path.realpath(path)  # the window may hold the path through a symlink
        if self.moved_from is not None and real == os.path.realpath(self.moved_from):
            return self.moved_to
        written = [target for target in self.written if os.path.realpath(target) == real]
        return written[0] if written else None


class StalePlanError(Refusal, RuntimeError):
    """The site changed between planning and applying."""


def _check_still_valid(plan: PublishPlan) -> None:
    for write in plan.writes:
        now = write.target.read_bytes() if write.target.exists() else None
        if now != write.existing:
            message = f"{write.target} changed since the plan was made; plan again"
            raise StalePlanError(message, "stale-changed", path=write.target)
    for copy in plan.copies:
        if not copy.reuse and copy.target.exists():
            message = f"{copy.target} appeared since the plan was made; plan again"
            raise StalePlanError(message, "stale-appeared", path=copy.target)
    for removal in plan.removals:
        if not removal.exists():
            message = f"{removal} is gone since the plan was made; plan again"
            raise StalePlanError(message, "stale-gone", path=removal)


def _git_head(plan: PublishPlan) -> str | None:
    """HEAD before the publish ("" on an unborn branch); None when the plan does not commit."""
    if not any(step.args[0] == "commit" for step in plan.git_steps):
        return None
    found = gitops.run_git(plan.site_root, "rev-parse", "--verify", "-q", "HEAD", check=False)
    return found.stdout.strip() if found.returncode == 0 else ""


def _apply_files(plan: PublishPlan, report: Progress, result: ApplyResult) -> FileTransaction:
    """Put every file in place; on failure everything is rolled back and the error raised.
    The returned transaction can still be rolled back (if the commit fails) until finish()."""
    files = [(w.target, w.data, _label("write", w.target.name)) for w in plan.writes]
    files += [
        (c.target, c.source, _label("copy", c.source.name)) for c in plan.copies if not c.reuse
    ]
    transaction = FileTransaction(plan.site_root)
    try:
        transaction.begin([target for target, _, _ in files], plan.removals, _git_head(plan))
        for target, content, label in files:
            data = content if isinstance(content, bytes) else Path(content).read_bytes()
            transaction.stage(target, data)
            report(label)
        transaction.install_all()
        for removal in plan.removals:
            transaction.remove(removal)
            report(_label("remove", removal.name))
    except BaseException as error:
        _undo(transaction, error)
        raise
    result.written = [target for target, _, _ in files]
    result.removed = list(plan.removals)
    if plan.source is not None and plan.source in plan.removals:
        result.moved_from, result.moved_to = plan.source, plan.target
    return transaction


def _label(verb: str, name: str) -> Phrase:
    """A progress label: "write NAME", "copy NAME" or "remove NAME"."""
    return Phrase(f"{verb} {name}", f"progress-{verb}", name=name)


def _undo(transaction: FileTransaction, error: BaseException) -> None:
    failures = transaction.rollback()
    if failures:
        raise OSError("could not restore: " + "; ".join(failures)) from error


def _commit(plan: PublishPlan, report: Progress, result: ApplyResult) -> None:
    """The add and commit steps (before the files are final: a failure undoes the publish)."""
    root = plan.site_root
    for step in plan.git_steps:
        if step.args[0] == "commit":
            paths = list(step.args[step.args.index("--") + 1 :])
            if not gitops.changed_paths(root, paths):
                result.messages.append(Phrase("git: nothing new to commit", "nothing-to-commit"))
                report(step.description)
                continue
            gitops.run_git(root, *step.args)
            result.commit = gitops.run_git(root, "rev-parse", "HEAD").stdout.strip()
            said = f"committed {result.commit[:10]} {step.description}"
            fields = {"commit": result.commit[:10], "message": str(step.description)}
            result.messages.append(Phrase(said, "committed", **fields))
        elif step.args[0] != "push":
            gitops.run_git(root, *step.args)
        else:
            continue
        report(step.description)


def _push(plan: PublishPlan, report: Progress, result: ApplyResult) -> None:
    """Push after the commit; a rejected push keeps the commit and says what to do."""
    for step in plan.git_steps:
        if step.args[0] != "push":
            continue
        outcome = gitops.push_with(plan.site_root, step.args)
        result.pushed, result.push_rejected = outcome.ok, outcome.rejected
        if not outcome.ok:
            result.ok, result.error = False, outcome.message
            return
        result.messages.append(outcome.message)
        report(step.description)


def _recovered(message: str) -> Phrase:
    said = f"recovered an interrupted publish: {message}"
    return Phrase(said, "recovered", detail=message)


def _not_published(error: BaseException) -> Phrase:
    return Phrase(f"nothing was published: {error}", "not-published", reason=error)


def apply_plan(plan: PublishPlan, progress: Progress | None = None) -> ApplyResult:
    """Apply ``plan``; progress(done, total, label) is called after each step."""
    result = ApplyResult(ok=True)
    if not plan.ok:
        reasons = [str(p) for p in plan.errors] + [f"conflict: {c.target}" for c in plan.conflicts]
        return ApplyResult(ok=False, error="refused: " + "; ".join(reasons))
    total = len(plan.writes) + len([c for c in plan.copies if not c.reuse])
    total += len(plan.removals) + len(plan.git_steps)
    done = 0

    def report(label: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, label)

    try:
        recovered = recover_interrupted_publish(plan.site_root)
        _check_still_valid(plan)
        index = gitops.snapshot_index(plan.site_root) if plan.git_steps else None
        result.messages += [_recovered(message) for message in recovered]
        transaction = _apply_files(plan, report, result)
    except (OSError, StalePlanError, UnsafePathError, gitops.GitError) as error:
        return ApplyResult(ok=False, error=_not_published(error))
    try:
        _commit(plan, report, result)
    except gitops.GitError as error:
        _undo(transaction, error)
        if index is not None:
            gitops.restore_index(plan.site_root, index)
        return ApplyResult(ok=False, error=_not_published(error))
    transaction.finish()
    try:
        _push(plan, report, result)
    except gitops.GitError as error:
        said = f"committed, but the push failed: {error}"
        result.ok, result.error = False, Phrase(said, "push-error", reason=error)
    return result
