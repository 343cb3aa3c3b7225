"""tempfiles: atomic-save temp names, atomic writes, and start-up clean-up of leftovers."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core import tempfiles
from editor.core.tempfiles import (
    clean_stale_temp_files,
    is_atomic_temp_name,
    temp_path_for,
    write_atomic,
)

REPO = Path(__file__).resolve().parents[2]
OLD = time.time() - 3600


def make_old(path: Path, data: bytes = b"partial") -> Path:
    path.write_bytes(data)
    os.utime(path, (OLD, OLD))
    return path


def test_temp_path_is_hidden_beside_target_and_recognised(tmp_path: Path) -> None:
    target = tmp_path / "2023-09-29-디지털 전환.md"
    temp = temp_path_for(target)
    assert temp.parent == tmp_path
    assert temp.name.startswith(".2023-09-29-디지털 전환.md.")
    assert is_atomic_temp_name(temp.name)
    assert temp != temp_path_for(target)


@pytest.mark.parametrize(
    "name",
    ["post.md", ".post.md", "notes.tmp", ".post.md.tmp", ".post.md.ab.post-editor-tmp", ".hidden"],
)
def test_user_files_are_not_temp_names(name: str) -> None:
    assert not is_atomic_temp_name(name)


def test_same_names_as_textio_atomic_write(tmp_path: Path) -> None:
    """A save killed between write and rename leaves a temp file that we must recognise."""
    textio = pytest.importorskip("editor.core.textio")
    assert textio.TEMP_SUFFIX == tempfiles.TEMP_SUFFIX
    post = tmp_path / "2024-05-01-post.md"
    post.write_bytes(b"old\n")
    child = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from editor.core import textio\n"
        "os.replace = lambda *a, **k: os._exit(7)  # die right before the rename\n"
        "textio.atomic_write(Path(sys.argv[1]), b'new text\\n')\n"
    )
    result = subprocess.run([sys.executable, "-c", child, str(post)], cwd=REPO, timeout=60)
    assert result.returncode == 7
    leftovers = [p for p in tmp_path.iterdir() if p != post]
    assert len(leftovers) == 1 and leftovers[0].read_bytes() == b"new text\n"
    assert is_atomic_temp_name(leftovers[0].name)
    os.utime(leftovers[0], (OLD, OLD))
    assert clean_stale_temp_files(tmp_path) == leftovers
    assert sorted(tmp_path.iterdir()) == [post] and post.read_bytes() == b"old\n"


def test_clean_removes_only_old_matching_regular_files(tmp_path: Path) -> None:
    old = make_old(tmp_path / ".a.md.abcdef12.post-editor-tmp")
    young = tmp_path / ".b.md.abcdef12.post-editor-tmp"
    young.write_bytes(b"a save in progress")
    keep = [make_old(tmp_path / name) for name in ("a.md", "notes.tmp", ".hidden")]
    folder = tmp_path / ".c.md.abcdef12.post-editor-tmp"
    folder.mkdir()
    os.utime(folder, (OLD, OLD))
    link = tmp_path / ".d.md.abcdef12.post-editor-tmp"
    link.symlink_to(keep[0])
    assert clean_stale_temp_files(tmp_path, older_than_s=60) == [old]
    assert young.exists() and folder.is_dir() and link.is_symlink()
    assert all(path.exists() for path in keep)


def test_clean_is_not_recursive(tmp_path: Path) -> None:
    nested = tmp_path / "_posts"
    nested.mkdir()
    inner = make_old(nested / ".x.md.abcdef12.post-editor-tmp")
    assert clean_stale_temp_files(tmp_path) == []
    assert clean_stale_temp_files(nested) == [inner]


def test_clean_of_missing_folder_returns_nothing(tmp_path: Path) -> None:
    assert clean_stale_temp_files(tmp_path / "site gone") == []
    assert clean_stale_temp_files(make_old(tmp_path / "a file")) == []


def test_clean_skips_files_it_cannot_remove(tmp_path: Path, monkeypatch) -> None:
    stuck = make_old(tmp_path / ".a.md.abcdef12.post-editor-tmp")
    gone = make_old(tmp_path / ".b.md.abcdef12.post-editor-tmp")
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(stuck):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    assert clean_stale_temp_files(tmp_path) == [gone]
    assert stuck.exists()


def test_write_atomic_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "t.bin"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    write_atomic(target, b"newer", fsync=False)
    assert target.read_bytes() == b"newer"
    assert [p.name for p in tmp_path.iterdir()] == ["t.bin"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_write_atomic_failure_keeps_old_and_leaves_no_temp(tmp_path: Path, monkeypatch, code):
    target = tmp_path / "t.bin"
    target.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"new")
    assert caught.value.errno == code
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.bin"]


def test_write_atomic_on_a_full_device(tmp_path: Path, monkeypatch) -> None:
    """The kernel's own ENOSPC, from /dev/full, when the bytes are flushed."""
    target = tmp_path / "t.bin"
    target.write_bytes(b"old")

    def open_full_device(path, mode):
        return open("/dev/full", "wb")  # noqa: SIM115 - write_atomic closes it

    monkeypatch.setattr(tempfiles, "open", open_full_device, raising=False)
    with pytest.raises(OSError) as caught:
        write_atomic(target, b"x" * 10_000)
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"old"
