"""stream_chunks: one big replaceBlocks patch as a first screenful plus pieces, same result."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor.ui.preview_stream import ALL_BLOCKS, CHUNK_CHARS, FIRST_CHUNK_BLOCKS, stream_chunks


def apply(page: list[str], start: int, delete_count: int, inserted: list[str]) -> list[str]:
    """What the page's replaceBlocks does (it clamps start and delete count)."""
    start = max(0, min(start, len(page)))
    delete_count = max(0, min(delete_count, len(page) - start))
    return page[:start] + inserted + page[start + delete_count :]


blocks = st.lists(st.text(max_size=30).map(lambda text: f"<p>{text}</p>"), max_size=60)


@given(page=blocks, new=blocks, start=st.integers(0, 70), delete_count=st.integers(0, 70))
def test_chunks_give_the_same_page_as_one_patch(page, new, start, delete_count) -> None:
    whole = apply(page, start, delete_count, new)
    streamed = page
    for chunk in stream_chunks(start, delete_count, new):
        streamed = apply(streamed, *chunk)
    assert streamed == whole


def test_a_big_body_starts_with_a_screenful_then_large_pieces() -> None:
    body = ["<p>" + "가" * 1000 + "</p>"] * 2000  # ~2 MB
    chunks = stream_chunks(0, ALL_BLOCKS, body)
    assert len(chunks[0][2]) == FIRST_CHUNK_BLOCKS and chunks[0][1] == ALL_BLOCKS
    assert all(chunk[1] == 0 for chunk in chunks[1:])
    assert all(sum(map(len, chunk[2])) <= CHUNK_CHARS + 1007 for chunk in chunks[1:])
    assert len(chunks) > 5


def test_a_small_edit_is_one_script() -> None:
    assert stream_chunks(5, 1, ["<p>x</p>"]) == [(5, 1, ["<p>x</p>"])]
    assert stream_chunks(5, 2, []) == [(5, 2, [])]
