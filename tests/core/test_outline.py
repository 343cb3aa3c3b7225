"""Heading extraction for the outline: Markdown, setext, Tistory HTML; fenced code skipped."""

from __future__ import annotations

import re
from pathlib import Path

from editor.core.outline import Heading, clean_title, extract_headings

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
CORPUS = REPO / "tests/data/corpus"


def test_markdown_setext_html_and_fences():
    text = "\n".join(
        [
            "# Title #",
            "",
            "Setext one",
            "==========",
            "",
            "Setext two",
            "---",
            "",
            "```python",
            "# not a heading",
            "<h2>nor this</h2>",
            "```",
            '<h2 data-ke-size="size26">산업 <b>디지털</b> &amp; 전환</h2>',
            '<h3 style="text-align: left;" data-ke-size="size23">작은</h3>',
            "~~~",
            "## hidden",
            "~~~",
            "###### six",
            "####### seven is text",
            "#hashtag is text",
        ]
    )
    assert extract_headings(text) == [
        Heading(1, "Title", 0),
        Heading(1, "Setext one", 2),
        Heading(2, "Setext two", 5),
        Heading(2, "산업 디지털 & 전환", 12),
        Heading(3, "작은", 13),
        Heading(6, "six", 17),
    ]


def test_front_matter_is_skipped_and_hr_is_not_a_heading():
    text = "---\ntitle: x\n---\n\nPara\n\n---\n\n## Real"
    assert extract_headings(text) == [Heading(2, "Real", 8)]


def test_html_heading_across_lines():
    text = '<h2 data-ke-size="size26">\n  긴 제목\n</h2>\n'
    assert extract_headings(text) == [Heading(2, "긴 제목", 0)]


def test_unclosed_fence_hides_the_rest():
    assert extract_headings("```\n# a\n") == []


def test_clean_title():
    assert clean_title("<span style='x'>A</span>&nbsp;B ") == "A B"


def test_reference_post_headings():
    text = REFERENCE.read_text(encoding="utf-8")
    headings = extract_headings(text)
    assert headings[0].title == "산업 디지털 전환 선도사업 추진 계획"
    assert headings[0].level == 2
    lines = text.split("\n")
    assert all("<h" in lines[h.line] or lines[h.line].lstrip().startswith("#") for h in headings)


def test_corpus_tistory_headings_all_found():
    """Every single-line <hN data-ke-size> heading in the corpus (outside code) is listed."""
    checked = 0
    for path in sorted(CORPUS.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if "```" in text or "~~~" in text:
            continue
        lines = text.split("\n")
        expected = [
            index
            for index, line in enumerate(lines)
            if re.match(r"\s*<h[1-6] [^>]*data-ke-size[^>]*>.*</h[1-6]>\s*$", line)
        ]
        found = {h.line for h in extract_headings(text)}
        assert set(expected) <= found, path
        checked += len(expected)
    assert checked > 300
