"""Word, character and reading-time counts over the visible text of a post body."""

from __future__ import annotations

from pathlib import Path

from editor.core.text_stats import compute_stats, reading_minutes, visible_text

SAMPLE_POST = next(
    (Path(__file__).resolve().parents[2] / "resources/sample_site/_posts").glob("*.md")
)


def test_plain_english_counts() -> None:
    stats = compute_stats("Hello brave new world")
    assert stats.words == 4
    assert stats.chars_with_spaces == 21
    assert stats.chars_without_spaces == 18
    assert stats.reading_minutes == 1


def test_korean_counts_both_ways() -> None:
    stats = compute_stats("안녕하세요 반갑습니다\n두 번째 줄")
    assert stats.words == 5
    # line breaks never count; spaces count only in chars_with_spaces
    assert stats.chars_with_spaces == len("안녕하세요 반갑습니다") + len("두 번째 줄")
    assert stats.chars_without_spaces == 5 + 5 + 1 + 2 + 1


def test_markup_is_not_counted() -> None:
    text = '<b><span style="color: #ee2323;">빨간 글</span></b> and **bold** [link](http://x.y/z)'
    assert visible_text(text) == "빨간 글 and bold link"
    assert compute_stats(text).words == 5


def test_headings_lists_images_and_entities() -> None:
    text = (
        '## Title\n\n- one\n- two\n\n![alt text](/a.png)\n\n<p data-ke-size="size16">&nbsp;</p>\n'
    )
    seen = visible_text(text)
    assert "##" not in seen and "/a.png" not in seen and "&nbsp;" not in seen
    stats = compute_stats(text)
    assert stats.words == 5  # Title one two alt text
    assert stats.chars_without_spaces == len("Titleonetwoalttext")


def test_empty_text_has_zero_reading_time() -> None:
    stats = compute_stats("")
    assert (stats.words, stats.chars_with_spaces, stats.reading_minutes) == (0, 0, 0)


def test_reading_time_scales_with_length() -> None:
    assert reading_minutes("가" * 500) == 1
    assert reading_minutes("가" * 501) == 2
    assert reading_minutes("word " * 230) == 1
    assert reading_minutes("word " * 231) == 2


def test_reference_post_counts_are_plausible() -> None:
    text = SAMPLE_POST.read_text(encoding="utf-8").split("---", 2)[2]
    stats = compute_stats(text)
    seen = visible_text(text)
    assert "<span" not in seen and "ee2323" not in seen and "https://" not in seen
    assert stats.words == 501
    assert stats.chars_without_spaces < stats.chars_with_spaces
    assert stats.reading_minutes == 4  # ~1,600 syllables at 500 a minute


def test_manuscript_pages_follow_the_200_square_sheet() -> None:
    from editor.core.text_stats import manuscript_pages

    assert manuscript_pages("") == 0
    assert manuscript_pages("가" * 19) == 1  # indent + 19 squares: one row
    # one paragraph of 199 characters: indent + 199 = 200 squares = 10 rows = one sheet
    assert manuscript_pages("가" * 199) == 1
    assert manuscript_pages("가" * 200) == 2  # 201 squares spill into an 11th row
    # every paragraph starts a new row: 10 one-word paragraphs fill a sheet, the 11th does not fit
    assert manuscript_pages("\n".join(["가나"] * 10)) == 1
    assert manuscript_pages("\n".join(["가나"] * 11)) == 2
    # a space that would open a row is not written: 19 + space + 19 fits in two rows exactly
    assert manuscript_pages("\n".join(["가" * 19 + " " + "나" * 20] * 5)) == 1


def test_compute_stats_reports_manuscript_pages() -> None:
    assert compute_stats("가" * 400).manuscript_pages == 3
