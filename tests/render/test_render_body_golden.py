"""render_body against golden HTML that real Jekyll 4.3 produced (tests/fidelity/make_golden.py)."""

from __future__ import annotations

import pytest
from render_body_golden import GOLDEN, body_of, golden_posts, golden_rules, html_diff

from editor.render.pipeline import render_body

POSTS = golden_posts()


def test_the_golden_set_covers_the_reference_post_and_a_dozen_corpus_posts():
    assert "reference" in POSTS
    assert sum("corpus" in str(path) for path in POSTS.values()) >= 12
    assert all((GOLDEN / "posts" / f"{name}.html").exists() for name in POSTS)


@pytest.mark.parametrize("name", sorted(POSTS))
def test_post_body_renders_as_jekyll_does(name: str):
    expected = (GOLDEN / "posts" / f"{name}.html").read_text(encoding="utf-8")
    actual = render_body(body_of(POSTS[name]))
    assert not (diff := html_diff(expected, actual)), f"{name} differs from Jekyll:\n{diff}"


@pytest.mark.parametrize("rule", golden_rules())
def test_rule_sample_renders_as_jekyll_does(rule: str):
    source = (GOLDEN / "rules" / f"{rule}.md").read_text(encoding="utf-8")
    expected = (GOLDEN / "rules" / f"{rule}.html").read_text(encoding="utf-8")
    diff = html_diff(expected, render_body(source))
    assert not diff, f"rule sample {rule} differs from Jekyll:\n{diff}"


def test_html_diff_reports_a_difference():
    assert html_diff("<p>a</p>", "<p>b</p>")
    assert not html_diff('<p class="x"  id="y">a &amp; b</p>', "<p id='y' class='x'>a & b</p>\n")
