"""A new post is saved as a draft: Save suggests _drafts/<slug of its title>.md, no date."""

# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)
from __future__ import annotations

from pathlib import Path

from window_fixtures import (  # noqa: F401 (fixtures)
    app_settings,
    site_copy,
    window,
)

from editor.ui import main_window as main_window_module


def suggested_by_save(window, monkeypatch) -> Path:
    asked: list[str] = []

    def answer(_parent, suggested: str) -> str:
        asked.append(suggested)
        assert Path(suggested).parent.is_dir()  # made, so the file dialog can open there
        return ""  # cancelled: nothing is written

    monkeypatch.setattr(main_window_module, "ask_save_path", answer)
    assert not window.save()
    return Path(asked[0])


def test_a_new_post_is_suggested_into_drafts_named_by_its_title(
    window, site_copy, monkeypatch
) -> None:
    window.new_post()
    window.document.set_meta("title", "봄맞이 책상 정리 요령")
    suggested = suggested_by_save(window, monkeypatch)
    assert suggested == site_copy / "_drafts" / "봄맞이-책상-정리-요령.md"
    assert not suggested.parent.exists()  # cancelled: the folder made for the dialog is gone


def test_saving_into_drafts_keeps_the_folder(window, site_copy, monkeypatch) -> None:
    window.new_post()
    window.document.set_meta("title", "초안")
    monkeypatch.setattr(main_window_module, "ask_save_path", lambda _p, suggested: suggested)
    assert window.save()
    assert (site_copy / "_drafts" / "초안.md").is_file()


def test_saving_elsewhere_removes_the_empty_drafts_folder(
    window, site_copy, tmp_path, monkeypatch
) -> None:
    window.new_post()
    monkeypatch.setattr(main_window_module, "ask_save_path", lambda *_: str(tmp_path / "a.md"))
    assert window.save()
    assert (tmp_path / "a.md").is_file() and not (site_copy / "_drafts").exists()


def test_an_existing_empty_drafts_folder_stays(window, site_copy, monkeypatch) -> None:
    (site_copy / "_drafts").mkdir()
    window.new_post()
    suggested_by_save(window, monkeypatch)
    assert (site_copy / "_drafts").is_dir()  # the writer's own folder: never removed


def test_an_untitled_new_post_is_new_post_md(window, site_copy, monkeypatch) -> None:
    window.new_post()
    window.document.unset_meta("title")
    assert suggested_by_save(window, monkeypatch) == site_copy / "_drafts" / "new-post.md"


def test_an_opened_post_keeps_its_own_path(window, site_copy, monkeypatch) -> None:
    post = next((site_copy / "_posts").glob("*.md"))
    assert window.open_path(post)
    asked: list[str] = []
    monkeypatch.setattr(
        main_window_module, "ask_save_path", lambda _p, suggested: asked.append(suggested) or ""
    )
    window.save_as()
    assert Path(asked[0]) == post.resolve()
    assert not (site_copy / "_drafts").exists()  # no folder made for a post that has a path
