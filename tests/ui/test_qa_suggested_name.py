"""QA round 2: Save of a new post whose Korean title is long. The suggested file name was the
whole title slug (100 syllables: 300 bytes), so Save + Enter failed with "File name too long";
the publisher already cuts slugs to fit."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

from window_fixtures import app_settings, make_window, site_copy  # noqa: F401

from editor.ui import main_window as main_window_module

LONG_TITLE = "가나다라마바사아자차" * 10


def test_a_long_korean_title_suggests_a_name_that_can_be_saved(
    qtbot, app_settings, site_copy, monkeypatch
) -> None:
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *_: "discard")
    window = make_window(qtbot, app_settings, site_copy)
    window.document.new_from_template()
    window.document.set_meta("title", LONG_TITLE)
    suggested = window._suggested_path()
    assert suggested.name.startswith("가나다라마바사아자차") and suggested.suffix == ".md"
    assert len(suggested.name.encode("utf-8")) <= 255
    monkeypatch.setattr(main_window_module, "ask_save_path", lambda *_: str(suggested))
    assert window.save()  # what Save + Enter in the file dialog does
    assert suggested.is_file()
