"""Recovery copies and local history on a really full and a really read-only file system.

A child process gets a private mount namespace (``unshare -m``) with a 256 KiB tmpfs, so
the kernel itself answers ENOSPC and, after ``remount,ro``, EROFS; nothing is mounted
outside the child. Root ignores permissions, so this (with /dev/full and RLIMIT_FSIZE in
the other tests) is how the disk errors of issue #6 are made real. Skipped where mount
namespaces are not allowed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHILD = """
import json, subprocess, sys
from pathlib import Path
from editor.core.history import LocalHistory
from editor.core.recovery import RecoveryStore

mount = Path(sys.argv[1])
post = mount / "2024-01-01-post.md"
store = RecoveryStore(mount / "recovery")
history = LocalHistory(mount / "history")
out = {
    "copy_small": store.save(post, "첫 문단", doc_id="d"),
    "copy_big": store.save(post, "x" * 1_000_000, doc_id="d"),
    "copy_big_error": store.last_error,
    "version_small": history.record(post, b"v1"),
    "version_big": history.record(post, b"y" * 1_000_000),
    "temp_leftovers": sorted(p.name for p in mount.rglob("*post-editor-tmp")),
}
store.close()  # a file open for writing would make the remount "busy"
subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
out["copy_read_only"] = store.save(post, "after remount", doc_id="d")
out["copy_read_only_error"] = store.last_error
out["version_read_only"] = history.record(post, b"v2")
store.close()
out["pending"] = [entry.text for entry in RecoveryStore(mount / "recovery").pending()]
out["versions"] = [version.read().decode() for version in history.versions(post)]
print(json.dumps(out))
"""


def mount_namespaces_work(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = ["unshare", "-m", "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$1"', "sh"]
    return subprocess.run([*probe, str(folder)], capture_output=True).returncode == 0


def test_full_then_read_only_file_system(tmp_path: Path) -> None:
    mount = tmp_path / "small disk"
    mount.mkdir()
    if not mount_namespaces_work(mount):
        pytest.skip("needs root and mount namespaces (unshare -m) for a real tmpfs")
    script = 'mount -t tmpfs -o size=256k tmpfs "$1" && exec "$2" -c "$3" "$1"'
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", str(mount), sys.executable, CHILD],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["copy_small"] is True
    assert (out["copy_big"], out["copy_big_error"]) == (False, "the disk is full")
    assert (out["version_small"], out["version_big"]) == (True, False)
    assert out["temp_leftovers"] == []  # failed writes clean up after themselves
    assert out["copy_read_only"] is False
    assert out["copy_read_only_error"] == "the disk is read-only"
    assert out["version_read_only"] is False
    assert out["pending"] == ["첫 문단"]  # the last good copy survived both errors
    assert out["versions"] == ["v1"]
    assert list(mount.iterdir()) == []  # the tmpfs lived only in the child's namespace
