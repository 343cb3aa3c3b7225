"""Slugs: Jekyll's slugify (checked against Debian's Jekyll), romanised, numbered."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.publish.slug import (
    SlugError,
    check_slug,
    jekyll_slugify,
    numbered_posts,
    romanized_slug,
    truncate_slug,
    uses_numbered_names,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

# Expected values from Jekyll 4.3's test_utils.rb and from running Utils.slugify.
DEFAULT_CASES = [
    ("Working with drafts", "working-with-drafts"),
    ('Jekyll and the "Curse of the Gem"', "jekyll-and-the-curse-of-the-gem"),
    ("  Q*bert says @!#@!", "q-bert-says"),
    ("The _config.yml file", "the-config-yml-file"),
    ("Beginner's guide", "beginner-s-guide"),
    (
        "디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?",
        "디지털-전환-민관-1235억-원-투자-궁금하지-않나요",
    ),
    ("../../x", "x"),
    ("CON", "con"),
    ("a\x00b", "a-b"),
    ("Ünïcödé Çafé", "ünïcödé-çafé"),
    ("--already--hyphenated--", "already-hyphenated"),
    ("", ""),
    ("!!!", ""),
    ("x²y", "x-y"),  # superscript two is a number but not a decimal digit
    ("٣ arabic digit", "٣-arabic-digit"),
    ("tab\there\nnewline", "tab-here-newline"),
    ("e\u0301 combining", "e\u0301-combining"),
    ("ΟΔΟΣ", "οδοσ"),  # Ruby's downcase has no final-sigma rule
]


@pytest.mark.parametrize(("text", "expected"), DEFAULT_CASES)
def test_default_mode(text: str, expected: str) -> None:
    assert jekyll_slugify(text) == expected


def test_other_modes() -> None:
    assert jekyll_slugify(" Q*bert says _@!#?@!", mode="pretty") == "q-bert-says-_@!-@!"
    assert jekyll_slugify("The _config.yml file?", mode="pretty") == "the-_config.yml-file"
    assert jekyll_slugify("The _config.yml file?", mode="raw") == "the-_config.yml-file?"
    assert jekyll_slugify("한글 and ASCII", mode="ascii") == "and-ascii"
    assert jekyll_slugify("Working With Drafts", cased=True) == "Working-With-Drafts"
    assert jekyll_slugify("Some Title", mode="none") == "some title"


@pytest.mark.jekyll
def test_matches_real_jekyll_on_edge_cases_and_corpus_titles() -> None:
    if not shutil.which("ruby"):
        pytest.skip("ruby is not installed")
    texts = [text for text, _ in DEFAULT_CASES if "\x00" not in text]
    for post in sorted(CORPUS.glob("*/_posts/*.md"))[:120]:
        for line in post.read_text("utf-8", "replace").splitlines()[1:10]:
            if line.startswith("title:"):
                texts.append(line[6:].strip().strip("'\""))
    script = (
        "require 'jekyll'; require 'json'\n"
        "Jekyll.logger.log_level = :error\n"
        "texts = JSON.parse(STDIN.read)\n"
        "modes = %w(default pretty raw ascii)\n"
        "slugs = texts.map { |t| modes.map { |m| Jekyll::Utils.slugify(t, mode: m) } }\n"
        "puts JSON.generate(slugs)\n"
    )
    result = subprocess.run(
        ["ruby", "-e", script], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    expected = json.loads(result.stdout)
    assert len(texts) > 60
    for text, by_mode in zip(texts, expected, strict=True):
        for mode, slug in zip(("default", "pretty", "raw", "ascii"), by_mode, strict=True):
            assert jekyll_slugify(text, mode=mode) == slug, (text, mode)


def _ruby_slugs(texts: list[str]) -> list[list[str]]:
    script = (
        "require 'jekyll'; require 'json'\n"
        "Jekyll.logger.log_level = :error\n"
        "texts = JSON.parse(STDIN.read)\n"
        "modes = %w(default pretty raw ascii)\n"
        "slugs = texts.map { |t| modes.map { |m| Jekyll::Utils.slugify(t, mode: m) } }\n"
        "puts JSON.generate(slugs)\n"
    )
    result = subprocess.run(
        ["ruby", "-e", script], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.jekyll
def test_matches_real_jekyll_on_random_mixed_scripts() -> None:
    """2,000 seeded random strings mixing Korean, CJK, accents, combining marks, digits that
    are not decimal, emoji, Greek sigma, Turkish I and punctuation: every mode agrees."""
    if not shutil.which("ruby"):
        pytest.skip("ruby is not installed")
    rng = random.Random(5)
    pools = [
        " -_.!?/\\\t\n",
        "abcXYZ019",
        "가나다한글",
        "éüçÅ",
        "\u0301\u0308",
        "٣७",
        "²½Ⅻ",
        "ßİΣς",
        "日本語",
        "😀🎉",
        "<>:\"|*'()+,;=@~$&",
    ]
    texts = [
        "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 20)))
        for _ in range(2000)
    ]
    for text, by_mode in zip(texts, _ruby_slugs(texts), strict=True):
        for mode, slug in zip(("default", "pretty", "raw", "ascii"), by_mode, strict=True):
            assert jekyll_slugify(text, mode=mode) == slug, (text, mode)


def test_romanized_slug_is_ascii() -> None:
    slug = romanized_slug("디지털 전환 민관 1235억 원 투자! 궁금하지 않나요?")
    assert slug == "dijiteol-jeonhwan-mingwan-1235eok-won-tuja-gunggeumhaji-annayo"
    assert romanized_slug("Hello 세계") == "hello-segye"
    assert romanized_slug("Café") == "cafe"
    assert romanized_slug("") == ""


def test_numbered_scheme_detected_from_whereispost() -> None:
    names = [p.name for p in (CORPUS / "whereispost.github.io" / "_posts").glob("*.md")]
    assert uses_numbered_names(names)
    assert max(numbered_posts(names)) == 3259


def test_word_slugs_are_not_a_numbered_scheme() -> None:
    names = [p.name for p in (CORPUS / "skullkim.github.io" / "_posts").glob("*.md")]
    assert not uses_numbered_names(names)
    assert not uses_numbered_names(["2024-01-01-1.md", "2024-01-02-2.md"])


@pytest.mark.parametrize(
    "slug",
    [
        "",
        "../../x",
        "a/b",
        "a\\b",
        "a\x00b",
        "CON",
        "con.md",
        "lpt1",
        ".hidden",
        "x" * 181,
        "a:b",
        "tab\tin",
        "trailing.",
    ],
)
def test_unsafe_slugs_refused(slug: str) -> None:
    with pytest.raises(SlugError):
        check_slug(slug)


@pytest.mark.parametrize("slug", ["hello-world", "디지털-전환", "2015", "a.b", "con-game"])
def test_safe_slugs_pass(slug: str) -> None:
    assert check_slug(slug) == slug


def test_truncate_keeps_whole_characters() -> None:
    slug = jekyll_slugify("가나다 " * 100)
    cut = truncate_slug(slug)
    assert len(cut.encode("utf-8")) <= 180
    assert check_slug(cut) == cut and slug.startswith(cut)
