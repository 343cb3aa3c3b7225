"""Autosaver timing and failure handling; ExternalChangeWatcher against real file changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from editor.core.disk_state import stamp
from editor.core.recovery import RecoveryStore
from editor.ui.autosave import Autosaver, ExternalChangeWatcher


class RecordingStore(RecoveryStore):
    """A real store that also notes when each save happened and what it wrote."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.saves: list[tuple[float, str]] = []

    def save(self, post_path, text, *, doc_id):
        ok = super().save(post_path, text, doc_id=doc_id)
        if ok:
            self.saves.append((time.monotonic(), text))
        return ok


class Typist:
    """Holds the text as a window would and tells the autosaver about each edit."""

    def __init__(self, store: RecoveryStore, **timing) -> None:
        self.text = ""
        self.saver = Autosaver(store, "doc", lambda: self.text, lambda: None, **timing)

    def type(self, chars: str) -> None:
        self.text += chars
        self.saver.notify_edited()


@pytest.fixture
def store(tmp_path: Path) -> RecordingStore:
    return RecordingStore(tmp_path / "recovery")


def test_saves_once_typing_stops_for_idle_ms(qtbot, store) -> None:
    typist = Typist(store, idle_ms=150, max_interval_ms=10_000)
    typist.type("안녕")
    typed_at = time.monotonic()
    qtbot.wait(80)
    typist.type("하세요")
    qtbot.wait(100)
    assert store.saves == []  # the second edit restarted the idle wait
    qtbot.waitUntil(lambda: bool(store.saves), timeout=2000)
    [(saved_at, text)] = store.saves
    assert text == "안녕하세요"
    assert saved_at - typed_at >= 0.2
    assert not typist.saver.has_unsaved_edits


def test_continuous_typing_is_saved_at_least_every_max_interval(qtbot, store) -> None:
    typist = Typist(store, idle_ms=1000, max_interval_ms=200)
    start = time.monotonic()
    while time.monotonic() - start < 1.2:  # faster than idle_ms: the idle timer never fires
        typist.type("a")
        qtbot.wait(20)
    times = [start] + [saved_at for saved_at, _ in store.saves]
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert len(store.saves) >= 4
    assert max(gaps) < 0.3, gaps
    texts = [text for _, text in store.saves]
    assert texts == sorted(texts, key=len) and all(set(text) == {"a"} for text in texts)


def test_default_timing_meets_the_one_second_goal(store) -> None:
    saver = Autosaver(store, "doc", str, lambda: None)
    assert saver._idle.interval() == 1000
    assert saver._cap.interval() < 1000


def test_flush_writes_only_when_something_changed(qtbot, store) -> None:
    typist = Typist(store, idle_ms=10_000, max_interval_ms=10_000)
    assert typist.saver.flush()
    assert store.saves == []
    typist.type("draft")
    assert typist.saver.has_unsaved_edits
    assert typist.saver.flush()
    assert [text for _, text in store.saves] == ["draft"]
    qtbot.wait(50)
    assert len(store.saves) == 1


def test_discard_removes_the_copy_and_cancels_pending_saves(qtbot, store, tmp_path) -> None:
    typist = Typist(store, idle_ms=100, max_interval_ms=100)
    typist.type("saved to the post")
    typist.saver.flush()
    typist.type(" and more")
    typist.saver.discard()
    qtbot.wait(250)
    assert len(store.saves) == 1
    store.close()
    assert RecoveryStore(tmp_path / "recovery").pending() == []


def test_failure_is_reported_once_retried_and_recovers(qtbot, tmp_path) -> None:
    blocker = tmp_path / "recovery"
    blocker.write_text("a file where the data folder should be")
    store = RecordingStore(blocker)
    typist = Typist(store, idle_ms=50, max_interval_ms=100)
    messages: list[str] = []
    typist.saver.saveFailed.connect(messages.append)
    typist.type("words that must not be lost")
    qtbot.waitUntil(lambda: bool(messages), timeout=2000)
    qtbot.wait(350)  # several retries fail meanwhile
    assert messages == [
        "The recovery copy could not be written: a file is in the way of the data folder. "
        "Your text is still here; save the post to keep it."
    ]
    assert typist.saver.has_unsaved_edits
    blocker.unlink()  # the disk has room again
    with qtbot.waitSignal(typist.saver.saved, timeout=2000):
        pass
    assert store.saves[-1][1] == "words that must not be lost"
    assert not typist.saver.has_unsaved_edits


# -- ExternalChangeWatcher -------------------------------------------------------------------


@pytest.fixture
def watched(qtbot, tmp_path: Path):
    post = tmp_path / "_posts" / "2024-01-01-글.md"
    post.parent.mkdir()
    post.write_bytes(b"mine\n")
    watcher = ExternalChangeWatcher(settle_ms=50)
    watcher.watch(post, stamp(post))
    yield watcher, post
    watcher.unwatch()


def test_write_by_another_program_is_reported(qtbot, watched) -> None:
    watcher, post = watched
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=3000) as signal:
        post.write_bytes(b"theirs\n")
    assert signal.args == [post]


def test_replacement_by_rename_is_reported_and_watched_again(qtbot, watched) -> None:
    watcher, post = watched
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=3000):
        replacement = post.with_name(".swap")
        replacement.write_bytes(b"theirs 1\n")
        os.replace(replacement, post)
    qtbot.wait(100)
    assert str(post) in watcher._watcher.files()
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=3000):
        post.write_bytes(b"theirs 2\n")  # seen only if the new file is watched


def test_same_bytes_rewritten_or_touched_is_silent(qtbot, watched) -> None:
    watcher, post = watched
    with qtbot.assertNotEmitted(watcher.changedOnDisk, wait=400):
        post.write_bytes(b"mine\n")
        os.utime(post, ns=(1, 1))


def test_own_save_then_acknowledge_is_silent(qtbot, watched) -> None:
    watcher, post = watched
    with qtbot.assertNotEmitted(watcher.changedOnDisk, wait=400):
        post.write_bytes(b"my new text\n")
        watcher.acknowledge(stamp(post))  # same call stack as the save: before any check


def test_one_change_is_reported_once_until_acknowledged(qtbot, watched) -> None:
    watcher, post = watched
    seen: list[Path] = []
    watcher.changedOnDisk.connect(seen.append)
    post.write_bytes(b"theirs\n")
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    post.write_bytes(b"theirs\n")
    watcher.check_now()
    qtbot.wait(200)
    assert len(seen) == 1
    watcher.acknowledge(stamp(post))  # "keep mine" or "reload"
    post.write_bytes(b"theirs again\n")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)


def test_deleted_file_is_reported(qtbot, watched) -> None:
    watcher, post = watched
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=3000):
        post.unlink()  # e.g. git checkout of a branch without the post


def test_check_now_catches_changes_without_events(qtbot, tmp_path) -> None:
    post = tmp_path / "p.md"
    post.write_bytes(b"mine")
    known = stamp(post)
    watcher = ExternalChangeWatcher()
    watcher.watch(post, known)
    watcher.unwatch()  # e.g. a network drive where inotify says nothing
    post.write_bytes(b"theirs")
    watcher.watch(post, known)
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=1000):
        watcher.check_now()


def test_app_data_folder_is_under_xdg_data_home(monkeypatch, tmp_path) -> None:
    from editor.ui.autosave import app_data_folder

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg data"))
    folder = app_data_folder("recovery")
    assert folder.name == "recovery"
    assert folder.is_relative_to(tmp_path / "xdg data")
    assert not folder.exists()  # made by the store on its first write


def test_post_in_a_folder_that_does_not_exist_yet(qtbot, tmp_path) -> None:
    post = tmp_path / "new site" / "_posts" / "p.md"
    watcher = ExternalChangeWatcher(settle_ms=50)
    watcher.watch(post, None)  # a new post, never saved
    with qtbot.assertNotEmitted(watcher.changedOnDisk, wait=100):
        watcher.check_now()
    post.parent.mkdir(parents=True)
    post.write_bytes(b"written by someone else")
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=1000):
        watcher.check_now()  # e.g. on focus: no folder was there to watch before
    watcher.acknowledge(stamp(post))  # "reload": from now on the file itself is watched
    with qtbot.waitSignal(watcher.changedOnDisk, timeout=3000):
        post.write_bytes(b"changed again")  # seen through the watcher, no check_now
