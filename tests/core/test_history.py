"""LocalHistory: the last N saved versions of each post, pruned by count and age."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from editor.core.history import HistoryError, LocalHistory

DAY_NS = 86400 * 1_000_000_000
START_NS = 1_790_000_000 * 1_000_000_000  # a fixed "now" in 2026


class Clock:
    """Nanoseconds since the epoch, moved forward by the test."""

    def __init__(self) -> None:
        self.now = START_NS

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def post(tmp_path: Path) -> Path:
    path = tmp_path / "site" / "_posts" / "2023-09-29-디지털 전환.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"v0\n")
    return path


def record_all(history: LocalHistory, post: Path, clock: Clock, *versions: bytes) -> None:
    for data in versions:
        clock.now += 1_000_000_000
        assert history.record(post, data)


def test_versions_are_newest_first_with_time_size_and_bytes(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"one\n", "둘\r\n".encode())
    newest, oldest = history.versions(post)
    assert (newest.read(), oldest.read()) == ("둘\r\n".encode(), b"one\n")
    assert (newest.size, oldest.size) == (len("둘\r\n".encode()), 4)
    assert newest.saved_at.timestamp() == pytest.approx(clock.now / 1e9)
    assert newest.saved_at > oldest.saved_at


def test_identical_save_is_not_recorded_twice(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"a", b"a", b"b", b"a")
    assert [version.read() for version in history.versions(post)] == [b"a", b"b", b"a"]


def test_keeps_only_the_last_n(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", keep=3, clock=clock)
    record_all(history, post, clock, *(f"v{i}".encode() for i in range(7)))
    assert [version.read() for version in history.versions(post)] == [b"v6", b"v5", b"v4"]


def test_old_versions_expire_but_the_newest_is_always_kept(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", keep=20, days=30, clock=clock)
    record_all(history, post, clock, b"january", b"february")
    clock.now += 40 * DAY_NS  # the post is left alone for weeks
    history.record(post, b"february")  # same bytes: nothing new, nothing pruned
    assert len(history.versions(post)) == 2
    record_all(history, post, clock, b"march")
    assert [version.read() for version in history.versions(post)] == [b"march"]
    clock.now += 400 * DAY_NS
    history._prune(post)
    assert [version.read() for version in history.versions(post)] == [b"march"]


def test_days_zero_means_no_age_limit(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", keep=5, days=0, clock=clock)
    record_all(history, post, clock, b"a")
    clock.now += 1000 * DAY_NS
    record_all(history, post, clock, b"b")
    assert len(history.versions(post)) == 2


def test_clock_going_backwards_keeps_order(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"first")
    clock.now -= 3600 * 1_000_000_000  # NTP correction
    assert history.record(post, b"second")
    assert [version.read() for version in history.versions(post)] == [b"second", b"first"]


def test_posts_have_separate_histories_and_symlinks_share(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    other = post.with_name("2024-01-01-other.md")
    link = tmp_path / "link.md"
    link.symlink_to(post)
    record_all(history, post, clock, b"p1")
    record_all(history, other, clock, b"o1")
    record_all(history, link, clock, b"p2")
    assert [version.read() for version in history.versions(post)] == [b"p2", b"p1"]
    assert [version.read() for version in history.versions(other)] == [b"o1"]
    assert history.versions(tmp_path / "never saved.md") == []


def test_restore_by_version_or_index(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"old text\n", b"new text\n")
    old = history.versions(post)[1]
    assert history.restore(post, old) == b"old text\n"
    assert history.restore(post, 0) == b"new text\n"
    assert post.read_bytes() == b"v0\n"  # restore writes nothing
    with pytest.raises(HistoryError):
        history.restore(post, 5)


def test_restore_refuses_another_posts_version(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    other = post.with_name("other.md")
    record_all(history, other, clock, b"other")
    with pytest.raises(HistoryError, match="another post"):
        history.restore(post, history.versions(other)[0])


def test_damaged_version_is_reported_not_returned(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"precious words")
    [version] = history.versions(post)
    version.file.write_bytes(b"precious wor")  # e.g. a power cut before the data was flushed
    with pytest.raises(HistoryError, match="damaged"):
        history.restore(post, 0)


def test_stray_files_in_the_history_folder_are_ignored(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"a")
    folder = history.versions(post)[0].file.parent
    (folder / "notes.txt").write_text("hi")
    (folder / "abc-def.version").write_text("bad name")
    (folder / ".x.version.abcdef12.post-editor-tmp").write_text("leftover")
    assert [version.read() for version in history.versions(post)] == [b"a"]
    assert (folder / "post.txt").read_text().strip() == os.path.realpath(post)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_record_failure_returns_false_and_keeps_history(tmp_path, post, clock, monkeypatch, code):
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"kept")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    clock.now += 1_000_000_000
    assert history.record(post, b"new") is False
    monkeypatch.undo()
    assert [version.read() for version in history.versions(post)] == [b"kept"]
    assert len(list(history.versions(post)[0].file.parent.iterdir())) == 2  # no temp left


def test_history_folder_that_is_a_file(tmp_path, post) -> None:
    blocker = tmp_path / "history"
    blocker.write_text("not a folder")
    history = LocalHistory(blocker)
    assert history.record(post, b"x") is False
    assert history.versions(post) == []


def test_keep_must_be_positive(tmp_path) -> None:
    with pytest.raises(ValueError):
        LocalHistory(tmp_path, keep=0)


def test_clean_up_removes_stale_temp_files_only(tmp_path, post, clock) -> None:
    history = LocalHistory(tmp_path / "history", clock=clock)
    record_all(history, post, clock, b"kept")
    folder = history.versions(post)[0].file.parent
    stale = folder / ".0001-abc.version.0123456789ab.post-editor-tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    history.clean_up()
    assert not stale.exists()
    assert [version.read() for version in history.versions(post)] == [b"kept"]
    LocalHistory(tmp_path / "no history yet").clean_up()  # nothing there: no error
