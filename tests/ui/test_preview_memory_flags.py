"""Chromium flags for the preview's memory (issue #7): added once, beside the user's own."""

from __future__ import annotations

import os

import pytest

from editor.qt_env import JS_GC_FLAG, MEMORY_FLAGS, prepare_webengine_environment


@pytest.fixture
def clean_flags(monkeypatch):
    monkeypatch.delenv("QTWEBENGINE_CHROMIUM_FLAGS", raising=False)
    return monkeypatch


def flags() -> list[str]:
    return os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()


def test_memory_flags_are_set(clean_flags) -> None:
    prepare_webengine_environment()
    for flag in MEMORY_FLAGS:
        assert flag in flags()
    assert "--single-process" not in flags()  # the sandbox must stay possible


def test_flags_are_added_once_and_keep_the_users_own(clean_flags) -> None:
    clean_flags.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=ko --disable-gpu")
    prepare_webengine_environment()
    prepare_webengine_environment()
    assert flags()[:2] == ["--lang=ko", "--disable-gpu"]
    assert sorted(flags()) == sorted(set(flags()))


def test_sandbox_is_off_only_for_root(clean_flags) -> None:
    clean_flags.setattr(os, "geteuid", lambda: 1000)
    prepare_webengine_environment()
    assert "--no-sandbox" not in flags()
    clean_flags.setattr(os, "geteuid", lambda: 0)
    prepare_webengine_environment()
    assert "--no-sandbox" in flags()


def test_the_page_can_collect_its_garbage_unless_the_user_set_v8_flags(clean_flags) -> None:
    prepare_webengine_environment()
    assert JS_GC_FLAG in flags()
    clean_flags.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--js-flags=--max-old-space-size=512")
    prepare_webengine_environment()
    assert [flag for flag in flags() if flag.startswith("--js-flags")] == [
        "--js-flags=--max-old-space-size=512"  # Chromium reads only the last one: theirs
    ]
