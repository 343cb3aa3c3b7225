"""compute_stats in steps (issue #7: counting never holds up typing) equals the plain
whole-text definition, kept below as the oracle, on random text, random edits and the corpus."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core import text_stats
from editor.core.text_stats import compute_stats, manuscript_pages, stats_steps, visible_text

REPO = Path(__file__).resolve().parents[2]
SAMPLE_POST = next((REPO / "resources/sample_site/_posts").glob("*.md"))
CORPUS = sorted((REPO / "tests/data/corpus").rglob("*.md"))


# ----- the oracle: the counts as first written, one regex pass after another -----
_ORACLE_STEPS = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s*(```|~~~).*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE), ""),
    (re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.MULTILINE), ""),
    (re.compile(r"\*\*|__|~~|`|(?<!\w)\*|\*(?!\w)"), ""),
]
_BREAKS = re.compile(r"[\r\n\u2028\u2029]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def oracle_visible(text: str) -> str:
    for pattern, template in _ORACLE_STEPS:
        text = pattern.sub(template, text)
    return html.unescape(text)


def oracle_pages(text: str) -> int:
    rows = 0
    for paragraph in _BREAKS.split(text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        squares = 1
        for char in paragraph:
            if char.isspace() and squares % 20 == 0:
                continue
            squares += 1
        rows += math.ceil(squares / 20)
    return math.ceil(rows / 10)


def oracle(markdown_text: str) -> tuple[int, int, int, int, int]:
    text = oracle_visible(markdown_text)
    without_breaks = _BREAKS.sub("", text)
    words = re.findall(r"\S+", text)
    hangul = len(_HANGUL.findall(text))
    other = sum(1 for word in words if not _HANGUL.search(word))
    minutes = hangul / 500 + other / 230
    return (
        len(words),
        len(without_breaks),
        sum(1 for char in without_breaks if not char.isspace()),
        math.ceil(minutes) if minutes > 0 else 0,
        oracle_pages(text),
    )


def counted(text: str) -> tuple[int, int, int, int, int]:
    stats = compute_stats(text)
    return (
        stats.words,
        stats.chars_with_spaces,
        stats.chars_without_spaces,
        stats.reading_minutes,
        stats.manuscript_pages,
    )


# ----- random text built from what posts hold -----
TOKENS = [
    "word",
    "단어",
    "가나다",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\n\n",
    "\t",
    "\xa0",
    "\r\n",
    "\u2028",
    "**",
    "*",
    "_",
    "__",
    "~~",
    "`",
    "```",
    "~~~",
    "# ",
    "## ",
    "> ",
    "- ",
    "1. ",
    "---",
    "* * *",
    "<b>",
    "</b>",
    '<span style="color: #ee2323;">',
    "</span>",
    "<!--",
    "-->",
    "<",
    ">",
    "[",
    "]",
    "(",
    ")",
    "![alt](/a.png)",
    "[link](http://x.y)",
    "&nbsp;",
    "&amp;",
    "&lt",
    "&#44;",
    '<p data-ke-size="size16">&nbsp;</p>',
    "x" * 25,
    "가" * 21,
    "\u3000",
    "\x1c",
]
texts = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)


@settings(max_examples=800, deadline=None)
@given(texts)
def test_counts_equal_the_oracle_on_random_text(text) -> None:
    assert counted(text) == oracle(text)
    assert visible_text(text) == oracle_visible(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 40), texts)
def test_counts_equal_the_oracle_after_random_edits_of_the_reference_post(where, cut, typed):
    body = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2]
    at = where % len(body)
    edited = body[:at] + typed + body[at + cut :]
    assert counted(edited) == oracle(edited)


def test_small_steps_cut_long_text_at_safe_places(monkeypatch) -> None:
    """Pieces small enough to cut a generated text many times, including inside fences,
    blank-line runs and emphasis: the result must not change."""
    monkeypatch.setattr(text_stats, "_CHARS_PER_STEP", 7)
    monkeypatch.setattr(text_stats, "_MATCHES_PER_STEP", 2)
    text = "a **b**\n\n   \n```py\ncode\n\n \n~~~\n*x* <b>y</b>\n* * *\n# 가 나\n" * 20
    assert counted(text) == oracle(text)
    assert visible_text(text) == oracle_visible(text)


@pytest.mark.parametrize("path", CORPUS[::7], ids=lambda path: path.name[:40])
def test_counts_equal_the_oracle_on_corpus_posts(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert counted(text) == oracle(text)


def test_a_long_body_is_counted_in_many_small_steps() -> None:
    body = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2] * 100  # ~500 KB
    steps = stats_steps(body)
    count = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result = done.value
            break
        count += 1
    assert result == compute_stats(body)
    assert count > 20  # the GUI can let keystrokes in between


def test_whitespace_means_the_same_to_str_and_re() -> None:
    """The counts use str.split()/strip() and \\s/\\S interchangeably."""
    pattern = re.compile(r"\s")
    assert [c for c in map(chr, range(0x110000)) if c.isspace() != bool(pattern.match(c))] == []


def test_manuscript_rows_skip_a_space_only_where_a_row_opens() -> None:
    assert manuscript_pages(("가" * 19 + " ") * 50) == oracle_pages(("가" * 19 + " ") * 50)
    assert manuscript_pages(" ".join(["가나다라마"] * 300)) == oracle_pages(
        " ".join(["가나다라마"] * 300)
    )
