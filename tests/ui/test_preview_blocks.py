"""BodyBlocks: each edit becomes a patch of only the changed blocks; patches add up to a
fresh render of the final text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.ui.core_api import Site, render_body
from editor.ui.preview_blocks import ALL_BLOCKS, BodyBlocks

SAMPLE_SITE = Path(__file__).resolve().parents[2] / "resources" / "sample_site"
BODY = next((SAMPLE_SITE / "_posts").glob("*.md")).read_text(encoding="utf-8").split("---\n", 2)[2]


def apply(page: list[str], patch: tuple[int, int, list[str]]) -> list[str]:
    start, delete_count, inserted = patch
    if delete_count == ALL_BLOCKS:
        return list(inserted)
    return page[:start] + list(inserted) + page[start + delete_count :]


def fresh_blocks(text: str) -> list[str]:
    blocks = BodyBlocks(render_body, Site(SAMPLE_SITE), SAMPLE_SITE.as_uri() + "/")
    return blocks.patch_for(text)[2]


def test_first_patch_replaces_everything_then_only_the_changed_block() -> None:
    blocks = BodyBlocks(render_body, Site(SAMPLE_SITE), SAMPLE_SITE.as_uri() + "/")
    blocks.first_page_body(BODY)
    start, delete_count, inserted = blocks.patch_for(BODY)
    assert (start, delete_count) == (0, ALL_BLOCKS) and len(inserted) == 28
    edited = BODY.replace("본 글에서는", "이 글에서는", 1)
    start, delete_count, inserted = blocks.patch_for(edited)
    assert (delete_count, len(inserted)) == (1, 1)
    assert "이 글에서는" in inserted[0] and start == 4


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
    blocks = BodyBlocks(render_body, Site(SAMPLE_SITE), SAMPLE_SITE.as_uri() + "/")
    blocks.first_page_body(BODY)
    page = apply([], blocks.patch_for(BODY))
    text = BODY
    for at, cut, insert in edits:
        text = text[:at] + insert + text[at + cut :]
        page = apply(page, blocks.patch_for(text))
    assert page == fresh_blocks(text)
