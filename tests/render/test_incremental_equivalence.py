"""The incremental render equals a full render_body, over random edits and the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.render.incremental import IncrementalRenderer
from editor.render.pipeline import render_body

REPO = Path(__file__).resolve().parents[2]
REFERENCE_POST = REPO / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"
CORPUS_POSTS = sorted((REPO / "tests/data/corpus").glob("*/_posts/*"))


def body_of(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[text.find("\n", end + 1) + 1 :]
    return text


def assert_same_as_full(renderer: IncrementalRenderer, text: str, previous: list[str]) -> None:
    update = renderer.update(text)
    assert update.html == render_body(text)
    patched = list(previous)
    patched[update.start : update.start + update.delete_count] = update.new_htmls
    assert patched == update.htmls
    return update.htmls


# Snippets that make or break block structure, plus plain text.
SNIPPETS = [
    "\n", "\n\n", "```", "\n```\n", "~~~", "````", "<div>", "</div>", "\n<div>\n", "<p>",
    "</p>", "<table>", "<!--", "-->", "- ", "\n- ", "1. ", "> ", "\n> ", "    ", "\t", "# ",
    "\n## Same\n", "\n# !!\n", "\n## 🚀\n", "Same\n---\n", "|", "\n| a | b |\n|---|---|\n",
    "===", "\n---\n", "[^1]", "\n[^1]: note\n",
    "[x][r]", "\n[r]: /u\n", "\n[r]: /other\n", "*[HTML]: Hyper\n", "HTML", ": ", "{: .c}",
    "**", "`", "가나", "X", " ", '<p data-ke-size="size16">&nbsp;</p>', "&nbsp;", "{#id}",
    "{:.k}\n", "\n{:d: .x}\n", "{{ x }}", "{{", "}}", "{% raw %}", "{% endraw %}",
    "{% comment %}", "{% endcomment %}", "\n  - nested\n", "\n1) ", "* ", "<pre>", "</pre>",
    "<script>", "\n<!-- c -->\n", "\n\n    code\n", "<p-", "\n===\n",
]  # fmt: skip

insert = st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(SNIPPETS))
delete = st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40))
replace_line = st.tuples(st.just("line"), st.floats(0, 1), st.sampled_from(SNIPPETS))
edits = st.lists(st.one_of(insert, delete, replace_line), min_size=1, max_size=6)


def apply_edit(text: str, edit: tuple) -> str:
    kind, where, arg = edit
    at = int(where * len(text))
    if kind == "insert":
        return text[:at] + arg + text[at:]
    if kind == "delete":
        return text[:at] + text[at + arg :]
    lines = text.split("\n")
    index = min(int(where * len(lines)), len(lines) - 1)
    lines[index] = arg
    return "\n".join(lines)


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=150, deadline=None, suppress_health_check=SLOW)
@given(edits)
def test_random_edits_of_the_reference_post_match_a_full_render(edit_list):
    renderer = IncrementalRenderer()
    text = body_of(REFERENCE_POST)
    htmls = assert_same_as_full(renderer, text, [])
    for edit in edit_list:
        text = apply_edit(text, edit)
        htmls = assert_same_as_full(renderer, text, htmls)


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW)
@given(st.sampled_from(CORPUS_POSTS), edits)
def test_random_edits_of_corpus_posts_match_a_full_render(post, edit_list):
    renderer = IncrementalRenderer()
    text = body_of(post)
    htmls = assert_same_as_full(renderer, text, [])
    for edit in edit_list:
        text = apply_edit(text, edit)
        htmls = assert_same_as_full(renderer, text, htmls)


@pytest.mark.parametrize("post", CORPUS_POSTS, ids=lambda p: p.name)
def test_every_corpus_post_renders_as_a_whole_the_same(post):
    text = body_of(post)
    update = IncrementalRenderer().update(text)
    assert update.html == render_body(text)


def test_the_corpus_is_there():
    assert len(CORPUS_POSTS) > 150
