"""The window's two spelling switches: Edit menu, remembered in settings, Korean off by
default even for a settings file written before it existed."""
# ruff: noqa: F811  (pytest fixtures imported from window_fixtures)

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from window_fixtures import POST_NAME, app_settings, make_window, site_copy  # noqa: F401

from editor.core import spell as core_spell
from editor.core.spell import ENGLISH, KOREAN
from editor.ui import spell_loader
from editor.ui.settings import AppSettings

pytestmark = pytest.mark.webengine


@pytest.fixture(autouse=True)
def fresh_loader(monkeypatch, tmp_path):
    """Nothing loaded yet; the personal word list and enchant's files under tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(core_spell, "_shared", None)
    monkeypatch.setattr(spell_loader, "_loader", None)


def old_settings_file(tmp_path: Path) -> AppSettings:
    """A settings file from before the Korean switch: spell_check=true and nothing else."""
    path = tmp_path / "old.ini"
    path.write_text("[preferences]\nspell_check=true\n", encoding="utf-8")
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def open_window(qtbot, settings: AppSettings, site: Path, monkeypatch):
    monkeypatch.setattr("editor.ui.main_window.ask_save_changes", lambda *_: "discard")
    window = make_window(qtbot, settings, site)
    assert window.open_path(site / "_posts" / POST_NAME)
    return window


def test_old_settings_keep_korean_off(qtbot, tmp_path, site_copy, monkeypatch):
    settings = old_settings_file(tmp_path)
    prefs = settings.load_preferences()
    assert prefs.spell_check is True and prefs.spell_check_korean is False
    window = open_window(qtbot, settings, site_copy, monkeypatch)
    editor = window.editor
    assert editor.spell_check_action().isChecked()
    assert not editor.korean_spell_check_action().isChecked()
    qtbot.waitUntil(lambda: editor.spell.languages == {ENGLISH}, timeout=15_000)
    assert core_spell.shared_checker(()).korean is None


def test_korean_switch_is_in_the_edit_menu_and_remembered(
    qtbot, app_settings, site_copy, monkeypatch
):
    window = open_window(qtbot, app_settings, site_copy, monkeypatch)
    action = window.editor.korean_spell_check_action()
    edit_menu = next(m for m in window.menuBar().actions() if m.text() == "&Edit").menu()
    actions = edit_menu.actions()
    assert action in actions
    assert actions.index(action) == actions.index(window.editor.spell_check_action()) + 1
    assert action.text() == "Check &Korean Spelling" and not action.isChecked()
    action.trigger()
    assert app_settings.load_preferences().spell_check_korean is True
    assert app_settings.load_preferences().spell_check is True  # English untouched
    editor = window.editor
    qtbot.waitUntil(lambda: editor.spell.languages == {ENGLISH, KOREAN}, timeout=15_000)
    block = next(b for b in _blocks(editor) if "기가재의" in b.text())
    assert "기가재의" in _wavy(block)  # the reference post's typo, by the Korean dictionary
    action.trigger()  # off
    assert app_settings.load_preferences().spell_check_korean is False
    assert "기가재의" not in _wavy(block)
    assert core_spell.shared_checker(()).korean is None
    action.trigger()  # on again, and so at the next start
    window.close()

    again = open_window(qtbot, app_settings, site_copy, monkeypatch)
    assert again.editor.korean_spell_check_action().isChecked()  # restored at start
    qtbot.waitUntil(lambda: again.editor.spell.languages == {ENGLISH, KOREAN}, timeout=15_000)


def _blocks(editor):
    block = editor.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def _wavy(block) -> list[str]:
    from PySide6.QtGui import QTextCharFormat

    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == wavy
    ]
