"""Korean spelling (맞춤법 검사) on request: off by default, loaded in the background when
switched on, its underlines gone at once and its dictionary released when switched off.

Real hunspell-ko and hunspell-en-us through enchant, real editors; what is loaded is read
from the shared core checker (editor.core.spell.shared_checker(())), never from a mock.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat

from editor.core import spell as core_spell
from editor.core.spell import ENGLISH, KOREAN
from editor.ui import spell_loader
from editor.ui.markdown_edit import MarkdownEdit

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(autouse=True)
def fresh_loader(monkeypatch):
    """A new shared checker and loader per test: nothing loaded (restored afterwards)."""
    monkeypatch.setattr(core_spell, "_shared", None)
    monkeypatch.setattr(spell_loader, "_loader", None)


def shared() -> core_spell.SpellChecker:
    return core_spell.shared_checker(())


def make_editor(qtbot, text: str = "teh 가뱡") -> tuple[MarkdownEdit, list[str]]:
    editor = MarkdownEdit()
    qtbot.addWidget(editor)
    messages: list[str] = []
    editor.statusMessage.connect(messages.append)
    editor.setPlainText(text)
    return editor, messages


def wavy_words(editor, line: int = 0) -> list[str]:
    block = editor.document().findBlockByNumber(line)
    return [
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == WAVY
    ]


def wait_for(qtbot, editor, languages: set[str]) -> None:
    qtbot.waitUntil(lambda: editor.spell.languages == languages, timeout=15_000)


def test_english_alone_never_creates_the_korean_dictionary(qtbot):
    editor, _ = make_editor(qtbot)
    editor.set_spell_check_enabled(True)
    wait_for(qtbot, editor, {ENGLISH})
    qtbot.waitUntil(lambda: not spell_loader.shared_loader().busy, timeout=15_000)
    assert wavy_words(editor) == ["teh"]  # Hangul is not underlined while Korean is off
    assert shared().korean is None and shared().languages == {ENGLISH}
    assert not editor.korean_spell_check_action().isChecked()


def test_korean_on_loads_in_the_background_then_underlines(qtbot):
    editor, messages = make_editor(qtbot)
    editor.set_spell_check_enabled(True)
    wait_for(qtbot, editor, {ENGLISH})
    editor.set_korean_spell_check_enabled(True)
    assert messages[-1] == "Loading the Korean dictionary…"
    assert wavy_words(editor) == ["teh"]  # not yet: the dictionary is loading
    wait_for(qtbot, editor, {ENGLISH, KOREAN})
    assert wavy_words(editor) == ["teh", "가뱡"]
    assert shared().korean is not None


def test_korean_off_removes_its_underlines_at_once_and_releases_it(qtbot):
    editor, _ = make_editor(qtbot, "teh 가뱡 국제표준 성공사례를 리엑트")
    editor.set_spell_check_enabled(True)
    editor.set_korean_spell_check_enabled(True)
    wait_for(qtbot, editor, {ENGLISH, KOREAN})
    assert wavy_words(editor) == ["teh", "가뱡", "리엑트"]  # compounds accepted
    dictionary = shared().korean
    editor.korean_spell_check_action().trigger()  # off
    assert wavy_words(editor) == ["teh"]
    assert shared().korean is None and shared().languages == {ENGLISH}
    loader = spell_loader.shared_loader()
    assert loader.busy  # freeing it, off the UI thread
    qtbot.waitUntil(lambda: not loader.busy, timeout=15_000)
    assert dictionary._this is None  # the enchant dictionary was freed, not just dropped
    assert shared()._lookup.cache_info().currsize <= 1  # no Korean answer kept ("teh")
    editor.korean_spell_check_action().trigger()  # on again
    wait_for(qtbot, editor, {ENGLISH, KOREAN})
    assert wavy_words(editor) == ["teh", "가뱡", "리엑트"]


def test_korean_alone_without_english(qtbot):
    editor, _ = make_editor(qtbot)
    editor.set_korean_spell_check_enabled(True)
    wait_for(qtbot, editor, {KOREAN})
    assert wavy_words(editor) == ["가뱡"]
    assert shared().english is None  # English was never asked for


def test_switched_off_while_loading_is_released_when_it_arrives(qtbot):
    editor, _ = make_editor(qtbot)
    editor.set_korean_spell_check_enabled(True)
    editor.set_korean_spell_check_enabled(False)
    loader = spell_loader.shared_loader()
    assert loader.busy
    qtbot.waitUntil(lambda: not loader.busy, timeout=15_000)
    assert shared().korean is None
    assert wavy_words(editor) == []


def test_korean_stays_while_another_editor_uses_it(qtbot):
    first, _ = make_editor(qtbot)
    second, _ = make_editor(qtbot)
    for editor in (first, second):
        editor.set_korean_spell_check_enabled(True)
    wait_for(qtbot, first, {KOREAN})
    wait_for(qtbot, second, {KOREAN})
    first.set_korean_spell_check_enabled(False)
    assert wavy_words(first) == [] and wavy_words(second) == ["가뱡"]
    assert shared().korean is not None
    second.set_korean_spell_check_enabled(False)
    assert shared().korean is None


def test_missing_korean_dictionary_unchecks_with_a_message(qtbot, monkeypatch):
    monkeypatch.setattr(core_spell, "KOREAN_TAGS", ("xx_NOPE",))
    editor, messages = make_editor(qtbot)
    editor.set_spell_check_enabled(True)
    editor.set_korean_spell_check_enabled(True)
    action = editor.korean_spell_check_action()
    qtbot.waitUntil(lambda: not action.isChecked(), timeout=15_000)
    assert "No Korean dictionary: those words are not checked." in messages
    wait_for(qtbot, editor, {ENGLISH})
    assert wavy_words(editor) == ["teh"]  # English goes on working
    messages.clear()
    action.trigger()  # asked again: the same answer, at once
    assert not action.isChecked()
    assert messages == ["No Korean dictionary: those words are not checked."]


def test_korean_suggestions_in_the_menu_only_while_korean_is_on(qtbot):
    from PySide6.QtGui import QTextCursor

    editor, _ = make_editor(qtbot, "여러분 안녕하새요")
    editor.resize(600, 200)
    editor.show()
    editor.set_spell_check_enabled(True)
    wait_for(qtbot, editor, {ENGLISH})

    def menu_texts() -> list[str]:
        cursor = QTextCursor(editor.document().firstBlock())
        cursor.setPosition(len("여러분 안녕"))
        menu = editor.build_context_menu(editor.cursorRect(cursor).center())
        return [a.text() for a in menu.actions() if not a.isSeparator()]

    assert "안녕하세요" not in menu_texts()
    assert menu_texts()[-1] == "Check &Korean Spelling"
    editor.set_korean_spell_check_enabled(True)
    wait_for(qtbot, editor, {ENGLISH, KOREAN})
    assert menu_texts()[0] == "안녕하세요"


def test_switching_korean_off_in_an_editor_gives_the_memory_back():
    """scripts/spell_memory_probe.py --ui in its own process: a real editor with the
    reference post, VmRSS with English only, with Korean on, after Korean off, on again."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    probe = Path(__file__).resolve().parents[2] / "scripts/spell_memory_probe.py"
    result = subprocess.run(
        [sys.executable, str(probe), "--ui", "--json"], capture_output=True, text=True, timeout=90
    )
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout.strip().splitlines()[-1])
    print(numbers)
    loaded_mb = numbers["korean_loaded"] - numbers["english_only"]
    assert loaded_mb > 30  # hunspell-ko holds ~50 MB
    assert numbers["korean_released"] - numbers["english_only"] < 0.2 * loaded_mb
    assert numbers["korean_loaded_again"] - numbers["korean_released"] > 30
