"""RecoveryStore: copies of the text being typed, offered again after a crash."""

from __future__ import annotations

import errno
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from editor.core import recovery, tempfiles
from editor.core.recovery import RecoveryStore

REPO = Path(__file__).resolve().parents[2]
KOREAN = '# 디지털 전환\n\n<b><span style="color: #ee2323;">강조</span></b> 본문 😀\n'


def crashed_session(folder: Path, post: Path | None, text: str, doc_id: str) -> None:
    """Save a copy in a real child process, then SIGKILL it: what a crash leaves."""
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from editor.core.recovery import RecoveryStore\n"
        "folder, post, doc_id, text = sys.argv[1:]\n"
        "store = RecoveryStore(Path(folder))\n"
        "assert store.save(Path(post) if post else None, text, doc_id=doc_id)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    args = [sys.executable, "-c", code, str(folder), str(post or ""), doc_id, text]
    result = subprocess.run(args, cwd=REPO, timeout=60)
    assert result.returncode == -signal.SIGKILL


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "recovery"


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "site" / "_posts" / "2023-09-29-digital transformation.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(KOREAN.encode())
    return path


def test_copy_left_by_a_killed_session_is_offered(folder: Path, post: Path) -> None:
    edited = KOREAN + "새 문단을 쓰는 중"
    before = datetime.now(UTC)
    crashed_session(folder, post, edited, "doc-1")
    [entry] = RecoveryStore(folder).pending()
    assert entry.doc_id == "doc-1"
    assert entry.post_path == post
    assert entry.text == edited
    assert entry.disk_text == KOREAN
    assert entry.differs
    assert before - timedelta(seconds=1) <= entry.saved_at <= datetime.now(UTC)


def test_copies_of_live_sessions_are_not_offered(folder: Path, post: Path) -> None:
    mine = RecoveryStore(folder)
    other_instance = RecoveryStore(folder)
    assert mine.save(post, "mine", doc_id="a")
    assert other_instance.save(post, "theirs", doc_id="a")
    assert mine.pending() == [] and other_instance.pending() == []
    other_instance.close()  # it exits without discarding: its copy is now on offer
    assert [entry.text for entry in mine.pending()] == ["theirs"]
    assert [entry.text for entry in RecoveryStore(folder).pending()] == ["theirs"]  # mine is alive


def test_new_session_never_overwrites_a_crashed_copy(folder: Path, post: Path) -> None:
    crashed_session(folder, post, "crashed text", "same-doc")
    store = RecoveryStore(folder)
    assert store.save(post, "new session text", doc_id="same-doc")
    assert [entry.text for entry in store.pending()] == ["crashed text"]


def test_discard_and_dismiss(folder: Path, post: Path) -> None:
    crashed_session(folder, post, "old", "d")
    store = RecoveryStore(folder)
    store.save(post, "typing", doc_id="d")
    store.discard("d")
    store.discard("never saved")  # harmless
    [entry] = store.pending()
    store.dismiss(entry)
    assert store.pending() == []
    assert not list(folder.glob("*.recovery"))


def test_pending_is_newest_first_and_survives_many_crashes(folder: Path, post: Path) -> None:
    for text in ("first", "second"):
        crashed_session(folder, post, text, "d")
        time.sleep(0.01)
    assert [entry.text for entry in RecoveryStore(folder).pending()] == ["second", "first"]


def test_same_text_with_other_line_endings_does_not_differ(folder: Path, tmp_path: Path) -> None:
    post = tmp_path / "crlf.md"
    post.write_bytes(b"\xef\xbb\xbfline one\r\nline two\r\n")
    crashed_session(folder, post, "line one\nline two\n", "d")
    [entry] = RecoveryStore(folder).pending()
    assert not entry.differs


def test_unsaved_new_post_and_vanished_post(folder: Path, post: Path) -> None:
    crashed_session(folder, None, "untitled draft", "new")
    crashed_session(folder, post, "edited", "old")
    post.unlink()  # the site folder was cleaned meanwhile
    entries = {entry.doc_id: entry for entry in RecoveryStore(folder).pending()}
    assert entries["new"].post_path is None and entries["new"].disk_text is None
    assert entries["old"].disk_text is None
    assert entries["new"].differs and entries["old"].differs


def test_cp949_post_is_compared_as_text(folder: Path, tmp_path: Path) -> None:
    post = tmp_path / "old.md"
    post.write_bytes("한글 글\n".encode("cp949"))
    crashed_session(folder, post, "한글 글\n", "d")
    [entry] = RecoveryStore(folder).pending()
    assert entry.disk_text == "한글 글\n" and not entry.differs


def test_odd_doc_ids_stay_inside_the_folder(folder: Path) -> None:
    store = RecoveryStore(folder)
    for doc_id in ("../../etc/passwd", "/abs/path.md", "글 제목", "a" * 5000, "\udcff"):
        assert store.save(None, doc_id[:10], doc_id=doc_id)
    assert len(list(folder.glob("*.recovery"))) == 5
    assert {p.parent for p in folder.iterdir()} == {folder}


def test_damaged_copy_is_skipped_and_kept_on_disk(folder: Path, post: Path) -> None:
    crashed_session(folder, post, "whole text of the post", "d")
    [file] = folder.glob("*.recovery")
    file.write_bytes(file.read_bytes()[:-5])
    (folder / "junk.recovery").write_bytes(b"not a header")
    assert RecoveryStore(folder).pending() == []
    assert file.exists()


def test_save_of_500_kb_is_cheap(folder: Path, post: Path) -> None:
    text = (KOREAN * 8000)[:500_000]
    store = RecoveryStore(folder)
    timings = []
    for version in [text[:-index] for index in range(1, 31)]:  # each save a new text
        start = time.perf_counter()
        assert store.save(post, version, doc_id="big")
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"recovery save 500k chars ({len(text.encode()) // 1024} KiB): {median * 1e3:.2f} ms")
    assert median < 0.005


# -- disk errors: save reports False, never raises, and keeps the previous copy ----------


def previous_copy_is_intact(folder: Path, text: str) -> bool:
    [entry] = RecoveryStore(folder).pending()
    return entry.text == text


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_save_error_returns_false_and_keeps_previous_copy(folder, post, monkeypatch, code):
    store = RecoveryStore(folder)
    assert store.save(post, "good", doc_id="d")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    assert store.save(post, "lost", doc_id="d") is False
    assert store.last_error and store.last_error != os.strerror(code)  # plain words
    monkeypatch.undo()
    store.close()
    assert previous_copy_is_intact(folder, "good")
    assert not [p for p in folder.iterdir() if tempfiles.is_atomic_temp_name(p.name)]


def test_save_on_a_full_device_returns_false(folder, post, monkeypatch) -> None:
    store = RecoveryStore(folder)
    assert store.save(post, "good", doc_id="d")

    def open_full_device(path, mode):
        return open("/dev/full", "wb")  # noqa: SIM115 - write_atomic closes it

    monkeypatch.setattr(tempfiles, "open", open_full_device, raising=False)
    assert store.save(post, "x" * 100_000, doc_id="d") is False
    assert store.last_error == "the disk is full"
    monkeypatch.undo()
    store.close()
    assert previous_copy_is_intact(folder, "good")


def test_file_size_limit_in_a_child(folder: Path, post: Path) -> None:
    """RLIMIT_FSIZE makes the kernel refuse the write, as a full disk would."""
    code = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from editor.core.recovery import RecoveryStore\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "store = RecoveryStore(Path(sys.argv[1]))\n"
        "assert store.save(None, 'small', doc_id='d')\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "print(store.save(None, 'x' * 100_000, doc_id='d'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder)], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
    assert "File too large" in result.stderr  # logged in plain words
    assert previous_copy_is_intact(folder, "small")
    assert resource.getrlimit(resource.RLIMIT_FSIZE)  # this process is untouched


def test_data_folder_removed_under_us_is_made_again(folder: Path) -> None:
    store = RecoveryStore(folder)
    assert store.save(None, "one", doc_id="d")
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()
    assert store.save(None, "two", doc_id="d")
    store.close()
    assert previous_copy_is_intact(folder, "two")


def test_data_folder_that_is_a_file_returns_false(tmp_path: Path) -> None:
    blocker = tmp_path / "recovery"
    blocker.write_text("not a folder")
    assert RecoveryStore(blocker).save(None, "text", doc_id="d") is False
    assert RecoveryStore(blocker).pending() == []


def test_unexpected_error_never_reaches_the_typing_path(folder, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("bug somewhere below")

    monkeypatch.setattr(recovery, "write_atomic", broken)
    assert RecoveryStore(folder).save(None, "text", doc_id="d") is False


def test_clean_up_forgets_dead_sessions_and_stale_temps(folder: Path, post: Path) -> None:
    crashed_session(folder, post, "text", "d")
    live = RecoveryStore(folder)
    live.save(post, "live", doc_id="d")
    store = RecoveryStore(folder)
    store.save(post, "mine", doc_id="d")
    stale = folder / ".abc.recovery.0123456789ab.post-editor-tmp"
    stale.write_bytes(b"half a copy")
    os.utime(stale, (time.time() - 3600,) * 2)
    assert len(list(folder.glob("*.owner"))) == 3
    store.clean_up()
    assert len(list(folder.glob("*.owner"))) == 2  # the crashed one is gone
    assert not stale.exists()
    assert [entry.text for entry in store.pending()] == ["text"]  # its copy stays on offer
