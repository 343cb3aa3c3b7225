"""BodyBlocks: each edit re-renders only the changed blocks; the page patches the stream
builds from them (minimal_patch, as BodyStream.show does) add up to a fresh render."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.render.incremental import minimal_patch
from editor.ui.core_api import Site, render_body
from editor.ui.preview_blocks import BodyBlocks

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
BODY = next((SAMPLE_SITE / "_posts").glob("*.md")).read_text(encoding="utf-8").split("---\n", 2)[2]


def apply(page: list[str], patch: tuple[int, int, list[str]]) -> list[str]:
    start, delete_count, inserted = patch
    return page[:start] + list(inserted) + page[start + delete_count :]


def new_blocks(render=render_body) -> BodyBlocks:
    return BodyBlocks(render, Site(SAMPLE_SITE), SAMPLE_SITE.as_uri() + "/")


def fresh_blocks(text: str) -> list[str]:
    return new_blocks().blocks_for(text)


def test_an_edit_re_renders_and_patches_only_the_changed_block() -> None:
    rendered: list[str] = []

    def counting_render(text: str) -> str:
        rendered.append(text)
        return render_body(text)

    blocks = new_blocks(counting_render)
    before = blocks.blocks_for(BODY)
    assert len(before) == 28 and blocks.has_cache
    rendered.clear()
    edited = BODY.replace("본 글에서는", "이 글에서는", 1)
    after = blocks.blocks_for(edited)
    assert len(rendered) == 1 and "이 글에서는" in rendered[0]  # one block, not the body
    start, delete_count, inserted = minimal_patch(before, after)
    assert (start, delete_count, len(inserted)) == (4, 1, 1)
    assert "이 글에서는" in inserted[0]


def test_forget_page_renders_the_next_text_from_scratch() -> None:
    rendered: list[str] = []

    def counting_render(text: str) -> str:
        rendered.append(text)
        return render_body(text)

    blocks = new_blocks(counting_render)
    blocks.blocks_for(BODY)
    first = list(rendered)
    rendered.clear()
    blocks.blocks_for(BODY)
    assert rendered == []  # the same text again: all from the cache
    blocks.forget_page()
    assert not blocks.has_cache
    assert blocks.blocks_for(BODY) == fresh_blocks(BODY)
    assert rendered == first  # everything again: nothing reused from before the failure


def test_blocks_are_sanitised_and_images_point_into_the_site() -> None:
    text = '<img src="x" onerror="alert(1)">\n\n![뉴스](/assets/img/newsdao_breakingnews.jpg)\n'
    html = "".join(fresh_blocks(text))
    assert "onerror" not in html
    assert (SAMPLE_SITE / "assets/img/newsdao_breakingnews.jpg").as_uri() in html


EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=len(BODY)),
        st.integers(min_value=0, max_value=40),
        st.sampled_from(["", "x", "\n\n", "**굵게** ", "<p>새 문단</p>\n\n", "# 제목\n", "```\n"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None)
@given(EDITS)
def test_patches_add_up_to_a_fresh_render(edits) -> None:
    blocks = new_blocks()
    shown = blocks.blocks_for(BODY)
    page = list(shown)
    text = BODY
    for at, cut, insert in edits:
        text = text[:at] + insert + text[at + cut :]
        latest = blocks.blocks_for(text)
        page = apply(page, minimal_patch(shown, latest))
        shown = latest
    assert page == fresh_blocks(text)
