"""Spell checking one line: real hunspell-ko and hunspell-en-us dictionaries through enchant."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.core import spell
from editor.core.spell import SpellChecker, prose_words

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"


@pytest.fixture(scope="module")
def loaded() -> SpellChecker:
    return SpellChecker.load()


@pytest.fixture
def checker(loaded, tmp_path) -> SpellChecker:
    """A fresh checker over the loaded dictionaries (personal words never leak between tests)."""
    return SpellChecker(loaded.korean, loaded.english, tmp_path / "words.txt")


def flagged(checker: SpellChecker, line: str, in_code: bool = False) -> list[str]:
    return [line[s:e] for s, e in checker.misspelled_ranges(line, in_code)]


def test_both_dictionaries_are_installed(loaded):
    assert loaded.korean is not None and loaded.english is not None
    assert loaded.missing == []


def test_korean_words(checker):
    assert flagged(checker, "안녕하세요") == []
    assert flagged(checker, "안녕하새요") == ["안녕하새요"]
    assert flagged(checker, "그렇게 됬다 했읍니다") == ["됬다", "했읍니다"]
    assert "안녕하세요" in checker.suggestions("안녕하새요")
    assert "됐다" in checker.suggestions("됬다")


def test_english_words_and_suggestion(checker):
    line = "I saw teh cat"
    assert checker.misspelled_ranges(line) == [(6, 9)]
    assert checker.suggestions("teh")[0] == "the"
    assert "teh" not in checker.suggestions("teh")


def test_mixed_line_uses_the_right_dictionary(checker):
    assert flagged(checker, "디지털 전환은 teh 미래, 가뱡 and the future") == ["teh", "가뱡"]


def test_the_typo_in_the_reference_post_is_found(checker):
    text = REFERENCE.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if "기가재" in line)
    assert "기가재의" in flagged(checker, line) or "기가재" in flagged(checker, line)


@pytest.mark.parametrize(
    "line",
    [
        '<span style="colr: #ee2323;" data-ke-sze="size16">안녕하세요</span>',
        "<p data-ke-size='size16'>&nbsp;&nbsp;&teh;</p>",
        "<!-- teh comentary -->",
        "see https://exmaple.com/teh/pathh?q=vlaue and www.exmaple.org/teh",
        "mail teh@exmaple.com",
        "use `teh_funtion(argg)` or ``teh ` qoute``",
        '[the link](https://exmaple.com/teh "titel") and ![the](/assets/img/teh.png)',
        "[the reference][tehref]",
        "   [tehref]: https://exmaple.com",
        "{% include teh.html %} {{ page.titel }} {: .notte}",
        "file.md snake_case_wrod mp4 /usr/bin/tehh v2beta",
        "API를 HTML의 JavaScript와 iPhone",
        "보</span></b>를 통해, '문서'를, 1.5%를",
    ],
)
def test_non_prose_is_skipped(checker, line):
    assert flagged(checker, line) == []


def test_link_text_and_alt_text_are_prose(checker):
    assert flagged(checker, "[teh link](https://example.com)") == ["teh"]
    assert flagged(checker, "![a cta photo](/a.png)") == ["cta"]


def test_sentence_full_stop_is_not_a_file_name(checker):
    assert flagged(checker, "This is teh. Next") == ["teh"]
    assert flagged(checker, "read teh.md") == []


def test_fenced_code_line_is_skipped(checker):
    line = "teh 가뱡 = funtion()"
    assert flagged(checker, line, in_code=True) == []
    assert flagged(checker, line) == ["teh", "가뱡", "funtion"]


def test_prose_words_columns():
    words = list(prose_words('a <b class="x">안녕</b> teh'))
    assert [(w.text, w.korean) for w in words] == [("안녕", True), ("teh", False)]
    line = 'a <b class="x">안녕</b> teh'
    assert all(line[w.start : w.end] == w.text for w in words)


def test_word_at_column(checker):
    line = "the teh 가뱡"
    assert checker.misspelled_word_at(line, 5).text == "teh"
    assert checker.misspelled_word_at(line, 7).text == "teh"  # touching the end
    assert checker.misspelled_word_at(line, 1) is None  # a correct word
    assert checker.misspelled_word_at(line, 9).text == "가뱡"
    assert checker.misspelled_word_at(line, 5, in_code=True) is None


def test_add_to_dictionary_persists(checker, loaded, tmp_path):
    checker.add_to_dictionary("가뱡")
    checker.add_to_dictionary("whereispost")
    assert flagged(checker, "가뱡 whereispost teh") == ["teh"]
    words = (tmp_path / "words.txt").read_text(encoding="utf-8").splitlines()
    assert words == ["가뱡", "whereispost"]
    again = SpellChecker(loaded.korean, loaded.english, tmp_path / "words.txt")
    assert flagged(again, "가뱡 whereispost") == []


def test_personal_list_without_final_newline(loaded, tmp_path):
    path = tmp_path / "nested" / "words.txt"
    path.parent.mkdir()
    path.write_bytes("가뱡".encode())
    checker = SpellChecker(loaded.korean, loaded.english, path)
    checker.add_to_dictionary("teh")
    assert path.read_text(encoding="utf-8").splitlines() == ["가뱡", "teh"]


def test_unwritable_personal_list_still_accepts_for_the_session(loaded, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    checker = SpellChecker(loaded.korean, loaded.english, blocker / "words.txt")
    with pytest.raises(OSError):
        checker.add_to_dictionary("teh")
    assert flagged(checker, "teh") == []


def test_ignore_is_for_the_session_only(checker, loaded, tmp_path):
    checker.ignore("teh")
    assert flagged(checker, "teh") == []
    assert not (tmp_path / "words.txt").exists()
    fresh = SpellChecker(loaded.korean, loaded.english, tmp_path / "words.txt")
    assert flagged(fresh, "teh") == ["teh"]


def test_missing_dictionaries_take_words_as_correct(loaded):
    english_only = SpellChecker(None, loaded.english)
    assert english_only.misspelled_ranges("가뱡 teh") == [(3, 6)]
    assert english_only.suggestions("가뱡") == []


def test_broken_dictionary_never_raises():
    class Broken:
        def check(self, word):
            raise RuntimeError("corrupt .dic")

        def suggest(self, word):
            raise RuntimeError("corrupt .dic")

    checker = SpellChecker(Broken(), Broken())
    assert checker.misspelled_ranges("가뱡 teh") == []
    assert checker.suggestions("teh") == []


def test_cache_makes_rechecking_cheap(checker):
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    for line in lines:
        checker.misspelled_ranges(line)
    started = time.perf_counter()
    for line in lines:
        checker.misspelled_ranges(line)
    per_pass = time.perf_counter() - started
    assert checker._lookup.cache_info().hits > 0
    assert per_pass < 0.05  # the whole post; a keystroke rechecks one line


def test_shared_functions(monkeypatch, loaded):
    monkeypatch.setattr(spell, "_shared", loaded)
    assert spell.misspelled_ranges("안녕하세요 teh") == [(6, 9)]
    assert spell.suggestions("teh")[0] == "the"


def test_words_inside_tags_are_checked_but_particles_after_closing_tags_are_not(checker):
    assert flagged(checker, "<b>가뱡</b>를 <span>teh</span>") == ["가뱡", "teh"]
    assert flagged(checker, "`code`를 봐") == []


def test_code_in_html_and_escaped_markup_are_skipped(checker):
    assert flagged(checker, "<code>teh_var funtion</code> and <pre>cnost x</pre>") == []
    assert flagged(checker, "&lt;li&gt; &nbsp;가뱡") == ["가뱡"]
    pasted = '<div style="white-space: pre;"><span style="color: #066de2;">cnost</span></div>'
    assert flagged(checker, pasted) == []


def test_emphasis_markers_do_not_hide_words(checker):
    assert flagged(checker, "**teh** *cta* ~~tpyo~~ _snake_case_") == ["teh", "cta", "tpyo"]


def test_added_word_is_accepted_capitalised_at_a_sentence_start(checker):
    checker.add_to_dictionary("whereispost")
    assert flagged(checker, "Whereispost whereispost WHEREISPOSTT wherispost") == ["wherispost"]


def test_dictionaries_are_hunspell(loaded):
    assert loaded.korean.provider.name == "hunspell"
    assert loaded.english.provider.name == "hunspell"


# -- languages: English alone, Korean on request and released ------------------------------------


def test_english_alone_never_opens_the_korean_dictionary(monkeypatch):
    monkeypatch.setattr(spell, "_shared", None)
    checker = spell.shared_checker([spell.ENGLISH])
    assert checker.languages == {spell.ENGLISH}
    assert checker.korean is None and checker.english is not None
    assert checker.misspelled_ranges("가뱡 teh") == [(3, 6)]  # Hangul is not checked
    assert spell.shared_checker(()) is checker and checker.korean is None


def test_korean_alone_leaves_latin_words_unchecked():
    checker = SpellChecker.load(languages=[spell.KOREAN])
    assert checker.languages == {spell.KOREAN}
    assert checker.misspelled_ranges("가뱡 teh") == [(0, 2)]
    assert checker.suggestions("teh") == []


def test_korean_can_be_released_and_loaded_again(loaded):
    checker = SpellChecker(None, loaded.english)
    assert checker.misspelled_ranges("가뱡 teh") == [(3, 6)]
    korean = spell.open_dictionary(spell.KOREAN)
    checker.attach(spell.KOREAN, korean)
    assert checker.misspelled_ranges("가뱡 teh") == [(0, 2), (3, 6)]  # no stale cached answer
    assert checker.release(spell.KOREAN)
    assert checker.korean is None and checker.languages == {spell.ENGLISH}
    assert checker._lookup.cache_info().currsize == 0
    assert checker._korean_part.cache_info().currsize == 0
    assert checker.misspelled_ranges("가뱡 teh") == [(3, 6)]
    assert korean._this is None  # the enchant dictionary itself was freed
    assert not checker.release(spell.KOREAN)  # twice: nothing to do
    assert checker.load_language(spell.KOREAN)
    assert checker.misspelled_ranges("가뱡 teh") == [(0, 2), (3, 6)]
    assert checker.release(spell.KOREAN)


def test_languages_argument_narrows_the_check(checker):
    line = "가뱡 teh"
    assert checker.misspelled_ranges(line, languages=[spell.ENGLISH]) == [(3, 6)]
    assert checker.misspelled_ranges(line, languages=[spell.KOREAN]) == [(0, 2)]
    assert checker.misspelled_ranges(line, languages=()) == []
    assert checker.misspelled_word_at(line, 1, languages=[spell.ENGLISH]) is None
    assert checker.misspelled_word_at(line, 1, languages=[spell.KOREAN]).text == "가뱡"


def test_a_missing_language_is_named_and_the_other_loads(monkeypatch):
    monkeypatch.setattr(spell, "KOREAN_TAGS", ("xx_NOPE",))
    checker = SpellChecker.load()
    assert checker.missing == ["Korean"] and checker.languages == {spell.ENGLISH}
    with pytest.raises(spell.SpellUnavailable, match="no Korean dictionary"):
        SpellChecker.load(languages=[spell.KOREAN])
    assert not checker.load_language(spell.KOREAN)
    assert checker.missing == ["Korean"]


def test_releasing_korean_gives_the_memory_back():
    """scripts/spell_memory_probe.py in its own process: RSS before, loaded, released."""
    probe = REPO / "scripts/spell_memory_probe.py"
    result = subprocess.run(
        [sys.executable, str(probe), "--json"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    numbers = json.loads(result.stdout)
    print(numbers)
    loaded_mb = numbers["korean_loaded"] - numbers["english_only"]
    assert loaded_mb > 30  # hunspell-ko holds ~50 MB
    assert numbers["korean_released"] - numbers["english_only"] < 0.2 * loaded_mb
    assert numbers["korean_loaded_again"] - numbers["korean_released"] > 30
    assert numbers["flagged_again"] > 0  # it checks Korean again after a reload
