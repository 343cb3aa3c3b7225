"""Shared helpers for the publisher tests: throwaway sites, posts, tree hashes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.post import Post
from editor.core.site import Site

REPO = Path(__file__).resolve().parents[2]
SAMPLE_SITE = REPO / "resources" / "sample_site"
CORPUS = REPO / "tests" / "data" / "corpus"
REFERENCE = SAMPLE_SITE / "_posts" / "2023-09-29-digital-transformation.md"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def make_site(tmp_path: Path, name: str = "site") -> Site:
    root = tmp_path / name
    shutil.copytree(SAMPLE_SITE, root)
    return Site(root)


def write_post(folder: Path, name: str, text: str) -> Post:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return Post.load(path)


def simple_post(folder: Path, title: str = "Hello World", extra: str = "", body: str = "") -> Post:
    text = f"---\ntitle: {title}\ndate: 2024-07-22 10:30:00 +0900\n{extra}---\n\n{body or 'Hi.'}\n"
    return write_post(folder, "draft.md", text)


def tree_digest(root: Path) -> dict[str, str]:
    """Every path under root with a hash of its content (symlinks by their target)."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = "link:" + os.readlink(path)
            elif path.is_dir():
                found[key] = "dir"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    result = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def make_repository_with_remote(root: Path, remote: Path) -> Path:
    """Make ``root`` a git repository (one commit of its files, the writer's identity in its
    own config) pushed to a new bare ``remote``; returns the remote."""
    git(remote.parent, "init", "--quiet", "--bare", "-b", "main", str(remote))
    git(root, "init", "--quiet", "-b", "main")
    git(root, "config", "user.name", "Writer")
    git(root, "config", "user.email", "writer@example.com")
    git(root, "add", ".")
    git(root, "commit", "--quiet", "-m", "start")
    git(root, "remote", "add", "origin", str(remote))
    git(root, "push", "--quiet", "-u", "origin", "main")
    return remote


def sample_site_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the sample site in a git repository with a bare remote, no user git config:
    (site, remote)."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    return site, make_repository_with_remote(site, tmp_path / "remote.git")


def run_publish_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``post-editor publish ARGS`` in a child process with its own home and config."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CONFIG_HOME": str(home / "cfg")}
    return subprocess.run(
        [sys.executable, "-m", "editor", "publish", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
