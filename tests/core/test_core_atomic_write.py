"""atomic_write under disk errors: the old file stays intact and no temp file is left.

Root ignores permission bits, so permission and read-only errors are simulated by
monkeypatching os calls; file-size limits (RLIMIT_FSIZE) and a vanished folder are real.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import textio
from editor.core.textio import TEMP_SUFFIX, SaveError, atomic_write, is_temp_file

OLD = "옛 내용\n".encode()
NEW = "새 내용\n".encode() * 1000


@pytest.fixture
def post_file(tmp_path: Path) -> Path:
    path = tmp_path / "post.md"
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def assert_untouched(path: Path) -> None:
    assert path.read_bytes() == OLD
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_writes_and_keeps_permissions(post_file: Path) -> None:
    atomic_write(post_file, NEW)
    assert post_file.read_bytes() == NEW
    assert stat.S_IMODE(post_file.stat().st_mode) == 0o640
    assert sorted(p.name for p in post_file.parent.iterdir()) == ["post.md"]


def test_new_file_is_world_readable(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    atomic_write(target, b"x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_writes_through_a_symlink(post_file: Path) -> None:
    link = post_file.parent / "link.md"
    link.symlink_to(post_file.name)
    atomic_write(link, NEW)
    assert link.is_symlink()
    assert post_file.read_bytes() == NEW


def _failing(real, error_number: int, tmp_path: Path, only_temp: bool = True):  # noqa: ANN001, ANN202
    def fake(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        first = str(args[0]) if args else ""
        if not only_temp or str(tmp_path) in first or isinstance(args[0], int):
            raise OSError(error_number, os.strerror(error_number))
        return real(*args, **kwargs)

    return fake


@pytest.mark.parametrize(
    ("call", "error_number", "words"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EIO, "input/output error"),
        ("open", errno.EROFS, "read-only"),
        ("open", errno.EACCES, "permission denied"),
        ("replace", errno.EPERM, "permission denied"),
        ("write", errno.EDQUOT, "quota"),
    ],
)
def test_os_errors_leave_old_file_and_no_temp(
    post_file: Path, monkeypatch: pytest.MonkeyPatch, call: str, error_number: int, words: str
) -> None:
    real = getattr(os, call)
    monkeypatch.setattr(os, call, _failing(real, error_number, post_file.parent))
    with pytest.raises(SaveError, match=words) as caught:
        atomic_write(post_file, NEW)
    monkeypatch.undo()
    assert caught.value.errno == error_number
    assert "was not changed" in str(caught.value)
    assert_untouched(post_file)


def test_folder_gone(tmp_path: Path) -> None:
    folder = tmp_path / "site" / "_posts"
    folder.mkdir(parents=True)
    shutil.rmtree(tmp_path / "site")
    with pytest.raises(SaveError, match="folder no longer exists"):
        atomic_write(folder / "post.md", NEW)
    assert not (tmp_path / "site").exists()


def test_dev_full_is_not_replaced() -> None:
    before = set(os.listdir("/dev"))
    with pytest.raises(SaveError, match="not a regular file"):
        atomic_write(Path("/dev/full"), NEW)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert set(os.listdir("/dev")) - before == set()


def test_file_size_limit_is_a_real_disk_error(post_file: Path) -> None:
    """RLIMIT_FSIZE makes write() fail with EFBIG for real, in a child process."""
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from editor.core.textio import atomic_write, SaveError\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "try:\n"
        f"    atomic_write(Path({str(post_file)!r}), b'x' * 5000)\n"
        "except SaveError as error:\n"
        "    print(error)\n"
        "    sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "larger than this disk or account allows" in result.stdout
    assert_untouched(post_file)


def test_temp_names_are_recognisable(post_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(source, target):  # noqa: ANN001, ANN202
        seen.append(os.path.basename(source))
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(post_file, NEW)
    assert len(seen) == 1 and seen[0].endswith(TEMP_SUFFIX) and seen[0].startswith(".post.md.")
    assert is_temp_file(post_file.parent / seen[0])
    assert not is_temp_file(post_file)


def test_save_error_is_an_oserror() -> None:
    error = textio.save_error(Path("x.md"), OSError(errno.ENOSPC, "No space"))
    assert isinstance(error, OSError)
    assert str(error) == "Could not save x.md: the disk is full. The file on disk was not changed."
