"""The window's texts go through Qt's translators: the language setting, the catalogue."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from window_fixtures import app_settings, site_copy  # noqa: F401 (fixtures)

from editor.app import build_window
from editor.core.span_markup import HIGHLIGHT_COLORS, TEXT_COLORS
from editor.ui import i18n
from editor.ui.palette import COLOR_NAMES
from editor.ui.settings import AppSettings

pytestmark = pytest.mark.webengine


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.install_translators(qapp, "en")  # later tests compare English texts


def test_every_palette_colour_name_is_listed_for_lupdate() -> None:
    assert {name for _css, name in TEXT_COLORS + HIGHLIGHT_COLORS} == set(COLOR_NAMES)


def test_language_preference_round_trips_and_rejects_unknown(app_settings) -> None:
    prefs = app_settings.load_preferences()
    assert prefs.language == ""  # follow the system
    prefs.language = "ko"
    app_settings.save_preferences(prefs)
    assert AppSettings(app_settings.store).load_preferences().language == "ko"
    app_settings.store.setValue("preferences/language", "xx")
    assert app_settings.load_preferences().language == ""


def test_the_chosen_language_is_installed_before_the_window_is_built(
    qtbot, app_settings, site_copy, english_afterwards, monkeypatch
) -> None:
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    prefs = app_settings.load_preferences()
    prefs.language = "ko"
    app_settings.save_preferences(prefs)
    window = build_window(None, str(site_copy), settings=app_settings)
    qtbot.addWidget(window)
    catalogs = i18n.installed_catalogs()
    assert any(path.endswith("post_editor_ko.qm") for path in catalogs)
    assert QCoreApplication.translate("LanguageChoice", "System language") == "시스템 언어"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "서식(&O)", "보기(&V)"]
    assert window.form.raw_toggle.text() == "YAML 직접 편집"
    assert window.widgets.find_bar.replace_all_button.text() == "모두 바꾸기"
    window.status.show_position(3, 7)
    assert window.status.position_label.text() == "3행, 7열"
    prefs.language = "en"
    app_settings.save_preferences(prefs)
    english = build_window(None, str(site_copy), settings=app_settings)
    qtbot.addWidget(english)
    assert i18n.installed_catalogs() == []
    assert english.menuBar().actions()[0].text() == "&File"


def test_language_menu_remembers_the_choice_for_the_next_start(qtbot, app_settings, site_copy):
    from window_fixtures import make_window

    window = make_window(qtbot, app_settings, site_copy)
    assert window.language_actions[""].isChecked()  # follows the system at first
    window.language_actions["ko"].trigger()
    assert app_settings.load_preferences().language == "ko"
    assert window.language_actions["ko"].isChecked()
    assert "restart" in window.status.currentMessage()
    window.language_actions[""].trigger()
    assert app_settings.load_preferences().language == ""
