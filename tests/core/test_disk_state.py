"""disk_state: content-based detection of changes made by other programs."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from editor.core.disk_state import DiskStamp, changed_on_disk, stamp, stamp_bytes


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_stamp_records_size_mtime_and_digest(tmp_path: Path) -> None:
    data = "안녕\n".encode()
    post = write(tmp_path / "2024-01-01-글.md", data)
    expected = DiskStamp(os.stat(post).st_mtime_ns, len(data), hashlib.sha256(data).hexdigest())
    assert stamp(post) == expected


def test_stamp_of_missing_file_or_folder_is_none(tmp_path: Path) -> None:
    assert stamp(tmp_path / "gone.md") is None
    assert stamp(tmp_path) is None


def test_large_file_digest_covers_every_chunk(tmp_path: Path) -> None:
    data = os.urandom(3 * (1 << 20) + 17)
    post = write(tmp_path / "big.md", data)
    assert stamp(post).digest == hashlib.sha256(data).hexdigest()


def test_rewriting_identical_bytes_is_not_a_change(tmp_path: Path) -> None:
    post = write(tmp_path / "p.md", b"same\n")
    known = stamp(post)
    os.utime(post, ns=(known.mtime_ns + 5_000_000_000, known.mtime_ns + 5_000_000_000))
    write(post, b"same\n")  # e.g. git checkout of the same blob
    assert stamp(post).mtime_ns != known.mtime_ns
    assert not changed_on_disk(post, known)


def test_same_size_same_mtime_other_content_is_a_change(tmp_path: Path) -> None:
    post = write(tmp_path / "p.md", b"aaaa\n")
    known = stamp(post)
    write(post, b"bbbb\n")
    os.utime(post, ns=(known.mtime_ns, known.mtime_ns))  # mtime granularity hides it
    assert stamp(post).mtime_ns == known.mtime_ns and stamp(post).size == known.size
    assert changed_on_disk(post, known)


def test_file_replaced_by_rename_is_a_change(tmp_path: Path) -> None:
    post = write(tmp_path / "p.md", b"mine\n")
    known = stamp(post)
    os.replace(write(tmp_path / ".p.md.swp", b"theirs\n"), post)  # vim/git style
    assert changed_on_disk(post, known)


def test_appearing_and_vanishing(tmp_path: Path) -> None:
    post = tmp_path / "p.md"
    assert not changed_on_disk(post, None)
    write(post, b"x")
    assert changed_on_disk(post, None)
    known = stamp(post)
    post.unlink()
    assert changed_on_disk(post, known)


def test_stamp_bytes_matches_a_fresh_stamp(tmp_path: Path) -> None:
    data = "제목\r\n본문".encode()
    post = write(tmp_path / "p.md", data)
    assert stamp_bytes(post, data) == stamp(post)
    assert stamp_bytes(tmp_path / "none.md", data) is None
