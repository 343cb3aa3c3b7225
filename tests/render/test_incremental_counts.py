"""IncrementalRenderer: how much it re-renders per edit, the patch it sends, cross-block rules."""

from __future__ import annotations

from pathlib import Path

from editor.render.incremental import ID_SCHEME_KRAMDOWN, IncrementalRenderer, minimal_patch
from editor.render.pipeline import render_body

REPO = Path(__file__).resolve().parents[2]
REFERENCE_POST = REPO / "resources/sample_site/_posts/2023-09-29-digital-transformation.md"


def reference_body() -> str:
    text = REFERENCE_POST.read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def middle_edit(text: str, insert: str = "X") -> str:
    middle = len(text) // 2
    return text[:middle] + insert + text[middle:]


def apply(previous: list[str], update) -> list[str]:
    patched = list(previous)
    patched[update.start : update.start + update.delete_count] = update.new_htmls
    return patched


def test_one_character_in_the_middle_of_the_reference_post_re_renders_one_block():
    renderer = IncrementalRenderer()
    first = renderer.update(reference_body())
    assert first.rendered_blocks > 10
    edited = renderer.update(middle_edit(reference_body()))
    assert edited.rendered_blocks == 1
    assert edited.delete_count == 1 and len(edited.new_htmls) == 1
    assert apply(first.htmls, edited) == edited.htmls
    assert edited.html == render_body(middle_edit(reference_body()))


def test_same_text_again_renders_nothing_and_sends_an_empty_patch():
    renderer = IncrementalRenderer()
    renderer.update(reference_body())
    again = renderer.update(reference_body())
    assert again.rendered_blocks == 0
    assert (again.delete_count, again.new_htmls) == (0, [])


def test_a_new_paragraph_is_inserted_without_deleting_anything():
    renderer = IncrementalRenderer()
    before = renderer.update("one\n\ntwo\n\nthree\n")
    after = renderer.update("one\n\ntwo\n\nnew\n\nthree\n")
    assert (after.start, after.delete_count, after.rendered_blocks) == (2, 0, 1)
    assert after.new_htmls == ["<p>new</p>"]
    assert apply(before.htmls, after) == after.htmls


def test_line_ranges_follow_the_source_blocks():
    update = IncrementalRenderer().update("a\n\n```\nx\n\ny\n```\n\nb\n")
    assert update.line_ranges == [(0, 1), (2, 7), (8, 9)]
    assert len(update.htmls) == 3


def test_duplicate_header_ids_are_renumbered_across_blocks():
    renderer = IncrementalRenderer()
    assert renderer.id_scheme == ID_SCHEME_KRAMDOWN
    text = "# Same\n\ntext\n\n## Same\n\n# Other\n\n# Same\n"
    assert renderer.update(text).html == render_body(text)
    # a new heading on top renumbers the later ones without rendering them again
    edited = "# Same\n\n" + text
    update = renderer.update(edited)
    assert update.html == render_body(edited)
    assert 'id="same-3"' in update.html
    assert update.rendered_blocks == 0  # every block's text was already in the cache


def test_header_ids_of_punctuation_only_headings_renumber_too():
    for text in ["# !!\n\n# ??\n\npara\n\n# ..\n", "# !!\n# ??\n\n# a\n", "# a\n\n# ??\n# !!"]:
        assert IncrementalRenderer().update(text).html == render_body(text)


def test_reference_definitions_apply_across_blocks_and_their_change_re_renders():
    renderer = IncrementalRenderer()
    text = "see [x][r]\n\nplain\n\n[r]: /one\n"
    assert (
        renderer.update(text).html
        == render_body(text)
        == '<p>see <a href="/one">x</a></p>\n<p>plain</p>'
    )
    changed = renderer.update(text.replace("/one", "/two"))
    assert changed.html == render_body(text.replace("/one", "/two"))
    assert changed.rendered_blocks == 2  # the block using it, and the definition's own block
    assert changed.start == 0 and changed.delete_count == 1


def test_footnotes_render_the_document_whole():
    text = "a[^1]\n\nb\n\n[^1]: note\n"
    update = IncrementalRenderer().update(text)
    assert update.full_render and update.html == render_body(text)
    assert update.line_ranges == [(0, 6)]


def test_definitions_the_renderer_reads_otherwise_render_the_document_whole():
    # "[r]: /u" above "===" is a setext heading's text, not a definition
    text = "[r]: /u\n===\n\nsee [r]\n"
    update = IncrementalRenderer().update(text)
    assert update.full_render and update.html == render_body(text)


def test_the_cache_keeps_only_what_the_document_uses():
    renderer = IncrementalRenderer()
    text = reference_body()
    for index in range(20):
        text = middle_edit(text, str(index))
        renderer.update(text)
    assert len(renderer._cache) <= len(renderer.update(text).htmls)


def test_minimal_patch_keeps_common_ends():
    assert minimal_patch(["a", "b", "c"], ["a", "x", "y", "c"]) == (1, 1, ["x", "y"])
    assert minimal_patch(["a", "a"], ["a", "a", "a"]) == (2, 0, ["a"])
    assert minimal_patch([], ["a"]) == (0, 0, ["a"])
    assert minimal_patch(["a"], []) == (0, 1, [])


def test_liquid_that_spans_blocks_renders_the_document_whole():
    text = "```\n{{ a\n```\n\nb }}\n\nafter\n"
    update = IncrementalRenderer().update(text)
    assert update.full_render and update.html == render_body(text)


def test_verify_agrees_with_a_full_render_of_the_reference_post():
    renderer = IncrementalRenderer()
    renderer.update(middle_edit(reference_body()))
    assert renderer.verify(middle_edit(reference_body())) is None


def test_verify_corrects_a_renderer_rule_the_splitter_does_not_know():
    def numbered(text: str) -> str:  # numbers paragraphs across the whole document
        parts = [part for part in text.split("\n\n") if part.strip()]
        return "\n".join(f"<p>{n}: {part}</p>" for n, part in enumerate(parts, 1))

    renderer = IncrementalRenderer(numbered)
    first = renderer.update("a\n\nb")
    assert first.html != numbered("a\n\nb")
    correction = renderer.verify("a\n\nb")
    assert correction.full_render and correction.html == numbered("a\n\nb")
    assert apply(first.htmls, correction) == correction.htmls
    assert renderer.update("a\n\nb\n\nc").html == numbered("a\n\nb\n\nc")


def test_a_block_read_with_an_open_quote_is_not_reused_for_other_text_after_it():
    # `rel="do ...` has no closing quote on its line: where the <a> tag ends, and so where
    # the HTML block ends, depends on text further down
    first_line = '<p>one <a rel="do two</a></p>'
    before = first_line + '\n\nalpha\n\nbeta" junk\n'
    after = first_line + '\n\nalpha\n\nbeta" x="1">tail</a>\n'
    renderer = IncrementalRenderer()
    assert renderer.update(before).html == render_body(before)
    assert renderer.update(after).html == render_body(after)
    assert len(renderer.update(after).htmls) == 1  # one HTML block to the end
