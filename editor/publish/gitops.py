"""The git steps of a publish, through the git command line (no shell, no force).

A commit holds only the published post and its images, even when the writer has other
files modified or staged: the paths are added, then committed with ``git commit --only``,
which leaves every other staged change staged and every other modified file untouched.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from editor.publish.wording import Phrase

_GIT_ENV = {"GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_EDITOR": "true"}


class GitError(RuntimeError):
    """A git command failed; the message holds git's own words."""


@dataclass(frozen=True)
class PushOutcome:
    ok: bool
    rejected: bool
    message: str


def run_git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **_GIT_ENV}
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
        )
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took longer than two minutes; stopped") from None
    if check and result.returncode != 0:
        words = (result.stderr or result.stdout).strip()
        raise GitError(f"git {' '.join(args[:2])} failed: {words}")
    return result


def repo_root(path: Path) -> Path | None:
    """The top folder of the git work tree holding ``path``, or None outside any repository."""
    try:
        result = run_git(Path(path), "rev-parse", "--show-toplevel", check=False)
    except GitError:
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def current_branch(cwd: Path) -> str | None:
    result = run_git(cwd, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    return result.stdout.strip() or None if result.returncode == 0 else None


def push_remote(cwd: Path, branch: str) -> str | None:
    """The branch's configured remote, else ``origin`` when it exists, else None."""
    configured = run_git(cwd, "config", f"branch.{branch}.remote", check=False).stdout.strip()
    if configured:
        return configured
    remotes = run_git(cwd, "remote", check=False).stdout.split()
    return "origin" if "origin" in remotes else (remotes[0] if len(remotes) == 1 else None)


def has_unpushed_commits(cwd: Path, remote: str, branch: str) -> bool:
    """True when HEAD has commits that ``remote``'s ``branch`` (as last fetched or pushed)
    lacks; a branch never pushed counts as unpushed."""
    result = run_git(
        cwd, "rev-list", "--count", f"refs/remotes/{remote}/{branch}..HEAD", check=False
    )
    if result.returncode != 0:
        return True
    return int(result.stdout.strip() or "0") > 0


def has_identity(cwd: Path) -> bool:
    """Whether git knows who commits (user.name and user.email), so a commit can succeed."""
    name = run_git(cwd, "config", "user.name", check=False).stdout.strip()
    email = run_git(cwd, "config", "user.email", check=False).stdout.strip()
    return bool(name and email) or bool(os.environ.get("GIT_AUTHOR_EMAIL"))


def is_tracked(cwd: Path, path: Path) -> bool:
    result = run_git(cwd, "ls-files", "--error-unmatch", "--", str(path), check=False)
    return result.returncode == 0


def changed_paths(cwd: Path, paths: list[str]) -> list[str]:
    """Those of ``paths`` whose working-tree state differs from HEAD (new, changed, removed)."""
    if not paths:
        return []
    result = run_git(cwd, "status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
    return [entry[3:] for entry in result.stdout.split("\0") if entry]


def commit_only(cwd: Path, add_paths: list[str], remove_paths: list[str], message: str) -> str:
    """Commit exactly these paths; return the new commit's id, or "" when nothing changed."""
    if not changed_paths(cwd, add_paths + remove_paths):
        return ""
    if add_paths:
        run_git(cwd, "add", "--", *add_paths)
    paths = add_paths + [p for p in remove_paths if is_tracked(cwd, Path(p))]
    run_git(cwd, "commit", "--quiet", "--only", "-m", message, "--", *paths)
    return run_git(cwd, "rev-parse", "HEAD").stdout.strip()


def snapshot_index(cwd: Path) -> tuple[Path, bytes | None]:
    """The index file and its bytes, so a failed publish can put the staging area back."""
    relative = run_git(cwd, "rev-parse", "--git-path", "index").stdout.strip()
    path = (Path(cwd) / relative).resolve()
    try:
        return path, path.read_bytes()
    except FileNotFoundError:
        return path, None


def restore_index(cwd: Path, snapshot: tuple[Path, bytes | None]) -> None:
    path, data = snapshot
    if data is None:
        path.unlink(missing_ok=True)
        return
    temp = path.with_name(path.name + ".publish-restore")
    temp.write_bytes(data)
    os.replace(temp, path)


def rejected_advice(cwd: Path, remote: str, branch: str) -> str:
    english = (
        f"The push was rejected: {remote}/{branch} has commits that are not here. "
        "Your commit is kept locally; nothing was forced. To publish it, run:\n"
        f"  git -C {cwd} pull --rebase {remote} {branch}\n"
        f"  git -C {cwd} push {remote} {branch}"
    )
    return Phrase(english, "push-rejected", cwd=cwd, remote=remote, branch=branch)


def push_branch(cwd: Path, remote: str, branch: str) -> PushOutcome:
    """Push the current branch; never forces. A rejection says how to catch up."""
    return push_with(cwd, ("push", "--porcelain", remote, f"HEAD:refs/heads/{branch}"))


def push_with(cwd: Path, args: tuple[str, ...]) -> PushOutcome:
    """Run a planned ``git push`` step (``push [--porcelain] REMOTE HEAD:refs/heads/BRANCH``)."""
    if any(a.startswith(("-f", "--force", "+")) for a in args[1:]):
        raise GitError("refusing a forced push")
    remote, refspec = args[-2], args[-1]
    branch = refspec.split("refs/heads/", 1)[-1]
    result = run_git(cwd, *args, check=False)
    if result.returncode == 0:
        said = Phrase(f"pushed {branch} to {remote}", "pushed", branch=branch, remote=remote)
        return PushOutcome(True, False, said)
    words = (result.stderr + result.stdout).lower()
    if any(s in words for s in ("[rejected]", "non-fast-forward", "fetch first", "rejected")):
        return PushOutcome(False, True, rejected_advice(cwd, remote, branch))
    detail = (result.stderr or result.stdout).strip()
    said = f"git push failed (your commit is kept): {detail}"
    return PushOutcome(False, False, Phrase(said, "push-failed", detail=detail))
