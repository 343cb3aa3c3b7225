"""Where the editor's visible lines point in the source blocks, and how much its last
visible line counts (scroll sync at the ends of a post, issue #4)."""

from __future__ import annotations

from editor.ui.scroll_sync import end_weight, source_point

STARTS = [0, 2, 5, 9]  # blocks: lines 0-1, 2-4, 5-8, 9-end


def test_source_point_is_the_block_and_how_far_into_it() -> None:
    assert source_point(STARTS, 0.0, 12) == (0, 0.0)
    assert source_point(STARTS, 1.5, 12) == (0, 0.75)
    assert source_point(STARTS, 2.0, 12) == (1, 0.0)
    assert source_point(STARTS, 6.0, 12) == (2, 0.25)


def test_the_last_line_fully_shown_is_the_end_of_the_last_block() -> None:
    assert source_point(STARTS, 12.0, 12) == (3, 1.0)
    assert source_point(STARTS, 11.0, 12) == (3, 2 / 3)


def test_end_weight_is_zero_until_the_last_screenful_then_rises_to_one() -> None:
    assert end_weight(0, 100, 20) == 0.0
    assert end_weight(80, 100, 20) == 0.0
    assert end_weight(90, 100, 20) == 0.5
    assert end_weight(100, 100, 20) == 1.0


def test_a_short_scroll_range_still_starts_at_zero() -> None:
    assert end_weight(0, 10, 20) == 0.0  # the top stays the top
    assert end_weight(5, 10, 20) == 0.5
    assert end_weight(10, 10, 20) == 1.0
    assert end_weight(0, 0, 20) == 0.0
